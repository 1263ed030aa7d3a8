package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wechatevent/wechatevent/wechateventtest"
)

const testToken = "AAAAA"

var sender = &wechateventtest.Sender{Token: testToken}

// lockedBuffer is an output that tests read while the server writes.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
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

func (l *lockedBuffer) lines() []string {
	s := strings.TrimSpace(l.String())
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// started is a server run in this process.
type started struct {
	url  string
	addr string
	stop func() error // shuts it down and returns what run returned
}

func start(t *testing.T, stdout, stderr io.Writer, args ...string) *started {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addrs := make(chan string, 1)
	result := make(chan error, 1)
	go func() {
		result <- run(ctx, append([]string{"-addr", "127.0.0.1:0", "-token", testToken}, args...), stdout, stderr, func(a string) { addrs <- a })
	}()
	var s started
	select {
	case s.addr = <-addrs:
	case err := <-result:
		cancel()
		t.Fatalf("run: %v", err)
	}
	s.url = "http://" + s.addr + "/wechat"
	var once sync.Once
	var err error
	s.stop = func() error {
		once.Do(func() {
			cancel()
			err = <-result
		})
		return err
	}
	t.Cleanup(func() { s.stop() })
	return &s
}

func post(t *testing.T, url string, body string) int {
	t.Helper()
	req, err := sender.NewRequest(url, []byte(body))
	require.NoError(t, err)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// callback returns a distinct text message, unique to this test run.
func callback(t *testing.T, n int) string {
	var b [6]byte
	rand.Read(b[:])
	return fmt.Sprintf(`<xml><ToUserName>gh_1</ToUserName><FromUserName>o_user</FromUserName><CreateTime>1714037059</CreateTime><MsgType>text</MsgType><Content>%s %d</Content><MsgId>%d</MsgId></xml>`, hex.EncodeToString(b[:]), n, 1000+n)
}

func TestServerPrintsOneJSONLinePerEvent(t *testing.T) {
	out, logs := &lockedBuffer{}, &lockedBuffer{}
	s := start(t, out, logs)
	subscribe := `<xml><ToUserName>gh_1</ToUserName><FromUserName>o_user</FromUserName><CreateTime>1714037059</CreateTime><MsgType>event</MsgType><Event>subscribe</Event><EventKey>qrscene_42</EventKey></xml>`
	unknown := `<xml><ToUserName>gh_1</ToUserName><FromUserName>o_user</FromUserName><CreateTime>1714037059</CreateTime><MsgType>event</MsgType><Event>debug_demo</Event></xml>`
	assert.Equal(t, http.StatusOK, post(t, s.url, subscribe))
	assert.Equal(t, http.StatusOK, post(t, s.url, unknown))
	assert.Equal(t, http.StatusOK, post(t, s.url, subscribe), "a retry")
	require.Eventually(t, func() bool { return len(out.lines()) >= 2 }, 10*time.Second, 5*time.Millisecond)

	// A bad signature prints nothing and is logged.
	resp, err := http.Post(s.url+"?signature=0&timestamp=1&nonce=2", "text/xml", strings.NewReader(subscribe))
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusForbidden, resp.StatusCode)
	require.NoError(t, s.stop())

	lines := out.lines()
	require.Len(t, lines, 2, "the retry is not printed again")
	var first struct {
		Type      string `json:"type"`
		DedupeKey string `json:"dedupe_key"`
		Event     struct{ SceneID, FromUserName string }
	}
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &first))
	assert.Equal(t, "*wechatevent.SubscribeScanEvent", first.Type)
	assert.Equal(t, "42", first.Event.SceneID)
	assert.Len(t, first.DedupeKey, 64)

	var second struct{ Type, Raw string }
	require.NoError(t, json.Unmarshal([]byte(lines[1]), &second))
	assert.Equal(t, "*wechatevent.UnknownEvent", second.Type)
	assert.Contains(t, second.Raw, "<Event>debug_demo</Event>")

	assert.Regexp(t, `serving /wechat on 127\.0\.0\.1:\d+ in plain mode, dedupe in this process`, logs.String())
	assert.Contains(t, logs.String(), "POST /wechat: wechatevent: ", "the refusal is logged")
	assert.Contains(t, logs.String(), "shutting down")
}

// stalled is an output whose reader has stopped reading.
type stalled struct{ release chan struct{} }

func (s stalled) Write(p []byte) (int, error) {
	<-s.release
	return len(p), nil
}

// A reader that stops reading costs lines, never requests: every POST is
// answered, the lines beyond the queue are dropped and counted.
func TestServerStalledStdout(t *testing.T) {
	defer func(d time.Duration) { drainTimeout = d }(drainTimeout)
	drainTimeout = 100 * time.Millisecond
	out, logs := stalled{make(chan struct{})}, &lockedBuffer{}
	defer close(out.release)
	s := start(t, out, logs, "-queue", "8")
	const n = 300
	for i := 0; i < n; i++ {
		require.Equal(t, http.StatusOK, post(t, s.url, callback(t, i)), "request %d", i)
	}
	require.NoError(t, s.stop())
	m := regexp.MustCompile(`dropped (\d+) lines of output in all`).FindStringSubmatch(logs.String())
	require.NotNil(t, m, logs.String())
	var dropped int
	fmt.Sscan(m[1], &dropped)
	assert.GreaterOrEqual(t, dropped, n-8-1, "at most the queue and the line being written are kept")
	assert.LessOrEqual(t, dropped, n)
}

// SIGTERM or a done context lets the requests under way finish.
func TestServerGracefulShutdown(t *testing.T) {
	out, logs := &lockedBuffer{}, &lockedBuffer{}
	s := start(t, out, logs)
	body := callback(t, 1)
	req, err := sender.NewRequest("/wechat", []byte(body))
	require.NoError(t, err)

	conn, err := net.Dial("tcp", s.addr)
	require.NoError(t, err)
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(conn, "POST %s HTTP/1.1\r\nHost: %s\r\nContent-Length: %d\r\n\r\n%s", req.URL.RequestURI(), s.addr, len(body), body[:10])
	time.Sleep(50 * time.Millisecond) // the request is under way
	stopped := make(chan error, 1)
	go func() { stopped <- s.stop() }()
	require.Eventually(t, func() bool { return strings.Contains(logs.String(), "shutting down") }, 10*time.Second, time.Millisecond)
	_, err = io.WriteString(conn, body[10:])
	require.NoError(t, err)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode, "finished after the shutdown began")
	assert.NoError(t, <-stopped)
	assert.Len(t, out.lines(), 1, "its line written before exit")
	_, err = net.Dial("tcp", s.addr)
	assert.Error(t, err, "no longer listening")
}

func TestServerRefusesBadCommandLine(t *testing.T) {
	for _, args := range [][]string{
		{"-aeskey", "short", "-appid", "wx1"},
		{"-queue", "0"},
		{"extra"},
	} {
		err := run(context.Background(), append([]string{"-addr", "127.0.0.1:0", "-token", testToken}, args...), io.Discard, io.Discard, nil)
		assert.Error(t, err, "%v", args)
	}
	assert.Error(t, run(context.Background(), []string{"-addr", "127.0.0.1:0"}, io.Discard, io.Discard, nil), "no -token")
}

// Two replicas with -redis on one redis-server print a callback once, to
// whichever got it first.
func TestServerSharesDedupeThroughRedis(t *testing.T) {
	addr := os.Getenv("WECHATEVENT_REDIS_ADDR")
	if addr == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("WECHATEVENT_REDIS_ADDR is not set: CI must start a redis-server")
		}
		t.Skip("WECHATEVENT_REDIS_ADDR is not set: no redis-server to test against")
	}
	outA, outB, logs := &lockedBuffer{}, &lockedBuffer{}, &lockedBuffer{}
	a := start(t, outA, logs, "-redis", addr)
	b := start(t, outB, logs, "-redis", addr)
	body := callback(t, 7)
	assert.Equal(t, http.StatusOK, post(t, a.url, body))
	assert.Equal(t, http.StatusOK, post(t, b.url, body), "the retry, at the other replica")
	require.NoError(t, a.stop())
	require.NoError(t, b.stop())
	assert.Len(t, outA.lines(), 1)
	assert.Empty(t, outB.lines(), "replica B found the delivery recorded")
	assert.Contains(t, logs.String(), "dedupe shared in Redis at "+addr)
}

// The built command survives a reader of its standard output that goes
// away (SIGPIPE is ignored), and SIGTERM shuts it down cleanly.
func TestServerCommandSurvivesClosedStdout(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	bin := filepath.Join(t.TempDir(), "server")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, string(out))

	cmd := exec.Command(bin, "-addr", "127.0.0.1:0", "-token", testToken)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	defer cmd.Process.Kill()
	logs := bufio.NewScanner(stderr)
	require.True(t, logs.Scan())
	m := regexp.MustCompile(`serving /wechat on (127\.0\.0\.1:\d+)`).FindStringSubmatch(logs.Text())
	require.NotNil(t, m, logs.Text())
	go io.Copy(io.Discard, stderr)
	url := "http://" + m[1] + "/wechat"

	require.NoError(t, stdout.Close()) // the reader goes away
	for i := 0; i < 20; i++ {
		assert.Equal(t, http.StatusOK, post(t, url, callback(t, i)), "request %d", i)
	}
	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	err = cmd.Wait()
	assert.NoError(t, err, "exits 0 after SIGTERM, not killed by SIGPIPE")
}
