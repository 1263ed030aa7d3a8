package wechatevent

import (
	"encoding"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
	"unsafe"
)

// A plan says how to fill one struct type from scanned elements. It is a trie
// of element names mirroring the struct's xml tags: an element that reaches a
// trie node applies that node's ops. Plans are built once per type by
// reflection and cached; decoding then touches no reflection for scalars.
type pnode struct {
	names []string
	keys  []nameKey // the names as keys, for the compare on the hot path
	leaf  []leafOp  // how to fill the usual scalar field of each child, inline
	kids  []*pnode
	ops   []op
}

// leafOp is the one op of a child that fills a single string, time or int64 field,
// kept in the parent so that decoding a leaf follows no pointer to reach it.
type leafOp struct {
	kind opKind
	ok   bool // the child has exactly this one op
	off  uintptr
}

// nameKey holds a name of up to 16 bytes as its length and two words that
// cover all its bytes, so that two names are compared in three compares.
type nameKey struct {
	n    int
	a, b uint64
}

// keyOf returns the key of name; for a name longer than 16 bytes the key
// says only its length and first and last words, and the names themselves
// must be compared.
func keyOf(name string) nameKey {
	n := len(name)
	switch {
	case n >= 8:
		return nameKey{n, le64(name, 0), le64(name, n-8)}
	case n >= 4:
		return nameKey{n, uint64(le32(name, 0)), uint64(le32(name, n-4))}
	}
	var a uint64
	for i := 0; i < n; i++ {
		a |= uint64(name[i]) << (8 * i)
	}
	return nameKey{n: n, a: a}
}

func (p *pnode) child(name string) *pnode {
	if k := p.find(name, 0); k >= 0 {
		return p.kids[k]
	}
	return nil
}

// find returns the index of the child named name, or -1. The search starts
// at from: plans list children in struct order, which is usually the order
// WeChat sends them in, so the child after the last one matched is most
// often the one wanted.
func (p *pnode) find(name string, from int) int {
	key := keyOf(name)
	keys := p.keys
	for k := from; k < len(keys); k++ {
		if keys[k] == key && (key.n <= 16 || p.names[k] == name) {
			return k
		}
	}
	for k := 0; k < from && k < len(keys); k++ {
		if keys[k] == key && (key.n <= 16 || p.names[k] == name) {
			return k
		}
	}
	return -1
}

func (p *pnode) ensureChild(name string) *pnode {
	if c := p.child(name); c != nil {
		return c
	}
	c := &pnode{}
	p.names = append(p.names, name)
	p.keys = append(p.keys, keyOf(name))
	p.kids = append(p.kids, c)
	return c
}

type opKind uint8

const (
	opString opKind = iota
	opBool
	opInt
	opUint
	opFloat
	opTime
	opText   // a type implementing encoding.TextUnmarshaler
	opStruct // a nested struct: its fields are filled from the element's children
	opPtr    // a pointer, allocated on first use, to what elem describes
	opSlice  // a slice: every occurrence appends one element described by elem
)

// op fills one field at offset off from the base of the struct being filled.
type op struct {
	kind opKind
	bits uint8 // width of an int, uint or float field
	off  uintptr
	typ  reflect.Type // the field's type, for opText, opPtr and opSlice
	elem *op          // the element of an opPtr or opSlice, at offset 0
	sub  *pnode       // the plan of an opStruct
}

var (
	timeType            = reflect.TypeOf(time.Time{})
	textUnmarshalerType = reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()
	planCache           sync.Map // reflect.Type -> *pnode
)

// planFor returns the cached plan of struct type t.
func planFor(t reflect.Type) *pnode {
	if p, ok := planCache.Load(t); ok {
		return p.(*pnode)
	}
	p := buildPlan(t, map[reflect.Type]*pnode{})
	actual, _ := planCache.LoadOrStore(t, p)
	return actual.(*pnode)
}

// field is one tagged struct field found while building a plan.
type field struct {
	path     []string
	alias    []string // other spellings of the last path element
	depth    int      // embedding depth: shallower fields win, as in encoding/xml
	op       op
	chardata bool
}

func buildPlan(t reflect.Type, building map[reflect.Type]*pnode) *pnode {
	if p, ok := planCache.Load(t); ok {
		return p.(*pnode)
	}
	if p, ok := building[t]; ok {
		return p // a recursive type: the plan is being filled in above us
	}
	root := &pnode{}
	building[t] = root
	var fields []field
	collectFields(t, 0, 0, building, &fields)
	// A path belongs to its shallowest field, as in encoding/xml; among equals,
	// every one is filled. The plan lists children in struct order, embedded
	// fields where they are embedded, which is usually the order of the body.
	owner := map[string]int{} // path -> depth of its owners
	for _, f := range fields {
		for _, key := range f.keys() {
			if d, ok := owner[key]; !ok || f.depth < d {
				owner[key] = f.depth
			}
		}
	}
	for _, f := range fields {
		if f.chardata {
			root.ops = append(root.ops, f.op)
			continue
		}
		for _, path := range f.paths() {
			if owner[strings.Join(path, ">")] != f.depth {
				continue
			}
			n := root
			for _, name := range path {
				n = n.ensureChild(name)
			}
			n.ops = append(n.ops, f.op)
		}
	}
	root.index()
	return root
}

// index fills in the leaf ops of p's children, and of theirs, once the
// trie is complete.
func (p *pnode) index() {
	p.leaf = make([]leafOp, len(p.kids))
	for k, kid := range p.kids {
		if len(kid.ops) == 1 {
			switch o := kid.ops[0]; o.kind {
			case opString, opTime:
				p.leaf[k] = leafOp{kind: o.kind, ok: true, off: o.off}
			case opInt:
				if o.bits == 64 {
					p.leaf[k] = leafOp{kind: o.kind, ok: true, off: o.off}
				}
			}
		}
		kid.index()
	}
}

// paths returns the element paths f fills: its own and one per alias. An
// alias is another spelling of the last element of the path, or, when it
// contains ">", a whole other path (WeCom's sample spells both elements of
// OptionIds>OptionId differently); a leading ">" names a path of one
// element, a child of the root (the JSON form of subscribe_msg_popup_event
// has its List there, the XML form inside SubscribeMsgPopupEvent).
func (f *field) paths() [][]string {
	if f.chardata {
		return nil
	}
	paths := [][]string{f.path}
	for _, a := range f.alias {
		if strings.Contains(a, ">") {
			paths = append(paths, strings.Split(strings.TrimPrefix(a, ">"), ">"))
			continue
		}
		alt := append(append([]string{}, f.path[:len(f.path)-1]...), a)
		paths = append(paths, alt)
	}
	return paths
}

// keys returns the paths of f in tag syntax.
func (f *field) keys() []string {
	var keys []string
	for _, p := range f.paths() {
		keys = append(keys, strings.Join(p, ">"))
	}
	return keys
}

func collectFields(t reflect.Type, base uintptr, depth int, building map[reflect.Type]*pnode, out *[]field) {
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag, hasTag := sf.Tag.Lookup("xml")
		name, opts, _ := strings.Cut(tag, ",")
		if tag == "-" || sf.Name == "XMLName" {
			continue
		}
		if sf.Anonymous && name == "" && sf.Type.Kind() == reflect.Struct {
			collectFields(sf.Type, base+sf.Offset, depth+1, building, out)
			continue
		}
		if !sf.IsExported() {
			continue
		}
		chardata, skip := false, false
		for _, o := range strings.Split(opts, ",") {
			switch o {
			case "chardata":
				chardata = true
			case "attr", "innerxml", "comment", "any":
				skip = true // attributes and raw markup are not kept by the scanner
			}
		}
		if skip {
			continue
		}
		o, ok := fieldOp(sf.Type, building)
		if !ok {
			continue
		}
		o.off = base + sf.Offset
		f := field{depth: depth, op: o, chardata: chardata}
		if !chardata {
			if !hasTag || name == "" {
				name = sf.Name
			}
			f.path = strings.Split(name, ">")
			if slicesContainEmpty(f.path) {
				continue
			}
			if a := sf.Tag.Get("alias"); a != "" {
				f.alias = strings.Split(a, ",")
			}
		}
		*out = append(*out, f)
	}
}

func slicesContainEmpty(s []string) bool {
	for _, v := range s {
		if v == "" {
			return true
		}
	}
	return false
}

// fieldOp describes how to fill a value of type t; ok is false for kinds that
// XML text cannot fill (maps, channels, functions, interfaces).
func fieldOp(t reflect.Type, building map[reflect.Type]*pnode) (op, bool) {
	if t == timeType {
		return op{kind: opTime}, true
	}
	if t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(textUnmarshalerType) {
		return op{kind: opText, typ: t}, true
	}
	switch t.Kind() {
	case reflect.String:
		return op{kind: opString}, true
	case reflect.Bool:
		return op{kind: opBool}, true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return op{kind: opInt, bits: uint8(t.Bits())}, true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return op{kind: opUint, bits: uint8(t.Bits())}, true
	case reflect.Float32, reflect.Float64:
		return op{kind: opFloat, bits: uint8(t.Bits())}, true
	case reflect.Struct:
		return op{kind: opStruct, sub: buildPlan(t, building)}, true
	case reflect.Pointer:
		e, ok := fieldOp(t.Elem(), building)
		if !ok {
			return op{}, false
		}
		return op{kind: opPtr, typ: t, elem: &e}, true
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return op{}, false
		}
		e, ok := fieldOp(t.Elem(), building)
		if !ok {
			return op{}, false
		}
		return op{kind: opSlice, typ: t, elem: &e}, true
	}
	return op{}, false
}

// dctx is the decoding context of one open element: the plan its children
// are looked up in, the struct their fields belong to, and where in the plan
// the next child is expected.
type dctx struct {
	plan *pnode
	base unsafe.Pointer
	node int32 // the element's index in the scanned nodes
	next int   // the plan child after the last one matched
}

// decode fills the struct at base, of the type plan was built for, from the
// scanned nodes. The root element's children are matched against the plan.
// Elements with children push a context on the scanner's stack, indexed by
// depth, so decoding allocates nothing but the arena of kept values (see
// keep); an entry is always written before it is read, and leaves, most of
// a body, push nothing.
func (s *scanner) decode(plan *pnode, base unsafe.Pointer) {
	nodes, stack := s.nodes, &s.stack
	if s.borrowed {
		total := 0
		for i := range nodes {
			total += len(nodes[i].text)
		}
		s.arena = make([]byte, 0, total) // one allocation for every value kept
	}
	stack[0] = dctx{plan: plan, base: base}
	if len(plan.ops) > 0 {
		applyOps(plan.ops, base, s.keep(nodes[0].text))
	}
	top, deepest := 0, 0
	for i := 1; i < len(nodes); i++ {
		n := &nodes[i]
		for stack[top].node != n.parent {
			top--
		}
		p := &stack[top]
		k := -1
		if p.plan != nil {
			name := n.localName()
			k = p.next
			if key, keys := keyOf(name), p.plan.keys; k >= len(keys) || keys[k] != key || key.n > 16 {
				k = p.plan.find(name, k)
			}
			if k >= 0 {
				p.next = k + 1
			}
		}
		if i+1 < len(nodes) && nodes[i+1].parent == int32(i) {
			// The element has children: they are matched against the plan
			// of its struct, or skipped when it has none.
			c := dctx{node: int32(i)}
			if k >= 0 {
				c.plan, c.base = apply(p.plan.kids[k], p.base, s.keep(n.text))
			}
			top++
			deepest = max(deepest, top)
			stack[top] = c
			continue
		}
		if k < 0 {
			continue
		}
		if l := p.plan.leaf[k]; l.ok {
			// The usual field: one scalar, filled here rather than through apply.
			at := unsafe.Add(p.base, l.off)
			switch l.kind {
			case opString:
				*(*string)(at) = s.keep(n.text)
			case opTime:
				if v, ok := plainDigits(n.text); ok {
					*(*time.Time)(at) = time.Unix(v, 0) // the usual CreateTime
				} else {
					*(*time.Time)(at) = parseTime(n.text)
				}
			default: // an int64, such as MsgId
				v, _ := parseInt(n.text, 64)
				*(*int64)(at) = v
			}
			continue
		}
		apply(p.plan.kids[k], p.base, s.keep(n.text))
	}
	clear(stack[:deepest+1]) // a pooled scanner keeps no pointer to the value
	s.arena = nil            // the arena belongs to the value now
}

// keep returns text as a value may keep it. While the scanned body is
// borrowed (see Parser.parse), that is a copy in the arena, which holds the
// values of one body in one allocation; each copy is written once, before
// the string that refers to it is made, and never changed after. Otherwise
// text is already the value's own.
func (s *scanner) keep(text string) string {
	if !s.borrowed || text == "" {
		return text
	}
	off := len(s.arena)
	s.arena = append(s.arena, text...) // never grows: the arena holds every value
	return unsafe.String(&s.arena[off], len(text))
}

// apply runs the ops of trie node q for an element with the given text and
// returns the plan and base for the element's children.
func apply(q *pnode, base unsafe.Pointer, text string) (*pnode, unsafe.Pointer) {
	plan, at := (*pnode)(nil), unsafe.Pointer(nil)
	if len(q.kids) > 0 {
		plan, at = q, base
	}
	for i := range q.ops {
		if p, b := applyOp(&q.ops[i], unsafe.Add(base, q.ops[i].off), text); p != nil {
			plan, at = p, b
		}
	}
	return plan, at
}

func applyOps(ops []op, base unsafe.Pointer, text string) {
	for i := range ops {
		applyOp(&ops[i], unsafe.Add(base, ops[i].off), text)
	}
}

// applyOp fills the value at p from text. For a struct it returns the plan
// and base with which the element's children fill the struct's fields.
func applyOp(o *op, p unsafe.Pointer, text string) (*pnode, unsafe.Pointer) {
	switch o.kind {
	case opString:
		*(*string)(p) = text
	case opBool:
		b, _ := strconv.ParseBool(strings.TrimSpace(text))
		*(*bool)(p) = b
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
		applyOps(o.sub.ops, p, text)
		return o.sub, p
	case opPtr:
		v := reflect.NewAt(o.typ, p).Elem()
		if v.IsNil() {
			v.Set(reflect.New(o.typ.Elem()))
		}
		return applyOp(o.elem, v.UnsafePointer(), text)
	case opSlice:
		v := reflect.NewAt(o.typ, p).Elem()
		n := v.Len()
		if n == v.Cap() {
			v.Grow(1)
		}
		v.SetLen(n + 1)
		return applyOp(o.elem, v.Index(n).Addr().UnsafePointer(), text)
	}
	return nil, nil
}

// parseInt reads a number leniently: surrounding white space is ignored, a
// whole number written with a fraction ("1700000000.0") is accepted, and
// anything else, including an overflow, gives 0.
func parseInt(text string, bits uint8) (int64, bool) {
	if n, ok := plainDigits(text); ok && (bits == 64 || n < 1<<(bits-1)) {
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
	s := trimValue(text)
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
