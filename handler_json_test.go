package wechatevent

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const textJSON = `{"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714037059,"MsgType":"text","Content":"你好","MsgId":24602305109838201}`

func TestHandlerPlainJSONPost(t *testing.T) {
	h, rec := newTestHandler(t)
	target := query("signature", plainSig("1714037059", "486452656"), "timestamp", "1714037059", "nonce", "486452656")
	w := serve(h, http.MethodPost, target, textJSON)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Equal(t, "success", w.Body.String())
	require.Equal(t, 1, rec.calls)
	msg, ok := rec.last.(*TextMessage)
	require.True(t, ok, "got %T", rec.last)
	assert.Equal(t, "你好", msg.Content)
	assert.Equal(t, int64(24602305109838201), msg.MsgID)

	w = serve(h, http.MethodPost, target, `{"MsgType":"text",}`)
	assert.Equal(t, http.StatusBadRequest, w.Code)
	assert.Equal(t, 1, rec.calls)
}

func TestHandlerSafeJSONPost(t *testing.T) {
	h, rec := newTestHandler(t, WithSecurityMode(testAESKey, testAppID))
	_, ref := newTestCrypto(t)
	ts, nonce := "1714037059", "486452656"
	encrypted := ref.encrypt([]byte("a8eedb185eb2fecf"), []byte(textJSON))
	target := query("timestamp", ts, "nonce", nonce, "encrypt_type", "aes", "msg_signature", ref.signature(testToken, ts, nonce, encrypted))
	w := serve(h, http.MethodPost, target, `{"ToUserName":"gh_97417a04a28d","Encrypt":"`+encrypted+`"}`)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	require.Equal(t, 1, rec.calls)
	msg, ok := rec.last.(*TextMessage)
	require.True(t, ok, "got %T", rec.last)
	assert.Equal(t, "你好", msg.Content)

	// The JSON envelope is as strict as the XML one.
	w = serve(h, http.MethodPost, target, `{"Encrypt":"`+encrypted+`","x":{"Encrypt":"`+encrypted+`"}}`)
	assert.Equal(t, http.StatusBadRequest, w.Code)
	assert.Equal(t, 1, rec.calls)
}

// V2, the official 小程序 JSON vector, served whole.
func TestHandlerJSONVector(t *testing.T) {
	for _, v := range loadVectors(t).Decrypt {
		if v.Name != "V2" {
			continue
		}
		rec := &recorder{}
		h, err := NewHandler(v.Token, rec.handle, WithSecurityMode(v.AESKey, v.AppID), WithTimestampWindow(0))
		require.NoError(t, err)
		w := serve(h, http.MethodPost, query("signature", v.Signature, "timestamp", v.Timestamp, "nonce", v.Nonce,
			"openid", "o9AgO5Kd5ggOC-bXrbNODIiE3bGY", "encrypt_type", "aes", "msg_signature", v.MsgSignature), v2Body)
		require.Equal(t, http.StatusOK, w.Code, w.Body.String())
		require.Equal(t, 1, rec.calls)
		u, ok := rec.last.(*UnknownEvent)
		require.True(t, ok, "got %T", rec.last)
		assert.Equal(t, "debug_demo", u.Event)
		assert.Equal(t, "hello world", u.Value("debug_str"))
		return
	}
	t.Fatal("no V2 vector")
}
