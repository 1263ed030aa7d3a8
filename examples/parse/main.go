// Command parse prints the Go type and fields of WeChat callback bodies.
//
//	go run ./examples/parse testdata/subscribe_scan.xml
//	go run ./examples/parse < body.xml
//
// Each body is parsed with wechatevent.Parse; its type and fields are printed
// as indented JSON, or the error when the body cannot be parsed. The exit
// status is 1 when any body failed.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/wechatevent/wechatevent"
)

func main() {
	failed := false
	if len(os.Args) < 2 {
		failed = !show(os.Stdout, "stdin", os.Stdin)
	}
	for _, name := range os.Args[1:] {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			failed = true
			continue
		}
		if !show(os.Stdout, name, f) {
			failed = true
		}
		f.Close()
	}
	if failed {
		os.Exit(1)
	}
}

// show parses one body and prints the result; it reports whether it parsed.
func show(w io.Writer, name string, r io.Reader) bool {
	ev, err := wechatevent.ParseReader(r)
	if err != nil {
		fmt.Fprintf(w, "%s: error: %v\n", name, err)
		return false
	}
	var fields any = ev
	if u, ok := ev.(*wechatevent.UnknownEvent); ok {
		// Raw would print as base64; show it as the text it is.
		fields = struct {
			wechatevent.Envelope
			Raw string
		}{u.Envelope, string(u.Raw)}
	}
	fmt.Fprintf(w, "%s: %T\n", name, ev)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // keep XML and URLs readable
	enc.SetIndent("", "  ")
	if err := enc.Encode(fields); err != nil {
		fmt.Fprintf(w, "%s: error: %v\n", name, err)
		return false
	}
	return true
}
