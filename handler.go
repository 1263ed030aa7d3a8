package wechatevent

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// Handler is an http.Handler for a WeChat callback URL. It answers the GET
// with which WeChat verifies the URL, authenticates every POST, decrypts it
// in security mode, parses it and passes the typed Event to a function of
// yours. It is safe for concurrent use.
//
// The mode comes from the configuration only, never from the request: a
// Handler built with WithSecurityMode requires a valid msg_signature and
// decrypts every POST, whatever its encrypt_type says, so a request cannot
// downgrade it to plain mode. Without WithSecurityMode it checks the plain
// signature and parses the body as it comes (plain mode, 明文模式).
//
// A Handler answers
//
//   - 200 with echostr for a GET whose plain signature is valid, and with the
//     decrypted echostr, exactly, for a GET with msg_signature (WeCom) in
//     security mode (see Crypto.VerifyURL);
//   - 200 with the reply of your function, in the data format of the push
//     (XML or JSON) and encrypted in security mode for the ReceiveId of the
//     callback, or, when it returns none, the answer WeChat documents for
//     "no reply": an empty body to a WeCom callback with a MsgType,
//     "success" to everything else;
//   - 403 when a signature, msg_signature or timestamp is missing, malformed
//     or wrong, or outside the timestamp window, or when the decrypted
//     ReceiveId (AppID, CorpID, SuiteID) is not accepted; nothing is parsed
//     and your function is not called;
//   - 400 when an authenticated body is malformed: no single <Encrypt>, bad
//     ciphertext, XML syntax, no MsgType;
//   - 413 when the body is longer than MaxBodySize;
//   - 405 for any method but GET and POST;
//   - 500 when your function returns an error, or WithReceiveIDFunc does,
//     so that WeChat retries.
//
// Error answers carry only the status text, so that nothing about a key or a
// plaintext reaches the sender; WithErrorLog receives the cause.
type Handler struct {
	token  string
	crypto *Crypto // nil in plain mode
	parser *Parser
	window time.Duration
	fn     func(context.Context, Event) (Reply, error)
	errLog func(r *http.Request, err error)

	// noReply is the answer to a callback that fn gives no reply.
	noReply func(r *http.Request, ev Event) []byte

	// ReceiveIds accepted besides the appID of the Crypto (WeCom suites).
	receiveIDs map[string]struct{}
	acceptID   func(r *http.Request, receiveID string) (bool, error)

	now func() time.Time // the clock of the timestamp window
}

// HandlerOption configures a Handler built by NewHandler.
type HandlerOption func(*handlerConfig)

type handlerConfig struct {
	aesKey, appID string
	secure        bool
	parser        *Parser
	window        time.Duration
	errLog        func(*http.Request, error)
	receiveIDs    map[string]struct{}
	acceptID      func(*http.Request, string) (bool, error)
}

// WithSecurityMode makes the Handler run in security mode (安全模式) or
// compat mode (兼容模式) with the account's EncodingAESKey and AppID (see
// NewCrypto): every POST must carry a valid msg_signature and is decrypted,
// and replies are encrypted. WeCom (企业微信) always runs in it: appID is
// then the ReceiveId, the CorpID of a self-built app or the SuiteID of a
// suite, "" for an app of a person or the AI bot; WithReceiveIDs and
// WithReceiveIDFunc accept more.
func WithSecurityMode(encodingAESKey, appID string) HandlerOption {
	return func(c *handlerConfig) {
		c.aesKey, c.appID, c.secure = encodingAESKey, appID, true
	}
}

// WithParser makes the Handler parse with p instead of the default parser
// that Parse uses, for example one with types of your own registered.
func WithParser(p *Parser) HandlerOption {
	return func(c *handlerConfig) { c.parser = p }
}

// WithTimestampWindow makes the Handler refuse, with 403, any request whose
// timestamp is more than d away from the server's clock, in the past or the
// future. The signatures cover the timestamp, so this bounds how long an
// observed request can be replayed; five minutes leaves room for WeChat's
// retries and ordinary clock skew. Zero, the default, turns the check off.
func WithTimestampWindow(d time.Duration) HandlerOption {
	return func(c *handlerConfig) { c.window = d }
}

// WithErrorLog makes the Handler report why it refused a request or why your
// function failed, for example to log.Printf. The Handler itself never logs.
func WithErrorLog(f func(r *http.Request, err error)) HandlerOption {
	return func(c *handlerConfig) { c.errLog = f }
}

// NewHandler returns a Handler for the account's Token that passes each
// authenticated callback to fn with the request's context. fn returns the
// passive reply to send back, such as NewTextReply(ev, "hi"), or nil for no
// reply, which answers "success". The Handler writes the reply as XML for an
// XML push and as JSON for a JSON push, and encrypts it in security mode.
//
// NewHandler fails when token is empty, fn is nil, or the EncodingAESKey given
// with WithSecurityMode is unusable (ErrAESKey).
func NewHandler(token string, fn func(ctx context.Context, ev Event) (Reply, error), opts ...HandlerOption) (*Handler, error) {
	if token == "" {
		return nil, errors.New("wechatevent: empty token")
	}
	if fn == nil {
		return nil, errors.New("wechatevent: nil event function")
	}
	var cfg handlerConfig
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.window < 0 {
		return nil, errors.New("wechatevent: negative timestamp window")
	}
	if !cfg.secure && (cfg.receiveIDs != nil || cfg.acceptID != nil) {
		return nil, errReceiveIDNeedsKey
	}
	h := &Handler{token: token, parser: cfg.parser, window: cfg.window, fn: fn, errLog: cfg.errLog,
		noReply: noReplyAnswer, receiveIDs: cfg.receiveIDs, acceptID: cfg.acceptID, now: time.Now}
	if h.parser == nil {
		h.parser = defaultParser
	}
	if cfg.secure {
		c, err := NewCrypto(token, cfg.aesKey, cfg.appID)
		if err != nil {
			return nil, err
		}
		h.crypto = c
	}
	return h, nil
}

// Refusals of the query parameters.
var (
	errTimestamp = errors.New("wechatevent: timestamp malformed or outside the window")
	errNonce     = errors.New("wechatevent: nonce is not printable ASCII")

	errPlainSignature = fmt.Errorf("%w: signature does not match", ErrSignature)
)

// ServeHTTP answers one callback request as the Handler documents.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		h.serveVerify(w, r)
	case http.MethodPost:
		h.serveCallback(w, r)
	default:
		w.Header().Set("Allow", "GET, POST")
		h.fail(w, r, http.StatusMethodNotAllowed, nil)
	}
}

// serveVerify answers the GET with which WeChat checks the server URL. With
// a plain signature the echostr is returned as is, in security mode too; with
// msg_signature (WeCom) it is encrypted, and its plaintext is the answer.
func (h *Handler) serveVerify(w http.ResponseWriter, r *http.Request) {
	msgSig, sig := signedWith(r)
	switch {
	case msgSig && h.crypto != nil:
		h.serveVerifyEncrypted(w, r)
		return
	case msgSig && !sig:
		h.fail(w, r, http.StatusForbidden, errVerifyNeedsKey)
		return
	}
	q, err := h.query(r, "signature", "timestamp", "nonce", "echostr")
	if err == nil {
		err = h.checkPlain(q)
	}
	if err != nil {
		h.fail(w, r, http.StatusForbidden, err)
		return
	}
	writeText(w, "text/plain; charset=utf-8", []byte(q[3]))
}

// serveCallback authenticates, parses and dispatches one callback POST.
func (h *Handler) serveCallback(w http.ResponseWriter, r *http.Request) {
	sigName := "signature"
	if h.crypto != nil {
		sigName = "msg_signature"
	}
	q, err := h.query(r, sigName, "timestamp", "nonce")
	// In plain mode the signature covers no body, so check it before reading
	// one; in security mode it covers <Encrypt>, which only the body holds.
	if err == nil && h.crypto == nil {
		err = h.checkPlain(q)
	}
	if err != nil {
		h.fail(w, r, http.StatusForbidden, err)
		return
	}

	body, err := readBody(w, r)
	if err != nil {
		h.fail(w, r, statusFor(err), err)
		return
	}
	envelope := body
	var receiveID []byte
	if h.crypto != nil {
		if body, receiveID, err = h.decrypt(r, q[0], q[1], q[2], body); err != nil {
			h.fail(w, r, statusFor(err), err)
			return
		}
	}
	ev, err := h.parser.Parse(body)
	if err != nil {
		h.fail(w, r, statusFor(err), err)
		return
	}

	reply, err := h.fn(r.Context(), ev)
	if err != nil {
		h.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	if reply == nil {
		writeText(w, contentTypeText, h.noReply(r, ev))
		return
	}
	answer, contentType, err := h.encodeReply(reply, pushFormat(envelope, body, h.crypto != nil), q[1], q[2], receiveID)
	if err != nil {
		h.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	writeText(w, contentType, answer)
}

// query returns the named query parameters, which start with a signature,
// the timestamp and the nonce, once it has checked the latter two.
func (h *Handler) query(r *http.Request, names ...string) ([]string, error) {
	q, err := params(r, names...)
	if err != nil {
		return nil, err
	}
	if err := h.checkFresh(q[1], q[2]); err != nil {
		return nil, err
	}
	return q, nil
}

// checkPlain checks the plain signature of parameters read by query.
func (h *Handler) checkPlain(q []string) error {
	if !CheckSignature(h.token, q[0], q[1], q[2]) {
		return errPlainSignature
	}
	return nil
}

// params returns the named query parameters. Each must appear exactly once:
// a repeated parameter could be read one way here and another way by a proxy.
func params(r *http.Request, names ...string) ([]string, error) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, fmt.Errorf("%w: malformed query: %v", ErrSignature, err)
	}
	out := make([]string, len(names))
	for i, name := range names {
		v := q[name]
		if len(v) != 1 {
			return nil, fmt.Errorf("%w: query parameter %s given %d times, want once", ErrSignature, name, len(v))
		}
		out[i] = v[0]
	}
	return out, nil
}

// checkFresh requires a timestamp of decimal digits only, as WeChat sends,
// and, with a window set, close to the server's clock. The strict form
// matters because the signatures join their parts without separators, so a
// digit can move between timestamp and nonce. The nonce must be printable
// ASCII, since a reply is signed with it.
func (h *Handler) checkFresh(ts, nonce string) error {
	if !printableASCII(nonce) {
		return errNonce
	}
	if ts == "" || len(ts) > 18 {
		return errTimestamp
	}
	for i := 0; i < len(ts); i++ {
		if ts[i] < '0' || ts[i] > '9' {
			return errTimestamp
		}
	}
	if h.window == 0 {
		return nil
	}
	sec, _ := strconv.ParseInt(ts, 10, 64) // at most 18 digits: no overflow
	skew := h.now().Sub(time.Unix(sec, 0))
	if skew > h.window || skew < -h.window {
		return fmt.Errorf("%w: %s is %v away from now", errTimestamp, ts, skew.Round(time.Second))
	}
	return nil
}

// readBody reads the request body, at most MaxBodySize bytes.
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	if r.ContentLength > MaxBodySize {
		return nil, ErrTooLarge
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodySize))
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return nil, ErrTooLarge
	}
	return body, err
}

// statusFor maps an error of reading, decrypting or parsing a body to the
// status of the answer.
func statusFor(err error) int {
	switch {
	case errors.Is(err, ErrTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, ErrSignature), errors.Is(err, ErrAppID):
		return http.StatusForbidden
	}
	var lookup *receiveIDError
	if errors.As(err, &lookup) {
		return http.StatusInternalServerError // WithReceiveIDFunc failed: let WeChat retry
	}
	// ErrDecrypt, ErrSyntax, ErrMissingMsgType, or a body that could not be read.
	return http.StatusBadRequest
}

func (h *Handler) fail(w http.ResponseWriter, r *http.Request, status int, err error) {
	if err != nil && h.errLog != nil {
		h.errLog(r, err)
	}
	http.Error(w, http.StatusText(status), status)
}

func writeText(w http.ResponseWriter, contentType string, body []byte) {
	// echostr comes from the request: never let a browser sniff it as HTML.
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.Write(body)
}
