package wechatevent

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wechatevent/wechatevent/internal/interop"
)

// wecomClientRun is what internal/interop/wecom_client.js reports.
type wecomClientRun struct {
	Verify struct {
		Status     int
		Body, Want string
	}
	Posts []struct {
		Status         int
		Body           string
		Reply, ReplyID string
		SignatureOK    bool
	}
}

// runWeComClient saves url as a WeCom callback URL and posts messages to it,
// with Tencent's @wecom/crypto doing the signing and encryption.
func runWeComClient(t *testing.T, url, receiveID string, messages ...string) wecomClientRun {
	t.Helper()
	in := map[string]any{
		"url": url, "token": testToken, "aesKey": testAESKey, "receiveId": receiveID,
		"toUserName": receiveID, "agentId": "1000002", "messages": messages,
	}
	stdin, err := json.Marshal(in)
	require.NoError(t, err)
	var run wecomClientRun
	require.NoError(t, json.Unmarshal(interop.Run(t, stdin, "wecom_client.js"), &run))
	require.Len(t, run.Posts, len(messages))
	return run
}

const wecomCreateUser = `<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_contact]]></Event><ChangeType>create_user</ChangeType><UserID><![CDATA[zhangsan]]></UserID><Name><![CDATA[张三]]></Name><Department><![CDATA[1,2,3]]></Department></xml>`

func TestWeComSelfBuiltAppWithTencentCrypto(t *testing.T) {
	interop.Require(t)
	const corpID = "ww1436e0e65a779aee"
	var seen []Event
	h, err := NewHandler(testToken, func(_ context.Context, ev Event) (Reply, error) {
		seen = append(seen, ev)
		if m, ok := ev.(*TextMessage); ok {
			return NewTextReply(m, "你好 "+m.Content), nil
		}
		return nil, nil
	}, WithSecurityMode(testAESKey, corpID))
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	defer srv.Close()

	run := runWeComClient(t, srv.URL+"/wecom", corpID, wecomText, wecomCreateUser)
	assert.Equal(t, http.StatusOK, run.Verify.Status)
	assert.Equal(t, run.Verify.Want, run.Verify.Body, "the decrypted echostr, exactly")

	text := run.Posts[0]
	assert.Equal(t, http.StatusOK, text.Status)
	assert.True(t, text.SignatureOK, "reply MsgSignature as @wecom/crypto computes it")
	assert.Equal(t, corpID, text.ReplyID, "the reply is encrypted for the CorpID")
	assert.Contains(t, text.Reply, "<Content><![CDATA[你好 hello]]></Content>")

	event := run.Posts[1]
	assert.Equal(t, http.StatusOK, event.Status)
	assert.Equal(t, "", event.Body, "no reply: an empty 200")

	require.Len(t, seen, 2)
	assert.IsType(t, &TextMessage{}, seen[0])
	assert.Equal(t, "change_contact", seen[1].Header().Event)

	// A URL saved with a CorpID the Handler was not built for fails, as in
	// WeCom's console (-40005).
	run = runWeComClient(t, srv.URL+"/wecom", "ww0000000000000000")
	assert.Equal(t, http.StatusForbidden, run.Verify.Status)
	assert.NotEqual(t, run.Verify.Want, run.Verify.Body)
}

func TestWeComSuiteWithTencentCrypto(t *testing.T) {
	interop.Require(t)
	authorised := map[string]bool{testCorpA: true}
	h, err := NewHandler(testToken, func(context.Context, Event) (Reply, error) { return nil, nil },
		WithSecurityMode(testAESKey, testSuiteID),
		WithReceiveIDFunc(func(_ *http.Request, id string) (bool, error) { return authorised[id], nil }))
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	defer srv.Close()

	// 指令回调: ReceiveId = SuiteID; pushes are answered "success".
	run := runWeComClient(t, srv.URL+"/suite/receive", testSuiteID, wecomSuiteTicket)
	assert.Equal(t, http.StatusOK, run.Verify.Status)
	assert.Equal(t, run.Verify.Want, run.Verify.Body)
	assert.Equal(t, http.StatusOK, run.Posts[0].Status)
	assert.Equal(t, "success", run.Posts[0].Body)

	// 数据回调 with $CORPID$ filled in: ReceiveId = the authorising corp's CorpID.
	run = runWeComClient(t, srv.URL+"/suite/data?corpid="+testCorpA, testCorpA, wecomText)
	assert.Equal(t, http.StatusOK, run.Verify.Status)
	assert.Equal(t, run.Verify.Want, run.Verify.Body)
	assert.Equal(t, http.StatusOK, run.Posts[0].Status)
	assert.Equal(t, "", run.Posts[0].Body)

	// A corp that has not authorised the suite is refused.
	run = runWeComClient(t, srv.URL+"/suite/data?corpid="+testCorpB, testCorpB, wecomText)
	assert.Equal(t, http.StatusForbidden, run.Verify.Status)
	assert.Equal(t, http.StatusForbidden, run.Posts[0].Status)
}

func TestWeComEmptyReceiveIDWithTencentCrypto(t *testing.T) {
	interop.Require(t)
	// 个人主体 apps and the AI bot (智能机器人) encrypt for the empty ReceiveId.
	bot, err := NewHandler(testToken, func(context.Context, Event) (Reply, error) { return nil, nil }, WithSecurityMode(testAESKey, ""))
	require.NoError(t, err)
	srv := httptest.NewServer(bot)
	defer srv.Close()
	run := runWeComClient(t, srv.URL+"/bot", "", wecomText)
	assert.Equal(t, http.StatusOK, run.Verify.Status)
	assert.Equal(t, run.Verify.Want, run.Verify.Body)
	assert.Equal(t, http.StatusOK, run.Posts[0].Status)
	assert.Equal(t, "", run.Posts[0].Body)

	// A Handler for a CorpID does not take the empty ReceiveId for "any".
	app, err := NewHandler(testToken, func(context.Context, Event) (Reply, error) { return nil, nil }, WithSecurityMode(testAESKey, testCorpA))
	require.NoError(t, err)
	srv2 := httptest.NewServer(app)
	defer srv2.Close()
	run = runWeComClient(t, srv2.URL+"/app", "", wecomText)
	assert.Equal(t, http.StatusForbidden, run.Verify.Status)
	assert.Equal(t, http.StatusForbidden, run.Posts[0].Status)
}
