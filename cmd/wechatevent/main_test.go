package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wechatevent/wechatevent"
	"github.com/wechatevent/wechatevent/internal/interop"
	"github.com/wechatevent/wechatevent/wechateventtest"
)

const (
	testToken  = "T0ken"
	testAESKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
	testAppID  = "wx5823bf96d3bd56c7"
	testCorpID = "ww1436e0e65a779aee"
)

// fixture is the path of a shipped callback body.
func fixture(name string) string { return filepath.Join("..", "..", "testdata", "mp", name) }

// result is one run of the command.
type result struct {
	status         int
	stdout, stderr string
}

func runCmd(stdin string, args ...string) result {
	var out, errOut bytes.Buffer
	status := run(args, strings.NewReader(stdin), &out, &errOut)
	return result{status, out.String(), errOut.String()}
}

// lockedBuffer collects a child's output while the test reads it.
type lockedBuffer struct {
	mu   sync.Mutex
	b    bytes.Buffer
	stop func() // stops the child and waits until all its output is here
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// built holds the example binaries built for this test binary, by name.
var (
	buildMu  sync.Mutex
	built    = map[string]string{}
	buildDir string
)

// example builds examples/<name> once per test binary.
func example(t *testing.T, name string) string {
	t.Helper()
	buildMu.Lock()
	defer buildMu.Unlock()
	if bin, ok := built[name]; ok {
		return bin
	}
	if buildDir == "" {
		dir, err := os.MkdirTemp("", "wechatevent-examples")
		require.NoError(t, err)
		buildDir = dir
	}
	bin := filepath.Join(buildDir, name)
	// Built in its directory: examples/server is a module of its own.
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = filepath.Join("..", "..", "examples", name)
	out, err := build.CombinedOutput()
	require.NoError(t, err, "%s", out)
	built[name] = bin
	return bin
}

func TestMain(m *testing.M) {
	status := m.Run()
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	os.Exit(status)
}

// startProcess starts cmd, waits until it reports its address with a first
// line matching addr, and stops it when the test ends. It returns the
// address and what the process writes to its standard output.
func startProcess(t *testing.T, cmd *exec.Cmd, fromStderr bool, addr *regexp.Regexp) (string, *lockedBuffer) {
	t.Helper()
	var lines io.ReadCloser
	var err error
	out, logs := &lockedBuffer{}, &lockedBuffer{}
	if fromStderr {
		cmd.Stdout = out
		lines, err = cmd.StderrPipe()
	} else {
		cmd.Stderr = logs
		lines, err = cmd.StdoutPipe()
	}
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	drained := make(chan struct{})
	var once sync.Once
	out.stop = func() {
		once.Do(func() {
			cmd.Process.Kill()
			<-drained
			cmd.Wait()
		})
	}
	t.Cleanup(func() {
		out.stop()
		if t.Failed() {
			t.Logf("%s logged:\n%s", cmd.Path, logs.String())
		}
	})

	found := make(chan string, 1)
	go func() {
		defer close(drained)
		sc := bufio.NewScanner(lines)
		sent := false
		for sc.Scan() {
			line := sc.Text()
			if m := addr.FindStringSubmatch(line); m != nil && !sent {
				found <- m[1]
				sent = true
				continue
			}
			if fromStderr {
				logs.Write([]byte(line + "\n"))
			} else {
				out.Write([]byte(line + "\n"))
			}
		}
		close(found)
	}()
	select {
	case a, ok := <-found:
		require.True(t, ok, "%s exited before it listened: %s", cmd.Path, logs.String())
		return a, out
	case <-time.After(30 * time.Second):
		t.Fatalf("%s did not report its address: %s", cmd.Path, logs.String())
	}
	return "", nil
}

// startServer runs examples/server on 127.0.0.1 and a free port and returns
// its callback URL and the events it prints.
func startServer(t *testing.T, args ...string) (string, *lockedBuffer) {
	t.Helper()
	cmd := exec.Command(example(t, "server"), append([]string{"-addr", "127.0.0.1:0"}, args...)...)
	addr, events := startProcess(t, cmd, true, regexp.MustCompile(`serving /wechat on (127\.0\.0\.1:\d+)`))
	return "http://" + addr + "/wechat", events
}

// startNode runs an endpoint written with npm libraries by others.
func startNode(t *testing.T, script string, args ...string) string {
	t.Helper()
	interop.Require(t)
	port, _ := startProcess(t, interop.Command(script, args...), false, regexp.MustCompile(`^(\d+)$`))
	return "http://127.0.0.1:" + port + "/wechat"
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	return path
}

const wecomText = `<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName><FromUserName><![CDATA[ZhangSan]]></FromUserName><CreateTime>1714112445</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hello]]></Content><MsgId>24578453120000002</MsgId><AgentID>1000002</AgentID></xml>`

func TestSendPlainToExamplesServer(t *testing.T) {
	url, events := startServer(t, "-token", testToken)
	r := runCmd("", "send", "-url", url, "-token", testToken, fixture("click.xml"), fixture("subscribe_scan.xml"))
	require.Equal(t, exitOK, r.status, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "(URL verification): 200 in ")
	assert.Contains(t, r.stdout, "echostr answered")
	assert.Regexp(t, `POST \.\./\.\./testdata/mp/click\.xml: 200 in (<1ms|[0-9.]+m?s), no reply \("success"\)`, r.stdout)
	assert.Equal(t, 3, strings.Count(r.stdout, ": 200 in "))

	require.Eventually(t, func() bool { return strings.Count(events.String(), "\n") >= 2 }, 10*time.Second, 10*time.Millisecond)
	assert.Contains(t, events.String(), `"type":"*wechatevent.ClickEvent"`)
	assert.Contains(t, events.String(), `"type":"*wechatevent.SubscribeScanEvent"`)
}

func TestSendSecurityModeToExamplesServer(t *testing.T) {
	url, events := startServer(t, "-token", testToken, "-aeskey", testAESKey, "-appid", testAppID)
	for _, mode := range [][]string{nil, {"-compat"}} {
		args := append([]string{"send", "-url", url, "-token", testToken, "-aeskey", testAESKey, "-appid", testAppID}, mode...)
		r := runCmd("", append(args, fixture("view.xml"))...)
		require.Equal(t, exitOK, r.status, r.stdout+r.stderr)
		assert.Equal(t, 2, strings.Count(r.stdout, ": 200 in "), r.stdout)
	}
	// The second mode sends the same callback again, which the server takes
	// for a retry: answered with the recorded reply, not printed twice.
	require.Eventually(t, func() bool { return strings.Count(events.String(), "\n") >= 1 }, 10*time.Second, 10*time.Millisecond)
	assert.Contains(t, events.String(), `"type":"*wechatevent.ViewEvent"`)
	assert.Equal(t, 1, strings.Count(events.String(), "\n"), events.String())

	// Sent in plain mode, the same callback is refused: the server's mode
	// comes from its configuration.
	r := runCmd("", "send", "-verify=false", "-url", url, "-token", testToken, fixture("view.xml"))
	assert.Equal(t, exitFail, r.status)
	assert.Contains(t, r.stdout, "FAIL, WeChat would not accept the answer: status 403")
}

func TestSendJSONToExamplesServer(t *testing.T) {
	url, events := startServer(t, "-token", testToken, "-aeskey", testAESKey, "-appid", testAppID)
	r := runCmd("", "send", "-json", "-url", url, "-token", testToken, "-aeskey", testAESKey, "-appid", testAppID, fixture("location.xml"))
	require.Equal(t, exitOK, r.status, r.stdout+r.stderr)
	require.Eventually(t, func() bool { return strings.Contains(events.String(), "LocationEvent") }, 10*time.Second, 10*time.Millisecond)
}

func TestSendWeComStyleToExamplesServer(t *testing.T) {
	url, events := startServer(t, "-token", testToken, "-aeskey", testAESKey, "-appid", testCorpID)
	body := writeFile(t, "wecom_text.xml", wecomText)
	r := runCmd("", "send", "-wecom", "-url", url, "-token", testToken, "-aeskey", testAESKey, "-appid", testCorpID, body)
	require.Equal(t, exitOK, r.status, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "echostr answered")
	require.Eventually(t, func() bool { return strings.Contains(events.String(), `"AgentID":1000002`) }, 10*time.Second, 10*time.Millisecond)

	// Another CorpID: the server refuses the echostr and the callback.
	r = runCmd("", "send", "-wecom", "-url", url, "-token", testToken, "-aeskey", testAESKey, "-appid", "ww_other", body)
	assert.Equal(t, exitFail, r.status)
	assert.Equal(t, 2, strings.Count(r.stdout, "status 403"), r.stdout)
}

func TestSendWeComToExamplesWeCom(t *testing.T) {
	cmd := exec.Command(example(t, "wecom"), "-addr", "127.0.0.1:0", "-token", testToken, "-aeskey", testAESKey, "-corpid", testCorpID)
	addr, _ := startProcess(t, cmd, true, regexp.MustCompile(`serving /wecom on (127\.0\.0\.1:\d+)`))
	body := writeFile(t, "wecom_text.xml", wecomText)
	r := runCmd("", "send", "-wecom", "-retries", "1", "-url", "http://"+addr+"/wecom", "-token", testToken, "-aeskey", testAESKey, "-appid", testCorpID, body)
	require.Equal(t, exitOK, r.status, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "echostr answered")
	assert.Contains(t, r.stdout, "encrypted reply, MsgSignature and ReceiveId verified:\n<xml><ToUserName><![CDATA[ZhangSan]]></ToUserName>")
	assert.Contains(t, r.stdout, "wecom_text.xml (retry 1): 200 in ")
}

func TestSendRetriesToExamplesServer(t *testing.T) {
	url, events := startServer(t, "-token", testToken, "-aeskey", testAESKey, "-appid", testAppID)
	r := runCmd("", "send", "-retries", "3", "-url", url, "-token", testToken, "-aeskey", testAESKey, "-appid", testAppID, fixture("text.xml"))
	require.Equal(t, exitOK, r.status, r.stdout+r.stderr)
	for _, n := range []string{"1", "2", "3"} {
		assert.Contains(t, r.stdout, "text.xml (retry "+n+"): 200 in ")
	}
	assert.NotContains(t, r.stdout, "(retry 4)")
	// The server's dedupe hands the function one delivery of the four.
	events.stop()
	assert.Equal(t, 1, strings.Count(events.String(), "TextMessage"), events.String())
}

func TestSendWrongToken(t *testing.T) {
	url, events := startServer(t, "-token", testToken)
	r := runCmd("", "send", "-url", url, "-token", "wrong", fixture("click.xml"))
	assert.Equal(t, exitFail, r.status)
	assert.Equal(t, 2, strings.Count(r.stdout, "FAIL, WeChat would not accept the answer: status 403, want 200"), r.stdout)
	assert.Contains(t, r.stderr, "2 of 2 requests failed")
	assert.Empty(t, events.String())
}

// replyHandler is a security-mode Handler that answers text messages.
func replyHandler(t *testing.T, appID string) http.Handler {
	h, err := wechatevent.NewHandler(testToken, func(_ context.Context, ev wechatevent.Event) (wechatevent.Reply, error) {
		if m, ok := ev.(*wechatevent.TextMessage); ok {
			return wechatevent.NewTextReply(ev, "you said "+m.Content), nil
		}
		return nil, nil
	}, wechatevent.WithSecurityMode(testAESKey, appID))
	require.NoError(t, err)
	return h
}

// rewrite passes the answers of h through f.
func rewrite(h http.Handler, f func(r *http.Request, status int, body []byte) (int, []byte)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		status, body := f(r, rec.Code, rec.Body.Bytes())
		w.WriteHeader(status)
		w.Write(body)
	})
}

func TestSendPrintsDecryptedReply(t *testing.T) {
	srv := httptest.NewServer(replyHandler(t, testAppID))
	defer srv.Close()
	r := runCmd("", "send", "-retries", "1", "-url", srv.URL+"/wechat", "-token", testToken, "-aeskey", testAESKey, "-appid", testAppID, fixture("text.xml"))
	require.Equal(t, exitOK, r.status, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "encrypted reply, MsgSignature and ReceiveId verified:\n<xml><ToUserName><![CDATA[oUpF8uMuAJO_M2pxb1Q9zNjWeS6o]]></ToUserName>")
	assert.Contains(t, r.stdout, "<Content><![CDATA[you said hello \x1d world]]></Content>")
}

// The command catches every answer WeChat would refuse.
func TestSendCatchesBadAnswers(t *testing.T) {
	flip := func(s string) string {
		b := []byte(s)
		if b[0] == 'a' {
			b[0] = 'b'
		} else {
			b[0] = 'a'
		}
		return string(b)
	}
	sigRE := regexp.MustCompile(`<MsgSignature><!\[CDATA\[([0-9a-f]{40})\]\]></MsgSignature>`)
	for name, tc := range map[string]struct {
		appID string
		f     func(r *http.Request, status int, body []byte) (int, []byte)
		want  string
	}{
		"tampered MsgSignature": {testAppID, func(r *http.Request, status int, body []byte) (int, []byte) {
			if m := sigRE.FindSubmatch(body); m != nil {
				body = bytes.Replace(body, m[1], []byte(flip(string(m[1]))), 1)
			}
			return status, body
		}, "msg_signature does not match"},
		"reply for another AppID": {"wx_other_app", nil, "ReceiveId"},
		"reply in the clear": {testAppID, func(r *http.Request, status int, body []byte) (int, []byte) {
			if r.Method == http.MethodPost {
				return status, []byte("<xml><ToUserName>o</ToUserName><MsgType>text</MsgType><Content>hi</Content></xml>")
			}
			return status, body
		}, "the reply is not encrypted"},
		"status 500": {testAppID, func(r *http.Request, status int, body []byte) (int, []byte) {
			if r.Method == http.MethodPost {
				return http.StatusInternalServerError, []byte("oops")
			}
			return status, body
		}, "status 500, want 200"},
		"echostr with a newline": {testAppID, func(r *http.Request, status int, body []byte) (int, []byte) {
			if r.Method == http.MethodGet {
				return status, append(body, '\n')
			}
			return status, body
		}, "want the echostr"},
	} {
		t.Run(name, func(t *testing.T) {
			h := replyHandler(t, testAppID)
			if tc.appID != testAppID {
				// An endpoint that seals its replies for another ReceiveId.
				h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					replyHandlerFor(t, tc.appID, w, r)
				})
			}
			if tc.f != nil {
				h = rewrite(h, tc.f)
			}
			srv := httptest.NewServer(h)
			defer srv.Close()
			r := runCmd("", "send", "-url", srv.URL+"/wechat", "-token", testToken, "-aeskey", testAESKey, "-appid", testAppID, fixture("text.xml"))
			assert.Equal(t, exitFail, r.status, r.stdout)
			assert.Contains(t, r.stdout, tc.want)
			assert.Contains(t, r.stdout, "FAIL")
		})
	}
}

// replyHandlerFor answers like an endpoint configured with appID: it opens
// the request for testAppID and replies sealed for appID.
func replyHandlerFor(t *testing.T, appID string, w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet {
		replyHandler(t, testAppID).ServeHTTP(w, r)
		return
	}
	q := r.URL.Query()
	in, err := wechatevent.NewCrypto(testToken, testAESKey, testAppID)
	require.NoError(t, err)
	body, err := io.ReadAll(r.Body)
	require.NoError(t, err)
	plain, err := in.Decrypt(q.Get("msg_signature"), q.Get("timestamp"), q.Get("nonce"), body)
	if err != nil {
		http.Error(w, "Forbidden", http.StatusForbidden)
		return
	}
	ev, err := wechatevent.Parse(plain)
	require.NoError(t, err)
	reply, err := wechatevent.MarshalReply(wechatevent.NewTextReply(ev, "hi"))
	require.NoError(t, err)
	out, err := wechatevent.NewCrypto(testToken, testAESKey, appID)
	require.NoError(t, err)
	sealed, err := out.Encrypt(reply, q.Get("timestamp"), q.Get("nonce"))
	require.NoError(t, err)
	w.Write(sealed)
}

func TestSendCatchesSlowAnswer(t *testing.T) {
	saved := deadline
	deadline = 200 * time.Millisecond
	defer func() { deadline = saved }()
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	r := runCmd("", "send", "-verify=false", "-url", srv.URL, "-token", testToken, fixture("click.xml"))
	assert.Equal(t, exitFail, r.status)
	assert.Contains(t, r.stdout, "no answer within 200ms: WeChat gives up and retries")
}

func TestSendUsageErrors(t *testing.T) {
	for name, args := range map[string][]string{
		"no url":             {"send", "-token", "T", fixture("click.xml")},
		"relative url":       {"send", "-url", "/wechat", "-token", "T"},
		"no token":           {"send", "-url", "http://127.0.0.1:1/wechat"},
		"appid without key":  {"send", "-url", "http://127.0.0.1:1/wechat", "-token", "T", "-appid", "wx1"},
		"wecom without key":  {"send", "-url", "http://127.0.0.1:1/wechat", "-token", "T", "-wecom"},
		"bad key":            {"send", "-url", "http://127.0.0.1:1/wechat", "-token", "T", "-aeskey", "short"},
		"wecom and compat":   {"send", "-url", "http://127.0.0.1:1/wechat", "-token", "T", "-aeskey", testAESKey, "-wecom", "-compat"},
		"negative retries":   {"send", "-url", "http://127.0.0.1:1/wechat", "-token", "T", "-retries", "-1"},
		"missing file":       {"send", "-url", "http://127.0.0.1:1/wechat", "-token", "T", "no/such/file.xml"},
		"unknown flag":       {"send", "-bogus"},
		"unknown verb":       {"trigger"},
		"no verb":            {},
		"decrypt no token":   {"decrypt", "-url", "http://x/?msg_signature=a"},
		"decrypt bad key":    {"decrypt", "-token", "T", "-aeskey", "short", "-url", "http://x/?msg_signature=a"},
		"decrypt no sig":     {"decrypt", "-token", "T", "-aeskey", testAESKey, "-url", "http://x/?timestamp=1"},
		"decrypt needs key":  {"decrypt", "-token", "T", "-url", "http://x/?msg_signature=a&timestamp=1&nonce=1"},
		"decrypt two files":  {"decrypt", "-token", "T", "a", "b"},
		"send -json bad xml": {"send", "-json", "-url", "http://127.0.0.1:1/wechat", "-token", "T", "main.go"},
	} {
		t.Run(name, func(t *testing.T) {
			r := runCmd("", args...)
			assert.Equal(t, exitUsage, r.status, r.stdout+r.stderr)
			assert.NotEmpty(t, r.stderr)
		})
	}
}

func TestHelpPerVerb(t *testing.T) {
	for verb, want := range map[string]string{
		"send":    "usage: wechatevent send -url URL -token T",
		"decrypt": "usage: wechatevent decrypt -token T",
		"parse":   "usage: wechatevent parse [FILE...]",
	} {
		r := runCmd("", verb, "-h")
		assert.Equal(t, exitOK, r.status)
		assert.Contains(t, r.stderr, want)
		assert.Contains(t, r.stderr, "Exit status: 0")
	}
	r := runCmd("", "help")
	assert.Equal(t, exitOK, r.status)
	assert.Contains(t, r.stdout, "parse    print each callback body's Go type")
}

func TestParseFiles(t *testing.T) {
	r := runCmd("", "parse", fixture("subscribe_scan.xml"), fixture("unknown_event.xml"))
	require.Equal(t, exitOK, r.status, r.stderr)
	assert.Contains(t, r.stdout, "subscribe_scan.xml: *wechatevent.SubscribeScanEvent\n{\n")
	assert.Contains(t, r.stdout, `"SceneID": "123"`)
	assert.Contains(t, r.stdout, "unknown_event.xml: *wechatevent.UnknownEvent\n")
	assert.Contains(t, r.stdout, `"Raw": "<xml>`, "Raw prints as text, not base64")
}

func TestParseStdinAndJSON(t *testing.T) {
	r := runCmd(`{"ToUserName":"gh_1","FromUserName":"o_1","CreateTime":1714112445,"MsgType":"event","Event":"CLICK","EventKey":"k"}`, "parse")
	require.Equal(t, exitOK, r.status, r.stderr)
	assert.Contains(t, r.stdout, "stdin: *wechatevent.ClickEvent\n")
	assert.Contains(t, r.stdout, `"EventKey": "k"`)
}

func TestParseErrorsNameFileAndOffset(t *testing.T) {
	broken := writeFile(t, "broken.xml", "<xml><MsgType>text</MsgType><Content>")
	notJSON := writeFile(t, "broken.json", `{"MsgType": "text",`)
	r := runCmd("", "parse", fixture("click.xml"), broken, notJSON, "no/such.xml")
	assert.Equal(t, exitFail, r.status)
	assert.Contains(t, r.stdout, "click.xml: *wechatevent.ClickEvent", "a bad file does not stop the others")
	assert.Regexp(t, regexp.QuoteMeta(broken)+`: wechatevent: XML syntax error at offset \d+`, r.stderr)
	assert.Regexp(t, regexp.QuoteMeta(notJSON)+`: .*offset \d+`, r.stderr)
	assert.Contains(t, r.stderr, "no/such.xml")
}

// Every fixture's JSON form parses to the same value as the XML.
func TestXMLToJSONKeepsEveryFixture(t *testing.T) {
	files, err := filepath.Glob(fixture("*.xml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		if strings.Contains(filepath.Base(file), ".malformed") {
			continue // refused by design: there is nothing to convert
		}
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			j, err := xmlToJSON(data)
			require.NoError(t, err)
			fromXML, err := wechatevent.Parse(data)
			require.NoError(t, err)
			fromJSON, err := wechatevent.Parse(j)
			require.NoError(t, err, string(j))
			if u, ok := fromXML.(*wechatevent.UnknownEvent); ok {
				assert.Equal(t, u.Envelope, fromJSON.(*wechatevent.UnknownEvent).Envelope)
				return
			}
			assert.Equal(t, fromXML, fromJSON, string(j))
		})
	}
}

func TestXMLToJSONShapes(t *testing.T) {
	j, err := xmlToJSON([]byte(`<xml><CreateTime>1714112445</CreateTime><EventKey><![CDATA[42]]></EventKey><Zero>007</Zero>` +
		`<SendPicsInfo><Count>2</Count><PicList><item><PicMd5Sum>a</PicMd5Sum></item><item><PicMd5Sum>b</PicMd5Sum></item></PicList></SendPicsInfo></xml>`))
	require.NoError(t, err)
	assert.Equal(t, `{"CreateTime":1714112445,"EventKey":"42","Zero":"007","SendPicsInfo":{"Count":2,"PicList":{"item":[{"PicMd5Sum":"a"},{"PicMd5Sum":"b"}]}}}`, string(j))
	deep := strings.Repeat("<a>", 100) + strings.Repeat("</a>", 100)
	for _, bad := range []string{"", "<xml>", "<xml></a>", deep} {
		_, err := xmlToJSON([]byte(bad))
		assert.Error(t, err, bad)
	}
}

// A captured security-mode request, as wechateventtest builds it.
func capturedRequest(t *testing.T, s *wechateventtest.Sender, body string) (url, file string) {
	t.Helper()
	req, err := s.NewRequest("http://127.0.0.1:8080/wechat", []byte(body))
	require.NoError(t, err)
	sent, err := io.ReadAll(req.Body)
	require.NoError(t, err)
	return req.URL.String(), writeFile(t, "captured.xml", string(sent))
}

func TestDecryptCapturedRequest(t *testing.T) {
	secure := &wechateventtest.Sender{Token: testToken, EncodingAESKey: testAESKey, ReceiveID: testAppID, Mode: wechateventtest.Secure}
	body, err := os.ReadFile(fixture("click.xml"))
	require.NoError(t, err)
	url, file := capturedRequest(t, secure, string(body))

	r := runCmd("", "decrypt", "-token", testToken, "-aeskey", testAESKey, "-appid", testAppID, "-url", url, file)
	require.Equal(t, exitOK, r.status, r.stderr)
	assert.Equal(t, string(body)+"\n", r.stdout)
	assert.Contains(t, r.stderr, "msg_signature verified")

	// The body from standard input.
	sent, err := os.ReadFile(file)
	require.NoError(t, err)
	r = runCmd(string(sent), "decrypt", "-token", testToken, "-aeskey", testAESKey, "-appid", testAppID, "-url", url)
	require.Equal(t, exitOK, r.status, r.stderr)
	assert.Equal(t, string(body)+"\n", r.stdout)

	for name, tc := range map[string]struct {
		args []string
		want string
	}{
		"wrong token": {[]string{"-token", "other", "-aeskey", testAESKey, "-appid", testAppID}, "signature check failed"},
		"wrong appid": {[]string{"-token", testToken, "-aeskey", testAESKey, "-appid", "wx_other"}, `ReceiveId check failed: the decrypted message is not for -appid "wx_other" but for "wx5823bf96d3bd56c7"`},
		"wrong key":   {[]string{"-token", testToken, "-aeskey", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "-appid", testAppID}, "decryption failed"},
	} {
		t.Run(name, func(t *testing.T) {
			r := runCmd("", append(append([]string{"decrypt"}, tc.args...), "-url", url, file)...)
			assert.Equal(t, exitFail, r.status)
			assert.Contains(t, r.stderr, tc.want)
			assert.Empty(t, r.stdout)
		})
	}

	// A body from another request does not match the URL's msg_signature.
	_, other := capturedRequest(t, secure, string(body))
	r = runCmd("", "decrypt", "-token", testToken, "-aeskey", testAESKey, "-appid", testAppID, "-url", url, other)
	assert.Equal(t, exitFail, r.status)
	assert.Contains(t, r.stderr, "msg_signature check failed")
}

func TestDecryptWeComEchostrAndPlain(t *testing.T) {
	wecom := &wechateventtest.Sender{Token: testToken, EncodingAESKey: testAESKey, ReceiveID: testCorpID, Mode: wechateventtest.WeCom, EchoStr: "3894502120257093631"}
	req, _, err := wecom.NewVerifyRequest("http://127.0.0.1:8080/wechat")
	require.NoError(t, err)
	r := runCmd("", "decrypt", "-token", testToken, "-aeskey", testAESKey, "-appid", testCorpID, "-url", req.URL.String())
	require.Equal(t, exitOK, r.status, r.stderr)
	assert.Equal(t, "3894502120257093631\n", r.stdout)
	r = runCmd("", "decrypt", "-token", testToken, "-aeskey", testAESKey, "-appid", "ww_other", "-url", req.URL.String())
	assert.Equal(t, exitFail, r.status)
	assert.Contains(t, r.stderr, `ReceiveId check failed: the decrypted message is not for -appid "ww_other" but for "ww1436e0e65a779aee"`)

	plain := &wechateventtest.Sender{Token: testToken}
	url, file := capturedRequest(t, plain, "<xml><MsgType>text</MsgType></xml>")
	r = runCmd("", "decrypt", "-token", testToken, "-url", url, file)
	require.Equal(t, exitOK, r.status, r.stderr)
	assert.Equal(t, "<xml><MsgType>text</MsgType></xml>\n", r.stdout)
	r = runCmd("", "decrypt", "-token", "other", "-url", url, file)
	assert.Equal(t, exitFail, r.status)
	assert.Contains(t, r.stderr, "signature check failed")
}

func TestDecryptCapturedReply(t *testing.T) {
	c, err := wechatevent.NewCrypto(testToken, testAESKey, testAppID)
	require.NoError(t, err)
	reply, err := c.Encrypt([]byte("<xml><MsgType>text</MsgType><Content>hi</Content></xml>"), "1714112445", "415670741")
	require.NoError(t, err)
	file := writeFile(t, "reply.xml", string(reply))
	r := runCmd("", "decrypt", "-token", testToken, "-aeskey", testAESKey, "-appid", testAppID, file)
	require.Equal(t, exitOK, r.status, r.stderr)
	assert.Equal(t, "<xml><MsgType>text</MsgType><Content>hi</Content></xml>\n", r.stdout)

	r = runCmd("", "decrypt", "-token", "other", "-aeskey", testAESKey, "-appid", testAppID, file)
	assert.Equal(t, exitFail, r.status)
	assert.Contains(t, r.stderr, "msg_signature check failed")
}

// The command against endpoints written by others: node-webot's wechat
// middleware and a WeCom endpoint on Tencent's @wecom/crypto.
func TestSendToNodeWebotWechat(t *testing.T) {
	plain := startNode(t, "send_wechat.js", testToken)
	r := runCmd("", "send", "-retries", "1", "-url", plain, "-token", testToken, fixture("text.xml"), fixture("click.xml"))
	require.Equal(t, exitOK, r.status, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "text.xml: 200 in ")
	assert.Contains(t, r.stdout, "<Content><![CDATA[you said hello \x1d world]]></Content>")
	assert.Contains(t, r.stdout, "click.xml: 200 in ")

	secure := startNode(t, "send_wechat.js", testToken, testAESKey, testAppID)
	r = runCmd("", "send", "-url", secure, "-token", testToken, "-aeskey", testAESKey, "-appid", testAppID, fixture("text.xml"), fixture("click.xml"))
	require.Equal(t, exitOK, r.status, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "encrypted reply, MsgSignature and ReceiveId verified:\n<xml><ToUserName><![CDATA[oUpF8uMuAJO_M2pxb1Q9zNjWeS6o]]></ToUserName>")

	r = runCmd("", "send", "-url", secure, "-token", "wrong", "-aeskey", testAESKey, "-appid", testAppID, fixture("text.xml"))
	assert.Equal(t, exitFail, r.status)
	assert.Contains(t, r.stdout, "status 401")
}

func TestSendToWeComCryptoEndpoint(t *testing.T) {
	url := startNode(t, "send_wecom.js", testToken, testAESKey, testCorpID)
	body := writeFile(t, "wecom_text.xml", wecomText)
	r := runCmd("", "send", "-wecom", "-retries", "2", "-url", url, "-token", testToken, "-aeskey", testAESKey, "-appid", testCorpID, body, fixture("click.xml"))
	require.Equal(t, exitOK, r.status, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "echostr answered")
	assert.Contains(t, r.stdout, "encrypted reply, MsgSignature and ReceiveId verified:\n<xml><ToUserName><![CDATA[ZhangSan]]></ToUserName>")
	assert.Contains(t, r.stdout, "wecom_text.xml (retry 2): 200 in ")
	assert.Contains(t, r.stdout, "click.xml: 200 in ")
	assert.Contains(t, r.stdout, "no reply (empty answer)")

	r = runCmd("", "send", "-wecom", "-url", url, "-token", testToken, "-aeskey", testAESKey, "-appid", "ww_other", body)
	assert.Equal(t, exitFail, r.status)
	assert.Equal(t, 2, strings.Count(r.stdout, "status 403"), r.stdout)
}

func TestDecryptCapturedJSONRequest(t *testing.T) {
	secure := &wechateventtest.Sender{Token: testToken, EncodingAESKey: testAESKey, ReceiveID: testAppID, Mode: wechateventtest.Secure}
	body := `{"ToUserName":"gh_1","FromUserName":"o_1","CreateTime":1714112445,"MsgType":"event","Event":"CLICK","EventKey":"k"}`
	url, file := capturedRequest(t, secure, body)
	r := runCmd("", "decrypt", "-token", testToken, "-aeskey", testAESKey, "-appid", testAppID, "-url", url, file)
	require.Equal(t, exitOK, r.status, r.stderr)
	assert.Equal(t, body+"\n", r.stdout)
}

// An InfoType push (开放平台, WeCom suites) must be answered exactly
// "success"; an empty answer, fine for messages, is not.
func TestSendInfoTypePushNeedsSuccess(t *testing.T) {
	push := writeFile(t, "suite_ticket.xml", `<xml><SuiteId><![CDATA[ww_suite]]></SuiteId><InfoType><![CDATA[suite_ticket]]></InfoType><TimeStamp>1403610513</TimeStamp><SuiteTicket><![CDATA[asdfasfdasdfasdf]]></SuiteTicket></xml>`)
	for answer, want := range map[string]int{"success": exitOK, "": exitFail} {
		srv := httptest.NewServer(rewrite(replyHandler(t, "ww_suite"), func(r *http.Request, status int, body []byte) (int, []byte) {
			if r.Method == http.MethodPost && status == http.StatusOK {
				return status, []byte(answer)
			}
			return status, body
		}))
		r := runCmd("", "send", "-wecom", "-url", srv.URL, "-token", testToken, "-aeskey", testAESKey, "-appid", "ww_suite", push)
		srv.Close()
		assert.Equal(t, want, r.status, "answer %q: %s", answer, r.stdout)
		if want == exitFail {
			assert.Contains(t, r.stdout, `must be answered exactly "success"`)
		}
	}
}
