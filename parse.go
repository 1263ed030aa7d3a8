package wechatevent

import (
	"io"
	"math/bits"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"
)

// MaxBodySize is the largest body Parse and ParseReader accept. Real
// callbacks are a few KiB.
const MaxBodySize = 1 << 20

// Parser turns callback bodies into typed values through its own registry.
// Parsing and registration are safe for concurrent use. Use NewParser; the
// zero value knows no types and returns every body as an *UnknownEvent.
type Parser struct {
	mu  sync.Mutex               // serialises writers of reg
	reg atomic.Pointer[registry] // replaced whole on every registration
}

// registry maps keys to constructors, one table per namespace.
type registry struct {
	tables [3]table // indexed by namespace
}

// table is the registrations of one namespace, under their normalised keys.
// fast indexes the same entries under the keys as registered, which are the
// spellings WeChat sends, so that the usual body is looked up without
// normalising its value first.
type table struct {
	byKey map[string]*entry
	fast  keyTable
}

// entry is one registration: the key as registered, and the constructor. It
// caches the decoding plan of the type its constructor returns, so that
// parsing skips the plan cache.
type entry struct {
	key  string
	new  func() Event
	plan atomic.Pointer[typedPlan]
}

type typedPlan struct {
	typ  reflect.Type
	plan *pnode
}

// planOf returns the plan for ev, a value e.new returned, and the struct ev
// points to, or a nil plan when ev is not a non-nil pointer to a struct.
func (e *entry) planOf(ev Event) (*pnode, unsafe.Pointer) {
	rv := reflect.ValueOf(ev)
	t := rv.Type()
	if c := e.plan.Load(); c != nil && c.typ == t {
		at := rv.UnsafePointer()
		if at == nil {
			return nil, nil
		}
		return c.plan, at
	}
	if t.Kind() != reflect.Pointer || rv.IsNil() || t.Elem().Kind() != reflect.Struct {
		return nil, nil
	}
	c := &typedPlan{typ: t, plan: planFor(t.Elem())}
	e.plan.Store(c)
	return c.plan, rv.UnsafePointer()
}

// Keys for the subscribe variants that WeChat sends as Event "subscribe" and
// that are told apart by the EventKey prefix.
const (
	keySubscribeScan        = "subscribe_scan"
	keySubscribeScanProduct = "subscribe_scan_product"
)

var defaultParser = NewParser()

// NewParser returns a Parser with every built-in type registered.
func NewParser() *Parser {
	p := &Parser{}
	r := newRegistry(nil)
	for _, table := range builtinTables {
		for _, b := range table {
			r.tables[b.ns].set(b.key, b.new)
		}
	}
	r.index()
	p.reg.Store(r)
	return p
}

// namespace selects one of the registry's maps.
type namespace uint8

const (
	nsEvent namespace = iota
	nsMessage
	nsInfo
)

// newRegistry returns a copy of old, which may be nil, for a writer to change.
func newRegistry(old *registry) *registry {
	r := &registry{}
	for ns := range r.tables {
		t := table{byKey: map[string]*entry{}}
		if old != nil {
			for k, e := range old.tables[ns].byKey {
				t.byKey[k] = e
			}
		}
		r.tables[ns] = t
	}
	return r
}

// set registers newEvent under key, replacing any earlier registration of
// the same normalised key, and with it the spelling that was registered.
func (t *table) set(key string, newEvent func() Event) {
	t.byKey[normKey(key)] = &entry{key: strings.TrimSpace(key), new: newEvent}
}

// builtinTables lists every built-in registration, table by table.
var builtinTables = [][]builtin{seedEvents, messageTypes, menuEvents, notifyEvents, serviceEvents, cardEvents, miniProgramEvents, shopEvents, channelsEvents, platformPushes,
	contactEvents, customerEvents, schoolEvents, approvalEvents, appEvents, cardEventsWeCom, oaEvents, docEvents, serviceEventsWeCom, suitePushes}

// builtin is one built-in registration.
type builtin struct {
	ns  namespace
	key string
	new func() Event
}

// newOf is the constructor of a registration: a fresh *T as an Event.
func newOf[T any, PT interface {
	*T
	Event
}]() Event {
	return PT(new(T))
}

// Parse parses one callback body with the default parser.
func Parse(data []byte) (Event, error) { return defaultParser.Parse(data) }

// ParseReader reads one callback body from r, at most MaxBodySize bytes, and
// parses it with the default parser. A longer body is ErrTooLarge; ParseReader
// reads at most one byte beyond the limit to find out.
func ParseReader(r io.Reader) (Event, error) { return defaultParser.ParseReader(r) }

// ParseReader reads one callback body from r, at most MaxBodySize bytes, and
// parses it with p. A longer body is ErrTooLarge; ParseReader reads at most
// one byte beyond the limit to find out. A read error is returned as is.
func (p *Parser) ParseReader(r io.Reader) (Event, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBodySize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxBodySize {
		return nil, ErrTooLarge
	}
	return p.Parse(data)
}

// RegisterEvent registers newEvent on the default parser for bodies with
// MsgType "event" whose Event matches event (see Parser.RegisterEvent).
func RegisterEvent(event string, newEvent func() Event) {
	defaultParser.RegisterEvent(event, newEvent)
}

// RegisterMessage registers newEvent on the default parser for bodies whose
// MsgType matches msgType (see Parser.RegisterMessage).
func RegisterMessage(msgType string, newEvent func() Event) {
	defaultParser.RegisterMessage(msgType, newEvent)
}

// RegisterInfoType registers newEvent on the default parser for 开放平台
// pushes whose InfoType matches infoType (see Parser.RegisterInfoType).
func RegisterInfoType(infoType string, newEvent func() Event) {
	defaultParser.RegisterInfoType(infoType, newEvent)
}

// RegisterEvent makes p decode bodies with MsgType "event" and the given
// Event into the value newEvent returns. The key matches case-insensitively,
// ignoring surrounding white space, and replaces any earlier registration,
// built-ins included. newEvent must return a fresh pointer to a struct that
// embeds Envelope on every call; its fields are filled by their xml tags.
//
// A key may name a sub-type with "/": "change_contact/create_user". For a
// body that carries ChangeType, the most specific registered key wins:
// "Event/ChangeType/UpdateDetail", then "Event/ChangeType", then "Event".
// Each part matches case-insensitively, ignoring surrounding white space.
//
// Two keys are not sent by WeChat but chosen by the EventKey of a subscribe:
// "subscribe_scan" (EventKey starts "qrscene_") and "subscribe_scan_product"
// (EventKey starts "scanbarcode|" or "scanimage|"). Register those to replace
// SubscribeScanEvent and SubscribeScanProductEvent.
//
// RegisterEvent panics if newEvent is nil, as http.Handle does for a nil handler.
func (p *Parser) RegisterEvent(event string, newEvent func() Event) {
	p.register(nsEvent, event, newEvent)
}

// RegisterMessage makes p decode bodies whose MsgType matches msgType (any
// type but "event") into the value newEvent returns, with the same rules as
// RegisterEvent.
func (p *Parser) RegisterMessage(msgType string, newEvent func() Event) {
	p.register(nsMessage, msgType, newEvent)
}

// RegisterInfoType makes p decode 开放平台 and WeCom suite pushes, which
// carry InfoType instead of MsgType, into the value newEvent returns, with the
// same rules as RegisterEvent, sub-keys included: "change_contact/create_user"
// is InfoType change_contact with ChangeType create_user.
func (p *Parser) RegisterInfoType(infoType string, newEvent func() Event) {
	p.register(nsInfo, infoType, newEvent)
}

func (p *Parser) register(ns namespace, key string, newEvent func() Event) {
	if newEvent == nil {
		panic("wechatevent: Register with a nil constructor for " + key)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	r := newRegistry(p.reg.Load())
	r.tables[ns].set(key, newEvent)
	r.index()
	p.reg.Store(r)
}

// normKey is the form a key is registered and looked up under: lower case,
// with white space trimmed around the key and around each part of a sub-key
// (" Change_Contact / Create_User " is "change_contact/create_user").
func normKey(k string) string {
	k = strings.ToLower(strings.TrimSpace(k))
	if !strings.Contains(k, "/") {
		return k
	}
	parts := strings.Split(k, "/")
	for i, p := range parts {
		parts[i] = strings.TrimSpace(p)
	}
	return strings.Join(parts, "/")
}

// header holds the top-level values that choose the type of a body.
type header struct {
	msgType, event, infoType, eventKey string
	changeType, updateDetail           string
}

func readHeader(nodes []node) header {
	var h header
	for i := 1; i < len(nodes); i++ {
		n := &nodes[i]
		if n.parent != 0 {
			continue
		}
		switch n.localName() {
		case "MsgType":
			h.msgType = n.text
		case "Event":
			h.event = n.text
		case "InfoType":
			h.infoType = n.text
		case "EventKey":
			h.eventKey = n.text
		case "ChangeType":
			h.changeType = n.text
		case "UpdateDetail":
			h.updateDetail = n.text
		}
	}
	return h
}

// lookup finds the registration for a body; nil means unknown.
func (r *registry) lookup(h *header) (*entry, error) {
	if h.msgType == "event" {
		return r.event(h), nil
	}
	if e := r.tables[nsMessage].fast.get(h.msgType); e != nil {
		return e, nil // a message type as registered: "text", "image", ...
	}
	var buf [64]byte
	msgType := lowerKey(buf[:0], h.msgType)
	switch {
	case len(msgType) == 0:
		if strings.TrimSpace(h.infoType) == "" {
			return nil, ErrMissingMsgType
		}
		return r.tables[nsInfo].sub(h.infoType, h), nil
	case string(msgType) != "event":
		return r.tables[nsMessage].get(h.msgType), nil
	}
	return r.event(h), nil
}

// prefixRule sends a body whose Event is event and whose EventKey starts with
// prefix to the registration under key.
type prefixRule struct {
	event, prefix, key string
}

// eventKeyRules tell apart the events that WeChat sends under one Event value
// and distinguishes only by the start of the EventKey. The first rule that
// matches a body and whose key is registered wins.
var eventKeyRules = []prefixRule{
	{"subscribe", "qrscene_", keySubscribeScan},
	{"subscribe", "scanbarcode|", keySubscribeScanProduct},
	{"subscribe", "scanimage|", keySubscribeScanProduct},
}

// event finds the registration for an event: by the EventKey rules first,
// then by Event and its sub-keys.
func (r *registry) event(h *header) *entry {
	t := &r.tables[nsEvent]
	if len(eventKeyRules) > 0 && h.eventKey != "" {
		ev, key := trimValue(h.event), trimValue(h.eventKey)
		for _, rule := range eventKeyRules {
			if strings.EqualFold(ev, rule.event) && strings.HasPrefix(key, rule.prefix) {
				if e := t.get(rule.key); e != nil {
					return e
				}
			}
		}
	}
	return t.sub(h.event, h)
}

// sub finds the registration for v, the value of Event or InfoType, refined
// by the body's ChangeType and UpdateDetail: the most specific registered key
// of "v/ChangeType/UpdateDetail", "v/ChangeType" and "v" wins.
func (t *table) sub(v string, h *header) *entry {
	if trimValue(h.changeType) == "" {
		return t.get(v)
	}
	var buf [128]byte
	k := lowerKey(buf[:0], v)
	k = append(k, '/')
	k = lowerKey(k, h.changeType)
	if trimValue(h.updateDetail) != "" {
		n := len(k)
		k = append(k, '/')
		k = lowerKey(k, h.updateDetail)
		if e := t.byKey[string(k)]; e != nil {
			return e
		}
		k = k[:n]
	}
	if e := t.byKey[string(k)]; e != nil {
		return e
	}
	return t.get(v)
}

// index rebuilds the fast lookup tables after registrations changed.
func (r *registry) index() {
	for ns := range r.tables {
		t := &r.tables[ns]
		t.fast = newKeyTable(t.byKey)
	}
}

// keyTable is a read-only hash table from strings to entries. Built once per
// registry, it answers the lookup of every body in a few compares, where a
// Go map hashes the whole key first. Keys of up to 16 bytes are compared
// as their nameKey alone.
type keyTable struct {
	slots []keySlot // a power of two in length, at most half full
	shift uint8     // 64 minus the number of index bits
}

type keySlot struct {
	key string
	k   nameKey
	e   *entry
}

// newKeyTable indexes the entries of m under the keys they were registered
// with.
func newKeyTable(m map[string]*entry) keyTable {
	size := 8
	for size < 2*len(m) {
		size *= 2
	}
	t := keyTable{slots: make([]keySlot, size), shift: uint8(64 - bits.TrailingZeros(uint(size)))}
	for _, e := range m {
		key := e.key
		k := keyOf(key)
		for i := t.slot(k); ; i = (i + 1) & (len(t.slots) - 1) {
			if t.slots[i].e == nil {
				t.slots[i] = keySlot{key: key, k: k, e: e}
				break
			}
		}
	}
	return t
}

func (t *keyTable) slot(k nameKey) int {
	h := (k.a ^ bits.RotateLeft64(k.b, 31) ^ uint64(k.n)) * 0x9E3779B97F4A7C15
	return int(h >> t.shift)
}

// get returns the entry registered under exactly v, or nil.
func (t *keyTable) get(v string) *entry {
	if len(t.slots) == 0 {
		return nil
	}
	k := keyOf(v)
	for i := t.slot(k); ; i = (i + 1) & (len(t.slots) - 1) {
		s := &t.slots[i]
		if s.e == nil {
			return nil
		}
		if s.k == k && (k.n <= 16 || s.key == v) {
			return s.e
		}
	}
}

// get finds the registration for a value as sent: under its exact spelling
// first, then normalised.
func (t *table) get(v string) *entry {
	if e := t.fast.get(v); e != nil {
		return e
	}
	var buf [64]byte
	return t.byKey[string(lowerKey(buf[:0], v))]
}

// lowerKey appends the trimmed, lower-cased s to dst without allocating for
// keys that fit dst's capacity.
func lowerKey(dst []byte, s string) []byte {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// deriver is implemented by built-in types with fields computed from others,
// such as SubscribeScanEvent.SceneID.
type deriver interface{ derive() }

// Parse parses one callback body into the typed value registered for its
// MsgType and Event (or InfoType). A readable body of an unregistered type is
// an *UnknownEvent. Parse never returns a nil Event with a nil error, never
// panics, and keeps no reference to data: it reads data in place while it
// runs, so data must not change until it returns, and may be reused after.
func (p *Parser) Parse(data []byte) (Event, error) {
	if len(data) > MaxBodySize {
		return nil, ErrTooLarge
	}
	sc := getScanner()
	ev, err := p.parse(sc, data)
	putScanner(sc)
	return ev, err
}

// parse does the work of Parse with a scanner that the caller returns to the
// pool.
//
// The scan reads data in place rather than a copy of it: copying a whole body
// costs more than all the rest of a parse save the scan. Its nodes point into
// data until parse moves the values the result keeps into memory of their own
// as it decodes them (scanner.keep), or, for an UnknownEvent, into a copy of
// the body before anything is decoded (scanner.rebase); putScanner then drops
// every reference to data.
func (p *Parser) parse(sc *scanner, data []byte) (Event, error) {
	if err := sc.scanBody(unsafe.String(unsafe.SliceData(data), len(data))); err != nil {
		return nil, err
	}
	h := readHeader(sc.nodes)
	r := p.reg.Load()
	if r == nil {
		r = newRegistry(nil)
	}
	e, err := r.lookup(&h)
	if err != nil {
		return nil, err
	}
	var ev Event
	var plan *pnode
	var at unsafe.Pointer
	if e != nil {
		if ev = e.new(); ev != nil {
			plan, at = e.planOf(ev)
		}
	}
	if plan == nil {
		raw := string(data)
		sc.rebase(raw)
		u := &UnknownEvent{Raw: []byte(raw)}
		u.fields = snapshot(sc.nodes)
		ev, plan, at = u, planFor(unknownEventType), unsafe.Pointer(u)
	} else {
		sc.borrowed = true
	}
	sc.decode(plan, at)
	if env := ev.Header(); env != nil {
		env.MsgType = trimValue(env.MsgType)
		env.Event = trimValue(env.Event)
	}
	if d, ok := ev.(deriver); ok {
		d.derive()
	}
	return ev, nil
}

var unknownEventType = reflect.TypeOf(UnknownEvent{})

// trimValue is strings.TrimSpace, quicker for the usual value that has
// nothing to trim: one that starts and ends with a printable ASCII byte.
func trimValue(s string) string {
	if s != "" && plainEnd[s[0]] && plainEnd[s[len(s)-1]] {
		return s
	}
	return strings.TrimSpace(s)
}

// plainEnd marks the printable ASCII bytes, which strings.TrimSpace never trims.
var plainEnd = func() (t [256]bool) {
	for c := '!'; c < utf8.RuneSelf; c++ {
		t[c] = true
	}
	return t
}()
