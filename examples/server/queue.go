package main

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// queue writes lines to w from a goroutine of its own, so that a writer
// that stalls (a full pipe, a stopped terminal) never holds the caller: it
// keeps at most a fixed number of lines, drops the rest and counts them. A
// line whose write fails is dropped and counted too.
type queue struct {
	lines   chan []byte
	dropped atomic.Int64
	done    chan struct{} // closed when the writing goroutine ends

	mu     sync.RWMutex // held to send, and to close lines
	closed bool
}

func newQueue(w io.Writer, size int) *queue {
	q := &queue{lines: make(chan []byte, size), done: make(chan struct{})}
	go q.write(w)
	return q
}

func (q *queue) write(w io.Writer) {
	defer close(q.done)
	for l := range q.lines {
		if _, err := w.Write(l); err != nil {
			q.dropped.Add(1)
		}
	}
}

// send queues one line, which ends in a newline, or drops it when the queue
// is full or closed. It never blocks.
func (q *queue) send(l []byte) {
	q.mu.RLock()
	defer q.mu.RUnlock()
	if q.closed {
		q.dropped.Add(1)
		return
	}
	select {
	case q.lines <- l:
	default:
		q.dropped.Add(1)
	}
}

// printf sends a log line stamped with the time.
func (q *queue) printf(format string, args ...any) {
	q.send([]byte(time.Now().Format("2006/01/02 15:04:05 ") + fmt.Sprintf(format, args...) + "\n"))
}

// close stops taking lines and waits at most d for the queued ones to be
// written; what is left when the writer is stuck is counted as dropped.
func (q *queue) close(d time.Duration) {
	q.mu.Lock()
	if !q.closed {
		q.closed = true
		close(q.lines)
	}
	q.mu.Unlock()
	select {
	case <-q.done:
	case <-time.After(d):
		q.dropped.Add(int64(len(q.lines)))
	}
}
