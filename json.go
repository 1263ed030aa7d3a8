package wechatevent

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"unsafe"

	"github.com/wechatevent/wechatevent/internal/elem"
	"github.com/wechatevent/wechatevent/internal/jsonread"
)

// jsonLimits are the XML scanner's limits, applied to JSON the same way: an
// object or array counts as a level, every key and array item as an element.
var jsonLimits = jsonread.Limits{Depth: elem.MaxDepth, Elements: elem.MaxElements, NameLen: elem.MaxNameLen}

// isJSON reports whether body is a JSON callback: its first byte after an
// optional UTF-8 byte order mark and white space is '{'. WeChat never says
// which format it sends other than by the body itself (Content-Type is not
// reliable), and an XML body starts with '<'.
func isJSON(body []byte) bool {
	return isJSONText(unsafe.String(unsafe.SliceData(body), len(body)))
}

func isJSONText(src string) bool {
	src = strings.TrimPrefix(src, "\xef\xbb\xbf")
	i := 0
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r') {
		i++
	}
	return i < len(src) && src[i] == '{'
}

var jsonPool = sync.Pool{New: func() any { return new(jsonread.Reader) }}

func getJSONReader() *jsonread.Reader { return jsonPool.Get().(*jsonread.Reader) }

func putJSONReader(r *jsonread.Reader) {
	if cap(r.Elems) > 1024 {
		return // a hostile body grew it; let it go rather than pin the memory
	}
	clear(r.Elems)
	r.Elems = r.Elems[:0]
	r.Members = false
	jsonPool.Put(r)
}

// readJSON reads a JSON body into t, the element table the XML reader also
// produces: the top-level object is the root, a key is an element, an array
// is its key repeated.
func readJSON(t *elem.Table, src string) error {
	t.Reset(src)
	r := getJSONReader()
	defer putJSONReader(r)
	if err := r.Read(src, jsonLimits); err != nil {
		return jsonSyntaxError(err)
	}
	for i := range r.Elems {
		e := &r.Elems[i]
		t.Add(t.SpanOf(e.Name), 0, t.SpanOf(e.Value), e.Parent)
	}
	return nil
}

func jsonSyntaxError(err error) error {
	var je *jsonread.Error
	if errors.As(err, &je) {
		return &SyntaxError{Offset: je.Offset, Msg: je.Msg, json: true}
	}
	return err
}

// findEncryptJSON returns the value of the one top-level Encrypt of a JSON
// envelope, {"ToUserName": …, "Encrypt": …} (WeCom writes "encrypt"). The key
// matches case-insensitively, so that no spelling can smuggle in a second
// one; it must occur exactly once, at the top level, with a non-empty string.
func findEncryptJSON(body []byte) (string, error) {
	r := getJSONReader()
	defer putJSONReader(r)
	r.Members = true
	// As for XML, the strings point into body, which stays unchanged until
	// Decrypt returns.
	if err := r.Read(unsafe.String(unsafe.SliceData(body), len(body)), jsonLimits); err != nil {
		return "", jsonSyntaxError(err)
	}
	at := -1
	for i := 1; i < len(r.Elems); i++ {
		e := &r.Elems[i]
		switch {
		case !strings.EqualFold(e.Name, "Encrypt"):
		case e.Parent != 0:
			return "", fmt.Errorf("%w: Encrypt nested below the top-level object", ErrDecrypt)
		case at >= 0:
			return "", fmt.Errorf("%w: more than one Encrypt", ErrDecrypt)
		default:
			at = i
		}
	}
	if at < 0 {
		return "", fmt.Errorf("%w: envelope has no Encrypt", ErrDecrypt)
	}
	if r.Elems[at].Kind != jsonread.String {
		return "", fmt.Errorf("%w: Encrypt is not a string", ErrDecrypt)
	}
	if r.Elems[at].Value == "" {
		return "", fmt.Errorf("%w: Encrypt is empty", ErrDecrypt)
	}
	return r.Elems[at].Value, nil
}
