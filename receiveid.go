package wechatevent

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
)

// Every security-mode callback ends, after the message, with a ReceiveId
// that names who the callback is for, and a reply repeats it. Which one
// depends on the callback (https://developer.work.weixin.qq.com/document/path/91144):
//
//	公众号, 小程序                          the AppID
//	开放平台 third-party platform            the component AppID
//	WeCom self-built app (自建应用)          the CorpID
//	WeCom suite 指令回调 (third-party app)   the SuiteID
//	WeCom suite 数据回调                     the CorpID of the authorising corp, one per customer
//	WeCom app of a person (个人主体), AI bot the empty string
//
// WithSecurityMode names one; WithReceiveIDs and WithReceiveIDFunc accept
// more, for the URL of a suite that many corps authorise.

// WithReceiveIDs makes a Handler in security mode also accept callbacks
// whose ReceiveId is one of ids, besides the appID given to WithSecurityMode.
// A WeCom suite's 数据回调 URL gets one ReceiveId per authorising corp, its
// CorpID: list them here when they are few and known in advance, or use
// WithReceiveIDFunc. Each id is compared exactly; "" accepts the empty
// ReceiveId of WeCom apps of persons (个人主体) and of the AI bot (智能机器人)
// and nothing else. Several WithReceiveIDs add up.
func WithReceiveIDs(ids ...string) HandlerOption {
	return func(c *handlerConfig) {
		if c.receiveIDs == nil {
			c.receiveIDs = make(map[string]struct{}, len(ids))
		}
		for _, id := range ids {
			c.receiveIDs[id] = struct{}{}
		}
	}
}

// WithReceiveIDFunc makes a Handler in security mode ask accept about a
// ReceiveId that is neither the appID of WithSecurityMode nor one of
// WithReceiveIDs, for example whether a CorpID is that of a corp that has
// authorised the suite, looked up in your database. r is the callback
// request; the ReceiveId is authenticated (the message's signature was
// checked before it was decrypted), the rest of r but for its signed
// parameters is not. A WeCom 数据回调 URL may carry the placeholder
// $CORPID$, which WeCom fills with the corp's CorpID: accept can route on
// it, but must still judge receiveID itself.
//
// accept returns true to accept the callback and false to refuse it with
// 403, as for any other ReceiveId; an error answers 500, so that WeChat
// retries once the lookup works again, and reaches WithErrorLog. An empty
// receiveID is passed to accept like any other: accepting it is accept's
// decision, never a default. The last WithReceiveIDFunc wins.
func WithReceiveIDFunc(accept func(r *http.Request, receiveID string) (bool, error)) HandlerOption {
	return func(c *handlerConfig) { c.acceptID = accept }
}

// errReceiveIDNeedsKey refuses ReceiveId options on a Handler in plain mode,
// where no message carries a ReceiveId.
var errReceiveIDNeedsKey = errors.New("wechatevent: WithReceiveIDs and WithReceiveIDFunc need WithSecurityMode")

// receiveIDError reports that the ReceiveId lookup of WithReceiveIDFunc failed.
type receiveIDError struct{ err error }

func (e *receiveIDError) Error() string {
	return "wechatevent: checking the ReceiveId: " + e.err.Error()
}

func (e *receiveIDError) Unwrap() error { return e.err }

// checkReceiveID decides whether the Handler accepts a callback for
// receiveID: the appID of WithSecurityMode, one of WithReceiveIDs, or one
// that WithReceiveIDFunc accepts.
func (h *Handler) checkReceiveID(r *http.Request, receiveID []byte) error {
	if h.crypto.checkAppID(receiveID) == nil {
		return nil
	}
	if _, ok := h.receiveIDs[string(receiveID)]; ok {
		return nil
	}
	if h.acceptID != nil {
		ok, err := h.acceptID(r, string(receiveID))
		if err != nil {
			return &receiveIDError{err}
		}
		if ok {
			return nil
		}
	}
	return fmt.Errorf("%w: ReceiveId %q is not accepted (WeCom: the CorpID, SuiteID or authorising CorpID; see WithReceiveIDs)", ErrAppID, clip(receiveID, 64))
}

// clip returns at most n bytes of b, marking a cut.
func clip(b []byte, n int) string {
	if len(b) <= n {
		return string(b)
	}
	return string(b[:n]) + "..."
}

// decrypt authenticates and decrypts the body of a security-mode POST and
// checks its ReceiveId, which it returns for the reply.
func (h *Handler) decrypt(r *http.Request, msgSignature, timestamp, nonce string, body []byte) (msg, receiveID []byte, err error) {
	msg, receiveID, err = h.crypto.decrypt(msgSignature, timestamp, nonce, body)
	if err == nil {
		err = h.checkReceiveID(r, receiveID)
	}
	return msg, receiveID, err
}

// errVerifyNeedsKey explains a refusal that otherwise puzzles: WeCom
// verifies the URL with an encrypted echostr, which takes the EncodingAESKey.
var errVerifyNeedsKey = fmt.Errorf("%w: the GET carries msg_signature and no signature, as WeCom sends it: its echostr is encrypted, which needs WithSecurityMode", ErrSignature)

// serveVerifyEncrypted answers a URL verification with msg_signature: the
// echostr is decrypted and its plaintext is the answer, exactly.
func (h *Handler) serveVerifyEncrypted(w http.ResponseWriter, r *http.Request) {
	q, err := h.query(r, "msg_signature", "timestamp", "nonce", "echostr")
	var msg, receiveID []byte
	if err == nil {
		msg, receiveID, err = h.crypto.openEchostr(q[0], q[1], q[2], q[3])
	}
	if err == nil {
		err = h.checkReceiveID(r, receiveID)
	}
	if err != nil {
		h.fail(w, r, statusFor(err), err)
		return
	}
	writeText(w, "text/plain; charset=utf-8", msg)
}

// signedWith reports which of the two signature parameters r carries.
func signedWith(r *http.Request) (msgSignature, signature bool) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return false, false
	}
	return q.Has("msg_signature"), q.Has("signature")
}

// isWeCom reports whether a callback came from WeCom, which signs with
// msg_signature alone: 公众号, 小程序 and 开放平台 add the plain signature
// and encrypt_type. It decides only the answer to a callback without a
// reply, so an unsigned parameter is good enough.
func isWeCom(r *http.Request) bool {
	q, err := url.ParseQuery(r.URL.RawQuery)
	return err == nil && q.Has("msg_signature") && !q.Has("signature") && !q.Has("encrypt_type")
}

// noReplyAnswer is the body that says "received, no reply" where WeChat
// documents one:
//
//   - WeCom callbacks with a MsgType (self-built apps, suite 数据回调, the AI
//     bot): an empty body. WeCom's 接收消息 page says that an app that does
//     not want to reply, or cannot within 5 seconds, answers 200 with an empty
//     string, and that any status but 200 is a failure it retries
//     (https://developer.work.weixin.qq.com/document/path/90238).
//   - pushes with an InfoType (WeCom suite 指令回调, 开放平台): exactly "success".
//     WeCom's 指令回调 page requires the string success for every push and
//     takes any other answer as an error message
//     (https://developer.work.weixin.qq.com/document/path/90613); 开放平台
//     keeps pushing component_verify_ticket until it gets "success".
//   - 公众号 and 小程序: "success", one of the two answers (with the empty
//     body) their docs allow.
func noReplyAnswer(r *http.Request, ev Event) []byte {
	if isWeCom(r) && ev != nil && ev.Header().MsgType != "" {
		return nil
	}
	return []byte("success")
}
