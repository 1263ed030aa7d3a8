package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wechatevent/wechatevent/wechateventtest"
)

const (
	token  = "QDG6eK"
	aesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
	corpID = "ww1436e0e65a779aee"
)

func serve(h http.Handler, req *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

func TestWeComApp(t *testing.T) {
	var out bytes.Buffer
	mux, err := newMux(&out, token, aesKey, corpID)
	require.NoError(t, err)
	wecom := &wechateventtest.Sender{Token: token, EncodingAESKey: aesKey, ReceiveID: corpID, Mode: wechateventtest.WeCom}

	// Saving the URL on the admin page: the encrypted echostr is answered.
	req, echo, err := wecom.NewVerifyRequest("/wecom")
	require.NoError(t, err)
	w := serve(mux, req)
	require.NoError(t, wechateventtest.CheckEcho(w.Code, w.Body.Bytes(), echo))

	now := strconv.FormatInt(time.Now().Unix(), 10)

	// A member's text message gets an encrypted text reply.
	req, err = wecom.NewRequest("/wecom", []byte(`<xml><ToUserName><![CDATA[`+corpID+`]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName><CreateTime>`+now+`</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hello]]></Content><MsgId>4561255354251345929</MsgId><AgentID>1000002</AgentID></xml>`))
	require.NoError(t, err)
	w = serve(mux, req)
	reply, err := wecom.OpenReply(w.Code, w.Body.Bytes())
	require.NoError(t, err)
	assert.Contains(t, string(reply), "<ToUserName><![CDATA[zhangsan]]></ToUserName>")
	assert.Contains(t, string(reply), "<Content><![CDATA[收到: hello]]></Content>")

	// A contact change is printed and answered with WeCom's empty "no reply".
	req, err = wecom.NewRequest("/wecom", []byte(`<xml><ToUserName><![CDATA[`+corpID+`]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>`+now+`</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_contact]]></Event><ChangeType>create_user</ChangeType><UserID><![CDATA[lisi]]></UserID><Name><![CDATA[李四]]></Name><Department><![CDATA[1,2]]></Department></xml>`))
	require.NoError(t, err)
	w = serve(mux, req)
	assert.Equal(t, http.StatusOK, w.Code)
	assert.Empty(t, w.Body.String())
	assert.Equal(t, "member lisi (李四) joined departments [1 2]\n", out.String())

	// The same callbacks from another corp's app (another ReceiveId) are refused.
	other := *wecom
	other.ReceiveID = "ww0000000000000000"
	req, _, err = other.NewVerifyRequest("/wecom")
	require.NoError(t, err)
	assert.Equal(t, http.StatusForbidden, serve(mux, req).Code)
	req, err = other.NewRequest("/wecom", []byte(`<xml><MsgType>event</MsgType><Event>change_contact</Event><ChangeType>delete_user</ChangeType><UserID>lisi</UserID></xml>`))
	require.NoError(t, err)
	assert.Equal(t, http.StatusForbidden, serve(mux, req).Code)
	assert.NotContains(t, out.String(), "left")
}

func TestWeComAppNeedsValidKey(t *testing.T) {
	_, err := newMux(&bytes.Buffer{}, token, "short", corpID)
	assert.Error(t, err)
}
