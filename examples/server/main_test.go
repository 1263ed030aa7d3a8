package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestServerPrintsOneJSONLinePerEvent(t *testing.T) {
	var out bytes.Buffer
	mux, err := newMux(&out, "AAAAA", "", "", 0)
	require.NoError(t, err)

	// The plain-mode POST signature of the official 小程序 doc.
	target := "/wechat?signature=899cf89e464efb63f54ddac96b0a0a235f53aa78&timestamp=1714037059&nonce=486452656"
	for _, body := range []string{
		`<xml><ToUserName>gh_1</ToUserName><FromUserName>o_user</FromUserName><CreateTime>1714037059</CreateTime><MsgType>event</MsgType><Event>subscribe</Event><EventKey>qrscene_42</EventKey></xml>`,
		`<xml><ToUserName>gh_1</ToUserName><FromUserName>o_user</FromUserName><CreateTime>1714037059</CreateTime><MsgType>event</MsgType><Event>debug_demo</Event></xml>`,
	} {
		w := httptest.NewRecorder()
		mux.ServeHTTP(w, httptest.NewRequest(http.MethodPost, target, strings.NewReader(body)))
		require.Equal(t, http.StatusOK, w.Code)
	}

	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 2)
	var first struct {
		Type      string `json:"type"`
		DedupeKey string `json:"dedupe_key"`
		Event     struct{ SceneID, FromUserName string }
	}
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &first))
	assert.Equal(t, "*wechatevent.SubscribeScanEvent", first.Type)
	assert.Equal(t, "42", first.Event.SceneID)
	assert.Len(t, first.DedupeKey, 64)

	var second struct{ Type, Raw string }
	require.NoError(t, json.Unmarshal([]byte(lines[1]), &second))
	assert.Equal(t, "*wechatevent.UnknownEvent", second.Type)
	assert.Contains(t, second.Raw, "<Event>debug_demo</Event>")

	// A bad signature prints nothing.
	w := httptest.NewRecorder()
	mux.ServeHTTP(w, httptest.NewRequest(http.MethodPost, strings.Replace(target, "899c", "999c", 1), strings.NewReader("<xml/>")))
	assert.Equal(t, http.StatusForbidden, w.Code)
	assert.Len(t, strings.Split(strings.TrimSpace(out.String()), "\n"), 2)
}

func TestServerRefusesBadKey(t *testing.T) {
	_, err := newMux(&bytes.Buffer{}, "AAAAA", "short", "wx1", 0)
	assert.Error(t, err)
}
