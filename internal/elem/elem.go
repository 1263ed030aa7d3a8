// Package elem defines the element table: the one form in which a reader
// hands a callback body to the binder. The XML reader and the JSON reader
// each turn a body into a Table; the binder fills registered structs from a
// Table and never learns which syntax it came from.
//
// # Shape
//
// A Table lists the elements of one body in document order of their start
// (an XML start tag, a JSON key), so a parent always precedes its children
// and the children of one element appear in the order they were written.
// Element 0 is the root: the XML document element (<xml>), or the JSON
// top-level object, which has an empty name. Its Parent is -1; every other
// element's Parent is the index of its parent, always smaller than its own.
//
// An element has a name and a value, both given as a Span: an offset and a
// length into the body (Src) or, for text that is not a substring of the
// body, into the table's value buffer (Buf). The records hold no pointers,
// so a table costs the garbage collector nothing per element, needs no
// clearing when it is reused, and is cheap to pool however large it grew.
//
// # What a reader produces
//
// XML: one element per start tag (an empty-element tag <a/> too). Name is the
// name as written, namespace prefix included; Local says where the local part
// starts (after "prefix:"), as encoding/xml matches struct tags against local
// names. Value is the element's own character data, its pieces joined in
// order (text around comments and children, several CDATA sections): CDATA
// content exactly as written; plain text with the five predefined entities
// and numeric character references decoded, and white space at either end
// of the value dropped when it lies outside CDATA. Attributes, comments and
// processing instructions leave no trace.
//
// JSON: the top-level object is the root. Each key of an object is an
// element named by the key (decoded), child of the element holding the
// object. A nested object is an element whose members are its children and
// whose Value is empty. An array is its key repeated: one element per item,
// each named after the key and child of the array's parent. A JSON null is no
// element at all. Value is a string's decoded content, a number's text
// exactly as written (so a 19-digit ID survives), or "true"/"false". Local is
// always 0.
//
// # Who owns a value
//
// One rule, for every reader and every consumer: a Table borrows its body
// and owns its buffer. Src is the caller's body, never copied; it must not
// change while the table is in use. Every string the accessors return
// aliases Src or Buf and is valid only until the next Reset or Put. Whoever
// keeps a value beyond that copies it: the binder copies the values it
// stores into one arena per result (for a body of usual size, Src and Buf
// whole, in one copy; see Joined), so a parsed result never aliases the
// caller's body and a pooled table can be reused at once.
package elem

import (
	"math/bits"
	"sync"
	"unsafe"
)

// Limits that every reader enforces, so that a body is refused the same way
// whatever its syntax. Real callbacks nest fewer than ten levels, carry at
// most a few hundred elements and use short names.
const (
	MaxDepth    = 64      // elements open at once (for JSON: objects and arrays)
	MaxElements = 1 << 14 // elements in one table
	MaxNameLen  = 256     // bytes in one name, as written
)

// inBuf marks a Span that lies in Buf rather than in Src. Bodies are at most
// a few MiB, far below the 2 GiB the remaining 31 bits address.
const inBuf = 1 << 31

// Span locates a string of Len bytes at offset Off in the body or, when
// InBuf reports true, in the table's Buf. The zero Span is the empty string.
type Span struct {
	Off uint32 // offset; the top bit says the bytes lie in Buf
	Len uint32
}

// InBuf reports whether s lies in the table's Buf rather than in Src.
func (s Span) InBuf() bool { return s.Off&inBuf != 0 }

// Elem is one element. See the package documentation for what each field
// holds for XML and for JSON.
type Elem struct {
	Name   Span
	Value  Span
	Parent int32  // index of the parent element; -1 for the root
	Local  uint16 // offset of the local name within Name
	Key    Key    // KeyOf the local name, for consumers that match names
}

// Key is a fixed-size form of a name, so that a consumer matches names with
// a few compares of words it already holds instead of comparing strings:
// A is the name's first eight bytes and B its last eight (overlapping for
// names of 8 to 16 bytes); a name shorter than eight bytes has its bytes in
// A, zero-padded, and B zero. Two names of the same length up to 16 bytes
// are equal exactly when their keys are; longer names with equal keys and
// lengths must still be compared in full.
type Key struct{ A, B uint64 }

// KeyOf returns the key of name.
func KeyOf(name string) Key {
	n := len(name)
	if n >= 8 {
		return Key{A: le64(name, 0), B: le64(name, n-8)}
	}
	var a uint64
	for i := 0; i < n; i++ {
		a |= uint64(name[i]) << (8 * i)
	}
	return Key{A: a}
}

// KeyAt returns KeyOf the name of n bytes, n at least 1, at offset off of
// the memory at at, from its words, without a loop: the caller has checked
// that max(n, 8) bytes from off lie within that memory, as they do for a
// name followed by the rest of its tag or its quote and colon.
func KeyAt(at unsafe.Pointer, off, n int) Key {
	w := Word(at, off)
	if n < 8 {
		return Key{A: w & (1<<(8*(uint(n)&7)) - 1)} // n < 8; the &7 tells the compiler so
	}
	return Key{A: w, B: Word(at, off+n-8)}
}

// Word reads the 8 bytes at offset p of the memory at at as a
// little-endian word, without a bounds check: the caller has checked that
// p+8 lies within it. Go's 64-bit targets load unaligned words; the readers
// use it for the word-at-a-time scans of their hot loops.
func Word(at unsafe.Pointer, p int) uint64 {
	w := *(*uint64)(unsafe.Add(at, p))
	if bigEndian {
		w = bits.ReverseBytes64(w)
	}
	return w
}

func le64(s string, p int) uint64 {
	b := s[p : p+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// Table is the elements of one body. The zero value is an empty table over
// an empty body; Reset starts a new one. A Table is not safe for concurrent
// use.
type Table struct {
	Src   string // the body that spans without InBuf point into; borrowed
	Elems []Elem
	Buf   []byte // text that is not a substring of Src: decoded or joined values
}

// Reset empties t for a new body src, keeping its memory.
func (t *Table) Reset(src string) {
	t.Src = src
	t.Elems = t.Elems[:0]
	t.Buf = t.Buf[:0]
}

// Len returns the number of elements.
func (t *Table) Len() int { return len(t.Elems) }

// Str returns the string s locates, without copying it (see "Who owns a
// value"). A span that does not fit Src or Buf, which a correct reader never
// makes, returns "".
func (t *Table) Str(s Span) string {
	if off, end := uint(s.Off), uint(s.Off)+uint(s.Len); end <= uint(len(t.Src)) {
		return t.Src[off:end] // never a Buf span: its top bit puts it beyond any body
	}
	return t.bufStr(s)
}

// Joined returns where s starts in Src followed by Buf: the offset of its
// bytes in a copy of the two laid end to end, which a consumer that keeps
// many values may make once instead of copying each (see "Who owns a
// value").
func (t *Table) Joined(s Span) int {
	if s.Off&inBuf == 0 {
		return int(s.Off)
	}
	return len(t.Src) + int(s.Off&^inBuf)
}

func (t *Table) bufStr(s Span) string {
	off, n := uint64(s.Off&^inBuf), uint64(s.Len)
	if s.Off&inBuf == 0 || n == 0 || off+n > uint64(len(t.Buf)) {
		return ""
	}
	return unsafe.String(&t.Buf[off], int(n))
}

// Name returns the name of element i as written.
func (t *Table) Name(i int) string { return t.Str(t.Elems[i].Name) }

// LocalName returns the name of element i without its namespace prefix.
func (t *Table) LocalName(i int) string {
	e := &t.Elems[i]
	n := t.Str(e.Name)
	if e.Local != 0 && int(e.Local) < len(n) {
		n = n[e.Local:]
	}
	return n
}

// Value returns the value of element i.
func (t *Table) Value(i int) string { return t.Str(t.Elems[i].Value) }

// HasChildren reports whether element i has at least one child, which, in
// document order, can only be the element right after it.
func (t *Table) HasChildren(i int) bool {
	return i+1 < len(t.Elems) && t.Elems[i+1].Parent == int32(i)
}

// AddKeyed appends an element whose key the caller made, as KeyOf makes it
// from the local name, and returns its index. The caller checks the limits
// before it adds (see MaxElements).
func (t *Table) AddKeyed(name Span, local uint16, value Span, parent int32, key Key) int32 {
	t.Elems = append(t.Elems, Elem{Name: name, Value: value, Parent: parent, Local: local, Key: key})
	return int32(len(t.Elems) - 1)
}

// Add appends an element and returns its index, with its Key made from its
// name. The caller checks the limits before it adds (see MaxElements).
func (t *Table) Add(name Span, local uint16, value Span, parent int32) int32 {
	n := t.Str(name)
	if int(local) < len(n) {
		n = n[local:]
	}
	t.Elems = append(t.Elems, Elem{Name: name, Value: value, Parent: parent, Local: local, Key: KeyOf(n)})
	return int32(len(t.Elems) - 1)
}

// SrcSpan returns the span of Src[start:end].
func SrcSpan(start, end int) Span { return Span{Off: uint32(start), Len: uint32(end - start)} }

// BufSpan returns the span of Buf[start:], for text a reader appended to
// Buf since its length was start:
//
//	start := len(t.Buf)
//	t.Buf = appendDecoded(t.Buf, raw)
//	value := t.BufSpan(start)
func (t *Table) BufSpan(start int) Span {
	return Span{Off: uint32(start) | inBuf, Len: uint32(len(t.Buf) - start)}
}

// AppendBuf copies s into Buf and returns its span.
func (t *Table) AppendBuf(s string) Span {
	start := len(t.Buf)
	t.Buf = append(t.Buf, s...)
	return t.BufSpan(start)
}

// SpanOf returns the span of s: where it lies in Src when it is a substring
// of Src, else a copy appended to Buf. It lets a reader that works in
// strings fill a table; a reader that tracks offsets makes spans directly.
func (t *Table) SpanOf(s string) Span {
	if s == "" {
		return Span{}
	}
	base := uintptr(unsafe.Pointer(unsafe.StringData(t.Src)))
	at := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	if at >= base && at-base+uintptr(len(s)) <= uintptr(len(t.Src)) {
		return SrcSpan(int(at-base), int(at-base)+len(s))
	}
	return t.AppendBuf(s)
}

// Clone returns a table with its own copies of t's elements and buffer,
// over src, which must hold the same bytes as t.Src (a copy of the body that
// outlives t). The clone shares no memory with t, so t may be reused.
func (t *Table) Clone(src string) Table {
	c := Table{Src: src}
	c.Elems = append([]Elem(nil), t.Elems...)
	if len(t.Buf) > 0 {
		c.Buf = append([]byte(nil), t.Buf...)
	}
	return c
}

// maxPooledBuf is the largest Buf that Put keeps: the value text of a body
// that is mostly entity-encoded text near the body size limit.
const maxPooledBuf = 1 << 20

var pool = sync.Pool{New: func() any { return &Table{Elems: make([]Elem, 0, 64)} }}

// Get returns an empty table from a pool shared by every reader.
func Get() *Table { return pool.Get().(*Table) }

// Put returns t to the pool; t must not be used after, nor any string taken
// from it.
func Put(t *Table) {
	t.Recycle()
	pool.Put(t)
}

// Recycle empties t for reuse by a pool of its owner's. Its records hold no
// pointers, so nothing is cleared and a table of MaxElements elements is kept
// as cheaply as a small one; only an outsized Buf is let go.
func (t *Table) Recycle() {
	if cap(t.Elems) > 2*MaxElements {
		t.Elems = nil
	}
	if cap(t.Buf) > maxPooledBuf {
		t.Buf = nil
	}
	t.Reset("")
}
