package wechatevent

import "strings"

// UnknownEvent is a readable callback whose MsgType, Event or InfoType has no
// registered type. It keeps the whole body, and Value reads any element of it,
// so nothing WeChat sent is lost.
type UnknownEvent struct {
	Envelope
	Raw []byte `xml:"-"` // the whole body as received (its own copy)

	fields []unknownField
}

type unknownField struct {
	name   string
	text   string
	parent int32
}

// snapshot keeps the scanned elements of a body for Value; the strings point
// into the parse's own copy of the body.
func snapshot(nodes []node) []unknownField {
	f := make([]unknownField, len(nodes))
	for i, n := range nodes {
		f[i] = unknownField{name: n.localName(), text: n.text, parent: n.parent}
	}
	return f
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
	if u == nil || len(u.fields) == 0 || path == "" {
		return nil, false
	}
	parts := strings.Split(path, ">")
	// depthMatch[i] is how many path parts element i matches from the root.
	match := make([]int, len(u.fields))
	var out []string
	for i := 1; i < len(u.fields); i++ {
		f := &u.fields[i]
		pm := 0
		if f.parent > 0 {
			pm = match[f.parent]
			if pm == 0 || pm == len(parts) {
				continue
			}
		}
		if f.name != parts[pm] {
			continue
		}
		match[i] = pm + 1
		if match[i] == len(parts) {
			out = append(out, f.text)
			if first {
				return out, true
			}
		}
	}
	return out, len(out) > 0
}
