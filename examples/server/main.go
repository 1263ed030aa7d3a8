// Command server serves a WeChat callback URL with wechatevent.Handler and
// prints every callback it accepts as one JSON line on standard output:
//
//	go run . -addr 127.0.0.1:8080 -token T -aeskey K -appid A [-redis 10.0.0.5:6379]
//
// (from examples/server, a module of its own because -redis needs go-redis).
// Without -aeskey it runs in plain mode (明文模式) and checks the plain
// signature; with it, in security or compat mode (安全模式, 兼容模式), where
// every POST must carry a valid msg_signature and is decrypted. Point the
// server URL of the account at http://<host>/wechat. Refused requests are
// logged on standard error.
//
// It runs as a service should:
//
//   - Output never holds a request: lines go through bounded queues to
//     standard output and standard error, and when a reader stalls they are
//     dropped and counted (reported every ten seconds and at exit) instead of
//     freezing every POST. SIGPIPE is ignored, so a reader that goes away
//     costs output, not the server.
//   - The http.Server bounds headers (MaxHeaderBytes), the time to read them
//     and a request (ReadHeaderTimeout, ReadTimeout), to write the answer and
//     to keep an idle connection (WriteTimeout, IdleTimeout).
//   - SIGTERM or SIGINT shuts it down gracefully: no new connections, the
//     requests under way finish, the queued lines are written.
//   - With -redis, every replica that names the same Redis shares one
//     DedupeStore, so a callback whose retries reach several replicas is
//     printed once. Without it each process dedupes its own deliveries.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/wechatevent/wechatevent"
	"github.com/wechatevent/wechatevent/redisstore"
)

// The server's bounds.
const (
	maxHeaderBytes    = 8 << 10 // WeChat's queries are under 300 bytes, its headers small
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second // WeChat gives up after 5 s anyway
	writeTimeout      = 10 * time.Second
	idleTimeout       = 60 * time.Second
	shutdownTimeout   = 10 * time.Second
	reportEvery       = 10 * time.Second
)

// drainTimeout bounds how long the output queues may take to empty at exit.
var drainTimeout = 10 * time.Second

func main() {
	signal.Ignore(syscall.SIGPIPE)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr, nil)
	switch {
	case errors.Is(err, flag.ErrHelp):
		os.Exit(0)
	case errors.As(err, new(usageError)):
		os.Exit(2)
	case err != nil:
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}

// usageError is a bad command line, already explained on standard error.
type usageError struct{ error }

// config is what the command line says.
type config struct {
	addr, token, aesKey, appID, redisAddr string
	window                                time.Duration
	queue                                 int
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.addr, "addr", "127.0.0.1:8080", "address to listen on")
	fs.StringVar(&c.token, "token", "", "the account's Token (required)")
	fs.StringVar(&c.aesKey, "aeskey", "", "the account's EncodingAESKey; empty for plain mode")
	fs.StringVar(&c.appID, "appid", "", "the AppID the decrypted messages must carry (security mode)")
	fs.DurationVar(&c.window, "window", wechatevent.DefaultTimestampWindow, "refuse requests whose timestamp is further from now; 0 turns the check off")
	fs.StringVar(&c.redisAddr, "redis", "", "host:port of a Redis shared by all replicas for dedupe; empty: dedupe in this process")
	fs.IntVar(&c.queue, "queue", 4096, "lines of output held while a reader is slow; more are dropped and counted")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if c.token == "" || c.queue < 1 || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "server: -token is required, -queue must be positive, and no arguments follow the flags")
		fs.Usage()
		return c, usageError{errors.New("bad command line")}
	}
	return c, nil
}

// run serves until ctx is done, then shuts down gracefully. ready, if not
// nil, learns the address once the server listens.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, ready func(addr string)) error {
	c, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	events, logs := newQueue(stdout, c.queue), newQueue(stderr, c.queue)
	defer func() {
		events.close(drainTimeout)
		logs.close(drainTimeout)
		if n := events.dropped.Load() + logs.dropped.Load(); n > 0 {
			fmt.Fprintf(stderr, "server: dropped %d lines of output in all\n", n)
		}
	}()
	go reportDrops(ctx, events, logs)

	var store wechatevent.DedupeStore
	if c.redisAddr != "" {
		rdb := redis.NewClient(&redis.Options{Addr: c.redisAddr})
		defer rdb.Close()
		store = redisstore.New(rdb)
	}
	mux, err := newMux(events, logs, c, store)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           mux,
		MaxHeaderBytes:    maxHeaderBytes,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
	}
	// Listen first, so that -addr 127.0.0.1:0 logs the port it got.
	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		return err
	}
	mode, dedupe := "plain", "in this process"
	if c.aesKey != "" {
		mode = "security"
	}
	if c.redisAddr != "" {
		dedupe = "shared in Redis at " + c.redisAddr
	}
	logs.printf("serving /wechat on %s in %s mode, dedupe %s", ln.Addr(), mode, dedupe)
	if ready != nil {
		ready(ln.Addr().String())
	}

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	logs.printf("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

// newMux serves the callback handler on /wechat, queueing each event as a
// line of events and each refusal as a line of logs. A nil store keeps the
// Handler's default, a memory store.
func newMux(events, logs *queue, c config, store wechatevent.DedupeStore) (*http.ServeMux, error) {
	opts := []wechatevent.HandlerOption{
		wechatevent.WithTimestampWindow(c.window),
		wechatevent.WithErrorLog(func(r *http.Request, err error) {
			logs.printf("%s %s: %v", r.Method, r.URL.Path, err)
		}),
	}
	if c.aesKey != "" {
		opts = append(opts, wechatevent.WithSecurityMode(c.aesKey, c.appID))
	}
	if store != nil {
		opts = append(opts, wechatevent.WithDedupe(store))
	}
	p := &eventPrinter{events: events, logs: logs}
	h, err := wechatevent.NewHandler(c.token, p.print, opts...)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/wechat", h)
	return mux, nil
}

// eventPrinter turns each event into one JSON line.
type eventPrinter struct{ events, logs *queue }

// line is what one output line holds: the Go type the callback parsed into,
// its dedupe key, the value itself and, for an unknown type, the body as
// text (the value holds it as base64).
type line struct {
	Type      string            `json:"type"`
	DedupeKey string            `json:"dedupe_key,omitempty"`
	Event     wechatevent.Event `json:"event"`
	Raw       string            `json:"raw,omitempty"`
}

// print queues the line of ev and answers without a reply. It never waits
// for the output: a full queue drops the line.
func (p *eventPrinter) print(ctx context.Context, ev wechatevent.Event) (wechatevent.Reply, error) {
	l := line{Type: fmt.Sprintf("%T", ev), DedupeKey: wechatevent.DedupeKeyFromContext(ctx), Event: ev}
	if u, ok := ev.(*wechatevent.UnknownEvent); ok {
		l.Raw = string(u.Raw)
	}
	b, err := json.Marshal(l)
	if err != nil {
		// The callback is received all the same: say so, and do not make
		// WeChat retry what it would send the same way again.
		p.logs.printf("event %s not printable: %v", l.Type, err)
		return nil, nil
	}
	p.events.send(append(b, '\n'))
	return nil, nil
}

// reportDrops logs, every reportEvery until ctx is done, how many lines the
// queues dropped since the last report.
func reportDrops(ctx context.Context, events, logs *queue) {
	tick := time.NewTicker(reportEvery)
	defer tick.Stop()
	var seen int64
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		if n := events.dropped.Load() + logs.dropped.Load(); n > seen {
			logs.printf("output is slow: %d lines dropped so far", n)
			seen = n
		}
	}
}
