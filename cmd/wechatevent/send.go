package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/wechatevent/wechatevent"
	"github.com/wechatevent/wechatevent/wechateventtest"
)

const sendUsage = `usage: wechatevent send -url URL -token T [-aeskey K -appid ID] [-wecom | -compat] [-retries N] [-json] FILE...

Act as WeChat against a running endpoint. First the GET with which WeChat
verifies the URL (a plain echostr, or with -wecom an encrypted one), then each
FILE as a callback POST, signed with -token over a fresh timestamp and nonce
and, with -aeskey, encrypted for -appid; then N retries of each, byte for byte
the same request, as WeChat sends when it gets no answer in time.

Every answer is checked as WeChat checks it: status 200 within 5 seconds;
for the GET exactly the echostr; for a POST "success", an empty body or a
well-formed reply, which with -aeskey must be encrypted (except in compat
mode): its MsgSignature is verified, it is decrypted and its ReceiveId must
be -appid. The reply is printed.

Modes: without -aeskey plain mode (明文模式); with it security mode (安全模式),
or compat mode (兼容模式) with -compat, or WeCom (企业微信) with -wecom, where
-appid is the CorpID (or SuiteID).

Exit status: 0 every answer passed, 1 the endpoint refused a request or
answered something WeChat would not accept, 2 usage error.

Flags:
`

// deadline is how long WeChat waits for an answer before it gives up and
// retries.
var deadline = 5 * time.Second

// maxAnswer bounds how much of an answer is read.
const maxAnswer = 1 << 20

type sendConfig struct {
	url, token, aesKey, appID string
	wecom, compat, asJSON     bool
	verify                    bool
	retries                   int
}

func runSend(args []string, stdout, stderr io.Writer) int {
	var c sendConfig
	fs := flag.NewFlagSet("send", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, sendUsage)
		fs.PrintDefaults()
	}
	fs.StringVar(&c.url, "url", "", "the endpoint's callback `URL`, such as http://127.0.0.1:8080/wechat (required)")
	fs.StringVar(&c.token, "token", "", "the account's Token (required)")
	fs.StringVar(&c.aesKey, "aeskey", "", "the account's EncodingAESKey: encrypt (security mode)")
	fs.StringVar(&c.appID, "appid", "", "the ReceiveId: AppID, or with -wecom the CorpID or SuiteID")
	fs.BoolVar(&c.wecom, "wecom", false, "call back as WeCom (企业微信) does; needs -aeskey")
	fs.BoolVar(&c.compat, "compat", false, "compat mode (兼容模式): clear fields beside <Encrypt>; needs -aeskey")
	fs.IntVar(&c.retries, "retries", 0, "send each callback `N` more times, byte-identical")
	fs.BoolVar(&c.asJSON, "json", false, "send XML files as their JSON form (数据格式 JSON); JSON files are sent as they are")
	fs.BoolVar(&c.verify, "verify", true, "send the URL-verification GET first")
	if err := fs.Parse(args); err != nil {
		return usageStatus(err)
	}
	sender, err := c.sender()
	if err != nil {
		fmt.Fprintf(stderr, "wechatevent send: %v\n", err)
		return exitUsage
	}
	bodies, err := readBodies(fs.Args(), c.asJSON)
	if err != nil {
		fmt.Fprintf(stderr, "wechatevent send: %v\n", err)
		return exitUsage
	}

	s := &session{sender: sender, out: stdout, client: newClient()}
	if c.verify {
		s.verify(c.url)
	}
	for _, b := range bodies {
		s.callback(c.url, b, c.retries)
	}
	if s.failed > 0 {
		fmt.Fprintf(stderr, "wechatevent send: %d of %d requests failed\n", s.failed, s.sent)
		return exitFail
	}
	return exitOK
}

// sender checks the flags and returns the Sender they describe.
func (c *sendConfig) sender() (*wechateventtest.Sender, error) {
	switch u, err := url.Parse(c.url); {
	case c.url == "":
		return nil, errors.New("-url is required")
	case err != nil:
		return nil, fmt.Errorf("-url: %v", err)
	case u.Scheme != "http" && u.Scheme != "https" || u.Host == "":
		return nil, fmt.Errorf("-url %q: want an absolute http or https URL", c.url)
	case c.token == "":
		return nil, errors.New("-token is required")
	case c.retries < 0:
		return nil, errors.New("-retries must not be negative")
	case c.aesKey == "" && (c.wecom || c.compat || c.appID != ""):
		return nil, errors.New("-wecom, -compat and -appid need -aeskey")
	case c.wecom && c.compat:
		return nil, errors.New("-wecom and -compat exclude each other: WeCom has no compat mode")
	}
	s := &wechateventtest.Sender{Token: c.token, EncodingAESKey: c.aesKey, ReceiveID: c.appID}
	switch {
	case c.wecom:
		s.Mode = wechateventtest.WeCom
	case c.compat:
		s.Mode = wechateventtest.Compat
	case c.aesKey != "":
		s.Mode = wechateventtest.Secure
	}
	if s.Mode != wechateventtest.Plain {
		if _, err := wechatevent.NewCrypto(c.token, c.aesKey, c.appID); err != nil {
			return nil, fmt.Errorf("-aeskey: %v", err)
		}
	}
	return s, nil
}

type body struct {
	name string
	data []byte
	// push is an InfoType push of 开放平台 or a WeCom suite, which must be
	// answered exactly "success" (component_verify_ticket docs; WeCom
	// developer.work.weixin.qq.com/document/path/97172).
	push bool
}

// isInfoTypePush reports whether a callback is an InfoType push rather than
// a message or event.
func isInfoTypePush(data []byte) bool {
	ev, err := wechatevent.Parse(data)
	return err == nil && ev.Header().MsgType == "" && infoType.Match(data)
}

var infoType = regexp.MustCompile(`<InfoType>|"InfoType"\s*:`)

// readBodies reads every file before anything is sent, converting XML to
// JSON when asked.
func readBodies(names []string, asJSON bool) ([]body, error) {
	out := make([]body, 0, len(names))
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		if asJSON && !isJSON(data) {
			if data, err = xmlToJSON(data); err != nil {
				return nil, fmt.Errorf("%s: -json: %v", name, err)
			}
		}
		out = append(out, body{name, data, isInfoTypePush(data)})
	}
	return out, nil
}

// newClient returns a client that waits as long as WeChat does and follows
// no redirect: WeChat counts anything but 200 as a failure.
func newClient() *http.Client {
	return &http.Client{
		Timeout: deadline,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}

// session sends requests and reports on each.
type session struct {
	sender       *wechateventtest.Sender
	out          io.Writer
	client       *http.Client
	sent, failed int
}

// verify sends the URL-verification GET and checks the echostr answered.
func (s *session) verify(target string) {
	label := "GET " + target + " (URL verification)"
	req, echo, err := s.sender.NewVerifyRequest(target)
	if err != nil {
		s.fail(label, err)
		return
	}
	status, answer, took, err := s.do(req)
	if err == nil {
		err = wechateventtest.CheckEcho(status, answer, echo)
	}
	if err != nil {
		s.fail(label, withAnswer(err, status, answer))
		return
	}
	fmt.Fprintf(s.out, "%s: %d in %s, echostr answered\n", label, status, ms(took))
}

// callback sends one body and its retries and checks every answer.
func (s *session) callback(target string, b body, retries int) {
	label := "POST " + b.name
	req, err := s.sender.NewRequest(target, b.data)
	if err != nil {
		s.fail(label, err)
		return
	}
	var first []byte
	for i := 0; i <= retries; i++ {
		r := req
		if i > 0 {
			label = fmt.Sprintf("POST %s (retry %d)", b.name, i)
			if r, err = wechateventtest.Retry(req); err != nil {
				s.fail(label, err)
				return
			}
		}
		status, answer, took, err := s.do(r)
		var reply []byte
		if err == nil {
			reply, err = s.sender.OpenReply(status, answer)
		}
		if err == nil && b.push && string(answer) != "success" {
			err = fmt.Errorf("%w: answered %.64q to an InfoType push, which must be answered exactly \"success\"", wechateventtest.ErrAnswer, answer)
		}
		if err != nil {
			s.fail(label, withAnswer(err, status, answer))
			continue
		}
		switch {
		case reply == nil:
			fmt.Fprintf(s.out, "%s: %d in %s, no reply (%s)\n", label, status, ms(took), noReplyName(answer))
		case i > 0 && bytes.Equal(reply, first):
			fmt.Fprintf(s.out, "%s: %d in %s, the same reply\n", label, status, ms(took))
		default:
			how := "reply"
			if !bytes.Equal(reply, answer) {
				how = "encrypted reply, MsgSignature and ReceiveId verified"
			}
			if i > 0 && first != nil {
				how += ", differing from the first answer"
			}
			fmt.Fprintf(s.out, "%s: %d in %s, %s:\n%s\n", label, status, ms(took), how, bytes.TrimRight(reply, "\n"))
		}
		if i == 0 {
			first = reply
		}
	}
}

// do sends one request and reads the answer, as far as WeChat would.
func (s *session) do(req *http.Request) (status int, answer []byte, took time.Duration, err error) {
	s.sent++
	start := time.Now()
	resp, err := s.client.Do(req)
	if err != nil {
		var timeout interface{ Timeout() bool }
		if errors.As(err, &timeout) && timeout.Timeout() {
			return 0, nil, 0, fmt.Errorf("no answer within %v: WeChat gives up and retries", deadline)
		}
		return 0, nil, 0, err
	}
	defer resp.Body.Close()
	answer, err = io.ReadAll(io.LimitReader(resp.Body, maxAnswer+1))
	took = time.Since(start)
	switch {
	case err != nil:
		return resp.StatusCode, nil, took, fmt.Errorf("reading the answer: %v", err)
	case len(answer) > maxAnswer:
		return resp.StatusCode, nil, took, fmt.Errorf("answer longer than %d bytes", maxAnswer)
	}
	return resp.StatusCode, answer, took, nil
}

// ms prints a duration as WeChat's deadline is thought of, in milliseconds.
func ms(d time.Duration) string {
	if d < time.Millisecond {
		return "<1ms"
	}
	return d.Round(time.Millisecond).String()
}

func (s *session) fail(label string, err error) {
	s.failed++
	if errors.Is(err, wechateventtest.ErrAnswer) {
		why := strings.Replace(err.Error(), wechateventtest.ErrAnswer.Error()+": ", "", 1)
		fmt.Fprintf(s.out, "%s: FAIL, WeChat would not accept the answer: %s\n", label, why)
		return
	}
	fmt.Fprintf(s.out, "%s: FAIL: %v\n", label, err)
}

// withAnswer adds the start of a refused answer to err, where it tells why.
func withAnswer(err error, status int, answer []byte) error {
	if status == 0 || status == http.StatusOK || len(answer) == 0 {
		return err
	}
	return fmt.Errorf("%w (answer: %.80q)", err, bytes.TrimSpace(answer))
}

func noReplyName(answer []byte) string {
	if len(answer) == 0 {
		return "empty answer"
	}
	return `"success"`
}

func isJSON(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.TrimLeft(data, " \t\r\n")
	return len(data) > 0 && data[0] == '{'
}
