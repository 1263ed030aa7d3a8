package wechatevent

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// Handler is an http.Handler for a WeChat callback URL. It answers the GET
// with which WeChat verifies the URL, authenticates every POST, decrypts it
// in security mode, parses it and passes the typed Event to a function of
// yours, once per callback however often WeChat retries it. It is safe for
// concurrent use.
//
// The mode comes from the configuration only, never from the request: a
// Handler built with WithSecurityMode requires a valid msg_signature and
// decrypts every POST, whatever its encrypt_type says, so a request cannot
// downgrade it to plain mode. Without WithSecurityMode it checks the plain
// signature and parses the body as it comes (plain mode, 明文模式).
//
// WeChat retries a callback when it gets no answer within 5 seconds (three
// times; 视频号小店 up to ten times over hours). With its DedupeStore (by
// default NewMemoryDedupeStore, shared by all replicas with a store such as
// redisstore) the Handler calls your function once per callback: a retry
// that arrives while the first delivery runs waits for its answer, one that
// arrives later gets the recorded answer, and a delivery whose function
// failed (an error or a panic) leaves nothing behind, so its retry is handled
// afresh. Callbacks are told apart by DedupeKey, a digest of the whole
// authenticated body, so two distinct callbacks are never merged. When the
// store fails, the Handler delivers all the same (at least once) and reports
// the store's error through WithErrorLog.
//
// Limits, each with its answer:
//
//   - a query longer than MaxQuerySize: 414, before it is parsed; only the
//     parameters needed are read, and each must appear exactly once (403);
//   - a body longer than the body limit (WithBodyLimit, DefaultBodyLimit):
//     413, told from Content-Length before reading when it is sent;
//   - more body bytes in flight across all requests than the in-flight
//     limit (WithInFlightLimit, DefaultInFlightLimit): 503, before reading;
//   - a timestamp further from the server's clock than the window
//     (WithTimestampWindow, DefaultTimestampWindow): 403;
//   - CallbackDeadline after the request arrived, the body must have been
//     read (a slower client is cut off with 400), your function's context is
//     done, and a retry still waiting for the first delivery answers 503.
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
//     "success" to everything else; the same bytes to each retry of the
//     callback;
//   - 403 when a signature, msg_signature or timestamp is missing, malformed
//     or wrong, or outside the timestamp window, or when the decrypted
//     ReceiveId (AppID, CorpID, SuiteID) is not accepted; nothing is parsed
//     and your function is not called;
//   - 400 when an authenticated body is malformed: no single <Encrypt>, bad
//     ciphertext, XML syntax, no MsgType; or when it could not be read;
//   - 413, 414 and 503 for the limits above;
//   - 405 for any method but GET and POST;
//   - 500 when your function returns an error or a reply WeChat would
//     refuse (ErrReply), or WithReceiveIDFunc returns an error, so that
//     WeChat retries.
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

	store     DedupeStore // nil: no dedupe
	dedupeTTL time.Duration
	bodyLimit int64
	inFlight  inFlight
	deadline  time.Duration // CallbackDeadline, shorter in tests

	now func() time.Time // the clock of the timestamp window
}

// Limits of the Handler; see Handler for the answer to each.
const (
	// MaxQuerySize is the longest query string a Handler reads. The queries
	// WeChat sends are shorter than 300 bytes; a longer one is refused with
	// 414 before it is parsed.
	MaxQuerySize = 1 << 10

	// DefaultBodyLimit is the longest body a Handler reads unless
	// WithBodyLimit says otherwise. Real callbacks are a few KiB.
	DefaultBodyLimit = 256 << 10

	// DefaultInFlightLimit bounds the bytes of request bodies that a Handler
	// holds at once across all requests, unless WithInFlightLimit says
	// otherwise: 128 bodies at the default body limit, thousands of real
	// ones.
	DefaultInFlightLimit = 32 << 20

	// DefaultTimestampWindow is how far a request's timestamp may be from
	// the server's clock unless WithTimestampWindow says otherwise: enough
	// for WeChat's retries and ordinary clock skew.
	DefaultTimestampWindow = 5 * time.Minute

	// CallbackDeadline is how long after a request arrives a Handler gives
	// up on it, just under the 5 seconds after which WeChat drops the
	// connection and retries: your function's context carries this
	// deadline.
	CallbackDeadline = 4500 * time.Millisecond
)

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
	windowSet     bool
	store         DedupeStore
	storeSet      bool
	dedupeTTL     time.Duration
	bodyLimit     int64
	inFlightLimit int64
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
// observed request can be replayed. The default is DefaultTimestampWindow;
// WithTimestampWindow(0) turns the check off.
func WithTimestampWindow(d time.Duration) HandlerOption {
	return func(c *handlerConfig) { c.window, c.windowSet = d, true }
}

// WithDedupe makes the Handler record deliveries in store instead of the
// default NewMemoryDedupeStore, for example a store that all replicas of a
// service share. WithDedupe(nil) turns deduplication off: every delivery,
// retries included, then reaches your function.
func WithDedupe(store DedupeStore) HandlerOption {
	return func(c *handlerConfig) { c.store, c.storeSet = store, true }
}

// WithDedupeTTL sets how long the Handler keeps the answer of a delivered
// callback for its retries; the default is DefaultDedupeTTL. One minute
// covers the retries of 公众号, 小程序 and WeCom; 视频号小店 retries for
// about 3.6 hours.
func WithDedupeTTL(d time.Duration) HandlerOption {
	return func(c *handlerConfig) { c.dedupeTTL = d }
}

// WithBodyLimit sets the longest body the Handler reads, in bytes; a longer
// one is answered 413. The default is DefaultBodyLimit.
func WithBodyLimit(n int64) HandlerOption {
	return func(c *handlerConfig) { c.bodyLimit = n }
}

// WithInFlightLimit sets how many bytes of request bodies the Handler holds
// at once across all requests; a request that would exceed it is answered
// 503 before its body is read, and WeChat retries it. A body of unknown
// length counts as the body limit. The default is DefaultInFlightLimit; n
// must be at least the body limit.
//
// In plain mode only requests whose signature is valid count, since it is
// checked before the body is read. In security mode the signature covers
// the body, so any sender's body counts until it has been read (at most
// CallbackDeadline): the limit then bounds memory, and senders that hold it
// full make WeChat's callbacks retry, as with any server that must read
// before it can authenticate.
func WithInFlightLimit(n int64) HandlerOption {
	return func(c *handlerConfig) { c.inFlightLimit = n }
}

// WithErrorLog makes the Handler report why it refused a request or why your
// function failed, for example to log.Printf. The Handler itself never logs.
func WithErrorLog(f func(r *http.Request, err error)) HandlerOption {
	return func(c *handlerConfig) { c.errLog = f }
}

// NewHandler returns a Handler for the account's Token that passes each
// authenticated callback to fn with a context derived from the request's,
// which carries CallbackDeadline and the callback's DedupeKey
// (DedupeKeyFromContext). fn returns the passive reply to send back, such as
// NewTextReply(ev, "hi"), or nil for no reply, which answers "success". The
// Handler writes the reply as XML for an XML push and as JSON for a JSON
// push, and encrypts it in security mode.
//
// NewHandler fails when token is empty, fn is nil, the EncodingAESKey given
// with WithSecurityMode is unusable (ErrAESKey), or an option is out of
// range: a negative window, a TTL or limit below 1, an in-flight limit below
// the body limit.
func NewHandler(token string, fn func(ctx context.Context, ev Event) (Reply, error), opts ...HandlerOption) (*Handler, error) {
	if token == "" {
		return nil, errors.New("wechatevent: empty token")
	}
	if fn == nil {
		return nil, errors.New("wechatevent: nil event function")
	}
	cfg := handlerConfig{
		window:        DefaultTimestampWindow,
		dedupeTTL:     DefaultDedupeTTL,
		bodyLimit:     DefaultBodyLimit,
		inFlightLimit: DefaultInFlightLimit,
	}
	for _, o := range opts {
		o(&cfg)
	}
	if err := cfg.check(); err != nil {
		return nil, err
	}
	if !cfg.secure && (cfg.receiveIDs != nil || cfg.acceptID != nil) {
		return nil, errReceiveIDNeedsKey
	}
	if !cfg.storeSet {
		cfg.store = NewMemoryDedupeStore()
	}
	h := &Handler{token: token, parser: cfg.parser, window: cfg.window, fn: fn, errLog: cfg.errLog,
		noReply: noReplyAnswer, receiveIDs: cfg.receiveIDs, acceptID: cfg.acceptID,
		store: cfg.store, dedupeTTL: cfg.dedupeTTL, bodyLimit: cfg.bodyLimit,
		inFlight: inFlight{limit: cfg.inFlightLimit}, deadline: CallbackDeadline, now: time.Now}
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

func (c *handlerConfig) check() error {
	switch {
	case c.window < 0:
		return errors.New("wechatevent: negative timestamp window")
	case c.dedupeTTL < time.Millisecond:
		return errors.New("wechatevent: dedupe TTL below one millisecond")
	case c.bodyLimit < 1:
		return errors.New("wechatevent: body limit below 1")
	case c.inFlightLimit < c.bodyLimit:
		return errors.New("wechatevent: in-flight limit below the body limit")
	}
	return nil
}

// Refusals of the query parameters.
var (
	errTimestamp = errors.New("wechatevent: timestamp malformed or outside the window")
	errNonce     = errors.New("wechatevent: nonce is not printable ASCII")

	errPlainSignature = fmt.Errorf("%w: signature does not match", ErrSignature)
)

// ServeHTTP answers one callback request as the Handler documents.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if len(r.URL.RawQuery) > MaxQuerySize {
		h.fail(w, r, http.StatusRequestURITooLong, errQueryTooLong)
		return
	}
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

// serveCallback authenticates, parses and dispatches one callback POST, in
// the steps of the functions it calls.
func (h *Handler) serveCallback(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), h.deadline)
	defer cancel()
	deadline, _ := ctx.Deadline()

	q, err := h.callbackQuery(r)
	if err != nil {
		h.fail(w, r, http.StatusForbidden, err)
		return
	}
	size, err := h.bodySize(r)
	if err == nil {
		err = h.inFlight.acquire(size)
	}
	if err != nil {
		h.fail(w, r, statusFor(err), err)
		return
	}
	defer h.inFlight.release(size)

	body, err := h.readBody(w, r, size, deadline)
	envelope := body
	var receiveID []byte
	if err == nil {
		body, receiveID, err = h.open(r, q, body)
	}
	var ev Event
	if err == nil {
		ev, err = h.parser.Parse(body)
	}
	if err != nil {
		h.fail(w, r, statusFor(err), err)
		return
	}

	key := DedupeKey(string(receiveID), body)
	ctx = context.WithValue(ctx, dedupeKeyContext{}, key)
	format := pushFormat(envelope, body, h.crypto != nil)
	ans, err := h.once(ctx, r, key, func(ctx context.Context) (answer, error) {
		return h.answer(ctx, r, q, ev, format, receiveID)
	})
	if err != nil {
		h.fail(w, r, statusFor(err), err)
		return
	}
	ans.write(w)
}

// callbackQuery reads the query of a callback POST. In plain mode the
// signature covers no body, so it is checked here, before a body is read; in
// security mode it covers <Encrypt>, which only the body holds.
func (h *Handler) callbackQuery(r *http.Request) ([]string, error) {
	if h.crypto != nil {
		return h.query(r, "msg_signature", "timestamp", "nonce")
	}
	q, err := h.query(r, "signature", "timestamp", "nonce")
	if err == nil {
		err = h.checkPlain(q)
	}
	return q, err
}

// open returns the plaintext of a body read under the query q: the body
// itself in plain mode, its decrypted <Encrypt> and its ReceiveId in
// security mode.
func (h *Handler) open(r *http.Request, q []string, body []byte) (msg, receiveID []byte, err error) {
	if h.crypto == nil {
		return body, nil, nil
	}
	return h.decrypt(r, q[0], q[1], q[2], body)
}

// answer runs your function on ev and encodes what it returns as the
// answer to the request r, whose query is q.
func (h *Handler) answer(ctx context.Context, r *http.Request, q []string, ev Event, format replyFormat, receiveID []byte) (answer, error) {
	reply, err := h.fn(ctx, ev)
	if err != nil {
		return answer{}, fnError{err}
	}
	if reply == nil {
		return answer{contentType: contentTypeText, body: h.noReply(r, ev)}, nil
	}
	body, contentType, err := h.encodeReply(reply, format, q[1], q[2], receiveID)
	if err != nil {
		return answer{}, fnError{err}
	}
	return answer{contentType: contentType, body: body}, nil
}

// answer is what the Handler sends back for a callback, and what it records
// for the callback's retries.
type answer struct {
	contentType string
	body        []byte
}

func (a answer) write(w http.ResponseWriter) { writeText(w, a.contentType, a.body) }

// fnError marks an error of your function or of encoding its reply: 500.
type fnError struct{ err error }

func (e fnError) Error() string { return e.err.Error() }
func (e fnError) Unwrap() error { return e.err }

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

// statusFor maps an error of a step of the Handler to the status of the
// answer.
func statusFor(err error) int {
	var fe fnError
	var lookup *receiveIDError
	switch {
	case errors.As(err, &fe):
		return http.StatusInternalServerError
	case errors.As(err, &lookup):
		return http.StatusInternalServerError // WithReceiveIDFunc failed: let WeChat retry
	case errors.Is(err, ErrTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, errQueryTooLong):
		return http.StatusRequestURITooLong
	case errors.Is(err, errBusy), errors.Is(err, errWaited):
		return http.StatusServiceUnavailable
	case errors.Is(err, ErrSignature), errors.Is(err, ErrAppID),
		errors.Is(err, errTimestamp), errors.Is(err, errNonce):
		return http.StatusForbidden
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
