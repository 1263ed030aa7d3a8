package wechatevent

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func signedTarget(ts, nonce string) string {
	return query("signature", plainSig(ts, nonce), "timestamp", ts, "nonce", nonce)
}

func TestHandlerQueryLimit(t *testing.T) {
	h, rec := newTestHandler(t)
	base := signedTarget("1715943329", "1590219412")
	pad := func(n int) string { // a query of exactly n bytes
		q := base[len("/wechat?"):] + "&x="
		return "/wechat?" + q + strings.Repeat("a", n-len(q))
	}
	for _, method := range []string{http.MethodPost, http.MethodGet} {
		body, target := subscribeByQR, pad(MaxQuerySize)
		if method == http.MethodGet {
			body, target = "", strings.Replace(pad(MaxQuerySize-len("&echostr=e")), "&x=", "&echostr=e&x=", 1)
		}
		require.Len(t, target, len("/wechat?")+MaxQuerySize)
		w := serve(h, method, target, body)
		assert.Equal(t, http.StatusOK, w.Code, "%s: exactly MaxQuerySize", method)

		w = serve(h, method, target+"a", body)
		assert.Equal(t, http.StatusRequestURITooLong, w.Code, "%s: one byte more", method)
		assert.Equal(t, "Request URI Too Long\n", w.Body.String())
	}
	assert.Equal(t, 1, rec.calls)
	assert.ErrorIs(t, rec.logged[len(rec.logged)-1], errQueryTooLong)
}

func TestHandlerReadsOnlyNeededParameters(t *testing.T) {
	h, rec := newTestHandler(t)
	sig := plainSig("1715943329", "1590219412")
	for _, tc := range []struct {
		query string
		want  int
	}{
		{"signature=" + sig + "&timestamp=1715943329&nonce=1590219412", http.StatusOK},
		// Others are not read: repeated, malformed, empty, valueless.
		{"openid=a&openid=b&x=%zz&&flag&signature=" + sig + "&timestamp=1715943329&nonce=1590219412", http.StatusOK},
		// A name escaped is still that name, so it is repeated.
		{"signature=" + sig + "&%73ignature=" + sig + "&timestamp=1715943329&nonce=1590219412", http.StatusForbidden},
		{"signature=" + sig + "&timestamp=1715943329&nonce=1590219412&nonce=1590219412", http.StatusForbidden},
		{"signature=" + sig + "&timestamp=1715943329&nonce=%zz", http.StatusForbidden},
		{"signature=" + sig + "&timestamp=1715943329;nonce=1590219412", http.StatusForbidden},
		{"signature=" + sig + "&timestamp=1715943329", http.StatusForbidden},
		{"", http.StatusForbidden},
		// Escaped values are read unescaped.
		{"signature=" + sig + "&timestamp=%31715943329&nonce=1590219412", http.StatusOK},
	} {
		w := serve(h, http.MethodPost, "/wechat?"+tc.query, subscribeByQR)
		assert.Equal(t, tc.want, w.Code, tc.query)
	}
	assert.Equal(t, 3, rec.calls)
}

func TestHandlerBodyLimitOption(t *testing.T) {
	body := subscribeByQR
	h, rec := newTestHandler(t, WithBodyLimit(int64(len(body))))
	target := signedTarget("1715943329", "1590219412")
	assert.Equal(t, http.StatusOK, serve(h, http.MethodPost, target, body).Code, "at the limit")
	assert.Equal(t, http.StatusRequestEntityTooLarge, serve(h, http.MethodPost, target, body+" ").Code, "one byte over")
	assert.Equal(t, 1, rec.calls)
	assert.ErrorIs(t, rec.logged[len(rec.logged)-1], ErrTooLarge)

	// A body shorter than its Content-Length is refused, not waited for.
	r := httptest.NewRequest(http.MethodPost, target, strings.NewReader(body[:10]))
	r.ContentLength = int64(len(body))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	assert.Equal(t, http.StatusBadRequest, w.Code)
}

func TestHandlerInFlightLimit(t *testing.T) {
	bodies := make([]string, 4)
	for i := range bodies {
		bodies[i] = strings.Replace(subscribeByQR, "123123", fmt.Sprint(100000+i), 1)
	}
	size := int64(len(bodies[0]))
	entered, release := make(chan struct{}, 4), make(chan struct{})
	h, err := NewHandler(testToken, func(context.Context, Event) (Reply, error) {
		entered <- struct{}{}
		<-release
		return nil, nil
	}, WithTimestampWindow(0), WithBodyLimit(size), WithInFlightLimit(2*size))
	require.NoError(t, err)
	target := signedTarget("1715943329", "1590219412")

	var wg sync.WaitGroup
	codes := make([]int, 2)
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			codes[i] = serve(h, http.MethodPost, target, bodies[i]).Code
		}(i)
		<-entered
	}
	assert.Equal(t, 2*size, h.inFlight.used.Load(), "at the limit")
	w := serve(h, http.MethodPost, target, bodies[2])
	assert.Equal(t, http.StatusServiceUnavailable, w.Code, "one more would pass it")
	assert.Equal(t, 2*size, h.inFlight.used.Load())
	close(release)
	wg.Wait()
	assert.Equal(t, []int{http.StatusOK, http.StatusOK}, codes)
	assert.Zero(t, h.inFlight.used.Load())
	assert.Equal(t, http.StatusOK, serve(h, http.MethodPost, target, bodies[3]).Code, "room again")
}

func TestHandlerTimestampWindowOnByDefault(t *testing.T) {
	rec := &recorder{}
	h, err := NewHandler(testToken, rec.handle)
	require.NoError(t, err)
	assert.Equal(t, DefaultTimestampWindow, h.window)
	now := time.Now()
	for _, tc := range []struct {
		age  time.Duration
		want int
	}{
		{0, http.StatusOK},
		{DefaultTimestampWindow - 2*time.Second, http.StatusOK},
		{24 * time.Hour, http.StatusForbidden},
	} {
		ts := fmt.Sprint(now.Add(-tc.age).Unix())
		body := strings.Replace(subscribeByQR, "123123", ts, 1) // distinct callbacks
		assert.Equal(t, tc.want, serve(h, http.MethodPost, signedTarget(ts, "1"), body).Code, "a request %v old", tc.age)
	}
	assert.Equal(t, 2, rec.calls)

	// Explicitly off: a day-old request is accepted.
	h, err = NewHandler(testToken, rec.handle, WithTimestampWindow(0))
	require.NoError(t, err)
	ts := fmt.Sprint(now.Add(-24 * time.Hour).Unix())
	assert.Equal(t, http.StatusOK, serve(h, http.MethodPost, signedTarget(ts, "1"), subscribeByQR).Code)
}

func TestNewHandlerLimitOptions(t *testing.T) {
	fn := func(context.Context, Event) (Reply, error) { return nil, nil }
	h, err := NewHandler(testToken, fn)
	require.NoError(t, err)
	assert.Equal(t, int64(DefaultBodyLimit), h.bodyLimit)
	assert.Equal(t, int64(DefaultInFlightLimit), h.inFlight.limit)
	assert.Equal(t, CallbackDeadline, h.deadline)
	assert.Less(t, DefaultBodyLimit, MaxBodySize/2, "well under 1 MiB")

	for _, opts := range [][]HandlerOption{
		{WithBodyLimit(0)},
		{WithBodyLimit(-1)},
		{WithInFlightLimit(DefaultBodyLimit - 1)},
		{WithBodyLimit(10), WithInFlightLimit(9)},
	} {
		_, err := NewHandler(testToken, fn, opts...)
		assert.Error(t, err)
	}
	_, err = NewHandler(testToken, fn, WithBodyLimit(10), WithInFlightLimit(10))
	assert.NoError(t, err, "in flight at least one body")
}

// TestHandlerUnderAbuse attacks a Handler on loopback with a query flood,
// 1000 concurrent bodies at the limit and clients that trickle their bodies,
// while a WeChat-like client keeps sending normal callbacks. Every step is
// bounded, so the test stops by itself within seconds.
func TestHandlerUnderAbuse(t *testing.T) {
	if testing.Short() {
		t.Skip("loopback load")
	}
	const bodyLimit = 64 << 10
	const fit = 100 // bodies at the limit that the in-flight limit holds
	var calls atomic.Int64
	entered := make(chan struct{}, 1000)
	var gate atomic.Pointer[chan struct{}]
	h, err := NewHandler(testToken, func(ctx context.Context, ev Event) (Reply, error) {
		calls.Add(1)
		if g := gate.Load(); g != nil && ev.Header().Event == "big" {
			entered <- struct{}{}
			<-*g // holds its bytes in flight until the test opens the gate
		}
		return nil, nil
	}, WithBodyLimit(bodyLimit), WithInFlightLimit(fit*bodyLimit))
	require.NoError(t, err)
	// A loaded machine (the race detector, two cores) must not turn the
	// deadline into part of what is tested here; the slow clients below
	// get a handler of their own with a short one.
	h.deadline = time.Minute
	srv := httptest.NewServer(h)
	defer srv.Close()
	client := &http.Client{Timeout: time.Minute, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	defer client.CloseIdleConnections()

	ts := fmt.Sprint(time.Now().Unix())
	normal := func(i int) (int, error) {
		body := strings.Replace(subscribeByQR, "123123", fmt.Sprint("n", i), 1)
		resp, err := client.Post(srv.URL+signedTarget(ts, fmt.Sprint(i)), "text/xml", strings.NewReader(body))
		if err != nil {
			return 0, err
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode, nil
	}

	t.Run("query flood", func(t *testing.T) {
		flood := srv.URL + signedTarget(ts, "1") + "&x=" + strings.Repeat("a", 64<<10)
		var wg sync.WaitGroup
		var refused atomic.Int64
		for g := 0; g < 16; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < 10; i++ {
					resp, err := client.Post(flood, "text/xml", strings.NewReader(subscribeByQR))
					if !assert.NoError(t, err) {
						return
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if assert.Equal(t, http.StatusRequestURITooLong, resp.StatusCode) {
						refused.Add(1)
					}
				}
			}()
		}
		before := calls.Load()
		for i := 0; i < 50; i++ {
			code, err := normal(i)
			require.NoError(t, err)
			assert.Equal(t, http.StatusOK, code)
		}
		wg.Wait()
		assert.Equal(t, int64(160), refused.Load())
		assert.Equal(t, before+50, calls.Load(), "only the normal requests reached the function")
	})

	t.Run("1000 concurrent bodies at the limit", func(t *testing.T) {
		g := make(chan struct{})
		gate.Store(&g)
		defer gate.Store(nil)
		pad := bytes.Repeat([]byte(" "), bodyLimit)
		big := func(i int) (int, error) {
			head := strings.Replace(strings.Replace(subscribeByQR, "123123", fmt.Sprint("b", i), 1), "subscribe", "big", 1)
			body := io.MultiReader(strings.NewReader(head), bytes.NewReader(pad[len(head):]))
			req, err := http.NewRequest(http.MethodPost, srv.URL+signedTarget(ts, "1"), body)
			if err != nil {
				return 0, err
			}
			req.ContentLength = bodyLimit
			resp, err := client.Do(req)
			if err != nil {
				return 0, err
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			return resp.StatusCode, nil
		}
		var wg sync.WaitGroup
		var mu sync.Mutex
		codes := map[int]int{}
		for i := 0; i < 1000; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				code, err := big(i)
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					codes[-1]++
					return
				}
				codes[code]++
			}(i)
		}
		// Once every request is either refused or inside the function, the
		// in-flight limit is full: let them finish.
		inside := 0
		require.Eventually(t, func() bool {
			for len(entered) > 0 {
				<-entered
				inside++
			}
			mu.Lock()
			defer mu.Unlock()
			return inside+codes[http.StatusServiceUnavailable] == 1000
		}, time.Minute, 5*time.Millisecond)
		assert.Equal(t, fit, inside, "the in-flight limit admits exactly what fits")
		code, err := normal(1000)
		require.NoError(t, err)
		assert.Equal(t, http.StatusServiceUnavailable, code, "a full limit refuses small bodies too")
		close(g)
		wg.Wait()
		assert.Equal(t, map[int]int{http.StatusOK: fit, http.StatusServiceUnavailable: 1000 - fit}, codes)
		assert.Zero(t, h.inFlight.used.Load())
		code, err = normal(1001)
		require.NoError(t, err)
		assert.Equal(t, http.StatusOK, code)
	})

	t.Run("slow clients", func(t *testing.T) {
		slow, err := NewHandler(testToken, func(context.Context, Event) (Reply, error) { return nil, nil })
		require.NoError(t, err)
		slow.deadline = 2 * time.Second
		slowSrv := httptest.NewServer(slow)
		defer slowSrv.Close()
		addr := strings.TrimPrefix(slowSrv.URL, "http://")
		var wg sync.WaitGroup
		var cut atomic.Int64
		for c := 0; c < 50; c++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				conn, err := net.Dial("tcp", addr)
				if !assert.NoError(t, err) {
					return
				}
				defer conn.Close()
				conn.SetDeadline(time.Now().Add(30 * time.Second)) // the test's own bound
				fmt.Fprintf(conn, "POST %s HTTP/1.1\r\nHost: %s\r\nContent-Length: 4096\r\n\r\n", signedTarget(ts, "1"), addr)
				go func() { // one byte every 50 ms, until the server hangs up
					for i := 0; i < 4096; i++ {
						time.Sleep(50 * time.Millisecond)
						if _, err := conn.Write([]byte("<")); err != nil {
							return
						}
					}
				}()
				resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
				if err == nil {
					resp.Body.Close()
					assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
				}
				if !errors.Is(err, os.ErrDeadlineExceeded) { // the server's cut, not the test's bound
					cut.Add(1)
				}
			}()
		}
		time.Sleep(100 * time.Millisecond)
		for i := 0; i < 20; i++ {
			body := strings.Replace(subscribeByQR, "123123", fmt.Sprint("s", i), 1)
			resp, err := client.Post(slowSrv.URL+signedTarget(ts, fmt.Sprint(i)), "text/xml", strings.NewReader(body))
			require.NoError(t, err)
			resp.Body.Close()
			assert.Equal(t, http.StatusOK, resp.StatusCode, "normal requests pass beside slow clients")
		}
		wg.Wait()
		assert.Equal(t, int64(50), cut.Load(), "each slow client is cut off at the deadline")
		assert.Zero(t, slow.inFlight.used.Load())
	})
}
