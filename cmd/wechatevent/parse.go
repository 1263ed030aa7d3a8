package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/wechatevent/wechatevent"
)

const parseUsage = `usage: wechatevent parse [FILE...]

Parse each FILE (standard input without FILE) as one WeChat callback body,
XML or JSON, and print its Go type on one line and its fields as indented
JSON. A body that does not parse is reported with the file and the error,
which for a syntax error names the byte offset.

Exit status: 0 all parsed, 1 a body did not parse or could not be read,
2 usage error.
`

func runParse(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, parseUsage) }
	if err := fs.Parse(args); err != nil {
		return usageStatus(err)
	}
	status := exitOK
	if fs.NArg() == 0 {
		if !show(stdout, stderr, "stdin", stdin) {
			status = exitFail
		}
	}
	for _, name := range fs.Args() {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(stderr, "wechatevent parse: %v\n", err)
			status = exitFail
			continue
		}
		if !show(stdout, stderr, name, f) {
			status = exitFail
		}
		f.Close()
	}
	return status
}

// usageStatus is the exit status of a flag.Parse error: -h asks for help.
func usageStatus(err error) int {
	if err == flag.ErrHelp {
		return exitOK
	}
	return exitUsage
}

// show parses one body and prints its type and fields; it reports whether
// the body parsed.
func show(stdout, stderr io.Writer, name string, r io.Reader) bool {
	ev, err := wechatevent.ParseReader(r)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return false
	}
	fmt.Fprintf(stdout, "%s: %T\n", name, ev)
	if err := writeJSON(stdout, fields(ev)); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return false
	}
	return true
}

// fields is what prints for an event: the value itself, except that an
// unknown event's Raw shows as the text it is rather than base64.
func fields(ev wechatevent.Event) any {
	if u, ok := ev.(*wechatevent.UnknownEvent); ok {
		return struct {
			wechatevent.Envelope
			Raw string
		}{u.Envelope, string(u.Raw)}
	}
	return ev
}

// writeJSON prints v as indented JSON, keeping XML and URLs readable.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
