// Command server serves a WeChat callback URL with wechatevent.Handler and
// prints every callback it accepts as one JSON line on standard output:
//
//	go run ./examples/server -addr 127.0.0.1:8080 -token T -aeskey K -appid A
//
// Without -aeskey it runs in plain mode (明文模式) and checks the plain
// signature; with it, in security or compat mode (安全模式, 兼容模式), where
// every POST must carry a valid msg_signature and is decrypted. Point the
// server URL of the account at http://<host>/wechat. Refused requests are
// logged on standard error.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/wechatevent/wechatevent"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	token := flag.String("token", "", "the account's Token (required)")
	aesKey := flag.String("aeskey", "", "the account's EncodingAESKey; empty for plain mode")
	appID := flag.String("appid", "", "the AppID the decrypted messages must carry (security mode)")
	window := flag.Duration("window", 5*time.Minute, "refuse requests whose timestamp is further from now; 0 turns the check off")
	flag.Parse()
	if *token == "" {
		fmt.Fprintln(os.Stderr, "server: -token is required")
		flag.Usage()
		os.Exit(2)
	}

	mux, err := newMux(os.Stdout, *token, *aesKey, *appID, *window)
	if err != nil {
		log.Fatal(err)
	}
	srv := &http.Server{
		Addr:              *addr,
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second, // WeChat gives up after 5 s anyway
		WriteTimeout:      10 * time.Second,
	}
	mode := "plain"
	if *aesKey != "" {
		mode = "security"
	}
	// Listen first, so that -addr 127.0.0.1:0 logs the port it got.
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("serving /wechat on %s in %s mode", ln.Addr(), mode)
	log.Fatal(srv.Serve(ln))
}

// newMux serves the callback handler on /wechat, printing events to out.
func newMux(out io.Writer, token, aesKey, appID string, window time.Duration) (*http.ServeMux, error) {
	p := &eventPrinter{enc: json.NewEncoder(out)}
	opts := []wechatevent.HandlerOption{
		wechatevent.WithTimestampWindow(window),
		wechatevent.WithErrorLog(func(r *http.Request, err error) {
			log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
		}),
	}
	if aesKey != "" {
		opts = append(opts, wechatevent.WithSecurityMode(aesKey, appID))
	}
	h, err := wechatevent.NewHandler(token, p.print, opts...)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/wechat", h)
	return mux, nil
}

// eventPrinter writes each event as one JSON line; requests arrive
// concurrently, so writes are serialised.
type eventPrinter struct {
	mu  sync.Mutex
	enc *json.Encoder
}

// line is what one output line holds: the Go type the callback parsed into,
// its dedupe key, the value itself and, for an unknown type, the body as
// text (the value holds it as base64).
type line struct {
	Type      string            `json:"type"`
	DedupeKey string            `json:"dedupe_key,omitempty"`
	Event     wechatevent.Event `json:"event"`
	Raw       string            `json:"raw,omitempty"`
}

func (p *eventPrinter) print(ctx context.Context, ev wechatevent.Event) (wechatevent.Reply, error) {
	l := line{Type: fmt.Sprintf("%T", ev), DedupeKey: wechatevent.DedupeKeyFromContext(ctx), Event: ev}
	if u, ok := ev.(*wechatevent.UnknownEvent); ok {
		l.Raw = string(u.Raw)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return nil, p.enc.Encode(l)
}
