package wechatevent

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const textMessageXML = `<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName>
<FromUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></FromUserName>
<CreateTime>1714112445</CreateTime><MsgType><![CDATA[text]]></MsgType>
<Content><![CDATA[hi]]></Content><MsgId>24602147392840001</MsgId></xml>`

// textMessageJSON is the same message in the JSON data format of 小程序.
const textMessageJSON = "\xef\xbb\xbf \n" + `{"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714112445,"MsgType":"text","Content":"hi","MsgId":24602147392840001}`

// hostileReply is a reply text that breaks naive encoders.
const hostileReply = "回复 ]]> <b>&amp;</b> 😀\r\n\x01end"

func plainTarget() string {
	return query("signature", plainSig("1714037059", "486452656"), "timestamp", "1714037059", "nonce", "486452656")
}

// safeJSONRequest returns the URL and the JSON envelope WeChat sends for
// plaintext in security mode; key spells the ciphertext's key ("Encrypt"
// for 小程序, "encrypt" for WeCom).
func safeJSONRequest(t *testing.T, plaintext, key, ts, nonce string) (string, string) {
	t.Helper()
	_, ref := newTestCrypto(t)
	encrypted := ref.encrypt([]byte("a8eedb185eb2fecf"), []byte(plaintext))
	body, err := json.Marshal(map[string]string{"ToUserName": "gh_97417a04a28d", key: encrypted})
	require.NoError(t, err)
	return query("signature", plainSig(ts, nonce), "timestamp", ts, "nonce", nonce, "encrypt_type", "aes",
		"msg_signature", ref.signature(testToken, ts, nonce, encrypted)), string(body)
}

// requireText parses a reply body and requires a text message to the
// sender of the test callbacks holding content.
func requireText(t *testing.T, body []byte, content string) {
	t.Helper()
	ev, err := Parse(body)
	require.NoError(t, err, string(body))
	msg, ok := ev.(*TextMessage)
	require.True(t, ok, "got %T", ev)
	assert.Equal(t, content, msg.Content)
	assert.Equal(t, "o9AgO5Kd5ggOC-bXrbNODIiE3bGY", msg.ToUserName)
	assert.Equal(t, "gh_97417a04a28d", msg.FromUserName)
}

func textReplier(content string) func(Event) Reply {
	return func(ev Event) Reply { return NewTextReply(ev, content) }
}

func TestHandlerPlainReplyFollowsPushFormat(t *testing.T) {
	h, rec := newTestHandler(t)
	rec.replyFor = textReplier(hostileReply)

	w := serve(h, http.MethodPost, plainTarget(), textMessageXML)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Equal(t, "application/xml; charset=utf-8", w.Header().Get("Content-Type"))
	assert.True(t, strings.HasPrefix(w.Body.String(), "<xml>"))
	requireText(t, w.Body.Bytes(), hostileReply)

	w = serve(h, http.MethodPost, plainTarget(), textMessageJSON)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Equal(t, "application/json; charset=utf-8", w.Header().Get("Content-Type"))
	var m map[string]any
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &m), w.Body.String())
	assert.Equal(t, hostileReply, m["Content"])
	requireText(t, w.Body.Bytes(), hostileReply)
	assert.Equal(t, 2, rec.calls)
}

// openJSONEnvelope checks a JSON reply envelope with the reference
// implementation and returns its plaintext and the envelope's members.
func openJSONEnvelope(t *testing.T, body []byte, keys [4]string) ([]byte, map[string]any) {
	t.Helper()
	var env map[string]any
	d := json.NewDecoder(bytes.NewReader(body))
	d.UseNumber()
	require.NoError(t, d.Decode(&env), string(body))
	require.Len(t, env, 4, string(body))
	encrypted, _ := env[keys[0]].(string)
	sig, _ := env[keys[1]].(string)
	ts, _ := env[keys[2]].(json.Number)
	nonce, _ := env[keys[3]].(string)
	require.NotEmpty(t, encrypted, "%s in %s", keys[0], body)
	_, ref := newTestCrypto(t)
	assert.Equal(t, ref.signature(testToken, ts.String(), nonce, encrypted), sig)
	msg, err := ref.decrypt(encrypted)
	require.NoError(t, err)
	return msg, env
}

func TestHandlerSecurityReplyFollowsPushFormat(t *testing.T) {
	h, rec := newTestHandler(t, WithSecurityMode(testAESKey, testAppID))
	rec.replyFor = textReplier(hostileReply)

	// XML push: the XML envelope, opened by the reference implementation.
	target, body := safeRequest(t, textMessageXML, "1714112445", "415670741")
	w := serve(h, http.MethodPost, target, body)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Equal(t, "application/xml; charset=utf-8", w.Header().Get("Content-Type"))
	_, ref := newTestCrypto(t)
	env, msg, err := ref.open(w.Body.Bytes())
	require.NoError(t, err)
	assert.Equal(t, "1714112445", env.TimeStamp)
	assert.Equal(t, "415670741", env.Nonce)
	requireText(t, msg, hostileReply)

	// 小程序 JSON push: the JSON envelope of the 消息推送 doc.
	target, body = safeJSONRequest(t, textMessageJSON, "Encrypt", "1714112445", "415670741")
	w = serve(h, http.MethodPost, target, body)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Equal(t, "application/json; charset=utf-8", w.Header().Get("Content-Type"))
	msg, members := openJSONEnvelope(t, w.Body.Bytes(), envelopeKeys2)
	assert.Equal(t, json.Number("1714112445"), members["TimeStamp"], "a number, as in the doc")
	assert.Equal(t, "415670741", members["Nonce"])
	assert.True(t, isJSON(msg), string(msg))
	requireText(t, msg, hostileReply)

	// WeCom's JSON callbacks spell the envelope in lower case; so does the reply.
	target, body = safeJSONRequest(t, textMessageJSON, "encrypt", "1714112445", "415670741")
	w = serve(h, http.MethodPost, target, body)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	msg, _ = openJSONEnvelope(t, w.Body.Bytes(), [4]string{"encrypt", "msgsignature", "timestamp", "nonce"})
	requireText(t, msg, hostileReply)
	assert.Equal(t, 3, rec.calls)
	assert.Empty(t, rec.logged)
}

// envelopeKeys2 are the keys of the 小程序 JSON envelope.
var envelopeKeys2 = [4]string{"Encrypt", "MsgSignature", "TimeStamp", "Nonce"}

// TestEncryptJSONDocVector reproduces the reply encryption example of the
// 小程序 消息推送 doc byte for byte, with its random prefix.
func TestEncryptJSONDocVector(t *testing.T) {
	c, err := NewCrypto("AAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "wxba5fad812f8e6fb9")
	require.NoError(t, err)
	c.rand = strings.NewReader("707722b803182950")
	out, err := c.encryptJSON([]byte(`{"demo_resp":"good luck"}`), "1713424427", "415670741", c.appID, false)
	require.NoError(t, err)
	assert.Equal(t, `{"Encrypt":"ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==",`+
		`"MsgSignature":"1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1","TimeStamp":1713424427,"Nonce":"415670741"}`, string(out))

	// A timestamp that is no plain number stays a string.
	c.rand = strings.NewReader("707722b803182950")
	out, err = c.encryptJSON([]byte(`{}`), "0123", "n\"1", c.appID, true)
	require.NoError(t, err)
	var env map[string]any
	require.NoError(t, json.Unmarshal(out, &env))
	assert.Equal(t, "0123", env["timestamp"])
	assert.Equal(t, "n\"1", env["nonce"])

	_, err = c.encryptJSON([]byte(`{}`), "1\n", "1", c.appID, false)
	assert.Error(t, err)
}

func TestHandlerNoReply(t *testing.T) {
	for _, secure := range []bool{false, true} {
		var opts []HandlerOption
		if secure {
			opts = append(opts, WithSecurityMode(testAESKey, testAppID))
		}
		h, rec := newTestHandler(t, opts...)
		send := func(plaintext string) *responseSummary {
			target, body := plainTarget(), plaintext
			if secure {
				if isJSON([]byte(plaintext)) {
					target, body = safeJSONRequest(t, plaintext, "Encrypt", "1714112445", "415670741")
				} else {
					target, body = safeRequest(t, plaintext, "1714112445", "415670741")
				}
			}
			w := serve(h, http.MethodPost, target, body)
			return &responseSummary{w.Code, w.Body.String(), w.Header().Get("Content-Type")}
		}
		// nil: "success" in the clear, for XML and JSON pushes alike.
		for _, push := range []string{textMessageXML, textMessageJSON} {
			assert.Equal(t, &responseSummary{200, "success", contentTypeText}, send(push), "secure=%v", secure)
		}
		// The two raw bodies that mean no reply are never encrypted.
		rec.reply = RawReply("success")
		assert.Equal(t, &responseSummary{200, "success", contentTypeText}, send(textMessageXML))
		rec.reply = RawReply{}
		assert.Equal(t, &responseSummary{200, "", contentTypeText}, send(textMessageXML))
		// The decision point for what no reply answers.
		rec.reply = nil
		h.noReply = func(_ *http.Request, ev Event) []byte {
			if ev.Header().MsgType == "text" {
				return nil
			}
			return []byte("success")
		}
		assert.Equal(t, &responseSummary{200, "", contentTypeText}, send(textMessageXML))
		assert.Equal(t, &responseSummary{200, "success", contentTypeText}, send(subscribeByQR))
		assert.Empty(t, rec.logged)
	}
}

type responseSummary struct {
	Code        int
	Body        string
	ContentType string
}

func TestHandlerRefusedReply(t *testing.T) {
	h, rec := newTestHandler(t, WithSecurityMode(testAESKey, testAppID))
	rec.reply = &NewsReply{} // no article: WeChat would refuse it
	target, body := safeRequest(t, textMessageXML, "1714112445", "415670741")
	w := serve(h, http.MethodPost, target, body)
	assert.Equal(t, http.StatusInternalServerError, w.Code)
	assert.NotContains(t, w.Body.String(), "article")
	require.Len(t, rec.logged, 1)
	assert.ErrorIs(t, rec.logged[0], ErrReply)

	rec.reply = (*TextReply)(nil)
	w = serve(h, http.MethodPost, target, body)
	assert.Equal(t, http.StatusInternalServerError, w.Code)
	require.Len(t, rec.logged, 2)
	assert.ErrorIs(t, rec.logged[1], ErrReply)
}

// TestHandlerOneLineReply is the promise of the README: one line answers a
// text message, in plain, compat and security mode.
func TestHandlerOneLineReply(t *testing.T) {
	fn := func(_ context.Context, ev Event) (Reply, error) {
		if e, ok := ev.(*TextMessage); ok {
			return NewTextReply(e, "hi"), nil
		}
		return nil, nil
	}
	plain, err := NewHandler(testToken, fn, WithTimestampWindow(0))
	require.NoError(t, err)
	w := serve(plain, http.MethodPost, plainTarget(), textMessageXML)
	require.Equal(t, http.StatusOK, w.Code)
	requireText(t, w.Body.Bytes(), "hi")

	safe, err := NewHandler(testToken, fn, WithSecurityMode(testAESKey, testAppID), WithTimestampWindow(0))
	require.NoError(t, err)
	_, ref := newTestCrypto(t)
	// Compat mode sends the clear fields beside <Encrypt>: still encrypted.
	target, body := safeRequest(t, textMessageXML, "1714112445", "415670741")
	compat := strings.Replace(body, "</xml>", "<FromUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></FromUserName><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi]]></Content></xml>", 1)
	for _, b := range []string{body, compat} {
		w = serve(safe, http.MethodPost, target, b)
		require.Equal(t, http.StatusOK, w.Code)
		_, msg, err := ref.open(w.Body.Bytes())
		require.NoError(t, err)
		requireText(t, msg, "hi")
	}
}
