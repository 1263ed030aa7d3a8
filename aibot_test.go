package wechatevent_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wechatevent/wechatevent"
	"github.com/wechatevent/wechatevent/wechateventtest"
)

// aiBotText is a WeCom AI bot (智能机器人) text callback as its JSON
// documentation and Senparc's BotEntityHelperTest show it: every key in lower
// case, "msgtype" instead of "MsgType".
const aiBotText = `{"msgid":"CAIQ16HMjQYY\u00d7","aibotid":"AIBOTID","chatid":"CHATID","chattype":"group",` +
	`"from":{"userid":"USERID"},"response_url":"RESPONSEURL","msgtype":"text","text":{"content":"@RobotA hello robot"}}`

func TestParseAIBotCallbackIsUnknownNotRefused(t *testing.T) {
	ev, err := wechatevent.Parse([]byte(aiBotText))
	require.NoError(t, err)
	u, ok := ev.(*wechatevent.UnknownEvent)
	require.True(t, ok, "got %T", ev)
	assert.Equal(t, "text", u.MsgType)
	assert.Equal(t, "@RobotA hello robot", u.Value("text>content"))
	assert.Equal(t, "USERID", u.Value("from>userid"))
	assert.Equal(t, "AIBOTID", u.Value("aibotid"))
	assert.JSONEq(t, aiBotText, string(u.Raw))

	// A body with neither spelling is still no callback.
	_, err = wechatevent.Parse([]byte(`{"aibotid":"AIBOTID","text":{"content":"hi"}}`))
	assert.ErrorIs(t, err, wechatevent.ErrMissingMsgType)
}

// The bot's callbacks are encrypted for the empty ReceiveId; the Handler
// must deliver them and answer, never refuse them so that WeCom retries.
func TestHandlerDeliversAIBotCallback(t *testing.T) {
	wx := &wechateventtest.Sender{Token: senderToken, EncodingAESKey: senderAESKey, ReceiveID: "", Mode: wechateventtest.WeCom}
	var got wechatevent.Event
	h := handlerFor(t, wx, func(_ context.Context, ev wechatevent.Event) (wechatevent.Reply, error) {
		got = ev
		return nil, nil
	})
	srv := httptest.NewServer(h)
	defer srv.Close()

	req, err := wx.NewRequest(srv.URL, []byte(aiBotText))
	require.NoError(t, err)
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
	_, err = wx.OpenReply(resp.StatusCode, body)
	require.NoError(t, err)

	u, ok := got.(*wechatevent.UnknownEvent)
	require.True(t, ok, "got %T", got)
	assert.Equal(t, "text", u.MsgType)
	assert.Equal(t, "@RobotA hello robot", u.Value("text>content"))
}

// The MsgType of a bot body is the value's own, not the caller's buffer,
// which Parse may not keep.
func TestParseAIBotUnknownKeepsNoReference(t *testing.T) {
	body := []byte(`{"msgtype":"location"}`)
	ev, err := wechatevent.Parse(body)
	require.NoError(t, err)
	for i := range body {
		body[i] = 'X'
	}
	assert.Equal(t, "location", ev.Header().MsgType)
}
