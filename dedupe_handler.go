package wechatevent

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// storeTimeout bounds each round trip to a DedupeStore outside waiting, so
// that an unreachable store leaves most of CallbackDeadline to deliver the
// callback without it.
const storeTimeout = time.Second

// errWaited means a retry waited for the first delivery of its callback
// until the deadline: 503, and WeChat retries again.
var errWaited = errors.New("wechatevent: the first delivery of this callback did not finish in time")

// once runs deliver for the callback whose DedupeKey is key, unless a
// delivery of it is running, which it waits for, or completed, whose
// recorded answer it returns. ctx carries the request's deadline.
func (h *Handler) once(ctx context.Context, r *http.Request, key string, deliver func(context.Context) (answer, error)) (answer, error) {
	if h.store == nil {
		return deliver(ctx)
	}
	owner := newOwner()
	for {
		state, recorded, err := h.claim(ctx, key, owner)
		if err != nil {
			if ctx.Err() != nil {
				return answer{}, errWaited
			}
			h.report(r, fmt.Errorf("wechatevent: dedupe store: claim: %w; delivering without dedupe", err))
			return deliver(ctx)
		}
		switch state {
		case DedupeClaimed:
			return h.deliverClaimed(ctx, r, key, owner, deliver)
		case DedupeDone:
			ans, err := decodeAnswer(recorded)
			if err != nil {
				h.report(r, fmt.Errorf("wechatevent: dedupe store: %w; delivering again", err))
				return deliver(ctx)
			}
			return ans, nil
		}
		if err := h.store.Wait(ctx, key); err != nil {
			if ctx.Err() != nil {
				return answer{}, errWaited
			}
			h.report(r, fmt.Errorf("wechatevent: dedupe store: wait: %w; delivering without dedupe", err))
			return deliver(ctx)
		}
	}
}

// claim is DedupeStore.Claim bounded by storeTimeout.
func (h *Handler) claim(ctx context.Context, key, owner string) (DedupeState, []byte, error) {
	ctx, cancel := context.WithTimeout(ctx, storeTimeout)
	defer cancel()
	state, recorded, err := h.store.Claim(ctx, key, owner, 2*h.deadline)
	if err == nil && state != DedupeClaimed && state != DedupePending && state != DedupeDone {
		err = fmt.Errorf("claim returned %v", state)
	}
	return state, recorded, err
}

// deliverClaimed runs deliver under owner's claim on key, then records its
// answer or, when deliver fails or panics, releases the claim so that a
// retry is handled afresh. The claim lasts twice the deadline: a delivery
// that overruns its deadline keeps it, one in a process that died loses it
// before WeChat's next retry.
func (h *Handler) deliverClaimed(ctx context.Context, r *http.Request, key, owner string, deliver func(context.Context) (answer, error)) (ans answer, err error) {
	done := false
	defer func() {
		if !done {
			h.storeStep(ctx, r, "release", func(ctx context.Context) error {
				return h.store.Release(ctx, key, owner)
			})
		}
	}()
	ans, err = deliver(ctx)
	if err != nil {
		return ans, err
	}
	done = true
	h.storeStep(ctx, r, "complete", func(ctx context.Context) error {
		return h.store.Complete(ctx, key, owner, ans.encode(), h.dedupeTTL)
	})
	return ans, nil
}

// storeStep runs a step that must happen even when the request's context
// is done, bounded by storeTimeout, and reports its error.
func (h *Handler) storeStep(ctx context.Context, r *http.Request, name string, step func(context.Context) error) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), storeTimeout)
	defer cancel()
	if err := step(ctx); err != nil {
		h.report(r, fmt.Errorf("wechatevent: dedupe store: %s: %w", name, err))
	}
}

// report passes err to WithErrorLog's function, if any.
func (h *Handler) report(r *http.Request, err error) {
	if h.errLog != nil {
		h.errLog(r, err)
	}
}

// newOwner returns a random name for one delivery's claim.
func newOwner() string {
	var b [16]byte
	rand.Read(b[:]) // never fails on the platforms Go supports
	return hex.EncodeToString(b[:])
}

// encode lays an answer out for a DedupeStore: the length of the content
// type in one byte, the content type, the body.
func (a answer) encode() []byte {
	out := make([]byte, 0, 1+len(a.contentType)+len(a.body))
	out = append(out, byte(len(a.contentType)))
	out = append(out, a.contentType...)
	return append(out, a.body...)
}

func decodeAnswer(b []byte) (answer, error) {
	if len(b) == 0 || len(b) < 1+int(b[0]) {
		return answer{}, errors.New("recorded answer is malformed")
	}
	n := 1 + int(b[0])
	return answer{contentType: string(b[1:n]), body: b[n:]}, nil
}
