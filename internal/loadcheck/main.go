// Command loadcheck measures a wechatevent.Handler under abuse on loopback,
// for the figures in BENCHMARKS.md. It is run by hand, never by the tests:
//
//	go run ./internal/loadcheck rss     # peak RSS for 1000 concurrent bodies at the body limit
//	go run ./internal/loadcheck flood   # normal-request latency during a flood of long queries
//
// Each starts the server as a child process of its own (loadcheck serve),
// so that the server's peak RSS (VmHWM) is not the clients'; the child
// reports it when told to stop. To watch the server under /usr/bin/time -v
// instead, start it yourself and give its address:
//
//	/usr/bin/time -v go run ./internal/loadcheck serve &   # prints its address
//	go run ./internal/loadcheck rss -addr 127.0.0.1:PORT
//
// A flood from the same process competes with the normal requests for the
// CPU of the client, not of the server; to measure what the server does,
// flood from another process of lower priority:
//
//	go run ./internal/loadcheck serve -max-header 8192 &   # prints its address
//	nice -n 19 go run ./internal/loadcheck flood -addr 127.0.0.1:PORT -normal=false -for 12s &
//	go run ./internal/loadcheck flood -addr 127.0.0.1:PORT -flooders 0
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/wechatevent/wechatevent"
)

const token = "AAAAA"

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: loadcheck serve|rss|flood [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "serve":
		err = serve(os.Args[2:])
	case "rss":
		err = rss(os.Args[2:])
	case "flood":
		err = flood(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadcheck:", err)
		os.Exit(1)
	}
}

// serve runs a Handler with the defaults (or the limits given) on a free
// loopback port, prints the address, and on a line "stop" from standard
// input prints its VmHWM and exits. The function holds each callback for
// -hold, as a slow one would, so that bodies stay in flight.
func serve(args []string) error {
	fs := flag.NewFlagSet("serve", flag.ExitOnError)
	bodyLimit := fs.Int64("body-limit", wechatevent.DefaultBodyLimit, "WithBodyLimit")
	inFlight := fs.Int64("inflight", wechatevent.DefaultInFlightLimit, "WithInFlightLimit")
	hold := fs.Duration("hold", 0, "how long the function holds each callback")
	maxHeader := fs.Int("max-header", 0, "http.Server MaxHeaderBytes; 0: net/http's default, 1 MiB")
	fs.Parse(args)

	h, err := wechatevent.NewHandler(token, func(ctx context.Context, ev wechatevent.Event) (wechatevent.Reply, error) {
		select {
		case <-time.After(*hold):
		case <-ctx.Done():
		}
		return nil, nil
	}, wechatevent.WithBodyLimit(*bodyLimit), wechatevent.WithInFlightLimit(*inFlight), wechatevent.WithDedupe(nil))
	if err != nil {
		return err
	}
	srv := httptest{Handler: h, MaxHeaderBytes: *maxHeader}
	addr, err := srv.start()
	if err != nil {
		return err
	}
	fmt.Println(addr)
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		if in.Text() == "stop" {
			break
		}
	}
	fmt.Println("VmHWM", vmHWM())
	return nil
}

// httptest is a plain http.Server on a free loopback port.
type httptest struct {
	Handler        http.Handler
	MaxHeaderBytes int
}

func (s httptest) start() (string, error) {
	srv := &http.Server{Handler: s.Handler, MaxHeaderBytes: s.MaxHeaderBytes, ReadHeaderTimeout: 5 * time.Second, IdleTimeout: time.Minute}
	ln, err := listen()
	if err != nil {
		return "", err
	}
	go srv.Serve(ln)
	return ln.Addr().String(), nil
}

// vmHWM reads the peak resident set size of this process from /proc.
func vmHWM() string {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown: " + err.Error()
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

// child is a server started by serve in a process of its own.
type child struct {
	cmd  *exec.Cmd
	in   io.WriteCloser
	out  *bufio.Scanner
	addr string
}

func startChild(args ...string) (*child, error) {
	cmd := exec.Command(os.Args[0], append([]string{"serve"}, args...)...)
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	c := &child{cmd: cmd, in: in, out: bufio.NewScanner(out)}
	if !c.out.Scan() {
		return nil, errors.New("server did not start")
	}
	c.addr = c.out.Text()
	return c, nil
}

// stop ends the child and returns its VmHWM.
func (c *child) stop() string {
	fmt.Fprintln(c.in, "stop")
	hwm := "unknown"
	if c.out.Scan() {
		hwm = strings.TrimPrefix(c.out.Text(), "VmHWM ")
	}
	c.cmd.Wait()
	return hwm
}

// target returns the server's address: -addr, or a child started with
// childArgs.
func target(addr string, childArgs ...string) (string, func() string, error) {
	if addr != "" {
		return addr, func() string { return "see the server's own report" }, nil
	}
	c, err := startChild(childArgs...)
	if err != nil {
		return "", nil, err
	}
	return c.addr, c.stop, nil
}

// signedURL is a plain-mode callback URL signed with a fresh timestamp.
func signedURL(addr, nonce, extra string) string {
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	return "http://" + addr + "/wechat?signature=" + signature(ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce + extra
}

func signature(ts, nonce string) string {
	// CheckSignature is the only signing helper the library exports for
	// plain mode, so find the signature the way WeChat computes it.
	return plainSignature(token, ts, nonce)
}

// body returns a distinct signed-mode callback padded to size bytes.
func body(i, size int) []byte {
	b := []byte(fmt.Sprintf(`<xml><ToUserName>gh_1</ToUserName><FromUserName>o_user</FromUserName><CreateTime>%d</CreateTime><MsgType>text</MsgType><Content>load %d</Content><MsgId>%d</MsgId></xml>`, time.Now().Unix(), i, 1000+i))
	for len(b) < size {
		b = append(b, ' ')
	}
	return b
}

// rss sends -n concurrent signed POSTs of -size bytes (the body limit) and
// reports the answers and the server's peak RSS.
func rss(args []string) error {
	fs := flag.NewFlagSet("rss", flag.ExitOnError)
	addr := fs.String("addr", "", "server to load; empty: start one")
	n := fs.Int("n", 1000, "concurrent requests")
	size := fs.Int("size", wechatevent.DefaultBodyLimit, "body size in bytes")
	inFlight := fs.Int64("inflight", wechatevent.DefaultInFlightLimit, "the started server's WithInFlightLimit")
	bodyLimit := fs.Int64("body-limit", wechatevent.DefaultBodyLimit, "the started server's WithBodyLimit")
	fs.Parse(args)
	a, stop, err := target(*addr, "-hold", "500ms", "-inflight", strconv.FormatInt(*inFlight, 10), "-body-limit", strconv.FormatInt(*bodyLimit, 10))
	if err != nil {
		return err
	}
	client := &http.Client{Timeout: time.Minute, Transport: &http.Transport{MaxConnsPerHost: 0, MaxIdleConnsPerHost: *n}}
	var mu sync.Mutex
	codes := map[string]int{}
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < *n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			resp, err := client.Post(signedURL(a, strconv.Itoa(i), ""), "text/xml", strings.NewReader(string(body(i, *size))))
			key := ""
			if err != nil {
				key = "error"
			} else {
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				key = strconv.Itoa(resp.StatusCode)
			}
			mu.Lock()
			codes[key]++
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	fmt.Printf("%d concurrent POSTs of %d bytes in %v: answers %v\n", *n, *size, time.Since(start).Round(time.Millisecond), codes)
	fmt.Printf("server VmHWM: %s\n", stop())
	return nil
}

// flood sends -flooders goroutines of POSTs whose query is about -query
// bytes long, and meanwhile one normal signed callback every 10 ms, for
// -for; it reports the normal requests' latency percentiles.
func flood(args []string) error {
	fs := flag.NewFlagSet("flood", flag.ExitOnError)
	addr := fs.String("addr", "", "server to load; empty: start one")
	flooders := fs.Int("flooders", 32, "goroutines sending long queries")
	query := fs.Int("query", 1<<20-8<<10, "query length in bytes (net/http's default MaxHeaderBytes is 1 MiB)")
	dur := fs.Duration("for", 10*time.Second, "how long to flood")
	normal := fs.Bool("normal", true, "send the normal requests and report their latency; false: flood only (run it under nice -n 19 in a process of its own, as an attacker's CPU is not the server's)")
	maxHeader := fs.Int("max-header", 0, "the started server's MaxHeaderBytes; 0: net/http's default, 1 MiB")
	fs.Parse(args)
	a, stop, err := target(*addr, "-max-header", strconv.Itoa(*maxHeader))
	if err != nil {
		return err
	}
	long := signedURL(a, "1", "&x="+strings.Repeat("a", *query))
	ctx, cancel := context.WithTimeout(context.Background(), *dur)
	defer cancel()
	var floods, refused atomic.Int64
	var wg sync.WaitGroup
	for g := 0; g < *flooders; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := &http.Client{Timeout: 30 * time.Second}
			for ctx.Err() == nil {
				resp, err := client.Post(long, "text/xml", strings.NewReader("<xml/>"))
				if err != nil {
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				floods.Add(1)
				if resp.StatusCode == http.StatusRequestURITooLong || resp.StatusCode == http.StatusRequestHeaderFieldsTooLarge {
					refused.Add(1)
				}
			}
		}()
	}
	var lat []time.Duration
	failed := 0
	client := &http.Client{Timeout: 30 * time.Second}
	time.Sleep(500 * time.Millisecond) // let the flood build up
	for i := 0; *normal && ctx.Err() == nil; i++ {
		t0 := time.Now()
		resp, err := client.Post(signedURL(a, strconv.Itoa(i), ""), "text/xml", strings.NewReader(string(body(i, 0))))
		if err != nil || resp.StatusCode != http.StatusOK {
			failed++
		}
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
		lat = append(lat, time.Since(t0))
		time.Sleep(10 * time.Millisecond)
	}
	wg.Wait()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(float64(len(lat))*p))].Round(10 * time.Microsecond)
	}
	fmt.Printf("flood: %d goroutines, %d requests with a %d-byte query, %d answered 414 or 431\n", *flooders, floods.Load(), *query, refused.Load())
	fmt.Printf("normal requests: %d (%d not 200), p50 %v, p90 %v, p99 %v, max %v\n", len(lat), failed, pct(0.50), pct(0.90), pct(0.99), pct(1))
	fmt.Printf("server VmHWM: %s\n", stop())
	return nil
}
