// Package jsonread reads one JSON object into a flat list of elements, the
// shape the XML scanner produces: each key is an element named by the key, a
// nested object is an element whose members are its children, and an array
// is the same element repeated once per item. Numbers are kept as the text
// they were written in, so that a 19-digit ID survives.
//
// The reader is a small state machine over bytes, in the manner of the
// scanner of encoding/json. It is strict about structure and tolerant about
// text: control characters and invalid UTF-8 inside strings are kept as they
// are, as the XML scanner keeps them in text.
package jsonread

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// Kind says what JSON value an element holds.
type Kind uint8

// The kinds of element. A null is no element at all.
const (
	Object Kind = iota // members are the children; Value is empty
	String             // Value is the decoded string
	Number             // Value is the number as written
	Bool               // Value is "true" or "false"

	// Only when Reader.Members is set:
	Array // the items are the children, with no name
	Null  // a null
)

// Elem is one element. Elements are stored in document order, so a parent
// always precedes its children; the root object is element 0, with no name
// and Parent -1.
type Elem struct {
	Name   string
	Value  string
	Parent int32
	Kind   Kind
}

// Limits bound the work a body can cause. A body beyond one is an error.
type Limits struct {
	Depth    int // objects and arrays open at once
	Elements int // elements in all
	NameLen  int // bytes in one key, as written
}

// Error is malformed JSON, or a body beyond the limits.
type Error struct {
	Offset int    // byte offset in the input where the problem was found
	Msg    string // what is wrong there
}

func (e *Error) Error() string { return "offset " + strconv.Itoa(e.Offset) + ": " + e.Msg }

func fail(off int, msg string) *Error { return &Error{Offset: off, Msg: msg} }

// frame is an open object or array. The items of an array are elements named
// after the array's key, children of the element that holds the array.
type frame struct {
	name   string // for an array: the name its items take
	parent int32  // for an object: its own element; for an array: its items' parent
	array  bool
}

// Reader holds the buffers of one read at a time, for reuse across reads.
// It is not safe for concurrent use.
type Reader struct {
	// Members makes every member one element, an array or a null too, so
	// that a strict reader can see each key exactly as often as it was
	// written and what kind of value it holds.
	Members bool

	Elems []Elem
	stack []frame
	buf   []byte // a string with escapes, while it is decoded
}

// Read reads src, which must hold one JSON object after an optional UTF-8
// byte order mark and white space, into r.Elems. Names and values that need
// no decoding are substrings of src; the others are strings of their own.
func (r *Reader) Read(src string, lim Limits) error {
	r.Elems = r.Elems[:0]
	r.stack = r.stack[:0]
	i := 0
	if len(src) >= 3 && src[0] == 0xef && src[1] == 0xbb && src[2] == 0xbf {
		i = 3
	}
	i = skipSpace(src, i)
	if i == len(src) {
		return fail(i, "no JSON object")
	}
	if src[i] != '{' {
		return fail(i, "the top-level value is not an object")
	}
	r.Elems = append(r.Elems, Elem{Parent: -1, Kind: Object})
	r.stack = append(r.stack, frame{parent: 0})
	i++
	// The state between tokens: what the byte after white space may be.
	const (
		objectStart = iota // after '{': a key or '}'
		objectKey          // after ',' in an object: a key
		arrayStart         // after '[': a value or ']'
		arrayValue         // after ',' in an array: a value
		afterValue         // after a value: ',' or the closing bracket
	)
	state := objectStart
	var name string // the key of the value that comes next, in an object
	for {
		i = skipSpace(src, i)
		if i == len(src) {
			return fail(i, "unexpected end of input")
		}
		c := src[i]
		top := &r.stack[len(r.stack)-1]
		switch state {
		case objectStart, objectKey:
			if c == '}' && state == objectStart {
				i++
				if r.pop() {
					return r.end(src, i)
				}
				state = afterValue
				continue
			}
			if c != '"' {
				if c == '}' {
					return fail(i, "trailing comma before '}'")
				}
				return fail(i, "expected a string key")
			}
			start := i
			var err *Error
			name, i, err = r.str(src, i)
			if err != nil {
				return err
			}
			if i-start-2 > lim.NameLen {
				return fail(start, "key too long")
			}
			i = skipSpace(src, i)
			if i == len(src) {
				return fail(i, "unexpected end of input")
			}
			if src[i] != ':' {
				return fail(i, "expected ':' after a key")
			}
			i = skipSpace(src, i+1)
			if i == len(src) {
				return fail(i, "unexpected end of input")
			}
			c = src[i]
		case arrayStart, arrayValue:
			if c == ']' {
				if state == arrayValue {
					return fail(i, "trailing comma before ']'")
				}
				i++
				r.pop()
				state = afterValue
				continue
			}
			name = top.name
		case afterValue:
			switch {
			case c == ',':
				i++
				state = objectKey
				if top.array {
					state = arrayValue
				}
			case c == '}' && !top.array, c == ']' && top.array:
				i++
				if r.pop() {
					return r.end(src, i)
				}
			default:
				if top.array {
					return fail(i, "expected ',' or ']' after an array item")
				}
				return fail(i, "expected ',' or '}' after an object member")
			}
			continue
		}
		// A value, named name, the child of the element the open frame says.
		parent := top.parent
		if c == '{' || c == '[' {
			if len(r.stack) >= lim.Depth {
				return fail(i, "objects and arrays nested too deeply")
			}
			if c == '[' {
				if r.Members {
					if len(r.Elems) >= lim.Elements {
						return fail(i, "too many elements")
					}
					r.Elems = append(r.Elems, Elem{Name: name, Parent: parent, Kind: Array})
					name, parent = "", int32(len(r.Elems)-1)
				}
				r.stack = append(r.stack, frame{name: name, parent: parent, array: true})
				state = arrayStart
				i++
				continue
			}
			if len(r.Elems) >= lim.Elements {
				return fail(i, "too many elements")
			}
			r.Elems = append(r.Elems, Elem{Name: name, Parent: parent, Kind: Object})
			r.stack = append(r.stack, frame{parent: int32(len(r.Elems) - 1)})
			state = objectStart
			i++
			continue
		}
		var v string
		var k Kind
		switch {
		case c == '"':
			var err *Error
			if v, i, err = r.str(src, i); err != nil {
				return err
			}
			k = String
		case c == '-' || '0' <= c && c <= '9':
			end, err := number(src, i)
			if err != nil {
				return err
			}
			v, k, i = src[i:end], Number, end
		case c == 't' && hasAt(src, i, "true"):
			v, k, i = src[i:i+4], Bool, i+4
		case c == 'f' && hasAt(src, i, "false"):
			v, k, i = src[i:i+5], Bool, i+5
		case c == 'n' && hasAt(src, i, "null"):
			if !r.Members {
				i += 4
				state = afterValue
				continue // null is no element
			}
			v, k, i = "", Null, i+4
		default:
			return fail(i, "expected a value")
		}
		if len(r.Elems) >= lim.Elements {
			return fail(i, "too many elements")
		}
		r.Elems = append(r.Elems, Elem{Name: name, Value: v, Parent: parent, Kind: k})
		state = afterValue
	}
}

// pop closes the innermost object or array and reports whether it was the
// top-level object.
func (r *Reader) pop() bool {
	r.stack = r.stack[:len(r.stack)-1]
	return len(r.stack) == 0
}

// end checks that only white space follows the top-level object.
func (r *Reader) end(src string, i int) error {
	if i = skipSpace(src, i); i < len(src) {
		return fail(i, "data after the top-level object")
	}
	return nil
}

func hasAt(src string, i int, lit string) bool {
	return len(src)-i >= len(lit) && src[i:i+len(lit)] == lit
}

func skipSpace(src string, i int) int {
	for i < len(src) && space[src[i]] {
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

// str reads the string whose opening quote is at src[i] and returns its
// value and the offset after the closing quote.
func (r *Reader) str(src string, i int) (string, int, *Error) {
	start := i + 1
	j := start
	for j < len(src) && plain[src[j]] {
		j++
	}
	if j == len(src) {
		return "", j, fail(i, "unterminated string")
	}
	if src[j] == '"' {
		return src[start:j], j + 1, nil
	}
	// Escapes: decode the rest into buf.
	b := append(r.buf[:0], src[start:j]...)
	for {
		if j == len(src) {
			r.buf = b[:0]
			return "", j, fail(i, "unterminated string")
		}
		c := src[j]
		if c == '"' {
			break
		}
		if c != '\\' {
			k := j
			for k < len(src) && plain[src[k]] {
				k++
			}
			b = append(b, src[j:k]...)
			j = k
			continue
		}
		if j+1 == len(src) {
			r.buf = b[:0]
			return "", j, fail(i, "unterminated string")
		}
		switch e := src[j+1]; e {
		case '"', '\\', '/':
			b = append(b, e)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			u, ok := hex4(src, j+2)
			if !ok {
				r.buf = b[:0]
				return "", j, fail(j, "malformed \\u escape")
			}
			j += 6
			rn := rune(u)
			if utf16.IsSurrogate(rn) {
				// A high surrogate followed by an escaped low one is one
				// character; any other surrogate is U+FFFD, as in encoding/json.
				if lo, ok := hex4(src, j+2); ok && hasAt(src, j, `\u`) {
					if d := utf16.DecodeRune(rn, rune(lo)); d != utf8.RuneError {
						rn = d
						j += 6
					} else {
						rn = utf8.RuneError
					}
				} else {
					rn = utf8.RuneError
				}
			}
			b = utf8.AppendRune(b, rn)
			continue
		default:
			r.buf = b[:0]
			return "", j, fail(j, "unknown escape")
		}
		j += 2
	}
	v := string(b)
	r.buf = b[:0]
	return v, j + 1, nil
}

// hex4 reads four hex digits at src[i:].
func hex4(src string, i int) (uint16, bool) {
	if len(src)-i < 4 {
		return 0, false
	}
	var v uint16
	for _, c := range []byte(src[i : i+4]) {
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
