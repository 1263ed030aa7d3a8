// Command bot is a small WeChat account bot built on wechatevent: it answers
// a text message with a text, a new follower with a welcome article, and
// everything else with "success" (no reply).
//
//	go run ./examples/bot -addr 127.0.0.1:8080 -token T -aeskey K -appid A
//
// Without -aeskey it runs in plain mode (明文模式); with it, in security or
// compat mode, and its replies go back encrypted. Point the server URL of
// the account at http://<host>/wechat.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/wechatevent/wechatevent"
)

// welcome is the article a new follower gets.
var welcome = wechatevent.Article{
	Title:       "Welcome",
	Description: "Send any text and the bot answers.",
	PicURL:      "https://example.com/welcome.jpg",
	URL:         "https://example.com/start",
}

// answer is the bot: one passive reply per callback, or nil for none.
func answer(_ context.Context, ev wechatevent.Event) (wechatevent.Reply, error) {
	switch e := ev.(type) {
	case *wechatevent.TextMessage:
		return wechatevent.NewTextReply(e, "You said: "+e.Content), nil
	case *wechatevent.SubscribeEvent, *wechatevent.SubscribeScanEvent, *wechatevent.SubscribeScanProductEvent:
		return wechatevent.NewNewsReply(e, welcome), nil
	}
	return nil, nil // "success"
}

// newHandler serves the bot in plain mode, or in security mode with aesKey.
func newHandler(token, aesKey, appID string) (*wechatevent.Handler, error) {
	opts := []wechatevent.HandlerOption{
		wechatevent.WithTimestampWindow(5 * time.Minute),
		wechatevent.WithErrorLog(func(r *http.Request, err error) { log.Printf("%s %s: %v", r.Method, r.URL.Path, err) }),
	}
	if aesKey != "" {
		opts = append(opts, wechatevent.WithSecurityMode(aesKey, appID))
	}
	return wechatevent.NewHandler(token, answer, opts...)
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	token := flag.String("token", "", "the account's Token (required)")
	aesKey := flag.String("aeskey", "", "the account's EncodingAESKey; empty for plain mode")
	appID := flag.String("appid", "", "the account's AppID (security mode)")
	flag.Parse()
	if *token == "" {
		fmt.Fprintln(os.Stderr, "bot: -token is required")
		flag.Usage()
		os.Exit(2)
	}
	h, err := newHandler(*token, *aesKey, *appID)
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/wechat", h)
	srv := &http.Server{Addr: *addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second, WriteTimeout: 10 * time.Second}
	log.Printf("bot: serving http://%s/wechat", *addr)
	log.Fatal(srv.ListenAndServe())
}
