// Package bind fills Go structs from an element table (package elem) by
// their xml struct tags, in the syntax of encoding/xml. It knows Go types,
// not WeChat and not the syntax a table was read from.
//
// A Plan is built once per struct type by reflection and cached; filling a
// struct then follows the plan with no reflection for scalar fields. Every
// rule for turning an element's text into a field value lives in one
// function, setValue.
package bind

import (
	"encoding"
	"encoding/xml"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/wechatevent/wechatevent/internal/elem"
)

// pnode is a node of a plan: a trie of element names mirroring the struct's
// xml tags. An element that reaches a trie node applies that node's ops;
// its children are looked up among the node's kids.
type pnode struct {
	names []string
	keys  []nameKey // the names as keys, for the compare on the hot path
	leaf  []op      // the one op of each child that has exactly one scalar op, inline
	kids  []*pnode
	ops   []op
}

// nameKey is a name as its length and elem.Key, which the readers store
// with every element, so that a name is matched in three compares.
type nameKey struct {
	key elem.Key
	n   uint32
}

// keyOf returns the key of name, as a reader makes it.
func keyOf(name string) nameKey { return nameKey{elem.KeyOf(name), uint32(len(name))} }

// find returns the index of the child whose name has key k, or -1. For a
// name longer than 16 bytes, whose key does not decide, the name is compared
// too: the local name of element i of t. The search
// starts at from: plans list children in struct order, which is usually the
// order bodies list them in, so the child after the last one matched is most
// often the one wanted.
func (p *pnode) find(k nameKey, t *elem.Table, i int, from int) int {
	keys := p.keys
	for j := from; j < len(keys); j++ {
		if keys[j] == k && (k.n <= 16 || p.names[j] == t.LocalName(i)) {
			return j
		}
	}
	for j := 0; j < from && j < len(keys); j++ {
		if keys[j] == k && (k.n <= 16 || p.names[j] == t.LocalName(i)) {
			return j
		}
	}
	return -1
}

// findName returns the index of the child named name, or -1.
func (p *pnode) findName(name string) int {
	k := keyOf(name)
	for j := range p.keys {
		if p.keys[j] == k && p.names[j] == name {
			return j
		}
	}
	return -1
}

func (p *pnode) ensureChild(name string) *pnode {
	if k := p.findName(name); k >= 0 {
		return p.kids[k]
	}
	c := &pnode{}
	p.names = append(p.names, name)
	p.keys = append(p.keys, keyOf(name))
	p.kids = append(p.kids, c)
	return c
}

type opKind uint8

const (
	opNone   opKind = iota // no op: the zero leaf
	opString               // string
	opBytes                // []byte, a copy of its own
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
	size uintptr      // the size of an opSlice's element
	sub  *pnode       // the plan of an opStruct
}

// Plan is how to fill one struct type from an element table.
type Plan struct {
	typ  reflect.Type
	root *pnode
}

// Type returns the struct type p fills.
func (p *Plan) Type() reflect.Type { return p.typ }

var (
	timeType            = reflect.TypeOf(time.Time{})
	textUnmarshalerType = reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()
	xmlUnmarshalerType  = reflect.TypeOf((*xml.Unmarshaler)(nil)).Elem()
	planCache           sync.Map // reflect.Type -> *Plan
)

// For returns the plan of struct type t, built once and cached. It fails,
// naming the type and field, for a field whose tag or type the binder cannot
// honour: attributes, ",any", ",innerxml", ",comment", a type that
// implements xml.Unmarshaler, or a kind that text cannot fill (maps,
// channels, functions, interfaces, complex numbers, arrays).
func For(t reflect.Type) (*Plan, error) {
	if p, ok := planCache.Load(t); ok {
		return p.(*Plan), nil
	}
	if t.Kind() != reflect.Struct {
		return nil, fmt.Errorf("%s is not a struct type", t)
	}
	root, err := buildPlan(t, map[reflect.Type]*pnode{})
	if err != nil {
		return nil, err
	}
	p, _ := planCache.LoadOrStore(t, &Plan{typ: t, root: root})
	return p.(*Plan), nil
}

// field is one tagged struct field found while building a plan.
type field struct {
	path     []string
	alias    []string // other spellings of the last path element
	depth    int      // embedding depth: shallower fields win, as in encoding/xml
	op       op
	chardata bool
}

func buildPlan(t reflect.Type, building map[reflect.Type]*pnode) (*pnode, error) {
	if p, ok := planCache.Load(t); ok {
		return p.(*Plan).root, nil
	}
	if p, ok := building[t]; ok {
		return p, nil // a recursive type: the plan is being filled in above us
	}
	root := &pnode{}
	building[t] = root
	var fields []field
	if err := collectFields(t, t, 0, 0, building, &fields); err != nil {
		return nil, err
	}
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
	// Every field's own path first, then the aliases: the spellings bodies
	// usually use keep the order of the struct, so that the binder's guess
	// of the next child holds.
	for pass := 0; pass < 2; pass++ {
		for _, f := range fields {
			if f.chardata {
				if pass == 0 {
					root.ops = append(root.ops, f.op)
				}
				continue
			}
			for a, path := range f.paths() {
				if (a == 0) != (pass == 0) || owner[strings.Join(path, ">")] != f.depth {
					continue
				}
				n := root
				for _, name := range path {
					n = n.ensureChild(name)
				}
				n.ops = append(n.ops, f.op)
			}
		}
	}
	root.index()
	return root, nil
}

// index fills in the leaf ops of p's children, and of theirs, once the
// trie is complete.
func (p *pnode) index() {
	p.leaf = make([]op, len(p.kids))
	for k, kid := range p.kids {
		if len(kid.ops) == 1 && len(kid.kids) == 0 {
			switch o := kid.ops[0]; o.kind {
			case opString, opBytes, opBool, opInt, opUint, opFloat, opTime, opText:
				p.leaf[k] = o
			}
		}
		if kid.leaf == nil {
			kid.index()
		}
	}
}

// paths returns the element paths f fills: its own and one per alias. An
// alias (the alias struct tag, for this module's own types) is another
// spelling of the last element of the path, or, when it contains ">", a
// whole other path (WeCom's sample spells both elements of
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

func collectFields(top, t reflect.Type, base uintptr, depth int, building map[reflect.Type]*pnode, out *[]field) error {
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag, hasTag := sf.Tag.Lookup("xml")
		name, opts, _ := strings.Cut(tag, ",")
		if tag == "-" || sf.Name == "XMLName" {
			continue
		}
		if sf.Anonymous && name == "" && sf.Type.Kind() == reflect.Struct {
			if err := collectFields(top, sf.Type, base+sf.Offset, depth+1, building, out); err != nil {
				return err
			}
			continue
		}
		if !sf.IsExported() {
			continue
		}
		chardata := false
		for _, o := range strings.Split(opts, ",") {
			switch o {
			case "chardata", "cdata":
				chardata = true
			case "attr", "innerxml", "comment", "any":
				return fmt.Errorf("%s.%s: xml tag option %q is not supported: callback bodies are read as elements and their text", top, sf.Name, o)
			}
		}
		o, err := fieldOp(sf.Type, building)
		if err != nil {
			return fmt.Errorf("%s.%s: %w", top, sf.Name, err)
		}
		o.off = base + sf.Offset
		f := field{depth: depth, op: o, chardata: chardata}
		if !chardata {
			if i := strings.LastIndexByte(name, ' '); i >= 0 {
				name = name[i+1:] // "namespace name": names are matched without their namespace
			}
			if !hasTag || name == "" {
				name = sf.Name
			}
			f.path = strings.Split(name, ">")
			for _, p := range f.path {
				if p == "" {
					return fmt.Errorf("%s.%s: xml tag %q has an empty element name", top, sf.Name, tag)
				}
			}
			if a := sf.Tag.Get("alias"); a != "" {
				f.alias = strings.Split(a, ",")
			}
		}
		*out = append(*out, f)
	}
	return nil
}

// fieldOp describes how to fill a value of type t.
func fieldOp(t reflect.Type, building map[reflect.Type]*pnode) (op, error) {
	if t == timeType {
		return op{kind: opTime}, nil
	}
	if reflect.PointerTo(t).Implements(xmlUnmarshalerType) {
		return op{}, fmt.Errorf("type %s implements xml.Unmarshaler, which needs XML tokens", t)
	}
	if t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(textUnmarshalerType) {
		return op{kind: opText, typ: t}, nil
	}
	switch t.Kind() {
	case reflect.String:
		return op{kind: opString}, nil
	case reflect.Bool:
		return op{kind: opBool}, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return op{kind: opInt, bits: uint8(t.Bits())}, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return op{kind: opUint, bits: uint8(t.Bits())}, nil
	case reflect.Float32, reflect.Float64:
		return op{kind: opFloat, bits: uint8(t.Bits())}, nil
	case reflect.Struct:
		sub, err := buildPlan(t, building)
		if err != nil {
			return op{}, err
		}
		return op{kind: opStruct, sub: sub}, nil
	case reflect.Pointer:
		e, err := fieldOp(t.Elem(), building)
		if err != nil {
			return op{}, err
		}
		return op{kind: opPtr, typ: t, elem: &e}, nil
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return op{kind: opBytes, typ: t}, nil
		}
		e, err := fieldOp(t.Elem(), building)
		if err != nil {
			return op{}, err
		}
		return op{kind: opSlice, typ: t, elem: &e, size: t.Elem().Size()}, nil
	}
	return op{}, fmt.Errorf("type %s cannot be filled from element text", t)
}
