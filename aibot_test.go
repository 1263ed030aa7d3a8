package wechatevent_test

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

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

func TestParseAIBotCallback(t *testing.T) {
	ev, err := wechatevent.Parse([]byte(aiBotText))
	require.NoError(t, err)
	m, ok := ev.(*wechatevent.AIBotTextMessage)
	require.True(t, ok, "got %T", ev)
	assert.Equal(t, "@RobotA hello robot", m.Content)
	assert.Equal(t, "CAIQ16HMjQYY×", m.MsgID)
	assert.Equal(t, "USERID", m.UserID)
	assert.Equal(t, "group", m.ChatType)
	assert.Nil(t, m.Quote)
	h := ev.Header()
	assert.Equal(t, "text", h.MsgType)
	assert.Empty(t, h.Event)
	assert.Zero(t, h.MsgID, "the bot's msgid is no number")

	ev, err = wechatevent.Parse([]byte(`{"msgid":"e","create_time":1700000000,"msgtype":"event","event":{"eventtype":"enter_chat"}}`))
	require.NoError(t, err)
	require.IsType(t, &wechatevent.AIBotEnterChatEvent{}, ev)
	assert.Equal(t, "event", ev.Header().MsgType)
	assert.Equal(t, "enter_chat", ev.Header().Event)
	assert.Equal(t, int64(1700000000), ev.(*wechatevent.AIBotEnterChatEvent).CreateTime.Unix())

	// A msgtype the bot namespace does not know stays readable, and is no
	// refusal that would make WeCom retry.
	ev, err = wechatevent.Parse([]byte(`{"msgid":"m","aibotid":"AIBOTID","msgtype":"location","location":{"label":"x"}}`))
	require.NoError(t, err)
	u, ok := ev.(*wechatevent.UnknownEvent)
	require.True(t, ok, "got %T", ev)
	assert.Equal(t, "location", u.MsgType)
	assert.Equal(t, "x", u.Value("location>label"))
	assert.Equal(t, "AIBOTID", u.Value("aibotid"))

	// A body with neither spelling is still no callback.
	_, err = wechatevent.Parse([]byte(`{"aibotid":"AIBOTID","text":{"content":"hi"}}`))
	assert.ErrorIs(t, err, wechatevent.ErrMissingMsgType)
}

// The msgtype of an unknown bot body is the value's own, not the caller's
// buffer, which Parse may not keep.
func TestParseAIBotUnknownKeepsNoReference(t *testing.T) {
	body := []byte(`{"msgtype":"location"}`)
	ev, err := wechatevent.Parse(body)
	require.NoError(t, err)
	for i := range body {
		body[i] = 'X'
	}
	assert.Equal(t, "location", ev.Header().MsgType)
}

// The bot's callbacks are encrypted for the empty ReceiveId; the Handler
// delivers each documented one as its type and answers, never refusing one
// so that WeCom retries.
func TestHandlerDeliversAIBotCallbacks(t *testing.T) {
	wx := &wechateventtest.Sender{Token: senderToken, EncodingAESKey: senderAESKey, ReceiveID: "", Mode: wechateventtest.WeCom}
	var got wechatevent.Event
	h := handlerFor(t, wx, func(_ context.Context, ev wechatevent.Event) (wechatevent.Reply, error) {
		got = ev
		return nil, nil
	})
	srv := httptest.NewServer(h)
	defer srv.Close()

	files, err := filepath.Glob(filepath.Join("testdata", "wecom", "aibot.*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			body, err := os.ReadFile(f)
			require.NoError(t, err)
			want, err := wechatevent.Parse(body)
			require.NoError(t, err)
			_, unknown := want.(*wechatevent.UnknownEvent)
			require.False(t, unknown, "%s parses to no type of its own", f)
			got = nil

			req, err := wx.NewRequest(srv.URL, body)
			require.NoError(t, err)
			resp, err := srv.Client().Do(req)
			require.NoError(t, err)
			answer, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			require.NoError(t, err)
			require.Equal(t, http.StatusOK, resp.StatusCode, string(answer))
			reply, err := wx.OpenReply(resp.StatusCode, answer)
			require.NoError(t, err)
			assert.Nil(t, reply)

			assert.Equal(t, want, got)
		})
	}
}

// aiBotRequest is a POST as the AI bot sends it: the envelope
// {"encrypt":…} alone, sealed for the empty ReceiveId, signed with
// msg_signature in the query.
func aiBotRequest(t *testing.T, url string, c *wechatevent.Crypto, plaintext string) (*http.Request, string, string) {
	t.Helper()
	timestamp, nonce := strconv.FormatInt(time.Now().Unix(), 10), "1372623149"
	sealed, err := c.Encrypt([]byte(plaintext), timestamp, nonce)
	require.NoError(t, err)
	var env struct{ Encrypt, MsgSignature string }
	require.NoError(t, xml.Unmarshal(sealed, &env))
	body, err := json.Marshal(map[string]string{"encrypt": env.Encrypt})
	require.NoError(t, err)
	q := "?msg_signature=" + env.MsgSignature + "&timestamp=" + timestamp + "&nonce=" + nonce
	req, err := http.NewRequest(http.MethodPost, url+q, bytes.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	return req, timestamp, nonce
}

// A stream answer, the bot's own JSON, goes back as a RawReply, encrypted in
// the envelope the bot reads: lower-case keys, as it posted them.
func TestHandlerAnswersAIBotWithRawReply(t *testing.T) {
	const stream = `{"msgtype":"stream","stream":{"id":"STREAMID","finish":false,"content":"thinking"}}`
	c, err := wechatevent.NewCrypto(senderToken, senderAESKey, "")
	require.NoError(t, err)
	var got wechatevent.Event
	h, err := wechatevent.NewHandler(senderToken, func(_ context.Context, ev wechatevent.Event) (wechatevent.Reply, error) {
		got = ev
		return wechatevent.RawReply(stream), nil
	}, wechatevent.WithSecurityMode(senderAESKey, ""))
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	defer srv.Close()

	req, _, _ := aiBotRequest(t, srv.URL, c, aiBotText)
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	answer, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode, string(answer))
	require.IsType(t, &wechatevent.AIBotTextMessage{}, got)
	assert.Equal(t, "@RobotA hello robot", got.(*wechatevent.AIBotTextMessage).Content)

	var env struct {
		Encrypt      *string     `json:"encrypt"`
		MsgSignature string      `json:"msgsignature"`
		TimeStamp    json.Number `json:"timestamp"`
		Nonce        string      `json:"nonce"`
	}
	require.NoError(t, json.Unmarshal(answer, &env))
	require.NotNil(t, env.Encrypt, "no encrypt in %s", answer)
	for _, key := range []string{`"encrypt":`, `"msgsignature":`, `"timestamp":`, `"nonce":`} {
		assert.Contains(t, string(answer), key, "the keys are lower case, as the bot posted them")
	}
	reply, err := c.Decrypt(env.MsgSignature, env.TimeStamp.String(), env.Nonce, answer)
	require.NoError(t, err)
	assert.JSONEq(t, stream, string(reply))
}
