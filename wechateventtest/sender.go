// Package wechateventtest plays WeChat's side of a callback URL, for tests of
// an endpoint: it builds each request exactly as WeChat sends it — the GET
// that verifies the URL and the POSTs of callbacks, in plain, compat and
// security mode and as WeCom (企业微信) sends them, XML or JSON, signed and
// encrypted with fresh timestamps and nonces — and opens the answers the way
// WeChat does: it verifies MsgSignature, decrypts, checks the ReceiveId and
// recognises "success" and the empty answer.
//
// A Sender holds what the account's admin page and the endpoint share:
//
//	wx := &wechateventtest.Sender{Token: "T", EncodingAESKey: key, ReceiveID: "wx…", Mode: wechateventtest.Secure}
//	req, err := wx.NewRequest("/wechat", body)
//	rec := httptest.NewRecorder()
//	handler.ServeHTTP(rec, req)
//	reply, err := wx.OpenReply(rec.Code, rec.Body.Bytes())
//
// The requests work with a ResponseRecorder and, built for an absolute URL,
// with an http.Client against a running endpoint.
package wechateventtest

import (
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/wechatevent/wechatevent"
)

// Mode is how the account's messages are protected, as chosen on its admin
// page (消息加解密方式).
type Mode int

const (
	// Plain is 明文模式: the body is sent as it is, and only the plain
	// signature, which covers no body, is on the URL.
	Plain Mode = iota

	// Compat is 兼容模式: the body holds the clear fields and <Encrypt> side
	// by side, and the URL carries encrypt_type=aes and msg_signature next to
	// the plain signature. The endpoint may answer in the clear or encrypted.
	Compat

	// Secure is 安全模式: the body is the envelope <xml><ToUserName/>
	// <Encrypt/></xml> (or its JSON form), the URL as in Compat, and the
	// answer must be encrypted.
	Secure

	// WeCom is how 企业微信 calls back: always encrypted, the envelope
	// carries AgentID, the URL only msg_signature, timestamp and nonce, and
	// the URL-verification GET carries an encrypted echostr whose plaintext
	// the endpoint must answer.
	WeCom
)

// String returns the name of the mode, as the constant spells it.
func (m Mode) String() string {
	switch m {
	case Plain:
		return "Plain"
	case Compat:
		return "Compat"
	case Secure:
		return "Secure"
	case WeCom:
		return "WeCom"
	}
	return "Mode(" + strconv.Itoa(int(m)) + ")"
}

// Sender plays WeChat for one callback URL. The zero Mode is Plain. A Sender
// is safe for concurrent use as long as its fields are not changed.
type Sender struct {
	// Token is the account's Token (令牌).
	Token string

	// EncodingAESKey is the account's 43-character key (消息加解密密钥);
	// unused in Plain mode.
	EncodingAESKey string

	// ReceiveID is what every encrypted message ends with: the AppID of a
	// 公众号 or 小程序, the component AppID of a 开放平台 platform, a WeCom
	// CorpID or SuiteID (empty for WeCom apps of individual developers).
	ReceiveID string

	// Mode is how messages are protected.
	Mode Mode

	// Timestamp and Nonce, when set, go on every request instead of the
	// current UNIX time and a fresh random nonce, for reproducible tests.
	Timestamp, Nonce string

	// EchoStr, when set, is the echostr (its plaintext, for WeCom) of every
	// URL verification instead of fresh random digits.
	EchoStr string
}

// NewRequest returns the POST with which WeChat delivers one callback body to
// target: the URL of the endpoint, absolute for an http.Client, or a path
// such as "/wechat" for a Handler's ServeHTTP. Query parameters already in
// target (a $APPID$ of 开放平台, say) are kept.
//
// body is the plaintext callback, XML or, when its first byte other than
// white space is '{', JSON. In Plain mode it is sent as it is; otherwise it is
// encrypted into the envelope of the Mode, whose clear ToUserName (and, for
// WeCom, AgentID) are taken from body, ToUserName falling back to ReceiveID.
// The URL carries the signatures of the Mode over a fresh timestamp and nonce
// (see Sender.Timestamp), and openid when body names a FromUserName, except
// for WeCom, which sends none.
//
// NewRequest fails when EncodingAESKey is unusable in an encrypting Mode, or
// when a Compat body has no closing </xml> or '}' to put <Encrypt> before.
// The request's GetBody is set, so Retry can send it again.
func (s *Sender) NewRequest(target string, body []byte) (*http.Request, error) {
	ts, nonce := s.freshTimestamp(), s.freshNonce()
	isJSON := isJSONBody(body)
	fields := header(body, isJSON)

	var q query
	if s.Mode != WeCom {
		q.add("signature", signature(s.Token, ts, nonce))
	}
	q.add("timestamp", ts)
	q.add("nonce", nonce)
	if from := fields["FromUserName"]; from != "" && s.Mode != WeCom {
		q.add("openid", from)
	}

	sent := body
	if s.Mode != Plain {
		c, err := s.crypto()
		if err != nil {
			return nil, err
		}
		encrypted, msgSignature, err := c.Seal(body, ts, nonce)
		if err != nil {
			return nil, err
		}
		if sent, err = s.envelope(body, isJSON, fields, encrypted); err != nil {
			return nil, err
		}
		if s.Mode != WeCom {
			q.add("encrypt_type", "aes")
		}
		q.add("msg_signature", msgSignature)
	}

	req, err := http.NewRequest(http.MethodPost, q.appendTo(target), bytes.NewReader(sent))
	if err != nil {
		return nil, err
	}
	if isJSON {
		req.Header.Set("Content-Type", "application/json")
	} else {
		req.Header.Set("Content-Type", "text/xml")
	}
	return req, nil
}

// NewVerifyRequest returns the GET with which WeChat verifies the endpoint's
// URL when it is saved on the admin page, and echo, the exact body the
// endpoint must answer with (status 200, nothing around it).
//
// Outside WeCom the GET carries signature, timestamp, nonce and a plain
// echostr, which is echo. WeCom signs with msg_signature and sends echostr
// encrypted for ReceiveID; echo is its plaintext.
func (s *Sender) NewVerifyRequest(target string) (req *http.Request, echo string, err error) {
	ts, nonce := s.freshTimestamp(), s.freshNonce()
	echo = s.EchoStr
	if echo == "" {
		echo = randomDigits(19)
	}
	var q query
	if s.Mode == WeCom {
		c, err := s.crypto()
		if err != nil {
			return nil, "", err
		}
		encrypted, msgSignature, err := c.Seal([]byte(echo), ts, nonce)
		if err != nil {
			return nil, "", err
		}
		q.add("msg_signature", msgSignature)
		q.add("timestamp", ts)
		q.add("nonce", nonce)
		q.add("echostr", encrypted)
	} else {
		q.add("signature", signature(s.Token, ts, nonce))
		q.add("echostr", echo)
		q.add("timestamp", ts)
		q.add("nonce", nonce)
	}
	req, err = http.NewRequest(http.MethodGet, q.appendTo(target), nil)
	if err != nil {
		return nil, "", err
	}
	return req, echo, nil
}

// Retry returns a copy of req with the same URL, headers and body bytes, as
// WeChat sends when it got no answer in 5 seconds: a retry is byte-identical
// to the first delivery, timestamp and nonce included. req must come from
// NewRequest or NewVerifyRequest (or have GetBody set).
func Retry(req *http.Request) (*http.Request, error) {
	r := req.Clone(req.Context())
	if req.Body == nil || req.Body == http.NoBody {
		return r, nil
	}
	if req.GetBody == nil {
		return nil, errors.New("wechateventtest: request has no GetBody to resend its body")
	}
	body, err := req.GetBody()
	if err != nil {
		return nil, err
	}
	r.Body = body
	return r, nil
}

func (s *Sender) crypto() (*wechatevent.Crypto, error) {
	return wechatevent.NewCrypto(s.Token, s.EncodingAESKey, s.ReceiveID)
}

func (s *Sender) freshTimestamp() string {
	if s.Timestamp != "" {
		return s.Timestamp
	}
	return strconv.FormatInt(time.Now().Unix(), 10)
}

// freshNonce returns Nonce or ten random digits, the form of WeChat's nonces.
func (s *Sender) freshNonce() string {
	if s.Nonce != "" {
		return s.Nonce
	}
	return randomDigits(10)
}

// randomDigits returns n random decimal digits, the first not 0.
func randomDigits(n int) string {
	b := make([]byte, n)
	var r [8]byte
	for i := range b {
		if _, err := rand.Read(r[:]); err != nil {
			panic("wechateventtest: crypto/rand: " + err.Error())
		}
		d := binary.BigEndian.Uint64(r[:]) % 10
		if i == 0 {
			d = 1 + binary.BigEndian.Uint64(r[:])%9
		}
		b[i] = byte('0' + d)
	}
	return string(b)
}

// header returns the envelope fields of a callback body: from
// wechatevent.Parse, which reads whatever WeChat sends, or, for a body it
// refuses (sent to test how an endpoint refuses it), as far as the body can
// be read.
func header(body []byte, isJSON bool) map[string]string {
	ev, err := wechatevent.Parse(body)
	if err != nil {
		return topLevel(body, isJSON)
	}
	h := ev.Header()
	out := map[string]string{"ToUserName": h.ToUserName, "FromUserName": h.FromUserName}
	if h.AgentID != 0 {
		out["AgentID"] = strconv.FormatInt(h.AgentID, 10)
	}
	return out
}

// envelope wraps the ciphertext of body the way the Mode sends it.
func (s *Sender) envelope(body []byte, isJSON bool, head map[string]string, encrypted string) ([]byte, error) {
	to := head["ToUserName"]
	if to == "" {
		to = s.ReceiveID
	}
	if s.Mode == Compat {
		return insertEncrypt(body, isJSON, encrypted)
	}
	fields := [][2]string{{"ToUserName", to}, {"Encrypt", encrypted}}
	if s.Mode == WeCom {
		fields = append(fields, [2]string{"AgentID", head["AgentID"]})
	}
	if isJSON {
		return jsonObject(fields), nil
	}
	return xmlObject(fields), nil
}

// insertEncrypt adds <Encrypt> (or "Encrypt") as the last field of a
// plaintext body, which is what a compat-mode push looks like.
func insertEncrypt(body []byte, isJSON bool, encrypted string) ([]byte, error) {
	var at int
	var field []byte
	if isJSON {
		at = bytes.LastIndexByte(body, '}')
		if at < 0 {
			return nil, errors.New("wechateventtest: compat body has no closing '}'")
		}
		field = []byte(`,"Encrypt":"` + encrypted + `"`)
		if len(bytes.TrimSpace(body[bytes.IndexByte(body, '{')+1:at])) == 0 {
			field = field[1:] // an empty object takes no comma
		}
	} else {
		ends := closingXML.FindAllIndex(body, -1)
		if len(ends) == 0 {
			return nil, errors.New("wechateventtest: compat body has no closing </xml>")
		}
		at = ends[len(ends)-1][0]
		field = []byte("<Encrypt><![CDATA[" + encrypted + "]]></Encrypt>")
	}
	out := make([]byte, 0, len(body)+len(field))
	out = append(out, body[:at]...)
	out = append(out, field...)
	return append(out, body[at:]...), nil
}

// closingXML matches the end tag of the root, which may hold white space.
var closingXML = regexp.MustCompile(`</xml\s*>`)

// query builds a query string in WeChat's order of parameters.
type query struct{ b strings.Builder }

func (q *query) add(name, value string) {
	if q.b.Len() > 0 {
		q.b.WriteByte('&')
	}
	q.b.WriteString(name)
	q.b.WriteByte('=')
	q.b.WriteString(url.QueryEscape(value))
}

// appendTo adds the parameters to target's query, before any fragment.
func (q *query) appendTo(target string) string {
	target, fragment, _ := strings.Cut(target, "#")
	sep := "?"
	if strings.Contains(target, "?") {
		sep = "&"
		if strings.HasSuffix(target, "?") || strings.HasSuffix(target, "&") {
			sep = ""
		}
	}
	out := target + sep + q.b.String()
	if fragment != "" {
		out += "#" + fragment
	}
	return out
}
