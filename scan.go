package wechatevent

import (
	"math/bits"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// Limits that refuse absurd bodies with ErrSyntax. Real WeChat callbacks nest
// fewer than ten levels, carry at most a few hundred elements and use short
// element names, so every real body passes.
const (
	maxDepth    = 64
	maxElements = 1 << 14
	maxNameLen  = 256
	maxRefLen   = 16 // the longest character reference accepted, "&#x0010FFFF;" with room to spare
)

// node is one element of a scanned document. Nodes are stored in document
// order of their start tags, so a parent always precedes its children.
type node struct {
	name   string // the element name as written, prefix included
	text   string // character data by the rules of addText and addCDATA
	pend   string // trailing plain white space not yet known to be interior
	parent int32  // index of the parent node; -1 for the root
	local  uint16 // where the local name starts in name, after a namespace prefix
	built  bool   // while open: text and pend live in the textBuf of the node's level
}

// localName is the element's name without a namespace prefix: encoding/xml
// matches struct tags against local names, and so does the decoder.
func (n *node) localName() string { return n.name[n.local:] }

// localStart returns where the local part of a name starts. Like
// encoding/xml, a name with one inner colon has a prefix; any other name is
// all local.
func localStart(name string) uint16 {
	if i := strings.IndexByte(name, ':'); i > 0 && i < len(name)-1 && strings.IndexByte(name[i+1:], ':') < 0 {
		return uint16(i + 1)
	}
	return 0
}

// hasText reports whether the element has a value yet, so that white space
// that follows may prove interior.
func (n *node) hasText() bool { return n.built || n.text != "" }

// textBuf collects the value of an open element that arrives in several
// pieces: text around comments or children, adjacent CDATA sections.
// Appending to one buffer keeps that linear in the input, where joining
// strings would copy the value so far again for every piece.
type textBuf struct {
	b []byte
	n int // the length of the value proper; b[n:] is white space not yet known to be interior
}

// scanner reads one XML document in a single pass into a flat list of nodes.
// Every name and, in the common case, every text is a substring of src.
// A scanner is reused through scannerPool and is not safe for concurrent use.
type scanner struct {
	src   string
	nodes []node
	bufs  []textBuf // one per nesting level, for values in several pieces
	stack [maxDepth + 1]dctx

	// borrowed says src is not the parse's own memory, so that decode must
	// copy the values it stores; arena is where it copies them to.
	borrowed bool
	arena    []byte
}

var scannerPool = sync.Pool{New: func() any { return &scanner{nodes: make([]node, 0, 32)} }}

func getScanner() *scanner { return scannerPool.Get().(*scanner) }

func putScanner(s *scanner) {
	if cap(s.nodes) > 1024 {
		return // a hostile body grew it; let it go rather than pin the memory
	}
	clear(s.nodes)
	s.nodes = s.nodes[:0]
	for i := range s.bufs {
		if cap(s.bufs[i].b) > 4096 {
			s.bufs[i].b = nil
		}
	}
	s.src, s.borrowed, s.arena = "", false, nil
	scannerPool.Put(s)
}

func isSpace(b byte) bool { return spaceByte[b] }

// spaceByte marks XML white space; a table lookup is cheaper than four compares.
var spaceByte = [256]bool{' ': true, '\n': true, '\t': true, '\r': true}

// skipSpace returns the end of the run of white space starting at src[i].
// Indentation comes in runs of spaces, which it steps over eight at a time.
func skipSpace(src string, i int) int {
	for i < len(src) {
		c := src[i]
		if c == ' ' && i+8 <= len(src) && src[i:i+8] == "        " {
			i += 8
			continue
		}
		if !spaceByte[c] {
			break
		}
		i++
	}
	return i
}

func trimLeftSpace(s string) string {
	i := 0
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return s[i:]
}

func trimRightSpace(s string) string {
	i := len(s)
	for i > 0 && isSpace(s[i-1]) {
		i--
	}
	return s[:i]
}

// scan reads src, which must stay unchanged while the nodes are in use.
func (s *scanner) scan(src string) error {
	s.src = src
	// Every slot past the end of the node table is zero, as leaves expects:
	// putScanner clears the slots a scan used, and the table grows zeroed.
	clear(s.nodes)
	s.nodes = s.nodes[:0]
	i := 0
	if strings.HasPrefix(src, "\xef\xbb\xbf") {
		i = 3
	}
	cur := int32(-1) // the innermost open element
	depth := 0
	rootClosed := false
	for i < len(src) {
		// Most text between tags is the line break and indentation between
		// elements: step over it by hand, as a call to IndexByte costs more
		// than these few bytes.
		j := skipSpace(src, i) - i
		if i+j < len(src) && src[i+j] != '<' {
			k := strings.IndexByte(src[i+j:], '<')
			if k < 0 {
				k = len(src) - i - j
			}
			j += k
			txt := src[i : i+j]
			if cur < 0 {
				return syntaxError(i+firstNonSpace(txt), "text outside the root element")
			}
			if err := s.addText(&s.nodes[cur], depth-1, txt, i); err != nil {
				return err
			}
		} else if j > 0 && cur >= 0 && s.nodes[cur].hasText() {
			s.addSpace(&s.nodes[cur], depth-1, src[i:i+j]) // white space that may yet prove interior
		}
		if j > 0 {
			i += j
			if i == len(src) {
				break
			}
		}
		if i+1 >= len(src) {
			return syntaxError(i, "unexpected end of input after '<'")
		}
		switch src[i+1] {
		case '/':
			if cur < 0 {
				return syntaxError(i, "end tag without a start tag")
			}
			n := &s.nodes[cur]
			end := plainEndTag(src, i, n.name)
			if end < 0 {
				var err error
				if end, err = s.endTag(i, n.name); err != nil {
					return err
				}
			}
			if n.built {
				tb := &s.bufs[depth-1]
				n.text, n.built = string(tb.b[:tb.n]), false
			}
			n.pend = ""
			cur = n.parent
			depth--
			if cur < 0 {
				rootClosed = true
			}
			i = end
		case '!':
			if cur >= 0 && isCDATA(src, i) {
				k := cdataEnd(src, i+9)
				if k < 0 {
					return syntaxError(i, "unterminated CDATA section")
				}
				s.addCDATA(&s.nodes[cur], depth-1, src[i+9:k])
				i = k + 3
				continue
			}
			end, err := s.bang(i, cur)
			if err != nil {
				return err
			}
			i = end
		case '?':
			k := strings.Index(src[i+2:], "?>")
			if k < 0 {
				return syntaxError(i, "unterminated processing instruction")
			}
			i += 2 + k + 2
		default:
			if rootClosed {
				return syntaxError(i, "element after the root element")
			}
			if depth >= maxDepth {
				return syntaxError(i, "elements nested too deeply")
			}
			if len(s.nodes) >= maxElements {
				return syntaxError(i, "too many elements")
			}
			if cur >= 0 && !s.nodes[cur].hasText() {
				if after := s.leaves(i, cur); after > i {
					i = after
					continue
				}
			}
			name, end, colon := plainStartTag(src, i)
			empty := false
			if name == "" {
				var err error
				if name, end, empty, err = s.startTag(i); err != nil {
					return err
				}
				colon = strings.IndexByte(name, ':') >= 0
			}
			s.addNode(name, "", cur, colon)
			if !empty {
				cur = int32(len(s.nodes) - 1)
				depth++
			} else if cur < 0 {
				rootClosed = true
			}
			i = end
		}
	}
	if cur >= 0 {
		return syntaxError(len(src), "unexpected end of input: <"+s.nodes[cur].name+"> is not closed")
	}
	if len(s.nodes) == 0 {
		return syntaxError(len(src), "no root element")
	}
	return nil
}

// addNode appends an element. Filling the fields of a slot in place is
// markedly cheaper than appending a composite literal with four strings.
func (s *scanner) addNode(name, text string, parent int32, colon bool) {
	if len(s.nodes) == cap(s.nodes) {
		s.nodes = growNodes(s.nodes)
	}
	s.nodes = s.nodes[:len(s.nodes)+1]
	n := &s.nodes[len(s.nodes)-1]
	n.name, n.text, n.pend, n.parent, n.local, n.built = name, text, "", parent, 0, false
	if colon {
		n.local = localStart(name)
	}
}

// rebase points every name and value that lies in the scanned body into
// body, a copy of that body, for an UnknownEvent, which keeps them all.
func (s *scanner) rebase(body string) {
	for i := range s.nodes {
		n := &s.nodes[i]
		n.name = s.moved(n.name, body)
		n.text = s.moved(n.text, body)
	}
}

// moved returns the string in body at the place v has in the scanned body,
// or v itself when it lies elsewhere (a value decoded from references or
// joined from pieces).
func (s *scanner) moved(v, body string) string {
	if v == "" {
		return ""
	}
	base := uintptr(unsafe.Pointer(unsafe.StringData(s.src)))
	at := uintptr(unsafe.Pointer(unsafe.StringData(v)))
	if at < base || at-base+uintptr(len(v)) > uintptr(len(s.src)) {
		return v
	}
	off := int(at - base)
	return body[off : off+len(v)]
}

// growNodes doubles the capacity of the node table rather than let append
// grow a big table by a quarter at a time: a body of thousands of elements
// then costs two tables' worth of allocation, not five.
func growNodes(nodes []node) []node {
	grown := make([]node, len(nodes), max(32, 2*cap(nodes)))
	copy(grown, nodes)
	return grown
}

func firstNonSpace(s string) int {
	for i := 0; i < len(s); i++ {
		if !isSpace(s[i]) {
			return i
		}
	}
	return -1
}

// addText appends a run of plain character data to n, open at nesting level
// lvl. White space at the start and end of an element's value is dropped
// when it lies outside CDATA: leading white space is skipped while the value
// is still empty, trailing white space waits until more data shows it was
// interior.
func (s *scanner) addText(n *node, lvl int, raw string, off int) error {
	v := raw
	if strings.IndexByte(raw, '&') >= 0 {
		var err error
		if v, err = decodeEntities(raw, off); err != nil {
			return err
		}
	}
	if !n.hasText() {
		v = trimLeftSpace(v)
		if v == "" {
			return nil
		}
		body := trimRightSpace(v)
		n.text, n.pend = body, v[len(body):] // the usual lone piece: a substring, no copy
		return nil
	}
	body := trimRightSpace(v)
	if body == "" {
		s.addSpace(n, lvl, v)
		return nil
	}
	tb := s.build(n, lvl)
	tb.b = append(tb.b, body...)
	tb.n = len(tb.b)
	tb.b = append(tb.b, v[len(body):]...)
	return nil
}

// addSpace keeps white space that follows n's value until more data shows
// whether it is interior.
func (s *scanner) addSpace(n *node, lvl int, ws string) {
	if !n.built && n.pend == "" {
		n.pend = ws
		return
	}
	tb := s.build(n, lvl)
	tb.b = append(tb.b, ws...)
}

// addCDATA appends a CDATA section's content exactly as written.
func (s *scanner) addCDATA(n *node, lvl int, c string) {
	if !n.built && n.text == "" && n.pend == "" {
		n.text = c // the usual lone section: a substring, no copy
		return
	}
	tb := s.build(n, lvl)
	tb.b = append(tb.b, c...)
	tb.n = len(tb.b)
}

// build returns the buffer that holds n's value from its second piece on,
// moving the value and pending white space there first. The end tag turns
// the buffer into n.text.
func (s *scanner) build(n *node, lvl int) *textBuf {
	for len(s.bufs) <= lvl {
		s.bufs = append(s.bufs, textBuf{})
	}
	tb := &s.bufs[lvl]
	if !n.built {
		tb.b = append(append(tb.b[:0], n.text...), n.pend...)
		tb.n = len(n.text)
		n.text, n.pend, n.built = "", "", true
	}
	return tb
}

// bang handles the markup that starts with "<!" other than CDATA inside an
// element: comments, a DOCTYPE and misplaced CDATA.
func (s *scanner) bang(i int, cur int32) (int, error) {
	src := s.src
	switch {
	case strings.HasPrefix(src[i:], "<![CDATA["):
		// scan reads CDATA inside an element itself, on its hot path.
		return 0, syntaxError(i, "CDATA outside the root element")
	case strings.HasPrefix(src[i:], "<!--"):
		k := strings.Index(src[i+4:], "-->")
		if k < 0 {
			return 0, syntaxError(i, "unterminated comment")
		}
		return i + 4 + k + 3, nil
	case strings.HasPrefix(src[i:], "<!DOCTYPE"):
		if cur >= 0 || len(s.nodes) > 0 {
			return 0, syntaxError(i, "DOCTYPE inside the document")
		}
		return skipDoctype(src, i)
	}
	return 0, syntaxError(i, "malformed markup after '<!'")
}

// skipDoctype steps over a document type declaration without interpreting it:
// nothing it declares is defined, so no entity it names is ever expanded.
// Quoted strings and the internal subset are skipped as opaque text.
func skipDoctype(src string, i int) (int, error) {
	depth := 0
	for p := i + 2; p < len(src); p++ {
		switch c := src[p]; c {
		case '"', '\'':
			k := strings.IndexByte(src[p+1:], c)
			if k < 0 {
				return 0, syntaxError(p, "unterminated quoted string in DOCTYPE")
			}
			p += 1 + k
		case '[':
			depth++
		case ']':
			depth--
		case '>':
			if depth <= 0 {
				return p + 1, nil
			}
		}
	}
	return 0, syntaxError(i, "unterminated DOCTYPE")
}

// plainStartTag reads the usual start tag, "<name>" with no attributes, at
// src[i]=='<' without the calls and checks of startTag. It returns "" for
// anything else, which startTag then reads or reports.
func plainStartTag(src string, i int) (name string, end int, colon bool) {
	limit := min(len(src), i+2+maxNameLen) // room for the name and its '>'
	p, colon := nameEnd(src, i+1, limit)
	if p == i+1 || p >= limit || src[p] != '>' {
		return "", 0, false
	}
	if c := src[i+1]; c == '-' || c == '.' || ('0' <= c && c <= '9') {
		return "", 0, false
	}
	return src[i+1 : p], p + 1, colon
}

// nameEnd returns the end of the run of name bytes in src[p:limit] and
// whether the run holds a ':'. Most names are ASCII letters only; it steps
// over those eight at a time and reads any other byte with the table.
func nameEnd(src string, p, limit int) (int, bool) {
	for p+8 <= limit {
		m := asciiLetters(le64(src, p))
		if m != highBits {
			p += bits.TrailingZeros64(^m&highBits) >> 3
			break
		}
		p += 8
	}
	var seen uint8
	for p < limit {
		f := nameByte[src[p]]
		if f == 0 {
			break
		}
		seen |= f
		p++
	}
	return p, seen&nameColon != 0
}

const (
	highBits = 0x8080808080808080
	lowBits  = 0x0101010101010101
)

// asciiLetters returns the high bit of each byte of x set where that byte is
// an ASCII letter and clear elsewhere. With bit 5 and bit 7 cleared, letters
// are exactly the bytes in 'A'..'Z'; adding 0x3F and 0x25 to every byte,
// which never carries into the next, sets the high bit of those at or above
// 'A' and of those beyond 'Z'. Bytes with the high bit set are not letters.
func asciiLetters(x uint64) uint64 {
	y := x & (0x5F * lowBits)
	ge := y + 0x3F*lowBits // high bit: y >= 'A'
	gt := y + 0x25*lowBits // high bit: y > 'Z'
	return ge &^ gt &^ x & highBits
}

// cdataOpen is "<![CDATA" as a little-endian word, for a one-load test.
const cdataOpen = uint64('<') | uint64('!')<<8 | uint64('[')<<16 | uint64('C')<<24 |
	uint64('D')<<32 | uint64('A')<<40 | uint64('T')<<48 | uint64('A')<<56

// isCDATA reports whether src[p:] starts with "<![CDATA[".
func isCDATA(src string, p int) bool {
	return p+9 <= len(src) && le64(src, p) == cdataOpen && src[p+8] == '['
}

// le64 reads src[p:p+8] as a little-endian word; the compiler turns it into
// one load. The caller ensures p+8 <= len(src).
func le64(src string, p int) uint64 {
	b := src[p : p+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// le32 reads src[p:p+4] as a little-endian word. The caller ensures
// p+4 <= len(src).
func le32(src string, p int) uint32 {
	b := src[p : p+4]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

// hasAt reports whether src[p:] starts with s. Names of 8 to 16 bytes, most
// of WeChat's, are compared with two overlapping word loads instead of a
// call to the runtime's memory compare.
func hasAt(src string, p int, s string) bool {
	n := len(s)
	if p+n > len(src) {
		return false
	}
	if n >= 8 && n <= 16 {
		return le64(src, p) == le64(s, 0) && le64(src, p+n-8) == le64(s, n-8)
	}
	return src[p:p+n] == s
}

// leaves reads the usual run of children of the open element cur, starting
// at src[i]=='<': elements "<name>value</name>" with no attributes, where the
// value is one CDATA section or plain text without references, separated by
// white space only. It appends a node for each and returns the end of the
// last one's end tag, or i when the element at i is not of that form; the
// general path in scan then reads from there. Values are the ones the general
// path gives: CDATA kept exactly, plain text trimmed. The parent must have no
// text yet, so that the white space between the children is not part of it.
//
// This is the path nearly every byte of a callback takes, so it is one
// function with its steps written out: the calls it would otherwise make
// cost more than the work they do.
func (s *scanner) leaves(i int, cur int32) int {
	src := s.src
	nodes := s.nodes
	done := i
scan:
	for len(nodes) < maxElements {
		// The name: ASCII letters eight at a time, then any other name bytes.
		p := i + 1
		if p >= len(src) || nameByte[src[p]]&nameStart == 0 {
			break
		}
		limit := min(len(src), p+maxNameLen+1)
		for p+8 <= limit {
			m := asciiLetters(le64(src, p))
			if m != highBits {
				p += bits.TrailingZeros64(^m&highBits) >> 3
				break
			}
			p += 8
		}
		var seen uint8
		for p < limit {
			f := nameByte[src[p]]
			if f == 0 {
				break
			}
			seen |= f
			p++
		}
		if p >= limit || src[p] != '>' {
			break
		}
		name := src[i+1 : p]
		p++

		// The value, up to the '<' of what must be the end tag.
		var text string
		if p+9 <= len(src) && le64(src, p) == cdataOpen && src[p+8] == '[' {
			k := p + 9
			for {
				j := strings.IndexByte(src[k:], ']')
				if j < 0 || k+j+3 > len(src) {
					break scan
				}
				k += j
				if src[k+1] == ']' && src[k+2] == '>' {
					break
				}
				k++
			}
			text, p = src[p+9:k], k+3
		} else {
			k := strings.IndexByte(src[p:], '<')
			if k < 0 {
				break
			}
			text = src[p : p+k]
			p += k
			amp := false
			for j := 0; j < len(text); j++ {
				amp = amp || text[j] == '&'
			}
			if amp {
				break
			}
			text = trimRightSpace(trimLeftSpace(text))
		}

		// The end tag, exactly "</name>".
		e := p + 2 + len(name)
		if e >= len(src) || src[e] != '>' || src[p] != '<' || src[p+1] != '/' {
			break
		}
		switch l := len(name); {
		case l >= 8 && l <= 16:
			if le64(src, p+2) != le64(name, 0) || le64(src, e-8) != le64(name, l-8) {
				break scan
			}
		case l >= 4 && l < 8:
			if le32(src, p+2) != le32(name, 0) || le32(src, e-4) != le32(name, l-4) {
				break scan
			}
		default:
			if src[p+2:e] != name {
				break scan
			}
		}

		if len(nodes) == cap(nodes) {
			nodes = growNodes(nodes)
		}
		nodes = nodes[:len(nodes)+1]
		n := &nodes[len(nodes)-1]
		n.name, n.text, n.parent = name, text, cur // the other fields are zero: see scan
		if seen&nameColon != 0 {
			n.local = localStart(name)
		}
		done = e + 1

		// White space, then the next sibling's start tag or stop.
		i = done
		if i < len(src) && src[i] == '\n' {
			i++ // the usual separator, without the call
		}
		if i < len(src) && src[i] != '<' {
			i = skipSpace(src, i)
		}
		if i+1 >= len(src) || src[i] != '<' {
			break
		}
	}
	s.nodes = nodes
	return done
}

// plainEndTag returns the end of "</name>" at src[i]=='<', or -1 when the end
// tag there is not exactly that; endTag then reads it in full.
func plainEndTag(src string, i int, name string) int {
	e := i + 2 + len(name)
	if e >= len(src) || src[i+1] != '/' || src[e] != '>' || !hasAt(src, i+2, name) {
		return -1
	}
	return e + 1
}

// cdataEnd returns the index of the first "]]>" at or after src[from], or -1.
func cdataEnd(src string, from int) int {
	for {
		k := strings.IndexByte(src[from:], ']')
		if k < 0 {
			return -1
		}
		p := from + k
		if p+2 < len(src) && src[p+1] == ']' && src[p+2] == '>' {
			return p
		}
		from = p + 1
	}
}

// startTag reads "<name attr='v' ...>" or "<name .../>" starting at src[i]=='<'.
// Attributes are checked for form and skipped.
func (s *scanner) startTag(i int) (name string, end int, empty bool, err error) {
	src := s.src
	p, err := scanName(src, i+1)
	if err != nil {
		return "", 0, false, err
	}
	name = src[i+1 : p]
	for {
		sp := p
		for p < len(src) && isSpace(src[p]) {
			p++
		}
		if p >= len(src) {
			return "", 0, false, syntaxError(i, "unexpected end of input in start tag <"+name+">")
		}
		switch src[p] {
		case '>':
			return name, p + 1, false, nil
		case '/':
			if p+1 < len(src) && src[p+1] == '>' {
				return name, p + 2, true, nil
			}
			return "", 0, false, syntaxError(p, "expected '>' after '/' in start tag")
		}
		if sp == p {
			return "", 0, false, syntaxError(p, "expected white space before an attribute")
		}
		if p, err = skipAttr(src, p); err != nil {
			return "", 0, false, err
		}
	}
}

// skipAttr steps over name="value" or name='value' at src[p].
func skipAttr(src string, p int) (int, error) {
	q, err := scanName(src, p)
	if err != nil {
		return 0, err
	}
	for q < len(src) && isSpace(src[q]) {
		q++
	}
	if q >= len(src) || src[q] != '=' {
		return 0, syntaxError(q, "expected '=' after attribute name")
	}
	q++
	for q < len(src) && isSpace(src[q]) {
		q++
	}
	if q >= len(src) || (src[q] != '"' && src[q] != '\'') {
		return 0, syntaxError(q, "expected a quoted attribute value")
	}
	k := strings.IndexByte(src[q+1:], src[q])
	if k < 0 {
		return 0, syntaxError(q, "unterminated attribute value")
	}
	v := src[q+1 : q+1+k]
	if strings.IndexByte(v, '<') >= 0 {
		return 0, syntaxError(q, "'<' in attribute value")
	}
	return q + 1 + k + 1, nil
}

// endTag reads "</name>" at src[i] and checks that it closes want.
func (s *scanner) endTag(i int, want string) (int, error) {
	src := s.src
	p, err := scanName(src, i+2)
	if err != nil {
		return 0, err
	}
	if src[i+2:p] != want {
		return 0, syntaxError(i, "element <"+want+"> closed by </"+src[i+2:p]+">")
	}
	for p < len(src) && isSpace(src[p]) {
		p++
	}
	if p >= len(src) || src[p] != '>' {
		return 0, syntaxError(p, "expected '>' to end </"+want+">")
	}
	return p + 1, nil
}

// scanName returns the end of the XML name starting at src[p].
func scanName(src string, p int) (int, error) {
	start := p
	end := min(len(src), start+maxNameLen+1) // one byte more than allowed shows a name too long
	for p < end && nameByte[src[p]] != 0 {
		p++
	}
	if p-start > maxNameLen {
		return 0, syntaxError(start, "name too long")
	}
	if p < len(src) {
		if c := src[p]; !isSpace(c) && c != '>' && c != '/' && c != '=' {
			return 0, syntaxError(p, "invalid character in name")
		}
	}
	if p == start {
		if p >= len(src) {
			return 0, syntaxError(p, "unexpected end of input: expected a name")
		}
		return 0, syntaxError(p, "expected a name")
	}
	if c := src[start]; c == '-' || c == '.' || ('0' <= c && c <= '9') {
		return 0, syntaxError(start, "name starts with an invalid character")
	}
	return p, nil
}

// nameByte marks the bytes a name may contain: ASCII letters, digits, '_',
// '-', '.', ':' and every byte of a multi-byte UTF-8 sequence, which is taken
// as it comes. A table lookup per byte is the cheapest test of all; ':' is
// marked apart so that a name's scan also tells whether it has a prefix.
var nameByte = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '_' || c == '-' || c == '.' || c >= utf8.RuneSelf {
			t[c] = nameOther
		}
	}
	t[':'] = nameColon
	for c := 0; c < 256; c++ {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c == ':' || c >= utf8.RuneSelf {
			t[c] |= nameStart
		}
	}
	return t
}()

const (
	nameOther = 1 << iota
	nameColon
	nameStart // may start a name
)

// decodeEntities replaces the five predefined entities and numeric character
// references in raw. Any other reference is a syntax error: nothing is ever
// looked up in a DTD.
func decodeEntities(raw string, off int) (string, error) {
	b := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); {
		c := raw[i]
		if c != '&' {
			b = append(b, c)
			i++
			continue
		}
		k := strings.IndexByte(raw[i:], ';')
		if k < 0 || k > maxRefLen {
			return "", syntaxError(off+i, "malformed character or entity reference")
		}
		ref := raw[i+1 : i+k]
		switch ref {
		case "lt":
			b = append(b, '<')
		case "gt":
			b = append(b, '>')
		case "amp":
			b = append(b, '&')
		case "apos":
			b = append(b, '\'')
		case "quot":
			b = append(b, '"')
		default:
			r, ok := charRef(ref)
			if !ok {
				return "", syntaxError(off+i, "undefined or invalid reference &"+ref+";")
			}
			b = utf8.AppendRune(b, r)
		}
		i += k + 1
	}
	return string(b), nil
}

// charRef decodes the body of "&#N;" or "&#xH;" and refuses code points that
// XML cannot carry: NUL, surrogates, U+FFFE, U+FFFF and beyond U+10FFFF.
func charRef(ref string) (rune, bool) {
	if len(ref) < 2 || ref[0] != '#' {
		return 0, false
	}
	digits, base := ref[1:], rune(10)
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	if digits == "" {
		return 0, false
	}
	var r rune
	for i := 0; i < len(digits); i++ {
		d := rune(-1)
		switch c := digits[i]; {
		case '0' <= c && c <= '9':
			d = rune(c - '0')
		case base == 16 && 'a' <= c && c <= 'f':
			d = rune(c-'a') + 10
		case base == 16 && 'A' <= c && c <= 'F':
			d = rune(c-'A') + 10
		}
		if d < 0 {
			return 0, false
		}
		r = r*base + d
		if r > utf8.MaxRune {
			return 0, false
		}
	}
	if r == 0 || r == 0xFFFE || r == 0xFFFF || (0xD800 <= r && r <= 0xDFFF) {
		return 0, false
	}
	return r, true
}
