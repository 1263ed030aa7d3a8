// Command wecom serves the callback URL of a WeCom (企业微信) self-built app
// (自建应用) with wechatevent.Handler:
//
//	go run ./examples/wecom -addr 127.0.0.1:8080 -token T -aeskey K -corpid ww…
//
// Set the app's 接收消息 URL to http://<host>/wecom with the same Token and
// EncodingAESKey. When the URL is saved, WeCom sends a GET with an encrypted
// echostr; the Handler decrypts it, checks that it was encrypted for the
// CorpID and answers its plaintext, so the URL saves. Afterwards the app
// answers a member's text message with a text reply, prints each change of
// the corp's contacts (change_contact) on standard output and answers every
// other callback with WeCom's empty "no reply". Refused requests are logged
// on standard error.
package main

import (
	"context"
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
	token := flag.String("token", "", "the app's Token (required)")
	aesKey := flag.String("aeskey", "", "the app's EncodingAESKey (required)")
	corpID := flag.String("corpid", "", "the corp's CorpID, the ReceiveId of a self-built app (required)")
	flag.Parse()
	if *token == "" || *aesKey == "" || *corpID == "" {
		fmt.Fprintln(os.Stderr, "wecom: -token, -aeskey and -corpid are required")
		flag.Usage()
		os.Exit(2)
	}

	mux, err := newMux(os.Stdout, *token, *aesKey, *corpID)
	if err != nil {
		log.Fatal(err)
	}
	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("serving /wecom on %s for corp %s", ln.Addr(), *corpID)
	log.Fatal(srv.Serve(ln))
}

// newMux serves the app's callbacks on /wecom, printing contact changes to out.
func newMux(out io.Writer, token, aesKey, corpID string) (*http.ServeMux, error) {
	a := &app{out: out}
	h, err := wechatevent.NewHandler(token, a.handle,
		// WeCom always encrypts; a self-built app's ReceiveId is the CorpID.
		wechatevent.WithSecurityMode(aesKey, corpID),
		wechatevent.WithTimestampWindow(5*time.Minute),
		wechatevent.WithErrorLog(func(r *http.Request, err error) {
			log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
		}),
	)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/wecom", h)
	return mux, nil
}

// app handles the callbacks of one self-built app.
type app struct {
	mu  sync.Mutex
	out io.Writer
}

func (a *app) handle(_ context.Context, ev wechatevent.Event) (wechatevent.Reply, error) {
	switch e := ev.(type) {
	case *wechatevent.TextMessage:
		// A passive reply: WeCom shows it to the member in the app's chat.
		return wechatevent.NewTextReply(e, "收到: "+e.Content), nil
	case *wechatevent.CreateUserEvent:
		a.printf("member %s (%s) joined departments %v\n", e.UserID, e.Name, e.Department)
	case *wechatevent.UpdateUserEvent:
		a.printf("member %s changed\n", e.UserID)
	case *wechatevent.DeleteUserEvent:
		a.printf("member %s left\n", e.UserID)
	case *wechatevent.CreatePartyEvent, *wechatevent.UpdatePartyEvent, *wechatevent.DeletePartyEvent, *wechatevent.UpdateTagEvent:
		a.printf("contacts changed: %T\n", e)
	}
	// No reply: the Handler answers WeCom with an empty 200.
	return nil, nil
}

func (a *app) printf(format string, args ...any) {
	a.mu.Lock()
	defer a.mu.Unlock()
	fmt.Fprintf(a.out, format, args...)
}
