package redisstore_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wechatevent/wechatevent"
	"github.com/wechatevent/wechatevent/redisstore"
	"github.com/wechatevent/wechatevent/wechateventtest"
)

// addrEnv names the address of the redis-server the tests run against,
// which .ci/run starts on loopback.
const addrEnv = "WECHATEVENT_REDIS_ADDR"

// newClient returns a client of the test redis-server. Without one the
// test is skipped, except under CI, where it fails.
func newClient(t testing.TB) *redis.Client {
	t.Helper()
	addr := os.Getenv(addrEnv)
	if addr == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not set: CI must start a redis-server", addrEnv)
		}
		t.Skipf("%s is not set: no redis-server to test against", addrEnv)
	}
	c := redis.NewClient(&redis.Options{Addr: addr})
	t.Cleanup(func() { c.Close() })
	require.NoError(t, c.Ping(context.Background()).Err(), "redis-server at %s", addr)
	return c
}

// newStore returns a store under a prefix of its own, whose keys are
// deleted when the test ends.
func newStore(t testing.TB, c *redis.Client) (*redisstore.Store, string) {
	t.Helper()
	var b [8]byte
	rand.Read(b[:])
	prefix := "wechatevent-test:" + hex.EncodeToString(b[:]) + ":"
	t.Cleanup(func() {
		ctx := context.Background()
		keys, _ := c.Keys(ctx, prefix+"*").Result()
		if len(keys) > 0 {
			c.Del(ctx, keys...)
		}
	})
	return redisstore.New(c).WithPrefix(prefix), prefix
}

func TestStoreStates(t *testing.T) {
	ctx := context.Background()
	c := newClient(t)
	s, prefix := newStore(t, c)

	state, _, err := s.Claim(ctx, "k", "a", time.Minute)
	require.NoError(t, err)
	assert.Equal(t, wechatevent.DedupeClaimed, state)
	ttl, err := c.PTTL(ctx, prefix+"k").Result()
	require.NoError(t, err)
	assert.InDelta(t, float64(time.Minute), float64(ttl), float64(5*time.Second), "the claim expires")

	state, _, err = s.Claim(ctx, "k", "b", time.Minute)
	require.NoError(t, err)
	assert.Equal(t, wechatevent.DedupePending, state)
	assert.ErrorIs(t, s.Complete(ctx, "k", "b", []byte("b's"), time.Hour), wechatevent.ErrClaimLost)
	require.NoError(t, s.Release(ctx, "k", "b"), "not b's to release")
	state, _, _ = s.Claim(ctx, "k", "b", time.Minute)
	assert.Equal(t, wechatevent.DedupePending, state)

	answer := []byte("\x19text/plain; charset=utf-8success\x00\xff")
	require.NoError(t, s.Complete(ctx, "k", "a", answer, time.Hour))
	ttl, _ = c.PTTL(ctx, prefix+"k").Result()
	assert.Greater(t, ttl, 59*time.Minute, "the answer keeps the TTL given")
	state, got, err := s.Claim(ctx, "k", "b", time.Minute)
	require.NoError(t, err)
	assert.Equal(t, wechatevent.DedupeDone, state)
	assert.Equal(t, answer, got, "kept byte for byte")
	assert.ErrorIs(t, s.Complete(ctx, "k", "a", []byte("again"), time.Hour), wechatevent.ErrClaimLost)
	require.NoError(t, s.Release(ctx, "k", "a"))
	state, _, _ = s.Claim(ctx, "k", "b", time.Minute)
	assert.Equal(t, wechatevent.DedupeDone, state, "release does not undo a completed delivery")

	// A release frees a claim.
	state, _, _ = s.Claim(ctx, "r", "a", time.Minute)
	require.Equal(t, wechatevent.DedupeClaimed, state)
	require.NoError(t, s.Release(ctx, "r", "a"))
	n, _ := c.Exists(ctx, prefix+"r").Result()
	assert.Zero(t, n)
	state, _, _ = s.Claim(ctx, "r", "b", time.Minute)
	assert.Equal(t, wechatevent.DedupeClaimed, state)
}

func TestStoreExpiredClaim(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t, newClient(t))
	state, _, _ := s.Claim(ctx, "k", "crashed", 30*time.Millisecond)
	require.Equal(t, wechatevent.DedupeClaimed, state)
	time.Sleep(60 * time.Millisecond)
	state, _, err := s.Claim(ctx, "k", "retry", time.Minute)
	require.NoError(t, err)
	assert.Equal(t, wechatevent.DedupeClaimed, state, "the dead process's claim expired")
	assert.ErrorIs(t, s.Complete(ctx, "k", "crashed", []byte("x"), time.Hour), wechatevent.ErrClaimLost)
	require.NoError(t, s.Release(ctx, "k", "crashed"))
	state, _, _ = s.Claim(ctx, "k", "other", time.Minute)
	assert.Equal(t, wechatevent.DedupePending, state, "the retry's claim survives the old owner's release")

	// An owner whose claim expired unclaimed still records its answer.
	s.Claim(ctx, "late", "a", 30*time.Millisecond)
	time.Sleep(60 * time.Millisecond)
	require.NoError(t, s.Complete(ctx, "late", "a", []byte("late"), time.Hour))
	state, got, _ := s.Claim(ctx, "late", "b", time.Minute)
	assert.Equal(t, wechatevent.DedupeDone, state)
	assert.Equal(t, "late", string(got))
}

func TestStoreWait(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t, newClient(t))
	s = s.WithPollInterval(5 * time.Millisecond)
	assert.NoError(t, s.Wait(ctx, "free"))

	for _, end := range []string{"complete", "release", "expiry"} {
		key := "k-" + end
		ttl := time.Minute
		if end == "expiry" {
			ttl = 100 * time.Millisecond
		}
		state, _, _ := s.Claim(ctx, key, "a", ttl)
		require.Equal(t, wechatevent.DedupeClaimed, state)
		waited := make(chan error)
		go func() { waited <- s.Wait(ctx, key) }()
		select {
		case err := <-waited:
			t.Fatalf("%s: Wait returned %v while the claim is live", end, err)
		case <-time.After(30 * time.Millisecond):
		}
		switch end {
		case "complete":
			require.NoError(t, s.Complete(ctx, key, "a", []byte("x"), time.Minute))
		case "release":
			require.NoError(t, s.Release(ctx, key, "a"))
		}
		assert.NoError(t, <-waited, end)
	}

	s.Claim(ctx, "long", "a", time.Minute)
	tctx, cancel := context.WithTimeout(ctx, 30*time.Millisecond)
	defer cancel()
	assert.ErrorIs(t, s.Wait(tctx, "long"), context.DeadlineExceeded)
}

func TestStoreForeignValue(t *testing.T) {
	ctx := context.Background()
	c := newClient(t)
	s, prefix := newStore(t, c)
	require.NoError(t, c.Set(ctx, prefix+"k", "something else", time.Minute).Err())
	_, _, err := s.Claim(ctx, "k", "a", time.Minute)
	assert.Error(t, err)
}

func TestStoreConcurrentClaims(t *testing.T) {
	ctx := context.Background()
	c := newClient(t)
	s, _ := newStore(t, c)
	var wg sync.WaitGroup
	var mu sync.Mutex
	won := 0
	for g := 0; g < 32; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			state, _, err := s.Claim(ctx, "k", string(rune('a'+g)), time.Minute)
			if assert.NoError(t, err) && state == wechatevent.DedupeClaimed {
				mu.Lock()
				won++
				mu.Unlock()
			}
		}(g)
	}
	wg.Wait()
	assert.Equal(t, 1, won)
}

// deadAddr returns a loopback address where nothing listens.
func deadAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	l.Close()
	return addr
}

func TestNewNeverDials(t *testing.T) {
	c := redis.NewClient(&redis.Options{Addr: deadAddr(t)})
	defer c.Close()
	redisstore.New(c).WithPrefix("p:").WithPollInterval(time.Second)
	assert.Zero(t, c.PoolStats().TotalConns)
	assert.Zero(t, c.PoolStats().Misses, "no connection was asked for")
}

// An unreachable Redis costs no callback: each delivery reaches the
// function (at least once) and the error is reported.
func TestHandlerDeliversWhenRedisIsDown(t *testing.T) {
	c := redis.NewClient(&redis.Options{Addr: deadAddr(t), MaxRetries: -1})
	defer c.Close()
	var mu sync.Mutex
	calls := 0
	var logged []error
	h, err := wechatevent.NewHandler(testToken, func(context.Context, wechatevent.Event) (wechatevent.Reply, error) {
		mu.Lock()
		defer mu.Unlock()
		calls++
		return nil, nil
	}, wechatevent.WithDedupe(redisstore.New(c)), wechatevent.WithErrorLog(func(_ *http.Request, err error) {
		mu.Lock()
		defer mu.Unlock()
		logged = append(logged, err)
	}))
	require.NoError(t, err)
	s := &wechateventtest.Sender{Token: testToken}
	for i := 0; i < 2; i++ {
		req, err := s.NewRequest("/wechat", []byte(textMessage))
		require.NoError(t, err)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		assert.Equal(t, http.StatusOK, w.Code)
	}
	assert.Equal(t, 2, calls)
	require.Len(t, logged, 2)
	for _, err := range logged {
		var op *net.OpError
		assert.True(t, errors.As(err, &op), "%v", err)
	}
}
