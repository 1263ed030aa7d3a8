// Package jsonread reads one JSON object into an element table (package
// elem), the form the XML reader produces too: each key is an element named
// by the key, a nested object is an element whose members are its children,
// and an array is its key repeated once per item. Numbers are kept as the
// text they were written in, so that a 19-digit ID survives.
//
// The reader is a small state machine over bytes, in the manner of the
// scanner of encoding/json; the usual members of an object, a plain key and
// a plain scalar, it leaves to a loop that reads them a word at a time and
// hands everything else back, errors included. It is strict about structure
// and tolerant about text: control characters and invalid UTF-8 inside
// strings are kept as they are, as the XML reader keeps them in text. It
// allocates nothing but the growth of the table: names and values are spans
// of the body, or of the table's buffer for strings with escapes.
package jsonread

import (
	"math/bits"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/wechatevent/wechatevent/internal/elem"
)

// Error is malformed JSON, or a body beyond the limits of package elem.
type Error struct {
	Offset int    // byte offset in the body where the problem was found
	Msg    string // what is wrong there
}

func (e *Error) Error() string { return "offset " + strconv.Itoa(e.Offset) + ": " + e.Msg }

func fail(off int, msg string) *Error { return &Error{Offset: off, Msg: msg} }

// Kind says what JSON value a member holds; see ReadMembers.
type Kind uint8

// The kinds of member.
const (
	Object Kind = iota
	Array
	String
	Number
	Bool
	Null
)

// Read resets t for src and reads src, which must hold one JSON object after
// an optional UTF-8 byte order mark and white space, into it. On an error t
// holds what was read before it and must not be used.
func Read(t *elem.Table, src string) error {
	r := reader{t: t}
	return r.read(src)
}

// ReadMembers reads src like Read, but into a table where every member is
// exactly one element, whatever its value: an array is an element whose items
// are its children (with empty names), and a null is an element too. kinds
// receives the kind of each element, index for index. A strict reader, such
// as that of the security-mode envelope, sees so each key as often as it was
// written and what it holds.
func ReadMembers(t *elem.Table, src string, kinds *[]Kind) error {
	*kinds = (*kinds)[:0]
	r := reader{t: t, kinds: kinds}
	return r.read(src)
}

type reader struct {
	t       *elem.Table
	kinds   *[]Kind // nil unless every member is to be an element (ReadMembers)
	general bool    // read every member by the state machine alone, for the tests
}

// add appends an element, checking the element limit at offset off.
func (r *reader) add(off int, name elem.Span, value elem.Span, parent int32, k Kind) (int32, *Error) {
	if len(r.t.Elems) >= elem.MaxElements {
		return 0, fail(off, "too many elements")
	}
	if r.kinds != nil {
		*r.kinds = append(*r.kinds, k)
	}
	return r.t.AddKeyed(name, 0, value, parent, keyOf(r.t, name)), nil
}

// keyOf returns the key of a name, as elem.KeyOf makes it, from words of the
// body where the name is a span of it with room for them: a name in the body
// is followed by its closing quote, a colon and a value, so all but the last
// few bytes of a body have room.
func keyOf(t *elem.Table, name elem.Span) elem.Key {
	off, n := int(name.Off), int(name.Len)
	if name.InBuf() || off+max(n, 8) > len(t.Src) {
		return elem.KeyOf(t.Str(name))
	}
	return elem.KeyAt(unsafe.Pointer(unsafe.StringData(t.Src)), off, n)
}

// read is the state machine. Each label is a state, named after what may
// come next; a goto is a transition. Keeping the states as places in one
// function, rather than as values switched on, lets a member run straight
// through. The usual members of an object are read by members, a loop of
// its own; the machine reads the rest, and every error is its own.
//
// The open objects and arrays need no stack of records: the innermost one is
// cur, the parent of its members or items, and for an array curName, the
// name its items take; arrays says which of the open ones are arrays, one bit
// each, the innermost lowest. When an object closes, or in ReadMembers an
// array, the one around it is found from its element: the parent of its
// members is the element's parent, and the name its items take is the
// element's name (an item of an array is named after the array). An array
// of Read is no element and changes neither.
func (r *reader) read(src string) error {
	t := r.t
	t.Reset(src)
	n := len(src)
	i := 0
	if n >= 3 && src[0] == 0xef && src[1] == 0xbb && src[2] == 0xbf {
		i = 3
	}
	i = skipSpace(src, i)
	if i == n {
		return fail(i, "no JSON object")
	}
	if src[i] != '{' {
		return fail(i, "the top-level value is not an object")
	}
	// The root, with an empty name, whose key is the zero Key.
	t.Elems = append(t.Elems, elem.Elem{Parent: -1})
	if r.kinds != nil {
		*r.kinds = append(*r.kinds, Object)
	}
	i++
	var (
		cur     int32     // the parent of the members or items of the innermost open one
		curName elem.Span // for an array: the name its items take
		depth   = 1       // objects and arrays open
		arrays  uint64    // bit k: the open one k levels out from the innermost is an array
		name    elem.Span // the name of the value that comes next
		parent  int32     // the parent of the value that comes next
		err     *Error
	)

objectStart: // after '{': a key or '}'
	if i = skipSpace(src, i); i < n && src[i] == '}' {
		i++
		goto closed
	}

key: // a key, after '{' or ','
	if i == n {
		return fail(i, "unexpected end of input")
	}
	if src[i] != '"' {
		if src[i] == '}' {
			return fail(i, "trailing comma before '}'")
		}
		return fail(i, "expected a string key")
	}
	if !r.general && r.kinds == nil {
		var atKey bool
		if i, atKey = members(t, src, i, cur); !atKey {
			goto after
		}
	}
	if j := plainEnd(src, i+1); j < n && src[j] == '"' {
		name, i = elem.SrcSpan(i+1, j), j+1 // the usual key: str's first rule, without the call
	} else {
		start := i
		if name, i, err = r.str(src, i); err != nil {
			return err
		}
		if i-start-2 > elem.MaxNameLen {
			return fail(start, "key too long")
		}
	}
	if name.Len > elem.MaxNameLen {
		return fail(int(name.Off)-1, "key too long")
	}
	if i = skipSpace(src, i); i == n {
		return fail(i, "unexpected end of input")
	}
	if src[i] != ':' {
		return fail(i, "expected ':' after a key")
	}
	i = skipSpace(src, i+1)
	parent = cur

value: // a value named name, the child of parent
	if i == n {
		return fail(i, "unexpected end of input")
	}
	switch c := src[i]; {
	case c == '"':
		var v elem.Span
		start := i
		if j := plainEnd(src, i+1); j < n && src[j] == '"' {
			v, i = elem.SrcSpan(i+1, j), j+1 // the usual string: str's first rule, without the call
		} else if v, i, err = r.str(src, i); err != nil {
			return err
		}
		if _, err = r.add(start, name, v, parent, String); err != nil {
			return err
		}
	case c == '-' || '0' <= c && c <= '9':
		start := i
		if i, err = number(src, i); err != nil {
			return err
		}
		if _, err = r.add(start, name, elem.SrcSpan(start, i), parent, Number); err != nil {
			return err
		}
	case c == 't' && hasAt(src, i, "true"), c == 'f' && hasAt(src, i, "false"):
		k := 4
		if c == 'f' {
			k = 5
		}
		if _, err = r.add(i, name, elem.SrcSpan(i, i+k), parent, Bool); err != nil {
			return err
		}
		i += k
	case c == 'n' && hasAt(src, i, "null"):
		if r.kinds != nil {
			if _, err = r.add(i, name, elem.Span{}, parent, Null); err != nil {
				return err
			}
		}
		i += 4 // otherwise null is no element
	case c == '{':
		if depth >= elem.MaxDepth {
			return fail(i, "objects and arrays nested too deeply")
		}
		at, err := r.add(i, name, elem.Span{}, parent, Object)
		if err != nil {
			return err
		}
		depth, arrays, cur = depth+1, arrays<<1, at
		i++
		goto objectStart
	case c == '[':
		if depth >= elem.MaxDepth {
			return fail(i, "objects and arrays nested too deeply")
		}
		cur, curName = parent, name
		if r.kinds != nil {
			at, err := r.add(i, name, elem.Span{}, parent, Array)
			if err != nil {
				return err
			}
			cur, curName = at, elem.Span{}
		}
		depth, arrays = depth+1, arrays<<1|1
		i++
		goto arrayStart
	default:
		return fail(i, "expected a value")
	}

after: // after a value: ',' or the bracket that closes the innermost open one
	if i = skipSpace(src, i); i == n {
		return fail(i, "unexpected end of input")
	}
	switch c, array := src[i], arrays&1 != 0; {
	case c == ',' && !array:
		i = skipSpace(src, i+1)
		goto key
	case c == ',':
		if i = skipSpace(src, i+1); i < n && src[i] == ']' {
			return fail(i, "trailing comma before ']'")
		}
		name, parent = curName, cur
		goto value
	case c == '}' && !array, c == ']' && array:
		i++
		goto closed
	case array:
		return fail(i, "expected ',' or ']' after an array item")
	default:
		return fail(i, "expected ',' or '}' after an object member")
	}

arrayStart: // after '[': a value or ']'
	if i = skipSpace(src, i); i < n && src[i] == ']' {
		i++
		goto closed
	}
	name, parent = curName, cur
	goto value

closed: // an object or array has just closed
	if depth--; depth == 0 {
		return end(src, i)
	}
	if arrays&1 == 0 || r.kinds != nil {
		e := &t.Elems[cur]
		cur, curName = e.Parent, e.Name
	}
	arrays >>= 1
	goto after
}

// members reads the usual members of an object from src[i], the opening
// quote of a key, and adds their elements as children of parent. A usual
// member is a key without escapes, a colon, and a string without escapes, an
// integer without sign or leading zero, true, false or null; a comma and,
// most often, a line break and indentation lead to the next. members
// returns where the state machine goes on, as if it had read the members
// itself: the end of the last value it read, or, when it stopped at a
// member that is not usual, the opening quote of that member's key, with
// key true. Whatever members does not read (a nested object or array, the
// closing '}', other white space, a malformed member, a limit reached) the
// machine reads, so every error is the machine's. Only Read takes members:
// the elements of ReadMembers carry kinds, and envelopes are short.
//
// Nearly every byte of a callback is read here, so the loop reads the body a
// word at a time wherever the bounds were checked, and calls nothing on the
// usual path, so that what it holds stays in registers: a key's and a
// string's end is the first quote or backslash, found by special; an
// integer's end is the first byte nonDigits marks; the word at a key's
// closing quote holds the colon, the space after it and the value's first
// byte, and the word after a value the comma, the line break and the
// indentation before the next key. A key's first word lies in the body, so
// elem.KeyAt makes its key. FuzzMembers reads arbitrary bodies with and
// without this loop and requires identical tables and errors.
func members(t *elem.Table, src string, i int, parent int32) (next int, key bool) {
	last := len(src) - 8 // the last offset of a whole word of the body
	at := unsafe.Pointer(unsafe.StringData(src))
	// The elements members may add: the machine adds the one that grows
	// the table, or that is one too many.
	room := min(cap(t.Elems), elem.MaxElements)
	for {
		// The key, src[i+1:q], and in the word at q its closing quote, the
		// colon, perhaps one space, and c, the first byte of the value, at v.
		q := special(at, i+1, last)
		if q > last {
			return i, true
		}
		l := q - i - 1
		var v int
		var c byte
		switch w := elem.Word(at, q); {
		case w&0xffffff == '"'|':'<<8|' '<<16:
			v, c = q+3, byte(w>>24)
		case w&0xffff == '"'|':'<<8:
			v, c = q+2, byte(w>>16)
		default: // white space before the colon, or a backslash in the key
			return i, true
		}

		// The element goes into the slot after the table's last at once,
		// and is counted when its value proves usual; so the loop holds
		// only el while it reads the value.
		k := len(t.Elems)
		if uint(l-1) >= elem.MaxNameLen || k >= room {
			return i, true
		}
		el := &t.Elems[:k+1][k]
		el.Name = elem.Span{Off: uint32(i + 1), Len: uint32(l)}
		el.Parent = parent
		el.Local = 0
		el.Key = elem.KeyAt(at, i+1, l)

		// The value, ending before e.
		var e int
		switch {
		case c == '"':
			k := special(at, v+1, last)
			if k > last {
				for k < len(src) && plain[src[k]] {
					k++
				}
				if k == len(src) {
					return int(el.Name.Off) - 1, true
				}
			}
			if src[k] != '"' {
				return int(el.Name.Off) - 1, true // an escape
			}
			el.Value, e = elem.Span{Off: uint32(v + 1), Len: uint32(k - v - 1)}, k+1
		case '1' <= c && c <= '9':
			k := v + 1
			for ; k <= last; k += 8 {
				if m := nonDigits(elem.Word(at, k)); m != 0 {
					k += bits.TrailingZeros64(m) >> 3
					break
				}
			}
			for k < len(src) && '0' <= src[k] && src[k] <= '9' {
				k++
			}
			if k < len(src) && (src[k] == '.' || src[k]|0x20 == 'e') {
				return int(el.Name.Off) - 1, true // a fraction or an exponent
			}
			el.Value, e = elem.Span{Off: uint32(v), Len: uint32(k - v)}, k
		case c == 't' && hasAt(src, v, "true"):
			el.Value, e = elem.Span{Off: uint32(v), Len: 4}, v+4
		case c == 'f' && hasAt(src, v, "false"):
			el.Value, e = elem.Span{Off: uint32(v), Len: 5}, v+5
		case c == 'n' && hasAt(src, v, "null"):
			e = v + 4
		default: // an object, an array, a signed number, more white space, or an error
			return int(el.Name.Off) - 1, true
		}
		if c != 'n' { // a null is no element of Read
			t.Elems = t.Elems[:len(t.Elems)+1]
		}

		// The comma, and the white space before the next key: most often
		// a line break and indentation by spaces, which end in the word at
		// e, or one space, or none.
		if e > last {
			return e, false
		}
		w := elem.Word(at, e)
		switch uint16(w) {
		case ',' | '\n'<<8:
			// x: the bytes after the line break, zero for each space.
			if x := (w ^ lsb*' ') >> 16; x != 0 {
				if s := bits.TrailingZeros64(x) &^ 7; byte(x>>s) == '"'^' ' {
					i = e + 2 + s>>3
					continue
				}
			}
		case ',' | '"'<<8:
			i = e + 1
			continue
		case ',' | ' '<<8:
			if byte(w>>16) == '"' {
				i = e + 2
				continue
			}
		}
		return e, false
	}
}

// special returns the index of the first quote or backslash at or after
// src[j], looking a word at a time at the words that start at or before
// last, the last offset of a whole word of src; when none holds one, it
// returns the offset after them, beyond last.
func special(at unsafe.Pointer, j, last int) int {
	for ; j <= last; j += 8 {
		if m := special8(elem.Word(at, j)); m != 0 {
			return j + bits.TrailingZeros64(m)>>3
		}
	}
	return j
}

// end checks that only white space follows the top-level object.
func end(src string, i int) error {
	if i = skipSpace(src, i); i < len(src) {
		return fail(i, "data after the top-level object")
	}
	return nil
}

func hasAt(src string, i int, lit string) bool {
	return len(src)-i >= len(lit) && src[i:i+len(lit)] == lit
}

// skipSpace returns the end of the white space at src[i:]. Most calls find
// none, and return at once.
func skipSpace(src string, i int) int {
	if i < len(src) && src[i] > ' ' {
		return i
	}
	return skipSpaces(src, i)
}

// skipSpaces is skipSpace past its first byte. Indentation comes in runs of
// spaces, which it steps over four at a time.
func skipSpaces(src string, i int) int {
	for i < len(src) && src[i] <= ' ' {
		if i+4 <= len(src) && src[i:i+4] == "    " {
			i += 4
			continue
		}
		if !space[src[i]] {
			break
		}
		i++
	}
	return i
}

var space = [256]bool{' ': true, '\t': true, '\n': true, '\r': true}

// plain marks the bytes a string holds as they are: all but the quote and
// the backslash.
var plain = func() (t [256]bool) {
	for c := range t {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// str reads the string whose opening quote is at src[i] and returns its span
// and the offset after the closing quote. A string without escapes is a span
// of src; the others are decoded into the table's buffer.
func (r *reader) str(src string, i int) (elem.Span, int, *Error) {
	j := plainEnd(src, i+1)
	for j < len(src) && plain[src[j]] {
		j++
	}
	if j == len(src) {
		return elem.Span{}, j, fail(i, "unterminated string")
	}
	if src[j] == '"' {
		return elem.SrcSpan(i+1, j), j + 1, nil
	}
	return r.escaped(src, i, j)
}

// escaped is str for a string whose first quote or backslash, at src[j], is
// a backslash: it decodes the string into the table's buffer.
func (r *reader) escaped(src string, i, j int) (elem.Span, int, *Error) {
	t := r.t
	at := len(t.Buf)
	t.Buf = append(t.Buf, src[i+1:j]...)
	for {
		if j == len(src) {
			return elem.Span{}, j, fail(i, "unterminated string")
		}
		c := src[j]
		if c == '"' {
			return t.BufSpan(at), j + 1, nil
		}
		if c != '\\' {
			k := plainEnd(src, j+1)
			for k < len(src) && plain[src[k]] {
				k++
			}
			t.Buf = append(t.Buf, src[j:k]...)
			j = k
			continue
		}
		if j+1 == len(src) {
			return elem.Span{}, j, fail(i, "unterminated string")
		}
		switch e := src[j+1]; e {
		case '"', '\\', '/':
			t.Buf = append(t.Buf, e)
		case 'b':
			t.Buf = append(t.Buf, '\b')
		case 'f':
			t.Buf = append(t.Buf, '\f')
		case 'n':
			t.Buf = append(t.Buf, '\n')
		case 'r':
			t.Buf = append(t.Buf, '\r')
		case 't':
			t.Buf = append(t.Buf, '\t')
		case 'u':
			u, ok := hex4(src, j+2)
			if !ok {
				return elem.Span{}, j, fail(j, "malformed \\u escape")
			}
			j += 6
			rn := rune(u)
			if utf16.IsSurrogate(rn) {
				// A high surrogate followed by an escaped low one is one
				// character; any other surrogate is U+FFFD, as in encoding/json.
				rn = utf8.RuneError
				if lo, ok := hex4(src, j+2); ok && hasAt(src, j, `\u`) {
					if d := utf16.DecodeRune(rune(u), rune(lo)); d != utf8.RuneError {
						rn = d
						j += 6
					}
				}
			}
			t.Buf = utf8.AppendRune(t.Buf, rn)
			continue
		default:
			return elem.Span{}, j, fail(j, "unknown escape")
		}
		j += 2
	}
}

// plainEnd returns the index of the first quote or backslash at or after
// src[j], looking eight bytes at a time, or, when fewer than eight bytes are
// left before finding one, the index where it stopped looking: str's first
// rule, special over the whole of src, small enough for the compiler to
// write into the caller.
func plainEnd(src string, j int) int {
	return special(unsafe.Pointer(unsafe.StringData(src)), j, len(src)-8)
}

const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// nonDigits marks, in the high bit of each byte, the bytes of x that are not
// ASCII digits; every mark is exact.
func nonDigits(x uint64) uint64 {
	y := x ^ (lsb * '0') // a digit becomes 0 to 9; any other byte does not
	return ((y &^ msb) + lsb*(0x80-10) | y) & msb
}

// special8 marks, in the high bit of each byte, the bytes of x that are a
// quote or a backslash; the lowest mark is exact, marks above it may not be.
func special8(x uint64) uint64 {
	// Each term is the zero-byte test (y-lsb)&^y&msb of x xor a quote and
	// of x xor a backslash; as the two xors differ in the low seven bits
	// only, the &^ of either clears the same high bits, and is taken once.
	q := x ^ (lsb * '"')
	b := x ^ (lsb * '\\')
	return ((q - lsb) | (b - lsb)) &^ q & msb
}

// hex4 reads four hex digits at src[i:].
func hex4(src string, i int) (uint16, bool) {
	if i < 0 || len(src)-i < 4 {
		return 0, false
	}
	var v uint16
	for k := i; k < i+4; k++ {
		c := src[k]
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		v = v<<4 | uint16(c)
	}
	return v, true
}

// number returns the end of the number that starts at src[i], by the JSON
// grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func number(src string, i int) (int, *Error) {
	start := i
	if src[i] == '-' {
		i++
	}
	switch {
	case i < len(src) && src[i] == '0':
		i++
	case i < len(src) && '1' <= src[i] && src[i] <= '9':
		i = digits(src, i)
	default:
		return i, fail(start, "malformed number")
	}
	if i < len(src) && src[i] == '.' {
		j := digits(src, i+1)
		if j == i+1 {
			return j, fail(start, "malformed number")
		}
		i = j
	}
	if i < len(src) && (src[i] == 'e' || src[i] == 'E') {
		i++
		if i < len(src) && (src[i] == '+' || src[i] == '-') {
			i++
		}
		j := digits(src, i)
		if j == i {
			return j, fail(start, "malformed number")
		}
		i = j
	}
	return i, nil
}

func digits(src string, i int) int {
	for i < len(src) && '0' <= src[i] && src[i] <= '9' {
		i++
	}
	return i
}
