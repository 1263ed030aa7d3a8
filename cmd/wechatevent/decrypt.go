package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"

	"github.com/wechatevent/wechatevent"
	"github.com/wechatevent/wechatevent/wechateventtest"
)

const decryptUsage = `usage: wechatevent decrypt -token T [-aeskey K -appid ID] [-url URL] [FILE]

Open a request captured from WeChat, or an endpoint's encrypted reply, and
print the plaintext; or say which check failed.

  -url with msg_signature and echostr   WeCom's URL verification: the echostr
                                        is verified and decrypted (no body)
  -url with msg_signature               a security-mode POST: the body (FILE,
                                        or standard input) is verified and
                                        decrypted; a plain signature on the
                                        URL is checked too
  -url with signature only              a plain-mode request: the signature
                                        is checked and the body printed
  no -url                               the body is an encrypted reply, signed
                                        with its own MsgSignature, TimeStamp
                                        and Nonce

The URL is the request's as it arrived (quote it for the shell); only its
query counts. The checks, in order: the signature over -token, then the
ciphertext under -aeskey, then the ReceiveId against -appid.

Exit status: 0 all checks passed, 1 a check failed, 2 usage error.

Flags:
`

func runDecrypt(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("decrypt", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, decryptUsage)
		fs.PrintDefaults()
	}
	token := fs.String("token", "", "the account's Token (required)")
	aesKey := fs.String("aeskey", "", "the account's EncodingAESKey (required but in plain mode)")
	appID := fs.String("appid", "", "the ReceiveId: AppID, or CorpID or SuiteID for WeCom")
	rawURL := fs.String("url", "", "the captured request `URL`, with its query")
	if err := fs.Parse(args); err != nil {
		return usageStatus(err)
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "wechatevent decrypt: "+format+"\n", a...)
		return exitFail
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "wechatevent decrypt: "+format+"\n", a...)
		return exitUsage
	}
	if *token == "" {
		return usageErr("-token is required")
	}
	if fs.NArg() > 1 {
		return usageErr("at most one FILE")
	}
	var q url.Values
	if *rawURL != "" {
		u, err := url.Parse(*rawURL)
		if err != nil {
			return usageErr("-url: %v", err)
		}
		if q, err = url.ParseQuery(u.RawQuery); err != nil {
			return usageErr("-url: malformed query: %v", err)
		}
	}
	has := func(name string) bool { return len(q[name]) > 0 }
	if *rawURL != "" && !has("msg_signature") && !has("signature") {
		return usageErr("-url has neither signature nor msg_signature")
	}

	var c *wechatevent.Crypto
	if has("msg_signature") || *rawURL == "" {
		if *aesKey == "" {
			return usageErr("-aeskey is required to decrypt")
		}
		var err error
		if c, err = wechatevent.NewCrypto(*token, *aesKey, *appID); err != nil {
			return usageErr("-aeskey: %v", err)
		}
	}

	// WeCom's URL verification: everything is on the URL.
	if has("msg_signature") && has("echostr") {
		plain, err := c.VerifyURL(q.Get("msg_signature"), q.Get("timestamp"), q.Get("nonce"), q.Get("echostr"))
		if err != nil {
			return fail("%s", explain(err, *appID, receiveIDOf(http.MethodGet, *rawURL, nil, *token, *aesKey)))
		}
		fmt.Fprintln(stderr, "msg_signature verified, echostr decrypted, ReceiveId matches -appid")
		fmt.Fprintf(stdout, "%s\n", plain)
		return exitOK
	}

	body, err := readBody(fs.Arg(0), stdin)
	if err != nil {
		return usageErr("%v", err)
	}
	if has("signature") && !wechatevent.CheckSignature(*token, q.Get("signature"), q.Get("timestamp"), q.Get("nonce")) {
		return fail("signature check failed: the URL's signature does not match -token, timestamp and nonce (wrong -token?)")
	}
	switch {
	case *rawURL == "":
		s := &wechateventtest.Sender{Token: *token, EncodingAESKey: *aesKey, ReceiveID: *appID, Mode: wechateventtest.Secure}
		plain, err := s.OpenReply(200, body)
		if err != nil {
			return fail("%s", explain(err, *appID, ""))
		}
		if plain == nil {
			return fail("the body is %q, which WeChat reads as no reply; nothing to decrypt", body)
		}
		fmt.Fprintln(stderr, "reply MsgSignature verified, decrypted, ReceiveId matches -appid")
		fmt.Fprintf(stdout, "%s\n", plain)
	case has("msg_signature"):
		plain, err := c.Decrypt(q.Get("msg_signature"), q.Get("timestamp"), q.Get("nonce"), body)
		if err != nil {
			return fail("%s", explain(err, *appID, receiveIDOf(http.MethodPost, *rawURL, body, *token, *aesKey)))
		}
		fmt.Fprintln(stderr, "msg_signature verified, decrypted, ReceiveId matches -appid")
		fmt.Fprintf(stdout, "%s\n", plain)
	default:
		fmt.Fprintln(stderr, "signature verified (plain mode: it covers no body)")
		fmt.Fprintf(stdout, "%s\n", body)
	}
	return exitOK
}

func readBody(name string, stdin io.Reader) ([]byte, error) {
	if name == "" {
		return io.ReadAll(io.LimitReader(stdin, wechatevent.MaxBodySize+1))
	}
	return os.ReadFile(name)
}

// receiveIDOf finds the ReceiveId that an authenticated request carries
// when it is not -appid: it replays the request into a Handler that asks
// about every ReceiveId it sees. It returns "" when there is none to tell.
func receiveIDOf(method, rawURL string, body []byte, token, aesKey string) string {
	var seen string
	h, err := wechatevent.NewHandler(token,
		func(context.Context, wechatevent.Event) (wechatevent.Reply, error) { return nil, nil },
		wechatevent.WithSecurityMode(aesKey, "\x00not a ReceiveId"),
		wechatevent.WithTimestampWindow(0), // a capture may be old
		wechatevent.WithReceiveIDFunc(func(_ *http.Request, receiveID string) (bool, error) {
			seen = receiveID
			return false, nil
		}))
	if err != nil {
		return ""
	}
	req, err := http.NewRequest(method, rawURL, bytes.NewReader(body))
	if err != nil {
		return ""
	}
	h.ServeHTTP(httptest.NewRecorder(), req)
	return seen
}

// explain names the check that failed and what usually causes it; actual is
// the ReceiveId the message carries, when known.
func explain(err error, appID, actual string) string {
	switch {
	case errors.Is(err, wechatevent.ErrSignature):
		return fmt.Sprintf("msg_signature check failed: it does not match -token, timestamp, nonce and the ciphertext (wrong -token, or URL and body not from one request): %v", err)
	case errors.Is(err, wechatevent.ErrAppID):
		is := ""
		if actual != "" {
			is = fmt.Sprintf(" but for %q", actual)
		}
		return fmt.Sprintf("ReceiveId check failed: the decrypted message is not for -appid %q%s (a WeCom app wants its CorpID, a suite its SuiteID, a 开放平台 platform its component AppID)", appID, is)
	case errors.Is(err, wechatevent.ErrDecrypt):
		return fmt.Sprintf("decryption failed: %v (wrong -aeskey, or a damaged ciphertext)", err)
	case errors.Is(err, wechatevent.ErrSyntax):
		return fmt.Sprintf("the body is no well-formed envelope: %v", err)
	case errors.Is(err, wechatevent.ErrTooLarge):
		return err.Error()
	}
	return err.Error()
}
