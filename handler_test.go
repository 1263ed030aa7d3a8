package wechatevent

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const subscribeByQR = `<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName>
<FromUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></FromUserName>
<CreateTime>1715943329</CreateTime>
<MsgType><![CDATA[event]]></MsgType>
<Event><![CDATA[subscribe]]></Event>
<EventKey><![CDATA[qrscene_123123]]></EventKey>
<Ticket><![CDATA[gQH47joAAAAAAAAAASxodHRwOi8vd2VpeGluLnFxLmNvbS9xL2lVTVNuMlRsWTJ3UXhmR3dRZ0VFAAIEAAAAAAMEAAAAAA==]]></Ticket>
</xml>`

// recorder is the event function of a handler under test.
type recorder struct {
	mu    sync.Mutex
	calls int
	last  Event
	ctx   context.Context
	reply Reply
	// replyFor, when set, builds the reply from the event instead.
	replyFor func(Event) Reply
	err      error
	logged   []error
}

func (rec *recorder) handle(ctx context.Context, ev Event) (Reply, error) {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	rec.calls++
	rec.last, rec.ctx = ev, ctx
	if rec.replyFor != nil {
		return rec.replyFor(ev), rec.err
	}
	return rec.reply, rec.err
}

func (rec *recorder) log(_ *http.Request, err error) {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	rec.logged = append(rec.logged, err)
}

// newTestHandler returns a handler with the timestamp window and dedupe off
// unless opts turn them on, so that tests can serve the published vectors
// (old timestamps) and one request several times.
func newTestHandler(t *testing.T, opts ...HandlerOption) (*Handler, *recorder) {
	t.Helper()
	rec := &recorder{}
	h, err := NewHandler(testToken, rec.handle, append([]HandlerOption{WithErrorLog(rec.log), WithTimestampWindow(0), WithDedupe(nil)}, opts...)...)
	require.NoError(t, err)
	return h, rec
}

// query builds a callback URL from name, value pairs.
func query(kv ...string) string {
	q := url.Values{}
	for i := 0; i < len(kv); i += 2 {
		q.Add(kv[i], kv[i+1])
	}
	return "/wechat?" + q.Encode()
}

func plainSig(ts, nonce string) string {
	ref := refCrypto{}
	return ref.signature(testToken, ts, nonce)
}

// safeRequest returns the URL and body WeChat would send for plaintext in
// security mode, its plain signature included.
func safeRequest(t *testing.T, plaintext, ts, nonce string) (string, string) {
	t.Helper()
	_, ref := newTestCrypto(t)
	encrypted := ref.encrypt([]byte("a8eedb185eb2fecf"), []byte(plaintext))
	body := string(envelope(encrypted))
	return query("signature", plainSig(ts, nonce), "timestamp", ts, "nonce", nonce,
		"openid", "o9AgO5Kd5ggOC-bXrbNODIiE3bGY", "encrypt_type", "aes",
		"msg_signature", ref.signature(testToken, ts, nonce, encrypted)), body
}

func serve(h http.Handler, method, target, body string) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(method, target, strings.NewReader(body)))
	return w
}

func TestHandlerVerifyURL(t *testing.T) {
	for _, v := range loadVectors(t).Signature {
		if v.Echostr == "" {
			continue
		}
		rec := &recorder{}
		for _, opts := range [][]HandlerOption{nil, {WithSecurityMode(testAESKey, testAppID)}} {
			h, err := NewHandler(v.Token, rec.handle, append(opts, WithTimestampWindow(0))...)
			require.NoError(t, err)
			w := serve(h, http.MethodGet, query("signature", v.Signature, "timestamp", v.Timestamp, "nonce", v.Nonce, "echostr", v.Echostr), "")
			assert.Equal(t, http.StatusOK, w.Code)
			assert.Equal(t, v.Echostr, w.Body.String(), "echostr verbatim, in security mode too")

			w = serve(h, http.MethodGet, query("signature", flipHex(v.Signature), "timestamp", v.Timestamp, "nonce", v.Nonce, "echostr", v.Echostr), "")
			assert.Equal(t, http.StatusForbidden, w.Code)
			assert.NotContains(t, w.Body.String(), v.Echostr)
		}
		assert.Zero(t, rec.calls)
		return
	}
	t.Fatal("no GET vector")
}

func TestHandlerVerifyURLEchoesExactly(t *testing.T) {
	h, _ := newTestHandler(t)
	for _, echo := range []string{"1616140317555161061", "a b+c/d=", "<script>"} {
		w := serve(h, http.MethodGet, query("signature", plainSig("1714036504", "1514711492"), "timestamp", "1714036504", "nonce", "1514711492", "echostr", echo), "")
		assert.Equal(t, http.StatusOK, w.Code)
		assert.Equal(t, echo, w.Body.String())
		assert.Equal(t, "nosniff", w.Header().Get("X-Content-Type-Options"))
	}
	w := serve(h, http.MethodGet, query("signature", plainSig("1714036504", "1514711492"), "timestamp", "1714036504", "nonce", "1514711492"), "")
	assert.Equal(t, http.StatusForbidden, w.Code, "no echostr")
}

func TestHandlerPlainPost(t *testing.T) {
	h, rec := newTestHandler(t)
	target := query("signature", plainSig("1714037059", "486452656"), "timestamp", "1714037059", "nonce", "486452656")
	w := serve(h, http.MethodPost, target, subscribeByQR)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Equal(t, "success", w.Body.String())
	require.Equal(t, 1, rec.calls)
	ev, ok := rec.last.(*SubscribeScanEvent)
	require.True(t, ok, "got %T", rec.last)
	assert.Equal(t, "123123", ev.SceneID)
	assert.Equal(t, "o9AgO5Kd5ggOC-bXrbNODIiE3bGY", ev.FromUserName)

	// A plain reply goes back as it is.
	raw := RawReply("<xml><MsgType><![CDATA[text]]></MsgType></xml>")
	rec.reply = raw
	w = serve(h, http.MethodPost, target, subscribeByQR)
	require.Equal(t, http.StatusOK, w.Code)
	assert.Equal(t, string(raw), w.Body.String())
}

func TestHandlerSafePost(t *testing.T) {
	h, rec := newTestHandler(t, WithSecurityMode(testAESKey, testAppID))
	target, body := safeRequest(t, subscribeByQR, "1715943329", "1590219412")
	w := serve(h, http.MethodPost, target, body)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Equal(t, "success", w.Body.String())
	require.Equal(t, 1, rec.calls)
	ev, ok := rec.last.(*SubscribeScanEvent)
	require.True(t, ok, "got %T", rec.last)
	assert.Equal(t, "123123", ev.SceneID)
}

// The official vectors, served whole: V8 (开放平台, XML envelope) and V1
// (compat mode, the clear fields beside <Encrypt>).
func TestHandlerSafeAndCompatVectors(t *testing.T) {
	for _, v := range loadVectors(t).Decrypt {
		if v.Name != "V8" && v.Name != "V1" {
			continue
		}
		t.Run(v.Name, func(t *testing.T) {
			rec := &recorder{}
			h, err := NewHandler(v.Token, rec.handle, WithSecurityMode(v.AESKey, v.AppID), WithTimestampWindow(0))
			require.NoError(t, err)
			body := v.Body
			if v.Name == "V1" {
				// Unsigned clear fields are ignored: forge them.
				body = strings.Replace(body, "abcdteT", "forged!", 1)
			}
			w := serve(h, http.MethodPost, query("timestamp", v.Timestamp, "nonce", v.Nonce, "encrypt_type", "aes", "msg_signature", v.MsgSignature), body)
			require.Equal(t, http.StatusOK, w.Code, w.Body.String())
			require.Equal(t, 1, rec.calls)
			want, err := Parse([]byte(v.Plaintext))
			require.NoError(t, err)
			assert.Equal(t, want, rec.last)
		})
	}
}

func TestHandlerRefusesDowngrade(t *testing.T) {
	h, rec := newTestHandler(t, WithSecurityMode(testAESKey, testAppID))
	ts, nonce := "1715943329", "1590219412"
	sig := plainSig(ts, nonce)
	for _, target := range []string{
		query("signature", sig, "timestamp", ts, "nonce", nonce, "encrypt_type", "raw"),
		query("signature", sig, "timestamp", ts, "nonce", nonce),
		query("signature", sig, "timestamp", ts, "nonce", nonce, "encrypt_type", "aes"),
	} {
		w := serve(h, http.MethodPost, target, subscribeByQR)
		assert.Equal(t, http.StatusForbidden, w.Code, target)
	}
	// With some msg_signature, the plaintext body is read as an envelope and
	// has no <Encrypt>: malformed.
	w := serve(h, http.MethodPost, query("signature", sig, "timestamp", ts, "nonce", nonce, "encrypt_type", "raw", "msg_signature", sig), subscribeByQR)
	assert.Equal(t, http.StatusBadRequest, w.Code)
	assert.Zero(t, rec.calls)

	// encrypt_type does not choose the mode: a valid msg_signature is
	// decrypted whatever it says.
	target, body := safeRequest(t, subscribeByQR, ts, nonce)
	w = serve(h, http.MethodPost, strings.Replace(target, "encrypt_type=aes", "encrypt_type=raw", 1), body)
	assert.Equal(t, http.StatusOK, w.Code)
	assert.Equal(t, 1, rec.calls)
}

func TestHandlerBadSignature(t *testing.T) {
	ts, nonce := "1715943329", "1590219412"
	t.Run("plain", func(t *testing.T) {
		h, rec := newTestHandler(t)
		for _, target := range []string{
			query("signature", flipHex(plainSig(ts, nonce)), "timestamp", ts, "nonce", nonce),
			query("signature", strings.ToUpper(plainSig(ts, nonce)), "timestamp", ts, "nonce", nonce),
			query("signature", plainSig(ts, nonce), "timestamp", ts, "nonce", nonce+"1"),
			query("timestamp", ts, "nonce", nonce),
			query("signature", plainSig(ts, nonce), "signature", plainSig(ts, nonce), "timestamp", ts, "nonce", nonce),
		} {
			w := serve(h, http.MethodPost, target, subscribeByQR)
			assert.Equal(t, http.StatusForbidden, w.Code, target)
			assert.Equal(t, "Forbidden\n", w.Body.String())
		}
		assert.Zero(t, rec.calls)
		assert.Len(t, rec.logged, 5)
	})
	t.Run("safe", func(t *testing.T) {
		h, rec := newTestHandler(t, WithSecurityMode(testAESKey, testAppID))
		target, body := safeRequest(t, subscribeByQR, ts, nonce)
		u, err := url.Parse(target)
		require.NoError(t, err)
		q := u.Query()
		good := q.Get("msg_signature")
		for _, tamper := range []func(q url.Values){
			func(q url.Values) { q.Set("msg_signature", flipHex(good)) },
			func(q url.Values) { q.Set("msg_signature", strings.ToUpper(good)) },
			func(q url.Values) { q.Set("timestamp", "1715943330") },
			func(q url.Values) { q.Set("nonce", "1590219413") },
			func(q url.Values) { q.Add("msg_signature", good) },
			func(q url.Values) { q.Del("msg_signature") },
		} {
			tq := url.Values{}
			for k, v := range q {
				tq[k] = append([]string(nil), v...)
			}
			tamper(tq)
			w := serve(h, http.MethodPost, "/wechat?"+tq.Encode(), body)
			assert.Equal(t, http.StatusForbidden, w.Code, tq.Encode())
		}
		// The right signature over another ciphertext.
		_, other := safeRequest(t, strings.Replace(subscribeByQR, "123123", "999999", 1), ts, nonce)
		w := serve(h, http.MethodPost, target, other)
		assert.Equal(t, http.StatusForbidden, w.Code)
		assert.Zero(t, rec.calls)
	})
}

func TestHandlerMalformedTimestampAndNonce(t *testing.T) {
	h, rec := newTestHandler(t)
	for _, p := range []struct{ ts, nonce string }{
		{"", "1590219412"},
		{"-1", "1590219412"},
		{"+1714112445", "1590219412"},
		{"0x66", "1590219412"},
		{"1714112445abc", "1590219412"},
		{"17141124451714112445", "1590219412"},
		{" 1714112445", "1590219412"},
		{"1714112445", "a\rb"},
		{"1714112445", "\x00"},
	} {
		// Validly signed, so only the format check can refuse them.
		w := serve(h, http.MethodPost, query("signature", plainSig(p.ts, p.nonce), "timestamp", p.ts, "nonce", p.nonce), subscribeByQR)
		assert.Equal(t, http.StatusForbidden, w.Code, "%q %q", p.ts, p.nonce)
	}
	assert.Zero(t, rec.calls)
}

func TestHandlerTimestampWindow(t *testing.T) {
	now := time.Unix(1715943329, 0)
	for _, secure := range []bool{false, true} {
		opts := []HandlerOption{WithTimestampWindow(5 * time.Minute)}
		if secure {
			opts = append(opts, WithSecurityMode(testAESKey, testAppID))
		}
		h, rec := newTestHandler(t, opts...)
		h.now = func() time.Time { return now }
		for _, tc := range []struct {
			offset time.Duration
			want   int
		}{
			{0, http.StatusOK},
			{-5 * time.Minute, http.StatusOK},
			{5 * time.Minute, http.StatusOK},
			{-5*time.Minute - time.Second, http.StatusForbidden},
			{5*time.Minute + time.Second, http.StatusForbidden},
			{-24 * time.Hour, http.StatusForbidden},
			{-time.Duration(now.Unix()) * time.Second, http.StatusForbidden}, // timestamp 0
		} {
			ts := fmt.Sprint(now.Add(tc.offset).Unix())
			target := query("signature", plainSig(ts, "42"), "timestamp", ts, "nonce", "42")
			body := subscribeByQR
			if secure {
				target, body = safeRequest(t, subscribeByQR, ts, "42")
			}
			w := serve(h, http.MethodPost, target, body)
			assert.Equal(t, tc.want, w.Code, "secure %v, offset %v", secure, tc.offset)
		}
		assert.Equal(t, 3, rec.calls)
	}

	// The malleated V2 request of the spec keeps its msg_signature by moving
	// a digit from timestamp to nonce; the window refuses it.
	v := loadVectors(t).Decrypt[0]
	require.Equal(t, "V2", v.Name)
	rec := &recorder{}
	h, err := NewHandler(v.Token, rec.handle, WithSecurityMode(v.AESKey, v.AppID), WithTimestampWindow(5*time.Minute))
	require.NoError(t, err)
	h.now = func() time.Time { return time.Unix(1714112445, 0) }
	c, err := NewCrypto(v.Token, v.AESKey, v.AppID)
	require.NoError(t, err)
	_, err = c.Decrypt(v.MsgSignature, "171411244", "5415670741", envelope(v.Encrypt))
	require.NoError(t, err, "the signature itself cannot tell")
	w := serve(h, http.MethodPost, query("timestamp", "171411244", "nonce", "5415670741", "msg_signature", v.MsgSignature), string(envelope(v.Encrypt)))
	assert.Equal(t, http.StatusForbidden, w.Code)
	assert.Zero(t, rec.calls)
}

func TestHandlerBodyTooLarge(t *testing.T) {
	for _, secure := range []bool{false, true} {
		var opts []HandlerOption
		if secure {
			opts = append(opts, WithSecurityMode(testAESKey, testAppID))
		}
		h, rec := newTestHandler(t, opts...)
		require.Equal(t, int64(DefaultBodyLimit), h.bodyLimit)
		target, body := safeRequest(t, subscribeByQR, "1715943329", "1590219412")
		if !secure {
			target, body = query("signature", plainSig("1715943329", "1590219412"), "timestamp", "1715943329", "nonce", "1590219412"), subscribeByQR
		}
		over := body + strings.Repeat(" ", DefaultBodyLimit+1-len(body))

		w := serve(h, http.MethodPost, target, over)
		assert.Equal(t, http.StatusRequestEntityTooLarge, w.Code, "with Content-Length")

		// Chunked: no Content-Length, so only reading can tell.
		r := httptest.NewRequest(http.MethodPost, target, io.MultiReader(strings.NewReader(over)))
		r.ContentLength = -1
		w = httptest.NewRecorder()
		h.ServeHTTP(w, r)
		assert.Equal(t, http.StatusRequestEntityTooLarge, w.Code, "chunked")
		assert.Zero(t, rec.calls)

		// Exactly the limit is fine, chunked too.
		at := body + strings.Repeat(" ", DefaultBodyLimit-len(body))
		w = serve(h, http.MethodPost, target, at)
		assert.Equal(t, http.StatusOK, w.Code)
		r = httptest.NewRequest(http.MethodPost, target, io.MultiReader(strings.NewReader(at)))
		r.ContentLength = -1
		w = httptest.NewRecorder()
		h.ServeHTTP(w, r)
		assert.Equal(t, http.StatusOK, w.Code, "chunked")
		assert.Equal(t, 2, rec.calls)
		assert.Zero(t, h.inFlight.used.Load(), "every byte in flight is given back")
	}
}

func TestHandlerMalformedBody(t *testing.T) {
	ts, nonce := "1715943329", "1590219412"
	plainTarget := query("signature", plainSig(ts, nonce), "timestamp", ts, "nonce", nonce)
	h, rec := newTestHandler(t)
	for _, body := range []string{"", "<xml><MsgType>text", "<xml></xml>", "not xml"} {
		w := serve(h, http.MethodPost, plainTarget, body)
		assert.Equal(t, http.StatusBadRequest, w.Code, "%q", body)
	}
	assert.Zero(t, rec.calls)

	hs, rec := newTestHandler(t, WithSecurityMode(testAESKey, testAppID))
	_, ref := newTestCrypto(t)
	signed := func(encrypted string) string {
		return query("timestamp", ts, "nonce", nonce, "msg_signature", ref.signature(testToken, ts, nonce, encrypted))
	}
	for name, req := range map[string][2]string{
		"no Encrypt":          {signed(""), "<xml><ToUserName>gh_1</ToUserName></xml>"},
		"two Encrypt":         {signed("QUFB"), "<xml><Encrypt>QUFB</Encrypt><Encrypt>QUFB</Encrypt></xml>"},
		"not XML":             {signed("QUFB"), "QUFB"},
		"bad padding":         {signed(ref.encryptRaw(withPad("<xml/>", testAppID, 0))), string(envelope(ref.encryptRaw(withPad("<xml/>", testAppID, 0))))},
		"plaintext no XML":    {signed(ref.encrypt([]byte("0123456789abcdef"), []byte("hello"))), string(envelope(ref.encrypt([]byte("0123456789abcdef"), []byte("hello"))))},
		"plaintext no MsgTyp": {signed(ref.encrypt([]byte("0123456789abcdef"), []byte("<xml/>"))), string(envelope(ref.encrypt([]byte("0123456789abcdef"), []byte("<xml/>"))))},
	} {
		w := serve(hs, http.MethodPost, req[0], req[1])
		assert.Equal(t, http.StatusBadRequest, w.Code, name)
	}
	assert.Zero(t, rec.calls)

	// A different AppID under a valid signature is not ours: 403.
	wrong := ref.encryptRaw(wellFormed(subscribeByQR, "wx0000000000000000"))
	w := serve(hs, http.MethodPost, signed(wrong), string(envelope(wrong)))
	assert.Equal(t, http.StatusForbidden, w.Code)
	assert.Zero(t, rec.calls)
}

func TestHandlerEncryptsReply(t *testing.T) {
	h, rec := newTestHandler(t, WithSecurityMode(testAESKey, testAppID))
	raw := RawReply("<xml><ToUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></ToUserName><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[欢迎]]></Content></xml>")
	rec.reply = raw
	target, body := safeRequest(t, subscribeByQR, "1715943329", "1590219412")
	w := serve(h, http.MethodPost, target, body)
	require.Equal(t, http.StatusOK, w.Code)
	assert.NotContains(t, w.Body.String(), "欢迎")

	_, ref := newTestCrypto(t)
	env, msg, err := ref.open(w.Body.Bytes())
	require.NoError(t, err)
	assert.Equal(t, string(raw), string(msg))
	assert.Equal(t, "1715943329", env.TimeStamp)
	assert.Equal(t, "1590219412", env.Nonce)
}

func TestHandlerPassesContextAndErrors(t *testing.T) {
	h, rec := newTestHandler(t)
	type key struct{}
	target := query("signature", plainSig("1", "2"), "timestamp", "1", "nonce", "2")
	r := httptest.NewRequest(http.MethodPost, target, strings.NewReader(subscribeByQR))
	r = r.WithContext(context.WithValue(r.Context(), key{}, "request value"))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	require.Equal(t, http.StatusOK, w.Code)
	assert.Equal(t, "request value", rec.ctx.Value(key{}))

	rec.err = errors.New("database down")
	w = serve(h, http.MethodPost, target, subscribeByQR)
	assert.Equal(t, http.StatusInternalServerError, w.Code)
	assert.NotContains(t, w.Body.String(), "database")
	require.NotEmpty(t, rec.logged)
	assert.ErrorIs(t, rec.logged[len(rec.logged)-1], rec.err)
}

func TestHandlerMethods(t *testing.T) {
	h, rec := newTestHandler(t)
	for _, m := range []string{http.MethodPut, http.MethodDelete, http.MethodHead, http.MethodPatch, http.MethodOptions} {
		w := serve(h, m, query("signature", plainSig("1", "2"), "timestamp", "1", "nonce", "2"), subscribeByQR)
		assert.Equal(t, http.StatusMethodNotAllowed, w.Code, m)
		assert.Equal(t, "GET, POST", w.Header().Get("Allow"))
	}
	assert.Zero(t, rec.calls)
}

type handlerTestEvent struct {
	Envelope
	Color string `xml:"Color"`
}

func TestHandlerWithParser(t *testing.T) {
	p := NewParser()
	p.RegisterEvent("paint", func() Event { return new(handlerTestEvent) })
	h, rec := newTestHandler(t, WithParser(p))
	w := serve(h, http.MethodPost, query("signature", plainSig("1", "2"), "timestamp", "1", "nonce", "2"),
		"<xml><MsgType>event</MsgType><Event>paint</Event><Color>red</Color></xml>")
	require.Equal(t, http.StatusOK, w.Code)
	ev, ok := rec.last.(*handlerTestEvent)
	require.True(t, ok, "got %T", rec.last)
	assert.Equal(t, "red", ev.Color)
}

func TestNewHandlerErrors(t *testing.T) {
	fn := func(context.Context, Event) (Reply, error) { return nil, nil }
	_, err := NewHandler("", fn)
	assert.Error(t, err)
	_, err = NewHandler(testToken, nil)
	assert.Error(t, err)
	_, err = NewHandler(testToken, fn, WithSecurityMode(testAESKey[:42], testAppID))
	assert.ErrorIs(t, err, ErrAESKey)
	_, err = NewHandler(testToken, fn, WithTimestampWindow(-time.Second))
	assert.Error(t, err)
}

func TestHandlerConcurrent(t *testing.T) {
	var calls atomic.Int64
	h, err := NewHandler(testToken, func(_ context.Context, ev Event) (Reply, error) {
		calls.Add(1)
		return RawReply("<xml><Content>" + ev.Header().FromUserName + "</Content></xml>"), nil
	}, WithSecurityMode(testAESKey, testAppID), WithTimestampWindow(0))
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	defer srv.Close()

	_, ref := newTestCrypto(t)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				user := fmt.Sprintf("user-%d-%d", g, i)
				target, body := safeRequest(t, strings.Replace(subscribeByQR, "o9AgO5Kd5ggOC-bXrbNODIiE3bGY", user, 1), "1715943329", fmt.Sprint(g*100+i))
				resp, err := http.Post(srv.URL+target, "text/xml", strings.NewReader(body))
				if !assert.NoError(t, err) {
					return
				}
				data, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if !assert.Equal(t, http.StatusOK, resp.StatusCode) {
					return
				}
				var env refEnvelope
				if assert.NoError(t, xml.Unmarshal(data, &env)) {
					msg, err := ref.decrypt(env.Encrypt)
					assert.NoError(t, err)
					assert.Equal(t, "<xml><Content>"+user+"</Content></xml>", string(msg))
				}
			}
		}(g)
	}
	wg.Wait()
	assert.Equal(t, int64(80), calls.Load())
}

func TestHandlerWritesTypedReply(t *testing.T) {
	h, rec := newTestHandler(t, WithSecurityMode(testAESKey, testAppID))
	rec.replyFor = func(ev Event) Reply { return NewTextReply(ev, "欢迎 ]]> <&") }
	target, body := safeRequest(t, subscribeByQR, "1715943329", "1590219412")
	w := serve(h, http.MethodPost, target, body)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Equal(t, "application/xml; charset=utf-8", w.Header().Get("Content-Type"))

	_, ref := newTestCrypto(t)
	_, msg, err := ref.open(w.Body.Bytes())
	require.NoError(t, err)
	ev, err := Parse(msg)
	require.NoError(t, err)
	text, ok := ev.(*TextMessage)
	require.True(t, ok, "got %T", ev)
	assert.Equal(t, "欢迎 ]]> <&", text.Content)
	assert.Equal(t, "o9AgO5Kd5ggOC-bXrbNODIiE3bGY", text.ToUserName)
	assert.Equal(t, "gh_97417a04a28d", text.FromUserName)
}
