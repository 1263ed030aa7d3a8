package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// xmlToJSON rewrites an XML callback body in the JSON form that WeChat sends
// when the data format is JSON (小程序 数据格式 JSON): each element a key in
// document order, an element with children an object, repeated siblings an
// array, text a string, and bare decimal integers (CreateTime, MsgId), which
// WeChat writes as numbers, numbers. Text in CDATA stays a string.
func xmlToJSON(data []byte) ([]byte, error) {
	// encoding/xml refuses control characters, which WeChat sends inside
	// text; carry them through as private-use runes and restore them.
	data = []byte(hideControls.Replace(string(data)))
	d := xml.NewDecoder(bytes.NewReader(data))
	root, err := readElement(d, data, nil, 0)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	root.writeJSON(&b)
	return b.Bytes(), nil
}

// maxDepth bounds the nesting of a body: callbacks nest three or four deep.
const maxDepth = 64

// hideControls and showControls swap the control characters that XML 1.0
// forbids with private-use runes U+F700 + c, and back.
var hideControls, showControls = controlReplacers()

func controlReplacers() (hide, show *strings.Replacer) {
	var h, s []string
	for c := rune(0); c < 0x20; c++ {
		if c == '\t' || c == '\n' || c == '\r' {
			continue
		}
		h = append(h, string(c), string(0xF700+c))
		s = append(s, string(0xF700+c), string(c))
	}
	return strings.NewReplacer(h...), strings.NewReplacer(s...)
}

// node is one element: its text pieces, or its children in order.
type node struct {
	name     string
	pieces   []piece
	children []*node
}

// piece is one run of text, from a CDATA section or not.
type piece struct {
	text  string
	cdata bool
}

// text is the element's value by the field rules: white space between the
// tags and a CDATA section is dropped, CDATA kept exactly, plain text trimmed.
func (n *node) text() (string, bool) {
	var b strings.Builder
	cdata := false
	for _, p := range n.pieces {
		cdata = cdata || p.cdata
	}
	for _, p := range n.pieces {
		if cdata && !p.cdata && strings.TrimSpace(p.text) == "" {
			continue
		}
		b.WriteString(p.text)
	}
	if cdata {
		return showControls.Replace(b.String()), true
	}
	return showControls.Replace(strings.TrimSpace(b.String())), false
}

// readElement reads up to the end of the element whose start was just read
// (or, with start nil, the root element).
func readElement(d *xml.Decoder, data []byte, start *xml.StartElement, depth int) (*node, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("elements nested deeper than %d", maxDepth)
	}
	n := &node{}
	if start != nil {
		n.name = start.Name.Local
	}
	for {
		before := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			if start == nil {
				return nil, errors.New("no root element")
			}
			return nil, io.ErrUnexpectedEOF
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			child, err := readElement(d, data, &t, depth+1)
			if err != nil {
				return nil, err
			}
			if start == nil {
				return child, nil
			}
			n.children = append(n.children, child)
		case xml.EndElement:
			return n, nil
		case xml.CharData:
			if start != nil {
				raw := data[before:d.InputOffset()]
				n.pieces = append(n.pieces, piece{string(t), bytes.HasPrefix(raw, []byte("<![CDATA["))})
			}
		}
	}
}

func (n *node) writeJSON(b *bytes.Buffer) {
	if len(n.children) == 0 {
		text, cdata := n.text()
		if !cdata && isInteger(text) {
			b.WriteString(text)
			return
		}
		writeString(b, text)
		return
	}
	// Group repeated siblings, keeping the order of first occurrence.
	var order []string
	groups := map[string][]*node{}
	for _, c := range n.children {
		if _, ok := groups[c.name]; !ok {
			order = append(order, c.name)
		}
		groups[c.name] = append(groups[c.name], c)
	}
	b.WriteByte('{')
	for i, name := range order {
		if i > 0 {
			b.WriteByte(',')
		}
		writeString(b, name)
		b.WriteByte(':')
		if g := groups[name]; len(g) > 1 {
			b.WriteByte('[')
			for j, c := range g {
				if j > 0 {
					b.WriteByte(',')
				}
				c.writeJSON(b)
			}
			b.WriteByte(']')
		} else {
			g[0].writeJSON(b)
		}
	}
	b.WriteByte('}')
}

// isInteger reports whether s is a decimal integer as JSON writes one.
func isInteger(s string) bool {
	if s == "" || len(s) > 20 || (s[0] == '0' && len(s) > 1) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func writeString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false) // keep XML and URLs readable
	enc.Encode(s)            // a string always encodes
	b.Truncate(b.Len() - 1)  // Encode ends with a newline
}
