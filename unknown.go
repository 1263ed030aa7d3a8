package wechatevent

import (
	"strings"

	"github.com/wechatevent/wechatevent/internal/elem"
)

// UnknownEvent is a readable callback whose MsgType, Event or InfoType has no
// registered type. It keeps the whole body, and Value reads any element of it,
// so nothing WeChat sent is lost.
type UnknownEvent struct {
	Envelope
	Raw []byte `xml:"-"` // the whole body as received (its own copy)

	table elem.Table // every element, over a private copy of the body
}

// Value returns the text of the first element at path under the root element,
// path in the syntax of xml struct tags ("SendPicsInfo>Count"), or "" when the
// body has no such element. Text follows the field rules: white space around
// CDATA is dropped, CDATA content is kept exactly, plain text is trimmed.
func (u *UnknownEvent) Value(path string) string {
	v, _ := u.lookup(path, true)
	if len(v) == 0 {
		return ""
	}
	return v[0]
}

// Values returns the texts of every element at path, in document order, for
// repeated elements such as "SendPicsInfo>PicList>item>PicMd5Sum".
func (u *UnknownEvent) Values(path string) []string {
	v, _ := u.lookup(path, false)
	return v
}

func (u *UnknownEvent) lookup(path string, first bool) ([]string, bool) {
	if u == nil || u.table.Len() == 0 || path == "" {
		return nil, false
	}
	t := &u.table
	parts := strings.Split(path, ">")
	// match[i] is how many path parts element i matches from the root.
	match := make([]int, t.Len())
	var out []string
	for i := 1; i < t.Len(); i++ {
		pm := 0
		if parent := t.Elems[i].Parent; parent > 0 {
			pm = match[parent]
			if pm == 0 || pm == len(parts) {
				continue
			}
		}
		if t.LocalName(i) != parts[pm] {
			continue
		}
		match[i] = pm + 1
		if match[i] == len(parts) {
			out = append(out, t.Value(i))
			if first {
				return out, true
			}
		}
	}
	return out, len(out) > 0
}
