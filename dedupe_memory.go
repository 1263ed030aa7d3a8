package wechatevent

import (
	"container/list"
	"context"
	"sync"
	"time"
)

// The bounds of the store that NewMemoryDedupeStore returns.
const (
	// DefaultMemoryDedupeEntries is how many keys it keeps at most.
	DefaultMemoryDedupeEntries = 100_000

	// DefaultMemoryDedupeBytes is how many bytes of keys, answers and
	// bookkeeping it keeps at most.
	DefaultMemoryDedupeBytes = 32 << 20
)

// memoryEntryOverhead approximates what an entry costs beyond its strings:
// the struct, its list element, its map slot and a channel.
const memoryEntryOverhead = 256

// NewMemoryDedupeStore returns the DedupeStore a Handler uses by default: one
// in the process's memory, so it dedupes the retries that reach this process
// only. It keeps at most DefaultMemoryDedupeEntries keys and
// DefaultMemoryDedupeBytes bytes; when full, it forgets the oldest first
// (those whose retries are over). Entries expire after the ttl the Handler
// sets (WithDedupeTTL). For a service with several replicas, use a shared
// store such as github.com/wechatevent/wechatevent/redisstore.
func NewMemoryDedupeStore() DedupeStore {
	return NewBoundedMemoryDedupeStore(DefaultMemoryDedupeEntries, DefaultMemoryDedupeBytes)
}

// NewBoundedMemoryDedupeStore is NewMemoryDedupeStore with other bounds: at
// most maxEntries keys and maxBytes bytes. Values below 1 mean 1.
func NewBoundedMemoryDedupeStore(maxEntries int, maxBytes int64) DedupeStore {
	return &memoryDedupeStore{
		entries:    make(map[string]*memoryEntry),
		maxEntries: max(maxEntries, 1),
		maxBytes:   max(maxBytes, 1),
		now:        time.Now,
	}
}

// memoryDedupeStore keeps its entries in a map and in a list in the order
// they were last written, which is the order in which it forgets them when
// full. Expired entries are dropped when met: at the list's front on every
// write, and on lookup.
type memoryDedupeStore struct {
	mu         sync.Mutex
	entries    map[string]*memoryEntry
	order      list.List // of *memoryEntry, oldest write first
	bytes      int64
	maxEntries int
	maxBytes   int64
	now        func() time.Time
}

type memoryEntry struct {
	key     string
	owner   string // of the claim; "" once done
	answer  []byte // once done
	expires time.Time
	ended   chan struct{} // closed when the claim ends; nil once done
	elem    *list.Element
}

func (e *memoryEntry) size() int64 {
	return int64(len(e.key)+len(e.owner)+len(e.answer)) + memoryEntryOverhead
}

// Claim implements DedupeStore.
func (s *memoryDedupeStore) Claim(ctx context.Context, key, owner string, ttl time.Duration) (DedupeState, []byte, error) {
	if err := ctx.Err(); err != nil {
		return 0, nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if e := s.live(key, now); e != nil {
		if e.ended != nil {
			return DedupePending, nil, nil
		}
		return DedupeDone, e.answer, nil
	}
	s.add(&memoryEntry{key: key, owner: owner, expires: now.Add(ttl), ended: make(chan struct{})}, now)
	return DedupeClaimed, nil, nil
}

// Wait implements DedupeStore.
func (s *memoryDedupeStore) Wait(ctx context.Context, key string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	e := s.live(key, s.now())
	if e == nil || e.ended == nil {
		s.mu.Unlock()
		return nil
	}
	ended, left := e.ended, e.expires.Sub(s.now())
	s.mu.Unlock()

	expired := time.NewTimer(left)
	defer expired.Stop()
	select {
	case <-ended:
		return nil
	case <-expired.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Complete implements DedupeStore.
func (s *memoryDedupeStore) Complete(ctx context.Context, key, owner string, answer []byte, ttl time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	e := s.live(key, now)
	if e != nil && (e.ended == nil || e.owner != owner) {
		return ErrClaimLost
	}
	if e != nil {
		s.remove(e)
	}
	s.add(&memoryEntry{key: key, answer: append([]byte(nil), answer...), expires: now.Add(ttl)}, now)
	return nil
}

// Release implements DedupeStore.
func (s *memoryDedupeStore) Release(ctx context.Context, key, owner string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if e := s.entries[key]; e != nil && e.ended != nil && e.owner == owner {
		s.remove(e)
	}
	return nil
}

// live returns the entry of key unless there is none or it has expired, in
// which case it is dropped.
func (s *memoryDedupeStore) live(key string, now time.Time) *memoryEntry {
	e := s.entries[key]
	if e != nil && !now.Before(e.expires) {
		s.remove(e)
		return nil
	}
	return e
}

// add stores e as the newest entry, first dropping expired entries from the
// front and then the oldest ones until e fits. An entry larger than the whole
// store is not kept.
func (s *memoryDedupeStore) add(e *memoryEntry, now time.Time) {
	for f := s.order.Front(); f != nil; f = s.order.Front() {
		if old := f.Value.(*memoryEntry); !now.Before(old.expires) {
			s.remove(old)
			continue
		}
		break
	}
	if e.size() > s.maxBytes {
		return
	}
	for len(s.entries) >= s.maxEntries || s.bytes+e.size() > s.maxBytes {
		s.remove(s.order.Front().Value.(*memoryEntry))
	}
	e.elem = s.order.PushBack(e)
	s.entries[e.key] = e
	s.bytes += e.size()
}

func (s *memoryDedupeStore) remove(e *memoryEntry) {
	if e.ended != nil {
		close(e.ended)
		e.ended = nil
	}
	s.order.Remove(e.elem)
	delete(s.entries, e.key)
	s.bytes -= e.size()
}
