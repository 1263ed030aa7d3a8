package main

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wechatevent/wechatevent"
	"github.com/wechatevent/wechatevent/wechateventtest"
)

const (
	token  = "AAAAA"
	aesKey = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	appID  = "wx134c8103faa5a59e"
)

const (
	text = `<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><FromUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></FromUserName>
<CreateTime>1715943329</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hello ]]]]><![CDATA[> <you>]]></Content><MsgId>1</MsgId></xml>`
	subscribe = `<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><FromUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></FromUserName>
<CreateTime>1715943329</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event><EventKey><![CDATA[qrscene_7]]></EventKey></xml>`
	click = `<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><FromUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></FromUserName>
<CreateTime>1715943329</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[CLICK]]></Event><EventKey><![CDATA[menu]]></EventKey></xml>`
)

// TestBot plays WeChat against the bot in plain and security mode and reads
// its replies as WeChat does.
func TestBot(t *testing.T) {
	for _, mode := range []wechateventtest.Mode{wechateventtest.Plain, wechateventtest.Secure} {
		t.Run(mode.String(), func(t *testing.T) {
			key := ""
			if mode != wechateventtest.Plain {
				key = aesKey
			}
			h, err := newHandler(token, key, appID)
			require.NoError(t, err)
			wx := &wechateventtest.Sender{Token: token, EncodingAESKey: aesKey, ReceiveID: appID, Mode: mode}
			send := func(body string) wechatevent.Event {
				req, err := wx.NewRequest("/wechat", []byte(body))
				require.NoError(t, err)
				w := httptest.NewRecorder()
				h.ServeHTTP(w, req)
				require.Equal(t, http.StatusOK, w.Code, w.Body.String())
				reply, err := wx.OpenReply(w.Code, w.Body.Bytes())
				require.NoError(t, err)
				if reply == nil {
					assert.Equal(t, "success", w.Body.String())
					return nil
				}
				ev, err := wechatevent.Parse(reply)
				require.NoError(t, err)
				assert.Equal(t, "o9AgO5Kd5ggOC-bXrbNODIiE3bGY", ev.Header().ToUserName)
				assert.Equal(t, "gh_97417a04a28d", ev.Header().FromUserName)
				return ev
			}

			got, ok := send(text).(*wechatevent.TextMessage)
			require.True(t, ok, "a text answers a text")
			assert.Equal(t, "You said: hello ]]> <you>", got.Content)

			news, ok := send(subscribe).(*wechatevent.UnknownEvent)
			require.True(t, ok, "news is no registered incoming type")
			assert.Equal(t, "news", news.MsgType)
			assert.Equal(t, "1", news.Value("ArticleCount"))
			assert.Equal(t, welcome.Title, news.Value("Articles>item>Title"))
			assert.Equal(t, welcome.URL, news.Value("Articles>item>Url"))

			assert.Nil(t, send(click), "anything else: success")
		})
	}
}
