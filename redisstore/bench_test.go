package redisstore_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wechatevent/wechatevent"
	"github.com/wechatevent/wechatevent/wechateventtest"
)

// BenchmarkHandlerDedupe is the cost of dedupe per callback: one signed
// plain-mode POST through ServeHTTP, every one a new callback (the common
// path: a claim, the function, the answer recorded), with no store, the
// default memory store and a store on the local redis-server, side by side.
func BenchmarkHandlerDedupe(b *testing.B) {
	c := newClient(b)
	redisStore, _ := newStore(b, c)
	sender := &wechateventtest.Sender{Token: testToken}
	for _, bc := range []struct {
		name  string
		store wechatevent.DedupeStore
	}{
		{"none", nil},
		{"memory", wechatevent.NewMemoryDedupeStore()},
		{"redis", redisStore},
	} {
		b.Run(bc.name, func(b *testing.B) {
			h, err := wechatevent.NewHandler(testToken, func(context.Context, wechatevent.Event) (wechatevent.Reply, error) {
				return nil, nil
			}, wechatevent.WithDedupe(bc.store))
			require.NoError(b, err)
			req, err := sender.NewRequest("/wechat", []byte(textMessage))
			require.NoError(b, err)
			target := req.URL.String()
			// Distinct callbacks of equal length: the MsgId counts up.
			head, tail, _ := strings.Cut(textMessage, "24602147392840001")
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				nextID++
				id := strconv.FormatInt(nextID, 10)
				r := httptest.NewRequest(http.MethodPost, target, strings.NewReader(head+id+tail))
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
				if w.Code != http.StatusOK || w.Body.String() != "success" {
					b.Fatalf("answer %d %q", w.Code, w.Body.String())
				}
			}
		})
	}
}

// BenchmarkStoreRetry is what a retry after completion costs with Redis: one
// Claim that finds the recorded answer.
func BenchmarkStoreRetry(b *testing.B) {
	ctx := context.Background()
	s, _ := newStore(b, newClient(b))
	state, _, err := s.Claim(ctx, "k", "a", time.Minute)
	require.NoError(b, err)
	require.Equal(b, wechatevent.DedupeClaimed, state)
	require.NoError(b, s.Complete(ctx, "k", "a", []byte("\x19text/plain; charset=utf-8success"), time.Minute))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if state, _, err := s.Claim(ctx, "k", "b", time.Minute); err != nil || state != wechatevent.DedupeDone {
			b.Fatal(state, err)
		}
	}
}

// nextID numbers the callbacks of all benchmark runs, so that none repeats
// one that a shared store has recorded.
var nextID int64 = 24602147392840001
