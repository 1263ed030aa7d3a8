// Command wechatevent plays WeChat's side of a callback URL, so that an
// endpoint can be tried without WeChat, and reads callback bodies.
//
// Install it with
//
//	go install github.com/wechatevent/wechatevent/cmd/wechatevent@latest
//
// or run it from a clone with go run ./cmd/wechatevent. The verbs:
//
//	wechatevent parse [FILE...]
//	    Print each body's Go type and fields as JSON (standard input
//	    without FILE). XML and JSON bodies.
//
//	wechatevent send -url URL -token T [-aeskey K -appid ID] [-wecom] [-compat] [-retries N] [-json] FILE...
//	    Act as WeChat against a running endpoint: the URL-verification GET,
//	    then each FILE as a signed (with -aeskey, encrypted) POST with a
//	    fresh timestamp and nonce, then N byte-identical retries. Each answer
//	    is checked as WeChat checks it and the reply printed.
//
//	wechatevent decrypt -token T -aeskey K -appid ID [-url URL] [FILE]
//	    Open a captured request (its URL and body, the body from FILE or
//	    standard input) or a captured encrypted reply, and print the
//	    plaintext, or which check failed.
//
// Run wechatevent VERB -h for the flags of each verb.
//
// Exit status: 0 when everything passed; 1 when a body does not parse, the
// endpoint refused a request or answered something WeChat would not accept,
// or a check of decrypt failed; 2 for a usage error (unknown verb or flag, a
// missing or unusable -token, -aeskey or -url, an unreadable FILE).
package main

import (
	"fmt"
	"io"
	"os"
)

// Exit statuses, as the package doc lists them.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage: wechatevent VERB [flags] [FILE...]

  parse    print each callback body's Go type and fields as JSON
  send     act as WeChat against a running endpoint
  decrypt  open a captured security-mode request or reply

Run wechatevent VERB -h for the flags of each verb.
Exit status: 0 all passed, 1 a check failed, 2 usage error.
`

// run runs one command line and returns its exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "parse":
		return runParse(args[1:], stdin, stdout, stderr)
	case "send":
		return runSend(args[1:], stdout, stderr)
	case "decrypt":
		return runDecrypt(args[1:], stdin, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "wechatevent: unknown verb %q\n\n%s", args[0], usage)
	return exitUsage
}
