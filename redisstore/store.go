// Package redisstore is a wechatevent.DedupeStore on Redis, for a service
// that runs several replicas behind a load balancer: WeChat may send a
// callback's retries to any of them, and with one Redis shared by all, the
// callback still reaches the function once.
//
//	rdb := redis.NewClient(&redis.Options{Addr: "10.0.0.5:6379"})
//	h, err := wechatevent.NewHandler(token, fn, wechatevent.WithDedupe(redisstore.New(rdb)))
//
// Each key is one Redis string under a prefix (DefaultPrefix), always with
// an expiry: "c" and the owner while a delivery holds the claim, "d" and the
// recorded answer once it completed. Claim is one SET NX PX GET; Complete
// and Release are one script each, which compare the owner first; a retry
// that finds the key claimed polls it with GET every PollInterval until the
// claim ends. It needs Redis 7.0 or later (SET with both NX and GET).
package redisstore

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/wechatevent/wechatevent"
)

// DefaultPrefix is put before every key the store writes.
const DefaultPrefix = "wechatevent:dedupe:"

// DefaultPollInterval is how often a retry that waits for a running
// delivery looks at its key.
const DefaultPollInterval = 50 * time.Millisecond

// The first byte of a value: a live claim or a recorded answer.
const (
	claimTag = "c"
	doneTag  = "d"
)

// Store is a wechatevent.DedupeStore on a Redis client of yours. It never
// dials by itself: every command goes through the client, with its pool,
// timeouts and retries. It is safe for concurrent use.
type Store struct {
	client redis.UniversalClient
	prefix string
	poll   time.Duration
}

var _ wechatevent.DedupeStore = (*Store)(nil)

// New returns a Store that keeps its keys under DefaultPrefix in the Redis
// that client talks to (a *redis.Client, *redis.ClusterClient or
// *redis.Ring). It sends no command until the Handler needs one.
func New(client redis.UniversalClient) *Store {
	return &Store{client: client, prefix: DefaultPrefix, poll: DefaultPollInterval}
}

// WithPrefix returns a copy of s that puts prefix before its keys instead,
// for example to keep two services that share a Redis apart.
func (s *Store) WithPrefix(prefix string) *Store {
	c := *s
	c.prefix = prefix
	return &c
}

// WithPollInterval returns a copy of s whose waiting retries look at their
// key every d instead of DefaultPollInterval; d below a millisecond means a
// millisecond.
func (s *Store) WithPollInterval(d time.Duration) *Store {
	c := *s
	c.poll = max(d, time.Millisecond)
	return &c
}

// Claim implements wechatevent.DedupeStore with one SET NX PX GET.
func (s *Store) Claim(ctx context.Context, key, owner string, ttl time.Duration) (wechatevent.DedupeState, []byte, error) {
	old, err := s.client.Do(ctx, "SET", s.prefix+key, claimTag+owner, "NX", "PX", ms(ttl), "GET").Text()
	switch {
	case errors.Is(err, redis.Nil):
		return wechatevent.DedupeClaimed, nil, nil
	case err != nil:
		return 0, nil, fmt.Errorf("redisstore: claim: %w", err)
	}
	return state(old)
}

// state tells the state of a key from its value.
func state(v string) (wechatevent.DedupeState, []byte, error) {
	switch {
	case strings.HasPrefix(v, claimTag):
		return wechatevent.DedupePending, nil, nil
	case strings.HasPrefix(v, doneTag):
		return wechatevent.DedupeDone, []byte(v[len(doneTag):]), nil
	}
	return 0, nil, fmt.Errorf("redisstore: key holds a value this store did not write (%d bytes)", len(v))
}

// Wait implements wechatevent.DedupeStore by polling the key with GET.
func (s *Store) Wait(ctx context.Context, key string) error {
	tick := time.NewTicker(s.poll)
	defer tick.Stop()
	for {
		v, err := s.client.Get(ctx, s.prefix+key).Result()
		switch {
		case errors.Is(err, redis.Nil):
			return nil
		case err != nil:
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("redisstore: wait: %w", err)
		case !strings.HasPrefix(v, claimTag):
			return nil
		}
		select {
		case <-tick.C:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// complete records the answer in place of the owner's claim, or of nothing.
var complete = redis.NewScript(`
local v = redis.call('GET', KEYS[1])
if v == false or v == ARGV[1] then
	redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
	return 1
end
return 0`)

// Complete implements wechatevent.DedupeStore with one script.
func (s *Store) Complete(ctx context.Context, key, owner string, answer []byte, ttl time.Duration) error {
	value := make([]byte, 0, len(doneTag)+len(answer))
	value = append(append(value, doneTag...), answer...)
	done, err := complete.Run(ctx, s.client, []string{s.prefix + key}, claimTag+owner, value, ms(ttl)).Int()
	switch {
	case err != nil:
		return fmt.Errorf("redisstore: complete: %w", err)
	case done == 0:
		return wechatevent.ErrClaimLost
	}
	return nil
}

// release deletes the key while it holds the owner's claim.
var release = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
	return redis.call('DEL', KEYS[1])
end
return 0`)

// Release implements wechatevent.DedupeStore with one script.
func (s *Store) Release(ctx context.Context, key, owner string) error {
	if err := release.Run(ctx, s.client, []string{s.prefix + key}, claimTag+owner).Err(); err != nil {
		return fmt.Errorf("redisstore: release: %w", err)
	}
	return nil
}

// ms is a TTL in whole milliseconds, at least one: Redis refuses PX 0.
func ms(d time.Duration) string {
	return strconv.FormatInt(max(d.Milliseconds(), 1), 10)
}
