package bind

import (
	"encoding"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/wechatevent/wechatevent/internal/elem"
)

// dctx is the filling context of one open element: the plan its children
// are looked up in, the struct their fields belong to, and where in the plan
// the next child is expected.
type dctx struct {
	plan *pnode
	base unsafe.Pointer
	node int32 // the element's index in the table
	next int   // the plan child after the last one matched
}

// Binder holds the scratch memory of one Fill at a time, for reuse; it is
// not safe for concurrent use. The zero value is ready.
type Binder struct {
	stack   [elem.MaxDepth + 1]dctx
	own     bool
	general bool // fill every element by the general loop, for the tests

	// whole is the result's copy of the table's Src and Buf, laid end to
	// end (see elem.Table.Joined), which every string kept aliases; or,
	// for a body beyond maxWhole, nil, and arena holds a copy of each
	// value kept instead. src and buf are where the table's Src and Buf
	// lie, for keep to find a value's place in whole.
	whole    []byte
	arena    []byte
	src, buf uintptr
	srcLen   uintptr
}

// maxWhole is the largest body whose values Fill keeps by copying the body
// whole: one copy instead of one per value, at the cost of the markup's
// bytes, at most this many per result. Most callbacks are smaller. A larger
// body, which may be mostly indentation or values no field reads, has each
// value copied instead.
const maxWhole = 1 << 10

// Fill fills the struct at base, of the type p was built for, from t: the
// root element's own text and children are matched against the plan, the
// children of a matched element against the plan of its field, and so on.
// Elements the plan does not name are skipped with all they hold.
//
// Values follow package elem's ownership rule. With own false, t borrows
// memory the result must not keep (the caller's body, a pooled buffer), so
// every string stored aliases one allocation of the result's own: a copy of
// the whole body (see maxWhole) or of each value kept. With own true, t's
// memory already belongs to the result (a private copy of the body) and
// strings are stored as they are. []byte fields always get a copy of
// their own, as encoding/xml gives them.
func (b *Binder) Fill(p *Plan, t *elem.Table, base unsafe.Pointer, own bool) {
	if t.Len() == 0 {
		return
	}
	b.own = own
	if !own {
		if n := len(t.Src) + len(t.Buf); n <= maxWhole {
			b.whole = make([]byte, n) // one allocation and one copy for every value kept
			copy(b.whole[copy(b.whole, t.Src):], t.Buf)
			b.src, b.buf, b.srcLen = uintptr(unsafe.Pointer(unsafe.StringData(t.Src))), uintptr(unsafe.Pointer(unsafe.SliceData(t.Buf))), uintptr(len(t.Src))
		} else {
			total := 0
			for i := range t.Elems {
				total += int(t.Elems[i].Value.Len)
			}
			b.arena = make([]byte, 0, total) // one allocation for every value kept
		}
	}
	stack := &b.stack
	root := p.root
	stack[0] = dctx{plan: root, base: base}
	if len(root.ops) > 0 {
		b.applyOps(root.ops, base, t.Value(0))
	}
	top, deepest := 0, 0
	elems := t.Elems
	for i := 1; i < len(elems); i++ {
		parent := elems[i].Parent
		for top > 0 && stack[top].node != parent {
			top--
		}
		c := &stack[top]
		if c.node != parent {
			continue // no table a reader makes: an element outside the tree
		}
		if c.plan != nil && !b.general {
			// The usual body: a run of leaves in the order of the plan.
			if j := b.run(c, t, i); j > i {
				i = j - 1
				continue
			}
		}
		k := -1
		if c.plan != nil {
			key := nameKey{elems[i].Key, elems[i].Name.Len - uint32(elems[i].Local)}
			if k = c.plan.find(key, t, i, c.next); k >= 0 {
				c.next = k + 1
			}
		}
		if i+1 < len(elems) && elems[i+1].Parent == int32(i) {
			// The element has children: they are matched against the plan
			// of its struct, or skipped when it has none.
			if top+1 >= len(stack) {
				continue // deeper than any reader nests: its children are skipped
			}
			n := dctx{node: int32(i)}
			if k >= 0 {
				n.plan, n.base = b.apply(c.plan.kids[k], c.base, t.Str(elems[i].Value))
			}
			top++
			deepest = max(deepest, top)
			stack[top] = n
			continue
		}
		if k < 0 {
			continue
		}
		if l := &c.plan.leaf[k]; l.kind != opNone {
			b.setValue(l, unsafe.Add(c.base, l.off), t.Str(elems[i].Value)) // a scalar field, without the trie
			continue
		}
		b.apply(c.plan.kids[k], c.base, t.Str(elems[i].Value))
	}
	for i := range stack[:deepest+1] {
		stack[i].plan, stack[i].base = nil, nil // a pooled binder keeps no pointer to the value
	}
	b.whole, b.arena, b.src, b.buf, b.srcLen = nil, nil, 0, 0, 0 // the copy belongs to the value now
}

// run fills the fields of the run of elements from i on that are leaves,
// children of c's element, whose fields in c's plan are strings, integers
// or times; leaves the plan does not name are skipped. It returns the index
// of the first element it did not fill. Each name is tried first against
// the plan child after the last one matched, as bodies list their elements
// in the order of the struct's fields. This is the path of nearly every
// element: it applies setValue's rules for those three kinds without the
// call, and keep's for a string found from its span, without the string
// (keep finds it from the string's address, which costs more). FuzzRun
// fills arbitrary bodies with and without it and requires the same values.
func (b *Binder) run(c *dctx, t *elem.Table, i int) int {
	elems, keys, leaf := t.Elems, c.plan.keys, c.plan.leaf
	next := c.next
	for ; i < len(elems); i++ {
		e := &elems[i]
		if e.Parent != c.node || i+1 < len(elems) && elems[i+1].Parent == int32(i) {
			break // another parent, or children
		}
		k := next
		if key := (nameKey{e.Key, e.Name.Len - uint32(e.Local)}); k >= len(keys) || keys[k] != key || key.n > 16 && c.plan.names[k] != t.LocalName(i) {
			if k = c.plan.find(key, t, i, k); k < 0 {
				continue // a leaf no field reads
			}
		}
		if k >= len(leaf) {
			break
		}
		l := &leaf[k]
		p := unsafe.Add(c.base, l.off)
		switch l.kind {
		case opString:
			if at := t.Joined(e.Value); e.Value.Len > 0 && at+int(e.Value.Len) <= len(b.whole) {
				*(*string)(p) = unsafe.String(&b.whole[at], int(e.Value.Len))
			} else {
				*(*string)(p) = b.keep(t.Str(e.Value))
			}
		case opInt:
			if n, ok := plainDigits(t.Str(e.Value)); ok && fits(n, l.bits) {
				setInt(p, l.bits, n) // plainInt, parseInt's first rule, from its parts without the call
			} else {
				b.setValue(l, p, t.Str(e.Value))
			}
		case opTime:
			if tm, ok := plainTime(t.Str(e.Value)); ok {
				*(*time.Time)(p) = tm // parseTime's first rule
			} else {
				b.setValue(l, p, t.Str(e.Value))
			}
		default:
			c.next = next
			return i // another kind of field, for the general loop
		}
		next = k + 1
	}
	c.next = next
	return i
}

// keep returns text, a string of the table's Src or Buf, as the result may
// keep it (see Fill): where it lies in whole, or a copy in the arena.
func (b *Binder) keep(text string) string {
	if b.own || text == "" {
		return text
	}
	if b.whole != nil {
		at, n := uintptr(unsafe.Pointer(unsafe.StringData(text))), uintptr(len(text))
		if off := at - b.src; off < b.srcLen && n <= b.srcLen-off {
			return unsafe.String(&b.whole[off], len(text))
		}
		if off := at - b.buf; off < uintptr(len(b.whole))-b.srcLen && n <= uintptr(len(b.whole))-b.srcLen-off {
			return unsafe.String(&b.whole[b.srcLen+off], len(text))
		}
		return strings.Clone(text) // no string of the table: never the case, but kept safe
	}
	off := len(b.arena)
	b.arena = append(b.arena, text...) // never grows: the arena holds every value
	return unsafe.String(&b.arena[off], len(text))
}

// apply runs the ops of trie node q for an element with the given text and
// returns the plan and base for the element's children.
func (b *Binder) apply(q *pnode, base unsafe.Pointer, text string) (*pnode, unsafe.Pointer) {
	plan, at := (*pnode)(nil), unsafe.Pointer(nil)
	if len(q.kids) > 0 {
		plan, at = q, base
	}
	for i := range q.ops {
		if p, a := b.setValue(&q.ops[i], unsafe.Add(base, q.ops[i].off), text); p != nil {
			plan, at = p, a
		}
	}
	return plan, at
}

func (b *Binder) applyOps(ops []op, base unsafe.Pointer, text string) {
	for i := range ops {
		b.setValue(&ops[i], unsafe.Add(base, ops[i].off), text)
	}
}

// setValue fills the value at p from an element's text: the one place where
// the field rules live. For a struct it returns the plan and base with which
// the element's children fill the struct's fields.
//
// Strings are kept as they are; numbers are read leniently (surrounding white
// space ignored, a whole number written with a fraction accepted, anything
// else, an overflow too, gives 0); booleans accept what strconv.ParseBool
// does; times are integer UNIX seconds or, failing that, RFC 3339.
func (b *Binder) setValue(o *op, p unsafe.Pointer, text string) (*pnode, unsafe.Pointer) {
	switch o.kind {
	case opString:
		*(*string)(p) = b.keep(text)
	case opBytes:
		*(*[]byte)(p) = append([]byte{}, text...) // non-nil when present, as encoding/xml gives it
	case opBool:
		v, _ := strconv.ParseBool(strings.TrimSpace(text))
		*(*bool)(p) = v
	case opInt:
		n, _ := parseInt(text, o.bits)
		setInt(p, o.bits, n)
	case opUint:
		setUint(p, o.bits, parseUint(text, o.bits))
	case opFloat:
		f, err := strconv.ParseFloat(strings.TrimSpace(text), int(o.bits))
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			f = 0
		}
		if o.bits == 32 {
			*(*float32)(p) = float32(f)
		} else {
			*(*float64)(p) = f
		}
	case opTime:
		*(*time.Time)(p) = parseTime(text)
	case opText:
		v := reflect.NewAt(o.typ, p)
		v.Elem().SetZero()
		_ = v.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(text))
	case opStruct:
		b.applyOps(o.sub.ops, p, text)
		return o.sub, p
	case opPtr:
		at := (*unsafe.Pointer)(p)
		if *at == nil {
			*at = reflect.New(o.typ.Elem()).UnsafePointer()
		}
		return b.setValue(o.elem, *at, text)
	case opSlice:
		// As reflect.Value.Grow and SetLen would, on the slice's header,
		// with reflect only where the slice must grow: to four elements
		// at first, the most a callback usually lists, then doubling.
		h := (*sliceHeader)(p)
		if h.len == h.cap {
			reflect.NewAt(o.typ, p).Elem().Grow(max(4, h.len))
		}
		h.len++
		return b.setValue(o.elem, unsafe.Add(h.data, uintptr(h.len-1)*o.size), text)
	}
	return nil, nil
}

// sliceHeader is the memory layout of a slice.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// ParseInt reads text as an integer of the given bit size by the lenient
// number rule of setValue, for types that read numbers out of their own text
// (an UnmarshalText of a list of numbers). ok is false where the rule gives 0
// for want of a number.
func ParseInt(text string, bits int) (n int64, ok bool) { return parseInt(text, uint8(bits)) }

// parseInt reads a number leniently: surrounding white space is ignored, a
// whole number written with a fraction ("1700000000.0") is accepted, and
// anything else, including an overflow, gives 0.
func parseInt(text string, bits uint8) (int64, bool) {
	if n, ok := plainInt(text, bits); ok {
		return n, true
	}
	s := strings.TrimSpace(text)
	n, err := strconv.ParseInt(s, 10, int(bits))
	if err == nil {
		return n, true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != math.Trunc(f) || f < -math.Ldexp(1, int(bits)-1) || f >= math.Ldexp(1, int(bits)-1) {
		return 0, false
	}
	return int64(f), true
}

func parseUint(text string, bits uint8) uint64 {
	if n, ok := plainDigits(text); ok && (bits == 64 || uint64(n) < 1<<bits) {
		return uint64(n)
	}
	s := strings.TrimSpace(text)
	n, err := strconv.ParseUint(s, 10, int(bits))
	if err == nil {
		return n
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != math.Trunc(f) || f < 0 || f >= math.Ldexp(1, int(bits)) {
		return 0
	}
	return uint64(f)
}

// plainInt is parseInt's first rule: text of plain digits whose value fits
// an int of the given bit size. run applies it from its two parts,
// plainDigits and fits, without the call.
func plainInt(text string, bits uint8) (int64, bool) {
	n, ok := plainDigits(text)
	return n, ok && fits(n, bits)
}

// fits reports whether n, which plainDigits read, fits an int of the given
// bit size.
func fits(n int64, bits uint8) bool { return bits == 64 || n < 1<<(bits-1) }

// plainTime is parseTime's first rule, which run also applies: text of
// plain digits is UNIX seconds.
func plainTime(text string) (time.Time, bool) {
	n, ok := plainDigits(text)
	if !ok {
		return time.Time{}, false
	}
	return time.Unix(n, 0), true
}

// plainDigits reads text of 1 to 18 ASCII digits, which always fits an
// int64. Nearly every number WeChat sends has this form, and reading it
// directly skips the trimming and the generality of strconv.
func plainDigits(text string) (int64, bool) {
	if len(text) == 0 || len(text) > 18 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(text); i++ {
		d := text[i] - '0'
		if d > 9 {
			return 0, false
		}
		n = n*10 + int64(d)
	}
	return n, true
}

// parseTime reads integer UNIX seconds; as a fallback, RFC 3339 text. Anything
// else gives the zero time.
func parseTime(text string) time.Time {
	if t, ok := plainTime(text); ok {
		return t // the usual CreateTime
	}
	s := strings.TrimSpace(text)
	if s == "" {
		return time.Time{}
	}
	if n, ok := parseInt(s, 64); ok {
		return time.Unix(n, 0)
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

func setInt(p unsafe.Pointer, bits uint8, v int64) {
	switch bits {
	case 8:
		*(*int8)(p) = int8(v)
	case 16:
		*(*int16)(p) = int16(v)
	case 32:
		*(*int32)(p) = int32(v)
	default:
		*(*int64)(p) = v
	}
}

func setUint(p unsafe.Pointer, bits uint8, v uint64) {
	switch bits {
	case 8:
		*(*uint8)(p) = uint8(v)
	case 16:
		*(*uint16)(p) = uint16(v)
	case 32:
		*(*uint32)(p) = uint32(v)
	default:
		*(*uint64)(p) = v
	}
}
