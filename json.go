package wechatevent

import (
	"errors"
	"fmt"
	"strings"
	"unsafe"

	"github.com/wechatevent/wechatevent/internal/elem"
	"github.com/wechatevent/wechatevent/internal/jsonread"
)

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

// readJSON reads a JSON body into t, the element table the XML reader also
// produces: the top-level object is the root, a key is an element, an array
// is its key repeated.
func readJSON(t *elem.Table, src string) error {
	if err := jsonread.Read(t, src); err != nil {
		return jsonSyntaxError(err)
	}
	return nil
}

// jsonSyntaxError turns a JSON reader error into a *SyntaxError.
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
	t := elem.Get()
	defer elem.Put(t)
	var kb [8]jsonread.Kind
	kinds := kb[:0]
	// As for XML, the table points into body, which stays unchanged until
	// Decrypt returns; the value returned is copied out of the table.
	if err := jsonread.ReadMembers(t, unsafe.String(unsafe.SliceData(body), len(body)), &kinds); err != nil {
		return "", jsonSyntaxError(err)
	}
	at := -1
	for i := 1; i < t.Len(); i++ {
		switch {
		case !strings.EqualFold(t.Name(i), "Encrypt"):
		case t.Elems[i].Parent != 0:
			return "", fmt.Errorf("%w: Encrypt nested below the top-level object", ErrDecrypt)
		case at >= 0:
			return "", fmt.Errorf("%w: more than one Encrypt", ErrDecrypt)
		default:
			at = i
		}
	}
	switch {
	case at < 0:
		return "", fmt.Errorf("%w: envelope has no Encrypt", ErrDecrypt)
	case kinds[at] != jsonread.String:
		return "", fmt.Errorf("%w: Encrypt is not a string", ErrDecrypt)
	case t.Value(at) == "":
		return "", fmt.Errorf("%w: Encrypt is empty", ErrDecrypt)
	}
	return strings.Clone(t.Value(at)), nil
}
