package wechatevent_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wechatevent/wechatevent"
	"github.com/wechatevent/wechatevent/wechateventtest"
)

// The Handler's tests as WeChat would run them: requests built by
// wechateventtest in every mode, answers opened as WeChat reads them.

const (
	senderToken  = "AAAAA"
	senderAESKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
	senderAppID  = "wxba5fad812f8e6fb9"
)

func modeSenders() []*wechateventtest.Sender {
	return []*wechateventtest.Sender{
		{Token: senderToken, Mode: wechateventtest.Plain},
		{Token: senderToken, EncodingAESKey: senderAESKey, ReceiveID: senderAppID, Mode: wechateventtest.Compat},
		{Token: senderToken, EncodingAESKey: senderAESKey, ReceiveID: senderAppID, Mode: wechateventtest.Secure},
		{Token: senderToken, EncodingAESKey: senderAESKey, ReceiveID: "ww1436e0e65a779aee", Mode: wechateventtest.WeCom},
	}
}

// handlerFor builds the Handler that the endpoint of s runs, calling fn.
func handlerFor(t *testing.T, s *wechateventtest.Sender, fn func(context.Context, wechatevent.Event) (wechatevent.Reply, error), opts ...wechatevent.HandlerOption) *wechatevent.Handler {
	t.Helper()
	if s.Mode != wechateventtest.Plain {
		opts = append(opts, wechatevent.WithSecurityMode(s.EncodingAESKey, s.ReceiveID))
	}
	h, err := wechatevent.NewHandler(s.Token, fn, opts...)
	require.NoError(t, err)
	return h
}

// fixtures lists every callback body under testdata, XML and JSON.
func fixtures(t *testing.T) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir("testdata", func(path string, d os.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && (d.Name() == "security" || d.Name() == "fuzz"):
			return filepath.SkipDir
		case !d.IsDir() && (strings.HasSuffix(path, ".xml") || strings.HasSuffix(path, ".json")):
			files = append(files, path)
		}
		return nil
	})
	require.NoError(t, err)
	require.NotEmpty(t, files)
	return files
}

// Every shipped fixture arrives at the function as the type Parse gives it,
// in every mode, and an answer without reply is one WeChat accepts; a body
// Parse refuses is refused with 400 after it was authenticated.
func TestHandlerDeliversEveryFixtureInEveryMode(t *testing.T) {
	files := fixtures(t)
	for _, s := range modeSenders() {
		for _, file := range files {
			t.Run(s.Mode.String()+"/"+file, func(t *testing.T) {
				body, err := os.ReadFile(file)
				require.NoError(t, err)
				if s.Mode == wechateventtest.Compat && bytes.Contains(body, []byte("<Encrypt>")) {
					t.Skip("a captured compat-mode body: it has its <Encrypt> already")
				}
				want, parseErr := wechatevent.Parse(body)

				var got wechatevent.Event
				var key string
				h := handlerFor(t, s, func(ctx context.Context, ev wechatevent.Event) (wechatevent.Reply, error) {
					got, key = ev, wechatevent.DedupeKeyFromContext(ctx)
					return nil, nil
				})
				req, err := s.NewRequest("/wechat", body)
				require.NoError(t, err)
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if parseErr != nil {
					assert.Equal(t, http.StatusBadRequest, rec.Code, "Parse: %v", parseErr)
					assert.Nil(t, got)
					return
				}
				reply, err := s.OpenReply(rec.Code, rec.Body.Bytes())
				require.NoError(t, err, rec.Body.String())
				assert.Nil(t, reply)
				require.NotNil(t, got)
				assert.Equal(t, reflect.TypeOf(want), reflect.TypeOf(got))
				assert.Equal(t, want.Header(), got.Header())
				receiveID := s.ReceiveID
				if s.Mode == wechateventtest.Plain {
					receiveID = ""
				}
				assert.Equal(t, wechatevent.DedupeKey(receiveID, body), key)
			})
		}
	}
}

// A reply comes back in the format of the push, encrypted in security mode,
// and opens to what the function returned.
func TestHandlerReplyOpensInEveryMode(t *testing.T) {
	body := []byte(`<xml><ToUserName>gh_97417a04a28d</ToUserName><FromUserName>o_user</FromUserName><CreateTime>1714112445</CreateTime><MsgType>text</MsgType><Content>ping</Content><MsgId>7</MsgId></xml>`)
	for _, s := range modeSenders() {
		t.Run(s.Mode.String(), func(t *testing.T) {
			h := handlerFor(t, s, func(_ context.Context, ev wechatevent.Event) (wechatevent.Reply, error) {
				return wechatevent.NewTextReply(ev, "pong"), nil
			})
			req, err := s.NewRequest("/wechat", body)
			require.NoError(t, err)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			reply, err := s.OpenReply(rec.Code, rec.Body.Bytes())
			require.NoError(t, err)
			want, err := wechatevent.MarshalReply(&wechatevent.TextReply{ToUserName: "o_user", FromUserName: "gh_97417a04a28d", CreateTime: parseCreateTime(t, reply), Content: "pong"})
			require.NoError(t, err)
			assert.Equal(t, string(want), string(reply))
		})
	}
}

// parseCreateTime reads the CreateTime the Handler stamped on a reply.
func parseCreateTime(t *testing.T, reply []byte) time.Time {
	t.Helper()
	ev, err := wechatevent.Parse(reply)
	require.NoError(t, err, string(reply))
	return ev.Header().CreateTime
}

// A security-mode Handler refuses a plain-mode request, however well it is
// signed: the mode comes from the configuration.
func TestHandlerRefusesDowngradeFromSender(t *testing.T) {
	secure := modeSenders()[2]
	h := handlerFor(t, secure, func(context.Context, wechatevent.Event) (wechatevent.Reply, error) {
		t.Error("function called for a downgraded request")
		return nil, nil
	})
	plain := &wechateventtest.Sender{Token: secure.Token}
	req, err := plain.NewRequest("/wechat?encrypt_type=raw", []byte(`<xml><ToUserName>gh_1</ToUserName><MsgType>text</MsgType><Content>forged</Content></xml>`))
	require.NoError(t, err)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	assert.Equal(t, http.StatusForbidden, rec.Code)
}

// With a timestamp window, a request signed long ago is refused and a fresh
// one accepted.
func TestHandlerTimestampWindowWithSender(t *testing.T) {
	for _, s := range modeSenders() {
		t.Run(s.Mode.String(), func(t *testing.T) {
			h := handlerFor(t, s, func(context.Context, wechatevent.Event) (wechatevent.Reply, error) { return nil, nil },
				wechatevent.WithTimestampWindow(5*time.Minute))
			body := []byte(`<xml><ToUserName>gh_1</ToUserName><FromUserName>o</FromUserName><CreateTime>1</CreateTime><MsgType>event</MsgType><Event>CLICK</Event></xml>`)

			req, err := s.NewRequest("/wechat", body)
			require.NoError(t, err)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			assert.Equal(t, http.StatusOK, rec.Code)

			old := *s
			old.Timestamp = "1714112445"
			req, err = old.NewRequest("/wechat", body)
			require.NoError(t, err)
			rec = httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			assert.Equal(t, http.StatusForbidden, rec.Code)
			assert.True(t, strings.Contains(req.URL.RawQuery, "timestamp=1714112445"))
		})
	}
}

// The Handler answers WeChat's URL verification in every mode: the echostr as
// sent, or for WeCom the plaintext of the encrypted one; with another token
// or ReceiveId, WeChat would not save the URL.
func TestHandlerVerifiesURLInEveryMode(t *testing.T) {
	for _, s := range modeSenders() {
		t.Run(s.Mode.String(), func(t *testing.T) {
			noop := func(context.Context, wechatevent.Event) (wechatevent.Reply, error) { return nil, nil }
			req, echo, err := s.NewVerifyRequest("/wechat")
			require.NoError(t, err)
			rec := httptest.NewRecorder()
			handlerFor(t, s, noop).ServeHTTP(rec, req)
			assert.NoError(t, wechateventtest.CheckEcho(rec.Code, rec.Body.Bytes(), echo))

			other := *s
			other.Token = "another-token"
			rec = httptest.NewRecorder()
			handlerFor(t, &other, noop).ServeHTTP(rec, req)
			assert.ErrorIs(t, wechateventtest.CheckEcho(rec.Code, rec.Body.Bytes(), echo), wechateventtest.ErrAnswer)

			if s.Mode == wechateventtest.WeCom {
				other := *s
				other.ReceiveID = "ww_another_corp"
				rec = httptest.NewRecorder()
				handlerFor(t, &other, noop).ServeHTTP(rec, req)
				assert.Equal(t, http.StatusForbidden, rec.Code)
			}
		})
	}
}
