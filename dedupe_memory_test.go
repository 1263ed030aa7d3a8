package wechatevent

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeClock is a memory store's clock that tests move by hand.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func newClockedStore(maxEntries int, maxBytes int64) (*memoryDedupeStore, *fakeClock) {
	s := NewBoundedMemoryDedupeStore(maxEntries, maxBytes).(*memoryDedupeStore)
	c := &fakeClock{now: time.Unix(1715943329, 0)}
	s.now = c.Now
	return s, c
}

func TestMemoryDedupeStoreStates(t *testing.T) {
	ctx := context.Background()
	s, clock := newClockedStore(10, 1<<20)

	state, _, err := s.Claim(ctx, "k", "a", time.Second)
	require.NoError(t, err)
	assert.Equal(t, DedupeClaimed, state)
	state, _, err = s.Claim(ctx, "k", "b", time.Second)
	require.NoError(t, err)
	assert.Equal(t, DedupePending, state, "a's claim is live")

	assert.ErrorIs(t, s.Complete(ctx, "k", "b", []byte("b's"), time.Hour), ErrClaimLost)
	require.NoError(t, s.Release(ctx, "k", "b"), "not b's to release")
	state, _, _ = s.Claim(ctx, "k", "b", time.Second)
	assert.Equal(t, DedupePending, state)

	answer := []byte("a's answer")
	require.NoError(t, s.Complete(ctx, "k", "a", answer, time.Hour))
	answer[0] = 'X' // the store keeps its own copy
	state, got, err := s.Claim(ctx, "k", "b", time.Second)
	require.NoError(t, err)
	assert.Equal(t, DedupeDone, state)
	assert.Equal(t, "a's answer", string(got))
	assert.ErrorIs(t, s.Complete(ctx, "k", "a", []byte("again"), time.Hour), ErrClaimLost, "done once")
	require.NoError(t, s.Release(ctx, "k", "a"))
	state, _, _ = s.Claim(ctx, "k", "b", time.Second)
	assert.Equal(t, DedupeDone, state, "release does not undo a completed delivery")

	clock.Add(time.Hour - time.Nanosecond)
	state, _, _ = s.Claim(ctx, "k", "b", time.Second)
	assert.Equal(t, DedupeDone, state, "just before the TTL")
	clock.Add(time.Nanosecond)
	state, _, _ = s.Claim(ctx, "k", "b", time.Second)
	assert.Equal(t, DedupeClaimed, state, "at the TTL the answer is gone")

	// A released claim frees the key.
	require.NoError(t, s.Release(ctx, "k", "b"))
	state, _, _ = s.Claim(ctx, "k", "c", time.Second)
	assert.Equal(t, DedupeClaimed, state)

	// An expired claim (its process died) frees the key; its owner may still
	// record when nobody took over.
	clock.Add(time.Second)
	require.NoError(t, s.Complete(ctx, "k", "c", []byte("late"), time.Hour))
	state, got, _ = s.Claim(ctx, "k", "d", time.Second)
	assert.Equal(t, DedupeDone, state)
	assert.Equal(t, "late", string(got))
}

func TestMemoryDedupeStoreExpiredClaim(t *testing.T) {
	ctx := context.Background()
	s, clock := newClockedStore(10, 1<<20)
	state, _, _ := s.Claim(ctx, "k", "crashed", 9*time.Second)
	require.Equal(t, DedupeClaimed, state)
	clock.Add(9 * time.Second)
	state, _, _ = s.Claim(ctx, "k", "retry", 9*time.Second)
	assert.Equal(t, DedupeClaimed, state)
	assert.ErrorIs(t, s.Complete(ctx, "k", "crashed", []byte("x"), time.Hour), ErrClaimLost)
	require.NoError(t, s.Release(ctx, "k", "crashed"))
	state, _, _ = s.Claim(ctx, "k", "other", 9*time.Second)
	assert.Equal(t, DedupePending, state, "the retry's claim survives the old owner's release")
}

func TestMemoryDedupeStoreWait(t *testing.T) {
	ctx := context.Background()
	s := NewMemoryDedupeStore().(*memoryDedupeStore)
	assert.NoError(t, s.Wait(ctx, "free"), "nothing to wait for")

	for _, end := range []string{"complete", "release"} {
		key := "k-" + end
		state, _, _ := s.Claim(ctx, key, "a", time.Minute)
		require.Equal(t, DedupeClaimed, state)
		waited := make(chan error)
		go func() { waited <- s.Wait(ctx, key) }()
		select {
		case err := <-waited:
			t.Fatalf("%s: Wait returned %v while the claim is live", end, err)
		case <-time.After(20 * time.Millisecond):
		}
		if end == "complete" {
			require.NoError(t, s.Complete(ctx, key, "a", nil, time.Minute))
		} else {
			require.NoError(t, s.Release(ctx, key, "a"))
		}
		assert.NoError(t, <-waited, end)
	}

	// A claim that expires ends the wait.
	state, _, _ := s.Claim(ctx, "short", "a", 10*time.Millisecond)
	require.Equal(t, DedupeClaimed, state)
	assert.NoError(t, s.Wait(ctx, "short"))

	// A context that ends first ends the wait with its error.
	s.Claim(ctx, "long", "a", time.Minute)
	tctx, cancel := context.WithTimeout(ctx, 10*time.Millisecond)
	defer cancel()
	assert.ErrorIs(t, s.Wait(tctx, "long"), context.DeadlineExceeded)
}

func TestMemoryDedupeStoreHonoursContext(t *testing.T) {
	s := NewMemoryDedupeStore()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, err := s.Claim(ctx, "k", "a", time.Second)
	assert.ErrorIs(t, err, context.Canceled)
	assert.ErrorIs(t, s.Wait(ctx, "k"), context.Canceled)
	assert.ErrorIs(t, s.Complete(ctx, "k", "a", nil, time.Second), context.Canceled)
	assert.ErrorIs(t, s.Release(ctx, "k", "a"), context.Canceled)
}

func TestMemoryDedupeStoreBoundedEntries(t *testing.T) {
	ctx := context.Background()
	s, _ := newClockedStore(3, 1<<20)
	for i := 0; i < 3; i++ {
		s.Claim(ctx, fmt.Sprint(i), "a", time.Hour)
		require.NoError(t, s.Complete(ctx, fmt.Sprint(i), "a", []byte("success"), time.Hour))
	}
	assert.Len(t, s.entries, 3, "at the bound")
	state, _, _ := s.Claim(ctx, "0", "b", time.Hour)
	assert.Equal(t, DedupeDone, state, "nothing forgotten at the bound")

	s.Claim(ctx, "3", "a", time.Hour)
	assert.Len(t, s.entries, 3)
	state, _, _ = s.Claim(ctx, "0", "b", time.Hour)
	assert.Equal(t, DedupeClaimed, state, "the oldest is forgotten past the bound")
	assert.Len(t, s.entries, 3)
}

func TestMemoryDedupeStoreBoundedBytes(t *testing.T) {
	ctx := context.Background()
	entry := int64(len("k0")+len("a")) + memoryEntryOverhead // a claim
	s, _ := newClockedStore(100, 3*entry)
	for i := 0; i < 3; i++ {
		s.Claim(ctx, fmt.Sprint("k", i), "a", time.Hour)
	}
	assert.Equal(t, 3*entry, s.bytes, "at the bound")
	assert.Len(t, s.entries, 3)
	s.Claim(ctx, "k3", "a", time.Hour)
	assert.Equal(t, 3*entry, s.bytes)
	_, ok := s.entries["k0"]
	assert.False(t, ok, "the oldest is forgotten past the bound")

	// An answer larger than the whole store is not kept, and evicts nothing.
	require.NoError(t, s.Complete(ctx, "big", "a", make([]byte, 3*entry), time.Hour))
	_, ok = s.entries["big"]
	assert.False(t, ok)
	assert.Len(t, s.entries, 3)

	// Freed bytes are counted back.
	for i := 1; i < 4; i++ {
		require.NoError(t, s.Release(ctx, fmt.Sprint("k", i), "a"))
	}
	assert.Zero(t, s.bytes)
	assert.Empty(t, s.entries)
	assert.Zero(t, s.order.Len())
}

func TestMemoryDedupeStoreDropsExpired(t *testing.T) {
	ctx := context.Background()
	s, clock := newClockedStore(100, 1<<20)
	for i := 0; i < 50; i++ {
		s.Claim(ctx, fmt.Sprint(i), "a", time.Second)
	}
	clock.Add(time.Second)
	s.Claim(ctx, "new", "a", time.Second)
	assert.Len(t, s.entries, 1, "expired entries at the front are dropped on write")
}

func TestMemoryDedupeStoreConcurrentClaims(t *testing.T) {
	ctx := context.Background()
	s := NewMemoryDedupeStore()
	var wg sync.WaitGroup
	var mu sync.Mutex
	won := 0
	for g := 0; g < 32; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			state, _, err := s.Claim(ctx, "k", fmt.Sprint(g), time.Minute)
			if assert.NoError(t, err) && state == DedupeClaimed {
				mu.Lock()
				won++
				mu.Unlock()
			}
		}(g)
	}
	wg.Wait()
	assert.Equal(t, 1, won)
}

func TestNewMemoryDedupeStoreDefaults(t *testing.T) {
	s := NewMemoryDedupeStore().(*memoryDedupeStore)
	assert.Equal(t, DefaultMemoryDedupeEntries, s.maxEntries)
	assert.Equal(t, int64(DefaultMemoryDedupeBytes), s.maxBytes)
	s = NewBoundedMemoryDedupeStore(0, -1).(*memoryDedupeStore)
	assert.Equal(t, 1, s.maxEntries)
	assert.Equal(t, int64(1), s.maxBytes)
}
