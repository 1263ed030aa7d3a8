package wechateventtest_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wechatevent/wechatevent"
	"github.com/wechatevent/wechatevent/wechateventtest"
)

const (
	token  = "AAAAA"
	aesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
	appID  = "wxba5fad812f8e6fb9"
	corpID = "ww1436e0e65a779aee"

	xmlText  = `<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><FromUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></FromUserName><CreateTime>1714112445</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hello]]></Content><MsgId>24578453120000001</MsgId></xml>`
	jsonText = `{"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714112445,"MsgType":"text","Content":"hello","MsgId":24578453120000001}`
	wecomMsg = `<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName><FromUserName><![CDATA[ZhangSan]]></FromUserName><CreateTime>1714112445</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hello]]></Content><MsgId>24578453120000002</MsgId><AgentID>1000002</AgentID></xml>`
)

// senders has one Sender per Mode, with the Handler options that match it.
func senders() map[wechateventtest.Mode]struct {
	s    *wechateventtest.Sender
	opts []wechatevent.HandlerOption
} {
	type pair = struct {
		s    *wechateventtest.Sender
		opts []wechatevent.HandlerOption
	}
	return map[wechateventtest.Mode]pair{
		wechateventtest.Plain:  {&wechateventtest.Sender{Token: token}, nil},
		wechateventtest.Compat: {&wechateventtest.Sender{Token: token, EncodingAESKey: aesKey, ReceiveID: appID, Mode: wechateventtest.Compat}, []wechatevent.HandlerOption{wechatevent.WithSecurityMode(aesKey, appID)}},
		wechateventtest.Secure: {&wechateventtest.Sender{Token: token, EncodingAESKey: aesKey, ReceiveID: appID, Mode: wechateventtest.Secure}, []wechatevent.HandlerOption{wechatevent.WithSecurityMode(aesKey, appID)}},
		wechateventtest.WeCom:  {&wechateventtest.Sender{Token: token, EncodingAESKey: aesKey, ReceiveID: corpID, Mode: wechateventtest.WeCom}, []wechatevent.HandlerOption{wechatevent.WithSecurityMode(aesKey, corpID)}},
	}
}

// echoHandler replies to every text message with its content in a text
// reply, and records what it was called with.
type echoHandler struct {
	mu     sync.Mutex
	events []wechatevent.Event
}

func (e *echoHandler) fn(_ context.Context, ev wechatevent.Event) (wechatevent.Reply, error) {
	e.mu.Lock()
	e.events = append(e.events, ev)
	e.mu.Unlock()
	if m, ok := ev.(*wechatevent.TextMessage); ok && m.Content != "quiet" {
		return wechatevent.NewTextReply(ev, "echo: "+m.Content), nil
	}
	return nil, nil
}

func serve(h http.Handler, req *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestCallbackEveryModeAgainstHandler(t *testing.T) {
	for mode, p := range senders() {
		bodies := map[string]string{"xml": xmlText, "json": jsonText}
		if mode == wechateventtest.WeCom {
			bodies = map[string]string{"xml": wecomMsg}
		}
		for format, body := range bodies {
			t.Run(mode.String()+"/"+format, func(t *testing.T) {
				var e echoHandler
				h, err := wechatevent.NewHandler(token, e.fn, p.opts...)
				require.NoError(t, err)

				req, err := p.s.NewRequest("/wechat", []byte(body))
				require.NoError(t, err)
				rec := serve(h, req)
				require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())

				reply, err := p.s.OpenReply(rec.Code, rec.Body.Bytes())
				require.NoError(t, err)
				require.Len(t, e.events, 1)
				msg, ok := e.events[0].(*wechatevent.TextMessage)
				require.True(t, ok, "%T", e.events[0])
				assert.Equal(t, "hello", msg.Content)

				if format == "json" {
					var r struct{ Content, ToUserName, MsgType string }
					require.NoError(t, json.Unmarshal(reply, &r), string(reply))
					assert.Equal(t, "echo: hello", r.Content)
					assert.Equal(t, msg.FromUserName, r.ToUserName)
					return
				}
				var r struct{ Content, ToUserName, MsgType string }
				require.NoError(t, xml.Unmarshal(reply, &r), string(reply))
				assert.Equal(t, "echo: hello", r.Content)
				assert.Equal(t, msg.FromUserName, r.ToUserName)
				if mode != wechateventtest.Plain {
					assert.NotContains(t, rec.Body.String(), "echo: hello", "the reply went out in the clear")
				}
			})
		}
	}
}

func TestNoReplyIsSuccessInEveryMode(t *testing.T) {
	for mode, p := range senders() {
		t.Run(mode.String(), func(t *testing.T) {
			var e echoHandler
			h, err := wechatevent.NewHandler(token, e.fn, p.opts...)
			require.NoError(t, err)
			body := strings.Replace(xmlText, "hello", "quiet", 1)
			if mode == wechateventtest.WeCom {
				body = strings.Replace(wecomMsg, "hello", "quiet", 1)
			}
			req, err := p.s.NewRequest("/wechat", []byte(body))
			require.NoError(t, err)
			rec := serve(h, req)
			reply, err := p.s.OpenReply(rec.Code, rec.Body.Bytes())
			require.NoError(t, err)
			assert.Nil(t, reply)
			assert.Len(t, e.events, 1)
		})
	}
}

// The query of each Mode carries exactly the parameters WeChat sends, and the
// body the envelope of the Mode.
func TestRequestShape(t *testing.T) {
	ps := senders()
	for mode, want := range map[wechateventtest.Mode][]string{
		wechateventtest.Plain:  {"signature", "timestamp", "nonce", "openid"},
		wechateventtest.Compat: {"signature", "timestamp", "nonce", "openid", "encrypt_type", "msg_signature"},
		wechateventtest.Secure: {"signature", "timestamp", "nonce", "openid", "encrypt_type", "msg_signature"},
		wechateventtest.WeCom:  {"timestamp", "nonce", "msg_signature"},
	} {
		t.Run(mode.String(), func(t *testing.T) {
			body := xmlText
			if mode == wechateventtest.WeCom {
				body = wecomMsg
			}
			req, err := ps[mode].s.NewRequest("http://127.0.0.1/wechat?from=test", []byte(body))
			require.NoError(t, err)
			assert.Equal(t, http.MethodPost, req.Method)
			assert.Equal(t, "text/xml", req.Header.Get("Content-Type"))
			var names []string
			for _, kv := range strings.Split(req.URL.RawQuery, "&") {
				name, _, _ := strings.Cut(kv, "=")
				names = append(names, name)
			}
			assert.Equal(t, append([]string{"from"}, want...), names)

			q := req.URL.Query()
			if mode != wechateventtest.WeCom {
				assert.True(t, wechatevent.CheckSignature(token, q.Get("signature"), q.Get("timestamp"), q.Get("nonce")))
				assert.Equal(t, "o9AgO5Kd5ggOC-bXrbNODIiE3bGY", q.Get("openid"))
			}
			sent := readAll(t, req)
			switch mode {
			case wechateventtest.Plain:
				assert.Equal(t, xmlText, sent)
			case wechateventtest.Compat:
				assert.True(t, strings.HasPrefix(sent, strings.TrimSuffix(xmlText, "</xml>")+"<Encrypt><![CDATA["), sent)
			case wechateventtest.Secure:
				assert.Regexp(t, `^<xml><ToUserName><!\[CDATA\[gh_97417a04a28d\]\]></ToUserName><Encrypt><!\[CDATA\[[A-Za-z0-9+/=]+\]\]></Encrypt></xml>$`, sent)
			case wechateventtest.WeCom:
				assert.Regexp(t, `^<xml><ToUserName><!\[CDATA\[ww1436e0e65a779aee\]\]></ToUserName><Encrypt><!\[CDATA\[[A-Za-z0-9+/=]+\]\]></Encrypt><AgentID><!\[CDATA\[1000002\]\]></AgentID></xml>$`, sent)
			}
			if mode != wechateventtest.Plain {
				receiveID := appID
				if mode == wechateventtest.WeCom {
					receiveID = corpID
				}
				c, err := wechatevent.NewCrypto(token, aesKey, receiveID)
				require.NoError(t, err)
				plain, err := c.Decrypt(q.Get("msg_signature"), q.Get("timestamp"), q.Get("nonce"), []byte(sent))
				require.NoError(t, err)
				assert.Equal(t, body, string(plain))
			}
		})
	}
}

func TestSecureJSONEnvelope(t *testing.T) {
	s := senders()[wechateventtest.Secure].s
	req, err := s.NewRequest("/wechat", []byte(jsonText))
	require.NoError(t, err)
	assert.Equal(t, "application/json", req.Header.Get("Content-Type"))
	var env map[string]string
	require.NoError(t, json.Unmarshal([]byte(readAll(t, req)), &env))
	assert.Equal(t, "gh_97417a04a28d", env["ToUserName"])
	assert.NotEmpty(t, env["Encrypt"])
	assert.Len(t, env, 2)
}

// Fixed timestamp and nonce make requests reproducible; fresh ones differ.
func TestFixedAndFreshNonces(t *testing.T) {
	fixed := &wechateventtest.Sender{Token: token, Timestamp: "1714037059", Nonce: "486452656"}
	a, err := fixed.NewRequest("/wechat", []byte(xmlText))
	require.NoError(t, err)
	b, err := fixed.NewRequest("/wechat", []byte(xmlText))
	require.NoError(t, err)
	assert.Equal(t, a.URL.String(), b.URL.String())
	// The plain-mode POST signature published in the 小程序 doc.
	assert.Equal(t, "899cf89e464efb63f54ddac96b0a0a235f53aa78", a.URL.Query().Get("signature"))

	fresh := &wechateventtest.Sender{Token: token}
	c, err := fresh.NewRequest("/wechat", []byte(xmlText))
	require.NoError(t, err)
	d, err := fresh.NewRequest("/wechat", []byte(xmlText))
	require.NoError(t, err)
	assert.NotEqual(t, c.URL.Query().Get("nonce"), d.URL.Query().Get("nonce"))
	assert.Regexp(t, `^[1-9][0-9]{9}$`, c.URL.Query().Get("nonce"))
	assert.Regexp(t, `^[0-9]{10}$`, c.URL.Query().Get("timestamp"))
}

// The signature vectors of testdata/security, rebuilt from their parts.
func TestVerifyRequestMatchesPublishedVector(t *testing.T) {
	data, err := os.ReadFile("../testdata/security/vectors.json")
	require.NoError(t, err)
	var v struct {
		Signature []struct{ Name, Token, Timestamp, Nonce, Signature, Echostr string }
	}
	require.NoError(t, json.Unmarshal(data, &v))
	require.NotEmpty(t, v.Signature)
	for _, sv := range v.Signature {
		if sv.Echostr == "" {
			continue
		}
		s := &wechateventtest.Sender{Token: sv.Token, Timestamp: sv.Timestamp, Nonce: sv.Nonce, EchoStr: sv.Echostr}
		req, echo, err := s.NewVerifyRequest("/wechat")
		require.NoError(t, err)
		assert.Equal(t, sv.Echostr, echo)
		assert.Equal(t, "signature="+sv.Signature+"&echostr="+sv.Echostr+"&timestamp="+sv.Timestamp+"&nonce="+sv.Nonce, req.URL.RawQuery, sv.Name)
	}
}

func TestVerifyAgainstHandler(t *testing.T) {
	for _, mode := range []wechateventtest.Mode{wechateventtest.Plain, wechateventtest.Compat, wechateventtest.Secure, wechateventtest.WeCom} {
		p := senders()[mode]
		h, err := wechatevent.NewHandler(token, new(echoHandler).fn, p.opts...)
		require.NoError(t, err)
		req, echo, err := p.s.NewVerifyRequest("/wechat")
		require.NoError(t, err)
		assert.Equal(t, http.MethodGet, req.Method)
		rec := serve(h, req)
		assert.NoError(t, wechateventtest.CheckEcho(rec.Code, rec.Body.Bytes(), echo), mode)
		assert.ErrorIs(t, wechateventtest.CheckEcho(rec.Code, rec.Body.Bytes(), echo+"0"), wechateventtest.ErrAnswer)
		assert.ErrorIs(t, wechateventtest.CheckEcho(http.StatusForbidden, rec.Body.Bytes(), echo), wechateventtest.ErrAnswer)
	}
}

// WeCom's echostr is the echo, encrypted for the CorpID and signed with
// msg_signature; the URL escapes its base64.
func TestWeComVerifyRequest(t *testing.T) {
	s := &wechateventtest.Sender{Token: token, EncodingAESKey: aesKey, ReceiveID: corpID, Mode: wechateventtest.WeCom, EchoStr: "3894502120257093631"}
	req, echo, err := s.NewVerifyRequest("/wechat")
	require.NoError(t, err)
	assert.Equal(t, "3894502120257093631", echo)
	q, err := url.ParseQuery(req.URL.RawQuery)
	require.NoError(t, err)
	assert.Len(t, q, 4)
	assert.Empty(t, q.Get("signature"))
	assert.NotContains(t, req.URL.RawQuery, "+", "a literal + would arrive as a space")

	c, err := wechatevent.NewCrypto(token, aesKey, corpID)
	require.NoError(t, err)
	env := "<xml><Encrypt><![CDATA[" + q.Get("echostr") + "]]></Encrypt></xml>"
	plain, err := c.Decrypt(q.Get("msg_signature"), q.Get("timestamp"), q.Get("nonce"), []byte(env))
	require.NoError(t, err)
	assert.Equal(t, echo, string(plain))

	other, err := wechatevent.NewCrypto(token, aesKey, "ww_other")
	require.NoError(t, err)
	_, err = other.Decrypt(q.Get("msg_signature"), q.Get("timestamp"), q.Get("nonce"), []byte(env))
	assert.ErrorIs(t, err, wechatevent.ErrAppID)

	// The Handler of a WeCom app with another CorpID refuses it.
	h, err := wechatevent.NewHandler(token, new(echoHandler).fn, wechatevent.WithSecurityMode(aesKey, "ww_other"))
	require.NoError(t, err)
	rec := serve(h, req)
	assert.ErrorIs(t, wechateventtest.CheckEcho(rec.Code, rec.Body.Bytes(), echo), wechateventtest.ErrAnswer)
	assert.Equal(t, http.StatusForbidden, rec.Code)
}

func TestRetryIsByteIdentical(t *testing.T) {
	s := senders()[wechateventtest.Secure].s
	req, err := s.NewRequest("http://127.0.0.1/wechat", []byte(xmlText))
	require.NoError(t, err)
	first := readAll(t, req)
	for i := 0; i < 3; i++ {
		r, err := wechateventtest.Retry(req)
		require.NoError(t, err)
		assert.Equal(t, req.URL.String(), r.URL.String())
		assert.Equal(t, req.Header, r.Header)
		assert.Equal(t, first, readAll(t, r))
	}
}

// A Handler with the wrong token refuses; OpenReply says WeChat would not
// accept the answer.
func TestWrongTokenIsRefused(t *testing.T) {
	for mode, p := range senders() {
		t.Run(mode.String(), func(t *testing.T) {
			h, err := wechatevent.NewHandler("other-token", new(echoHandler).fn, p.opts...)
			require.NoError(t, err)
			req, err := p.s.NewRequest("/wechat", []byte(xmlText))
			require.NoError(t, err)
			rec := serve(h, req)
			assert.Equal(t, http.StatusForbidden, rec.Code)
			_, err = p.s.OpenReply(rec.Code, rec.Body.Bytes())
			assert.ErrorIs(t, err, wechateventtest.ErrAnswer)
		})
	}
}

// OpenReply catches every way an encrypted answer can be wrong.
func TestOpenReplyCatchesBadAnswers(t *testing.T) {
	secure := senders()[wechateventtest.Secure].s
	var e echoHandler
	h, err := wechatevent.NewHandler(token, e.fn, wechatevent.WithSecurityMode(aesKey, appID))
	require.NoError(t, err)
	req, err := secure.NewRequest("/wechat", []byte(xmlText))
	require.NoError(t, err)
	rec := serve(h, req)
	good := rec.Body.String()
	_, err = secure.OpenReply(200, []byte(good))
	require.NoError(t, err)

	var env struct{ Encrypt, MsgSignature, TimeStamp, Nonce string }
	require.NoError(t, xml.Unmarshal([]byte(good), &env))
	flipped := []byte(env.MsgSignature)
	flipped[0] ^= 1
	_, err = secure.OpenReply(200, []byte(strings.Replace(good, env.MsgSignature, string(flipped), 1)))
	assert.ErrorIs(t, err, wechateventtest.ErrAnswer)
	assert.ErrorIs(t, err, wechatevent.ErrSignature)

	_, err = secure.OpenReply(200, []byte(strings.Replace(good, "<Nonce><![CDATA["+env.Nonce, "<Nonce><![CDATA[1"+env.Nonce, 1)))
	assert.ErrorIs(t, err, wechatevent.ErrSignature, "the signature covers the envelope's nonce")

	otherApp := *secure
	otherApp.ReceiveID = "wx_other"
	_, err = otherApp.OpenReply(200, []byte(good))
	assert.ErrorIs(t, err, wechatevent.ErrAppID)

	_, err = secure.OpenReply(200, []byte("<xml><MsgType>text</MsgType></xml>"))
	assert.ErrorIs(t, err, wechateventtest.ErrAnswer, "Secure mode needs an encrypted reply")
	compat := *secure
	compat.Mode = wechateventtest.Compat
	reply, err := compat.OpenReply(200, []byte("<xml><MsgType>text</MsgType></xml>"))
	assert.NoError(t, err, "compat mode takes a reply in the clear")
	assert.Equal(t, "<xml><MsgType>text</MsgType></xml>", string(reply))

	_, err = secure.OpenReply(200, []byte("<xml><Encrypt>abc</Encrypt></xml>"))
	assert.ErrorIs(t, err, wechateventtest.ErrAnswer)
	_, err = secure.OpenReply(http.StatusInternalServerError, []byte(good))
	assert.ErrorIs(t, err, wechateventtest.ErrAnswer)

	plain := senders()[wechateventtest.Plain].s
	for _, bad := range []string{"ok", "<xml><a></xml>", "<xml/><xml/>", `{"a":`, "success\n"} {
		_, err = plain.OpenReply(200, []byte(bad))
		assert.ErrorIs(t, err, wechateventtest.ErrAnswer, bad)
	}
	for _, none := range []string{"", "success"} {
		reply, err := plain.OpenReply(200, []byte(none))
		assert.NoError(t, err)
		assert.Nil(t, reply)
	}
}

func TestBadKeyIsAnError(t *testing.T) {
	s := &wechateventtest.Sender{Token: token, EncodingAESKey: "short", Mode: wechateventtest.Secure}
	_, err := s.NewRequest("/wechat", []byte(xmlText))
	assert.ErrorIs(t, err, wechatevent.ErrAESKey)
	w := &wechateventtest.Sender{Token: token, EncodingAESKey: "short", Mode: wechateventtest.WeCom}
	_, _, err = w.NewVerifyRequest("/wechat")
	assert.ErrorIs(t, err, wechatevent.ErrAESKey)
}

func TestCompatNeedsAClosingTag(t *testing.T) {
	s := senders()[wechateventtest.Compat].s
	_, err := s.NewRequest("/wechat", []byte("<xml><MsgType>text</MsgType>"))
	assert.Error(t, err)
	spaced, err := s.NewRequest("/wechat", []byte("<xml><MsgType>text</MsgType></xml >\n"))
	require.NoError(t, err)
	assert.Regexp(t, `^<xml><MsgType>text</MsgType><Encrypt><!\[CDATA\[[^\]]+\]\]></Encrypt></xml >\n$`, readAll(t, spaced))

	req, err := s.NewRequest("/wechat", []byte(`{}`))
	require.NoError(t, err)
	var m map[string]string
	require.NoError(t, json.Unmarshal([]byte(readAll(t, req)), &m), "an empty object takes no comma")
	assert.NotEmpty(t, m["Encrypt"])
}

func TestModeString(t *testing.T) {
	assert.Equal(t, "Secure", wechateventtest.Secure.String())
	assert.Equal(t, "Mode(9)", wechateventtest.Mode(9).String())
}

func readAll(t *testing.T, req *http.Request) string {
	t.Helper()
	b, err := io.ReadAll(req.Body)
	require.NoError(t, err)
	return string(b)
}

// The envelope fields come from what the body says, also when it holds
// control characters, which WeChat sends inside text.
func TestEnvelopeFieldsFromATolerantRead(t *testing.T) {
	s := senders()[wechateventtest.WeCom].s
	body := strings.Replace(wecomMsg, "hello", "a\x1db", 1)
	req, err := s.NewRequest("/wechat", []byte(body))
	require.NoError(t, err)
	assert.Contains(t, readAll(t, req), "<AgentID><![CDATA[1000002]]></AgentID>")

	secure := senders()[wechateventtest.Secure].s
	req, err = secure.NewRequest("/wechat", []byte(strings.Replace(xmlText, "hello", "a\x1db", 1)))
	require.NoError(t, err)
	assert.Equal(t, "o9AgO5Kd5ggOC-bXrbNODIiE3bGY", req.URL.Query().Get("openid"))

	// A suite push has no ToUserName: the envelope names the ReceiveId.
	req, err = s.NewRequest("/wechat", []byte(`<xml><SuiteId><![CDATA[ww_suite]]></SuiteId><InfoType><![CDATA[suite_ticket]]></InfoType><TimeStamp>1403610513</TimeStamp></xml>`))
	require.NoError(t, err)
	assert.Contains(t, readAll(t, req), "<ToUserName><![CDATA["+corpID+"]]></ToUserName>")
}
