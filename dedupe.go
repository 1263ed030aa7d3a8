package wechatevent

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"time"
)

// DedupeStore records which callbacks a Handler has delivered to its
// function, so that WeChat's retries of one callback reach the function once.
// The Handler's default is NewMemoryDedupeStore; WithDedupe sets another,
// such as a Redis store shared by every replica of a service
// (github.com/wechatevent/wechatevent/redisstore).
//
// A key is in one of three states: free, claimed by one delivery (which
// names itself with a random owner string), or done, holding the answer
// that delivery recorded. For each callback the Handler calls Claim; the
// caller that wins runs the function and then calls Complete with its answer
// or, when the function failed, Release. A retry that finds the key claimed
// calls Wait and then Claim again; one that finds it done sends the recorded
// answer. Every state but free expires after the ttl it was set with, so a
// claim left by a process that crashed does not block the key for long.
//
// Claim, Complete and Release must each be atomic with respect to every
// other caller that shares the store, and should take one round trip. Every
// method must return promptly with ctx.Err() once ctx is done. The answers
// recorded are opaque to the store: it keeps them byte for byte.
type DedupeStore interface {
	// Claim claims key for owner for ttl if the key is free or its claim has
	// expired, and returns DedupeClaimed. Otherwise it changes nothing and
	// returns DedupePending while another owner's claim is live, or
	// DedupeDone with the recorded answer.
	Claim(ctx context.Context, key, owner string, ttl time.Duration) (state DedupeState, answer []byte, err error)

	// Wait returns nil once key is no longer claimed (its claim completed,
	// released or expired), possibly at once, or ctx.Err() when ctx is done
	// first.
	Wait(ctx context.Context, key string) error

	// Complete replaces owner's claim on key by the answer, kept for ttl.
	// When the claim has expired and nobody claimed the key since, it records
	// the answer all the same. When another owner holds the key now, it
	// changes nothing and returns an error matching ErrClaimLost.
	Complete(ctx context.Context, key, owner string, answer []byte, ttl time.Duration) error

	// Release frees key if owner still holds the claim on it, and does
	// nothing otherwise.
	Release(ctx context.Context, key, owner string) error
}

// DedupeState is what DedupeStore.Claim found.
type DedupeState int

// The states reported by DedupeStore.Claim.
const (
	// DedupeClaimed means the key was free and the caller now holds it.
	DedupeClaimed DedupeState = iota + 1

	// DedupePending means another delivery holds a live claim on the key.
	DedupePending

	// DedupeDone means a delivery completed and recorded its answer.
	DedupeDone
)

// String returns "claimed", "pending" or "done".
func (s DedupeState) String() string {
	switch s {
	case DedupeClaimed:
		return "claimed"
	case DedupePending:
		return "pending"
	case DedupeDone:
		return "done"
	}
	return "DedupeState(" + strconv.Itoa(int(s)) + ")"
}

// DefaultDedupeTTL is how long a Handler keeps the answer of a delivered
// callback for its retries unless WithDedupeTTL says otherwise. It covers
// the longest retry schedule WeChat documents: 公众号, 小程序 and WeCom retry
// three times within about 15 seconds, 视频号小店 and 微信小店 JSON pushes up
// to ten times over about 3.6 hours.
const DefaultDedupeTTL = 4 * time.Hour

// DedupeKey returns the key under which a Handler deduplicates a callback:
// the hex SHA-256 of receiveID and the authenticated plaintext body (the
// decrypted one in security mode). WeChat sends the retries of a callback
// byte for byte the same, so they share the key, while two callbacks that
// differ in any byte never do, even when they arrive in the same second for
// the same user (WeCom's create_user and update_user, two wxa_media_check
// results that differ only in trace_id, a batch of sys_approval_change).
//
// receiveID is the ReceiveId of security mode (the AppID, CorpID or SuiteID
// given to WithSecurityMode), or "" in plain mode, where the body's
// ToUserName already names the account.
func DedupeKey(receiveID string, plaintext []byte) string {
	d := sha256.New()
	d.Write([]byte(receiveID))
	d.Write([]byte{0}) // no ReceiveId contains NUL, so the two parts cannot shift
	d.Write(plaintext)
	var sum [sha256.Size]byte
	return hex.EncodeToString(d.Sum(sum[:0]))
}

type dedupeKeyContext struct{}

// DedupeKeyFromContext returns the DedupeKey of the callback whose delivery
// ctx belongs to, as the Handler passes it to your function, or "" for any
// other context. Use it to make your own side effects idempotent, for
// example as a unique column.
func DedupeKeyFromContext(ctx context.Context) string {
	k, _ := ctx.Value(dedupeKeyContext{}).(string)
	return k
}
