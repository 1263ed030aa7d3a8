// Package xmlread reads one XML callback body into an element table (see
// package elem for what the table holds). It knows XML syntax only: it is
// tolerant of everything real callbacks contain (a byte order mark, the XML
// declaration, comments, processing instructions, attributes, text between
// elements, control characters and invalid UTF-8 inside text) and strict
// about structure. A DOCTYPE is skipped, never interpreted, and no entity
// other than the five predefined ones and numeric references is decoded.
package xmlread

import (
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/wechatevent/wechatevent/internal/elem"
)

// maxRefLen is the longest character reference accepted, "&#x0010FFFF;"
// with room to spare.
const maxRefLen = 16

// Error is malformed XML, or a body beyond the limits of package elem.
type Error struct {
	Offset int    // byte offset in the body where the problem was found
	Msg    string // what is wrong there
}

func (e *Error) Error() string { return "offset " + strconv.Itoa(e.Offset) + ": " + e.Msg }

// fail records the error of the current read in r, which returns it: one
// malformed body costs the message, not an error value too.
func (r *Reader) fail(off int, msg string) *Error {
	r.err = Error{Offset: off, Msg: msg}
	return &r.err
}

// open is the reading state of an element whose end tag is still to come.
// Its value arrives in pieces (see the value rule in package elem): while it
// is one piece, the table holds it as a span; from the second piece on, it
// is built in buf, and pend is white space after it not yet known to be
// interior.
type open struct {
	idx   int32
	built bool   // the value lives in buf[:n]; buf[n:] is pending white space
	pend  string // trailing white space of a lone piece, not yet known to be interior
	n     int
	buf   []byte
}

// Reader reads bodies into tables. It keeps the memory of its pieces
// between reads; it is not safe for concurrent use. The zero value is ready.
type Reader struct {
	stack   [elem.MaxDepth]open
	deepest int // the number of stack entries the current read used
	err     Error
	general bool // read every element by the general path, for the tests
}

// Read reads src into t, which it resets first. The table's spans point into
// src, which must stay unchanged while t is in use. A malformed body is an
// *Error that lives in r: it is valid until the next Read.
func (r *Reader) Read(t *elem.Table, src string) error {
	t.Reset(src)
	r.deepest = 0
	err := r.read(t, src)
	for i := range r.stack[:r.deepest] {
		o := &r.stack[i]
		o.pend = ""
		if cap(o.buf) > 4096 {
			o.buf = nil // a hostile body grew it; let it go rather than pin the memory
		}
	}
	return err
}

func (r *Reader) read(t *elem.Table, src string) error {
	i := 0
	if strings.HasPrefix(src, "\xef\xbb\xbf") {
		i = 3
	}
	depth := 0 // elements open; r.stack[depth-1] is the innermost
	rootClosed := false
	for i < len(src) {
		// Most text between tags is the line break and indentation between
		// elements: step over it by hand, as a call to IndexByte costs more
		// than these few bytes.
		j := skipSpace(src, i)
		if j < len(src) && src[j] != '<' {
			k := strings.IndexByte(src[j:], '<')
			if k < 0 {
				k = len(src) - j
			}
			if depth == 0 {
				return r.fail(j, "text outside the root element")
			}
			if err := r.text(t, &r.stack[depth-1], src[i:j+k], i); err != nil {
				return err
			}
			j += k
		} else if j > i && depth > 0 && r.hasValue(t, &r.stack[depth-1]) {
			r.space(t, &r.stack[depth-1], src[i:j]) // white space that may yet prove interior
		}
		i = j
		if i == len(src) {
			break
		}
		if i+1 >= len(src) {
			return r.fail(i, "unexpected end of input after '<'")
		}
		switch src[i+1] {
		case '/':
			if depth == 0 {
				return r.fail(i, "end tag without a start tag")
			}
			o := &r.stack[depth-1]
			name := t.Name(int(o.idx))
			end := plainEndTag(src, i, name)
			if end < 0 {
				var err error
				if end, err = r.endTag(src, i, name); err != nil {
					return err
				}
			}
			r.close(t, o)
			depth--
			rootClosed = depth == 0
			i = end
		case '!':
			if depth > 0 && isCDATA(src, i) {
				k := cdataEnd(src, i+9)
				if k < 0 {
					return r.fail(i, "unterminated CDATA section")
				}
				r.cdata(t, &r.stack[depth-1], i+9, k)
				i = k + 3
				continue
			}
			end, err := r.bang(t, src, i, depth)
			if err != nil {
				return err
			}
			i = end
		case '?':
			k := strings.Index(src[i+2:], "?>")
			if k < 0 {
				return r.fail(i, "unterminated processing instruction")
			}
			i += 2 + k + 2
		default:
			if rootClosed {
				return r.fail(i, "element after the root element")
			}
			if depth >= elem.MaxDepth {
				return r.fail(i, "elements nested too deeply")
			}
			if t.Len() >= elem.MaxElements {
				return r.fail(i, "too many elements")
			}
			if !r.general && (depth == 0 || !r.hasValue(t, &r.stack[depth-1])) {
				if after, d := r.fast(t, src, i, depth); after > i {
					i, depth = after, d
					rootClosed = depth == 0
					continue
				}
			}
			parent := int32(-1)
			if depth > 0 {
				parent = r.stack[depth-1].idx
			}
			name, end, colon := plainStartTag(src, i)
			empty := false
			if name == 0 {
				var err error
				if name, end, empty, err = r.startTag(src, i); err != nil {
					return err
				}
				colon = strings.IndexByte(src[i+1:i+1+name], ':') >= 0
			}
			idx := t.Add(elem.SrcSpan(i+1, i+1+name), local(src[i+1:i+1+name], colon), elem.Span{}, parent)
			if empty {
				rootClosed = depth == 0
			} else {
				r.stack[depth] = open{idx: idx, buf: r.stack[depth].buf[:0]}
				depth++
				r.deepest = max(r.deepest, depth)
			}
			i = end
		}
	}
	if depth > 0 {
		return r.fail(len(src), "unexpected end of input: <"+t.Name(int(r.stack[depth-1].idx))+"> is not closed")
	}
	if t.Len() == 0 {
		return r.fail(len(src), "no root element")
	}
	return nil
}

// fast reads the usual form of a callback from src[i]=='<' with depth
// elements open: start tags "<name>" with no attributes; leaves, whose value
// is one CDATA section or plain text without references; wrappers, whose
// start tag is followed by white space and a child; end tags "</name>" that
// close the innermost open element exactly; and white space between tags.
// It adds an element for each start tag, keeps r.stack as the general path
// would, and returns where it stopped and the depth there: at the first
// thing not of that form, which the general path then reads, or after the
// root's end tag, or where the innermost open element has a value. Until
// then the innermost open element has no value, nor has any wrapper fast
// opens, so the white space between children is part of none.
//
// This is the path nearly every byte of a callback takes. The element at
// a start tag is read by element, in a function of its own so that its
// work has the registers to itself. The line break and indentation between
// siblings are stepped over here, as skipSpace would. The test
// TestFastAgreesWithGeneralPath reads every fixture with and without this
// loop and requires identical tables, and FuzzFast does the same for
// arbitrary bodies, so the two cannot drift apart.
func (r *Reader) fast(t *elem.Table, src string, i, depth int) (int, int) {
	n := len(src)
	at := unsafe.Pointer(unsafe.StringData(src))
	parent := int32(-1)
	if depth > 0 {
		parent = r.stack[depth-1].idx
	}
	done := i
	for i+1 < n {
		if char(at, i+1) == '/' {
			// The end tag of the innermost open element, exactly.
			if depth == 0 {
				break
			}
			name := t.Elems[parent].Name
			g := i + 2 + int(name.Len)
			if g >= n || char(at, g) != '>' || !hasAt(src, i+2, src[name.Off:name.Off+name.Len]) {
				break
			}
			depth--
			done = g + 1
			if depth == 0 {
				break // the root is closed; what may follow is the general path's
			}
			o := &r.stack[depth-1]
			if parent = o.idx; o.built || t.Elems[parent].Value.Len > 0 {
				break // white space after its child may be part of its value
			}
		} else {
			if depth >= elem.MaxDepth || len(t.Elems) >= elem.MaxElements {
				break // the general path reports it
			}
			t.Elems = append(t.Elems, elem.Elem{Parent: parent})
			end := element(&t.Elems[len(t.Elems)-1], src, i)
			if end <= 0 {
				if end == 0 {
					t.Elems = t.Elems[:len(t.Elems)-1]
					break // not of the usual form
				}
				// A wrapper: its first child's '<' is at -end.
				parent = int32(len(t.Elems) - 1)
				r.stack[depth] = open{idx: parent, buf: r.stack[depth].buf[:0]}
				depth++
				r.deepest = max(r.deepest, depth)
				i, done = -end, -end
				continue
			}
			done = end
			if depth == 0 {
				break // the root was a leaf
			}
		}

		// White space, then the next tag, or stop. The usual separator is
		// a line break and indentation, stepped over here as skipSpace
		// would, without the call.
		i = done
		if i+1 < n && char(at, i) == '\n' {
			if i++; char(at, i) == '<' {
				continue
			}
			for i+8 <= n {
				if x := word(at, i) ^ (lowBits * ' '); x != 0 {
					i += bits.TrailingZeros64(x) >> 3
					break
				}
				i += 8
			}
			if i+1 < n && char(at, i) == '<' {
				continue
			}
		}
		if i = skipSpace(src, i); i+1 >= n || char(at, i) != '<' {
			break
		}
	}
	return done, depth
}

// element reads the element whose start tag is at src[i]=='<', when it is
// of the form fast reads, into e, whose Parent the caller has set. For a
// leaf, "<name>value</name>", it returns the end of the end tag. For a
// wrapper, "<name>", white space and a child's start tag, it returns minus
// the offset of that child's '<'; the wrapper's value stays empty. For
// anything else it returns 0 and e is to be dropped.
//
// It has the steps of plainStartTag, cdataEnd, trim and plainEndTag
// written out, and reads the body a word at a time wherever the bounds
// were checked before: the calls and checks would cost more than the work
// they do. A name of ASCII letters is read a word at a time and compared
// with its end tag in two or three words; any other name takes nameEnd, the
// general path's rule. A CDATA value ends at the first "]]>"; a plain value
// at the first '<', found by find.
func element(e *elem.Elem, src string, i int) int {
	n := len(src)
	at := unsafe.Pointer(unsafe.StringData(src))

	// The name, src[p:q], and the start tag's '>' at q. w0 is the word at
	// p when the name is all letters and the body has room for two words
	// there; it is zero when the name took nameEnd.
	p := i + 1
	l, w0 := 0, uint64(0)
	for p+l+8 <= n && l < 32 {
		m := ^asciiLetters(word(at, p+l)) & highBits
		if m != 0 {
			l += bits.TrailingZeros64(m) >> 3
			if l > 0 && char(at, p+l) == '>' {
				w0 = word(at, p)
			}
			break
		}
		l += 8
	}
	colon := false
	if w0 == 0 {
		if l, colon = otherName(src, p); l == 0 {
			return 0
		}
	}
	q := p + l
	e.Name = elem.Span{Off: uint32(p), Len: uint32(l)}
	switch {
	case colon:
		e.Local = local(src[p:q], true)
		e.Key = elem.KeyOf(src[p+int(e.Local) : q])
	case w0 == 0:
		e.Key = elem.KeyOf(src[p:q])
	default: // the name's first word was loaded, so max(l, 8) bytes from p lie in src
		e.Key = elem.KeyAt(at, p, l)
	}

	// The value, up to c, the '<' of what must be the end tag; or, when
	// white space and a child follow, a wrapper.
	v := q + 1
	c := 0
	if v+9 <= n && word(at, v) == cdataOpen && char(at, v+8) == '[' {
		// The first ']': in the first four words, as most values end
		// there, by find's first step for one byte, here without the call
		// (find costs about 130 instructions more per flat body); beyond,
		// by IndexByte.
		k, j := -1, v+9
		for stop := min(n-8, j+24); j <= stop; j += 8 {
			if m := zeroBytes(word(at, j) ^ brackets); m != 0 {
				k = j + bits.TrailingZeros64(m)>>3
				break
			}
		}
		if k < 0 {
			k = indexFrom(src, j, ']')
		}
		for k >= 0 && k+3 <= n && (char(at, k+1) != ']' || char(at, k+2) != '>') {
			k = indexFrom(src, k+1, ']')
		}
		if k < 0 || k+3 > n {
			return 0
		}
		e.Value, c = elem.Span{Off: uint32(v + 9), Len: uint32(k - v - 9)}, k+3
	} else {
		if v < n && spaceByte[char(at, v)] {
			// White space first: a wrapper when a child's start tag
			// follows, whose value stays empty.
			if j := skipSpace(src, v); j+1 < n && char(at, j) == '<' && char(at, j+1) != '/' {
				return -j
			}
		}
		k := find(at, src, v, lts, amps)
		if k < 0 || char(at, k) != '<' || k+1 >= n {
			return 0 // a reference, or the end of the body
		}
		if char(at, k+1) != '/' {
			// A child's start tag. Right after the start tag it makes a
			// wrapper; after white space it was found above, so what lies
			// between is text beside children, which the general path joins.
			if k != v {
				return 0
			}
			return -k
		}
		start, end := v, k
		if spaceByte[char(at, start)] || spaceByte[char(at, end-1)] {
			start, end = trim(src, start, end)
		}
		e.Value, c = elem.Span{Off: uint32(start), Len: uint32(end - start)}, k
	}

	// The end tag, exactly "</name>", with its '>' at g. tag is what its
	// first word must be: "</" and the name's first six bytes.
	g := c + 2 + l
	if g >= n || char(at, g) != '>' {
		return 0
	}
	tag := w0<<16 | '<' | '/'<<8
	switch {
	case w0 == 0 || c+8 > n:
		if src[c] != '<' || src[c+1] != '/' || src[c+2:g] != src[p:q] {
			return 0
		}
	case l >= 8: // the words at c, at c+8 and ending at g cover the tag up to 22 letters
		if word(at, c) != tag || word(at, g-8) != word(at, q-8) ||
			l > 14 && word(at, c+8) != word(at, p+6) || l > 22 && src[c+2:g] != src[p:q] {
			return 0
		}
	case l == 7: // the word at c holds all but the name's last byte
		if word(at, c) != tag || char(at, g-1) != char(at, q-1) {
			return 0
		}
	default: // "</" and the name are the low l+2 <= 8 bytes of the word at c
		if (word(at, c)^tag)&(1<<(8*uint(l+2))-1) != 0 {
			return 0
		}
	}
	return g + 1
}

// otherName reads a start tag's name at src[p] that is not a short run of
// letters, by nameEnd, and returns its length and whether it holds a ':',
// or 0 when what is at p is not a name closed by '>' at once.
func otherName(src string, p int) (int, bool) {
	if p >= len(src) || nameByte[src[p]]&nameStart == 0 {
		return 0, false
	}
	limit := min(len(src), p+elem.MaxNameLen+1)
	q, colon := nameEnd(src, p, limit)
	if q >= limit || src[q] != '>' {
		return 0, false
	}
	return q - p, colon
}

// find returns the index of the first byte a or b at or after src[k], or
// -1, where pa and pb are a and b in every byte of a word: the end of a
// plain value, or a reference in it. It tests four words itself, as far as
// most values reach, and leaves longer runs to findFar, two calls to
// strings.IndexByte, which cost more to start but less per byte. at is
// src's data.
func find(at unsafe.Pointer, src string, k int, pa, pb uint64) int {
	for stop := min(len(src)-8, k+24); k <= stop; k += 8 {
		if m := zeroBytes(word(at, k)^pa) | zeroBytes(word(at, k)^pb); m != 0 {
			return k + bits.TrailingZeros64(m)>>3
		}
	}
	return findFar(src, k, byte(pa), byte(pb))
}

// indexFrom returns the index of the first c at or after src[k], or -1.
func indexFrom(src string, k int, c byte) int {
	if j := strings.IndexByte(src[k:], c); j >= 0 {
		return k + j
	}
	return -1
}

// Bytes repeated in every byte of a word, for find.
const (
	lts      = lowBits * '<'
	amps     = lowBits * '&'
	brackets = lowBits * ']'
)

// zeroBytes returns x with the high bit of its lowest zero byte set, and
// possibly others above it, or 0 when no byte of x is zero: a borrow can set
// a false high bit only above a true one. With x a word xor a byte repeated,
// the lowest set bit is the first occurrence of that byte.
func zeroBytes(x uint64) uint64 { return (x - lowBits) &^ x & highBits }

// findFar returns the index of the first byte a or b at or after src[k],
// or -1: fast's search beyond the first 32 bytes, where a call to
// strings.IndexByte is cheaper than words one at a time.
func findFar(src string, k int, a, b byte) int {
	j := strings.IndexByte(src[k:], a)
	if a != b {
		lim := len(src) - k
		if j >= 0 {
			lim = j
		}
		if i := strings.IndexByte(src[k:k+lim], b); i >= 0 {
			j = i
		}
	}
	if j < 0 {
		return -1
	}
	return k + j
}

// char returns the byte at offset p of the body at at, without a bounds
// check: fast calls it only where the condition beside the call, or the one
// that guards the loop, has shown p to lie within the body.
func char(at unsafe.Pointer, p int) byte { return *(*byte)(unsafe.Add(at, p)) }

// word is elem.Word, the little-endian word at offset p of the body at at.
func word(at unsafe.Pointer, p int) uint64 { return elem.Word(at, p) }

// hasValue reports whether o has a value yet, so that white space that
// follows may prove interior.
func (r *Reader) hasValue(t *elem.Table, o *open) bool {
	return o.built || t.Elems[o.idx].Value.Len > 0
}

// text adds a run of plain character data, raw at offset off, to o. White
// space at the start and end of a value is dropped when it lies outside
// CDATA: leading white space is skipped while the value is still empty,
// trailing white space waits until more data shows it was interior.
func (r *Reader) text(t *elem.Table, o *open, raw string, off int) error {
	v, span := raw, elem.SrcSpan(off, off+len(raw))
	if strings.IndexByte(raw, '&') >= 0 {
		start := len(t.Buf)
		var err error
		if t.Buf, err = r.decodeEntities(t.Buf, raw, off); err != nil {
			return err
		}
		span = t.BufSpan(start)
		v = t.Str(span)
	}
	if !r.hasValue(t, o) {
		lead := len(v) - len(trimLeftSpace(v))
		v = v[lead:]
		if v == "" {
			return nil
		}
		body := trimRightSpace(v)
		span.Off += uint32(lead)
		span.Len = uint32(len(body))
		t.Elems[o.idx].Value = span // the usual lone piece: a span, no copy
		o.pend = v[len(body):]
		return nil
	}
	body := trimRightSpace(v)
	if body == "" {
		r.space(t, o, v)
		return nil
	}
	r.build(t, o)
	o.buf = append(o.buf, body...)
	o.n = len(o.buf)
	o.buf = append(o.buf, v[len(body):]...)
	return nil
}

// space keeps white space that follows o's value until more data shows
// whether it is interior.
func (r *Reader) space(t *elem.Table, o *open, ws string) {
	if !o.built && o.pend == "" {
		o.pend = ws
		return
	}
	r.build(t, o)
	o.buf = append(o.buf, ws...)
}

// cdata adds the content of a CDATA section, src[start:end], exactly as
// written.
func (r *Reader) cdata(t *elem.Table, o *open, start, end int) {
	if !r.hasValue(t, o) && o.pend == "" {
		t.Elems[o.idx].Value = elem.SrcSpan(start, end) // the usual lone section: a span, no copy
		return
	}
	r.build(t, o)
	o.buf = append(o.buf, t.Src[start:end]...)
	o.n = len(o.buf)
}

// build moves o's value and pending white space into o.buf, where the
// pieces from the second on are joined.
func (r *Reader) build(t *elem.Table, o *open) {
	if o.built {
		return
	}
	v := &t.Elems[o.idx].Value
	o.buf = append(append(o.buf[:0], t.Str(*v)...), o.pend...)
	o.n = len(o.buf) - len(o.pend)
	*v, o.pend, o.built = elem.Span{}, "", true
}

// close ends o: a value built from pieces moves into the table's buffer.
func (r *Reader) close(t *elem.Table, o *open) {
	if o.built {
		start := len(t.Buf)
		t.Buf = append(t.Buf, o.buf[:o.n]...)
		t.Elems[o.idx].Value = t.BufSpan(start)
		o.built = false
	}
	o.pend = ""
}

// bang handles the markup that starts with "<!" other than CDATA inside an
// element: comments, a DOCTYPE and misplaced CDATA.
func (r *Reader) bang(t *elem.Table, src string, i, depth int) (int, error) {
	switch {
	case strings.HasPrefix(src[i:], "<![CDATA["):
		return 0, r.fail(i, "CDATA outside the root element")
	case strings.HasPrefix(src[i:], "<!--"):
		k := strings.Index(src[i+4:], "-->")
		if k < 0 {
			return 0, r.fail(i, "unterminated comment")
		}
		return i + 4 + k + 3, nil
	case strings.HasPrefix(src[i:], "<!DOCTYPE"):
		if depth > 0 || t.Len() > 0 {
			return 0, r.fail(i, "DOCTYPE inside the document")
		}
		return r.skipDoctype(src, i)
	}
	return 0, r.fail(i, "malformed markup after '<!'")
}

// skipDoctype steps over a document type declaration without interpreting it:
// nothing it declares is defined, so no entity it names is ever expanded.
// Quoted strings and the internal subset are skipped as opaque text.
func (r *Reader) skipDoctype(src string, i int) (int, error) {
	depth := 0
	for p := i + 2; p < len(src); p++ {
		switch c := src[p]; c {
		case '"', '\'':
			k := strings.IndexByte(src[p+1:], c)
			if k < 0 {
				return 0, r.fail(p, "unterminated quoted string in DOCTYPE")
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
	return 0, r.fail(i, "unterminated DOCTYPE")
}

// startTag reads "<name attr='v' ...>" or "<name .../>" starting at
// src[i]=='<' and returns the length of the name. Attributes are checked for
// form and skipped.
func (r *Reader) startTag(src string, i int) (name, end int, empty bool, err error) {
	p, err := r.scanName(src, i+1)
	if err != nil {
		return 0, 0, false, err
	}
	name = p - i - 1
	for {
		sp := p
		for p < len(src) && isSpace(src[p]) {
			p++
		}
		if p >= len(src) {
			return 0, 0, false, r.fail(i, "unexpected end of input in start tag <"+src[i+1:i+1+name]+">")
		}
		switch src[p] {
		case '>':
			return name, p + 1, false, nil
		case '/':
			if p+1 < len(src) && src[p+1] == '>' {
				return name, p + 2, true, nil
			}
			return 0, 0, false, r.fail(p, "expected '>' after '/' in start tag")
		}
		if sp == p {
			return 0, 0, false, r.fail(p, "expected white space before an attribute")
		}
		if p, err = r.skipAttr(src, p); err != nil {
			return 0, 0, false, err
		}
	}
}

// skipAttr steps over name="value" or name='value' at src[p].
func (r *Reader) skipAttr(src string, p int) (int, error) {
	q, err := r.scanName(src, p)
	if err != nil {
		return 0, err
	}
	for q < len(src) && isSpace(src[q]) {
		q++
	}
	if q >= len(src) || src[q] != '=' {
		return 0, r.fail(q, "expected '=' after attribute name")
	}
	q++
	for q < len(src) && isSpace(src[q]) {
		q++
	}
	if q >= len(src) || (src[q] != '"' && src[q] != '\'') {
		return 0, r.fail(q, "expected a quoted attribute value")
	}
	k := strings.IndexByte(src[q+1:], src[q])
	if k < 0 {
		return 0, r.fail(q, "unterminated attribute value")
	}
	if strings.IndexByte(src[q+1:q+1+k], '<') >= 0 {
		return 0, r.fail(q, "'<' in attribute value")
	}
	return q + 1 + k + 1, nil
}

// endTag reads "</name>" at src[i], with optional white space before its
// '>', and checks that it closes want.
func (r *Reader) endTag(src string, i int, want string) (int, error) {
	p, err := r.scanName(src, i+2)
	if err != nil {
		return 0, err
	}
	if src[i+2:p] != want {
		return 0, r.fail(i, "element <"+want+"> closed by </"+src[i+2:p]+">")
	}
	for p < len(src) && isSpace(src[p]) {
		p++
	}
	if p >= len(src) || src[p] != '>' {
		return 0, r.fail(p, "expected '>' to end </"+want+">")
	}
	return p + 1, nil
}

// scanName returns the end of the XML name starting at src[p].
func (r *Reader) scanName(src string, p int) (int, error) {
	start := p
	end := min(len(src), start+elem.MaxNameLen+1) // one byte more than allowed shows a name too long
	for p < end && nameByte[src[p]] != 0 {
		p++
	}
	if p-start > elem.MaxNameLen {
		return 0, r.fail(start, "name too long")
	}
	if p < len(src) {
		if c := src[p]; !isSpace(c) && c != '>' && c != '/' && c != '=' {
			return 0, r.fail(p, "invalid character in name")
		}
	}
	if p == start {
		if p >= len(src) {
			return 0, r.fail(p, "unexpected end of input: expected a name")
		}
		return 0, r.fail(p, "expected a name")
	}
	if nameByte[src[start]]&nameStart == 0 {
		return 0, r.fail(start, "name starts with an invalid character")
	}
	return p, nil
}

// decodeEntities appends raw, which starts at offset off of the body, to
// dst with the five predefined entities and numeric character references
// replaced. Any other reference is a syntax error: nothing is ever looked up
// in a DTD. The text between references is copied in runs.
func (r *Reader) decodeEntities(dst []byte, raw string, off int) ([]byte, error) {
	for i := 0; i < len(raw); {
		a := strings.IndexByte(raw[i:], '&')
		if a < 0 {
			return append(dst, raw[i:]...), nil
		}
		dst = append(dst, raw[i:i+a]...)
		i += a
		k := strings.IndexByte(raw[i:], ';')
		if k < 0 || k > maxRefLen {
			return dst, r.fail(off+i, "malformed character or entity reference")
		}
		switch ref := raw[i+1 : i+k]; ref {
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "amp":
			dst = append(dst, '&')
		case "apos":
			dst = append(dst, '\'')
		case "quot":
			dst = append(dst, '"')
		default:
			c, ok := charRef(ref)
			if !ok {
				return dst, r.fail(off+i, "undefined or invalid reference &"+ref+";")
			}
			dst = utf8.AppendRune(dst, c)
		}
		i += k + 1
	}
	return dst, nil
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
