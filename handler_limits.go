package wechatevent

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"
)

// Refusals of the Handler's limits.
var (
	errQueryTooLong = fmt.Errorf("wechatevent: query longer than %d bytes", MaxQuerySize)
	errBusy         = errors.New("wechatevent: too many body bytes in flight")
)

// params returns the named query parameters of r, reading only those: a
// query longer than MaxQuerySize is refused before any of it is parsed, and
// each name must appear exactly once, since a repeated parameter could be
// read one way here and another way by a proxy.
func params(r *http.Request, names ...string) ([]string, error) {
	raw := r.URL.RawQuery
	if len(raw) > MaxQuerySize {
		return nil, errQueryTooLong
	}
	if strings.IndexByte(raw, ';') >= 0 {
		return nil, fmt.Errorf("%w: malformed query: semicolon", ErrSignature)
	}
	out := make([]string, len(names))
	seen := make([]bool, len(names))
	for raw != "" {
		var pair string
		pair, raw, _ = strings.Cut(raw, "&")
		name, value, _ := strings.Cut(pair, "=")
		if strings.ContainsAny(name, "%+") {
			var err error
			if name, err = url.QueryUnescape(name); err != nil {
				return nil, fmt.Errorf("%w: malformed query: %v", ErrSignature, err)
			}
		}
		i := indexOf(names, name)
		if i < 0 {
			continue
		}
		if seen[i] {
			return nil, fmt.Errorf("%w: query parameter %s given more than once", ErrSignature, name)
		}
		v, err := url.QueryUnescape(value)
		if err != nil {
			return nil, fmt.Errorf("%w: malformed query parameter %s: %v", ErrSignature, name, err)
		}
		out[i], seen[i] = v, true
	}
	for i, ok := range seen {
		if !ok {
			return nil, fmt.Errorf("%w: query parameter %s missing", ErrSignature, names[i])
		}
	}
	return out, nil
}

func indexOf(names []string, name string) int {
	for i, n := range names {
		if n == name {
			return i
		}
	}
	return -1
}

// bodySize returns how many bytes the body of r may take: its Content-Length,
// or the body limit when the length is unknown. A body announced longer than
// the limit is refused before it is read.
func (h *Handler) bodySize(r *http.Request) (int64, error) {
	switch {
	case r.ContentLength > h.bodyLimit:
		return 0, tooLarge(h.bodyLimit)
	case r.ContentLength >= 0:
		return r.ContentLength, nil
	}
	return h.bodyLimit, nil
}

func tooLarge(limit int64) error {
	return fmt.Errorf("%w: longer than the limit of %d bytes", ErrTooLarge, limit)
}

// readBody reads the body of r, of at most size bytes as bodySize found, into
// a buffer of that size. The read must end by deadline, so that a client
// that trickles its body cannot hold the request, and its buffer, for longer
// than WeChat would wait for the answer.
func (h *Handler) readBody(w http.ResponseWriter, r *http.Request, size int64, deadline time.Time) ([]byte, error) {
	rc := http.NewResponseController(w)
	bounded := rc.SetReadDeadline(deadline) == nil
	body, err := readAtMost(r, size)
	if err == nil && bounded {
		// Lift the deadline only after a whole body: after a failed read it
		// also stops net/http from draining the rest of a trickled body.
		rc.SetReadDeadline(time.Time{})
	}
	return body, err
}

func readAtMost(r *http.Request, size int64) ([]byte, error) {
	if r.ContentLength >= 0 {
		body := make([]byte, size)
		if _, err := io.ReadFull(r.Body, body); err != nil {
			return nil, fmt.Errorf("wechatevent: reading the body: %w", err)
		}
		return body, nil
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, size+1))
	if err != nil {
		return nil, fmt.Errorf("wechatevent: reading the body: %w", err)
	}
	if int64(len(body)) > size {
		return nil, tooLarge(size)
	}
	return body, nil
}

// inFlight counts the body bytes that requests hold at once.
type inFlight struct {
	limit int64
	used  atomic.Int64
}

// acquire reserves n bytes, or fails with errBusy when that would pass the
// limit.
func (f *inFlight) acquire(n int64) error {
	if f.used.Add(n) > f.limit {
		f.used.Add(-n)
		return errBusy
	}
	return nil
}

func (f *inFlight) release(n int64) { f.used.Add(-n) }
