package wechatevent

import (
	"io"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"github.com/wechatevent/wechatevent/internal/bind"
	"github.com/wechatevent/wechatevent/internal/elem"
	"github.com/wechatevent/wechatevent/internal/xmlread"
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
	tables [nsBot + 1]table // indexed by namespace; nsBot, the AI bot's, is in aibot.go
	rules  []resolvedRule   // eventKeyRules whose keys are registered, in order
}

// table is the registrations of one namespace, under their normalised keys.
// exact indexes the same entries under the keys as registered, which are
// the spellings WeChat sends, so that the usual body is looked up without
// normalising its value first.
type table struct {
	byKey map[string]*entry
	exact map[string]*entry
}

// entry is one registration: the key as registered, and the constructor. It
// caches the plan of the type its constructor returns, so that parsing skips
// the plan cache.
type entry struct {
	key  string
	new  func() Event
	plan atomic.Pointer[typedPlan]
}

// typedPlan is a plan with the pointer type whose struct it fills.
type typedPlan struct {
	ptr  reflect.Type
	plan *bind.Plan
}

// planOf returns the plan for ev, a value e.new returned, and the struct ev
// points to, or a nil plan when ev is not a non-nil pointer to a struct
// whose plan can be built.
func (e *entry) planOf(ev Event) (*bind.Plan, unsafe.Pointer) {
	t := reflect.TypeOf(ev)
	if c := e.plan.Load(); c != nil && c.ptr == t {
		// ev holds a pointer, which is the data word of the interface.
		at := (*[2]unsafe.Pointer)(unsafe.Pointer(&ev))[1]
		if at == nil {
			return nil, nil
		}
		return c.plan, at
	}
	rv := reflect.ValueOf(ev)
	if t.Kind() != reflect.Pointer || rv.IsNil() || t.Elem().Kind() != reflect.Struct {
		return nil, nil
	}
	p, err := bind.For(t.Elem())
	if err != nil {
		return nil, nil // refused at registration; a constructor that changed its type since is unknown
	}
	e.plan.Store(&typedPlan{ptr: t, plan: p})
	return p, rv.UnsafePointer()
}

// checkType builds the plan of the type newEvent returns, so that a tag or
// field type the binder cannot honour fails loudly at registration.
func checkType(key string, newEvent func() Event) {
	ev := newEvent()
	if ev == nil {
		return
	}
	t := reflect.TypeOf(ev)
	if t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
		return
	}
	if _, err := bind.For(t.Elem()); err != nil {
		panic("wechatevent: Register " + strings.TrimSpace(key) + ": " + err.Error())
	}
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
		t := table{byKey: map[string]*entry{}, exact: map[string]*entry{}}
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
// Fields are filled as encoding/xml fills them ([]byte, ",chardata" and
// ",cdata" included). RegisterEvent calls newEvent once to learn its type,
// and panics if newEvent is nil, as
// http.Handle does for a nil handler, and, naming the type and field, if the
// type has a field that Parse cannot fill: an xml tag with ",attr", ",any",
// ",innerxml" or ",comment", a type implementing xml.Unmarshaler, or a map,
// channel, function, interface, complex or array field.
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
	checkType(key, newEvent)
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

	// botMsgType and botEventType are the lower-case "msgtype" and
	// "event>eventtype" of the WeCom AI bot (智能机器人), whose JSON
	// callbacks spell every key in lower case; they choose a type of the
	// bot's own namespace (aibot.go), and a body the bot namespace does not
	// know is an UnknownEvent that keeps its MsgType, never a refusal that
	// would make WeCom retry.
	botMsgType, botEventType string
}

// headerNames are the top-level names readHeader reads, each with the
// offset of the header field it fills. All are shorter than 17 bytes, so
// that a name's length and key (see elem.Key) decide a match. "event" is
// the AI bot's object, whose "eventtype" fills botEventType.
var headerNames = map[string]uintptr{
	"MsgType": unsafe.Offsetof(header{}.msgType), "Event": unsafe.Offsetof(header{}.event),
	"InfoType": unsafe.Offsetof(header{}.infoType), "EventKey": unsafe.Offsetof(header{}.eventKey),
	"ChangeType": unsafe.Offsetof(header{}.changeType), "UpdateDetail": unsafe.Offsetof(header{}.updateDetail),
	"msgtype": unsafe.Offsetof(header{}.botMsgType), "event": unsafe.Offsetof(header{}.botEventType),
}

// headerSlot is a header name as readHeader matches it: length and key, and
// the offset of the field it fills.
type headerSlot struct {
	key elem.Key
	n   uint32
	off uintptr
}

// headerSlots holds each header name at the slot its key's first word
// hashes to, (A * headerMul) >> 60, with a multiplier chosen at start-up so
// that no two names share a slot: readHeader then tests each element
// against one slot instead of every name. An empty slot has length 0, which
// no element name has.
var headerSlots, headerMul = func() (slots [16]headerSlot, mul uint64) {
	for mul = 0x9E3779B97F4A7C15; ; mul += 2 {
		slots = [16]headerSlot{}
		clash := false
		for name, off := range headerNames {
			if len(name) > 16 {
				panic("wechatevent: header name " + name + " is too long for its key to decide a match")
			}
			s := &slots[elem.KeyOf(name).A*mul>>60]
			if s.n != 0 {
				clash = true
				break
			}
			*s = headerSlot{elem.KeyOf(name), uint32(len(name)), off}
		}
		if !clash {
			return slots, mul
		}
	}
}()

// readHeader reads the header from the root's children, matching their
// local names, as the binder does.
func readHeader(t *elem.Table) header {
	var h header
	for i := 1; i < len(t.Elems); i++ {
		e := &t.Elems[i]
		if e.Parent != 0 {
			continue
		}
		s := &headerSlots[e.Key.A*headerMul>>60]
		if s.key != e.Key || s.n != e.Name.Len-uint32(e.Local) {
			continue
		}
		v := t.Str(e.Value)
		if s.off == unsafe.Offsetof(h.botEventType) {
			v = botEventType(t, i)
		}
		*(*string)(unsafe.Add(unsafe.Pointer(&h), s.off)) = v
	}
	return h
}

// lookup finds the registration for a body; nil means unknown.
func (r *registry) lookup(h *header) (*entry, error) {
	if h.msgType == "event" {
		return r.event(h), nil
	}
	if e := r.tables[nsMessage].exact[h.msgType]; e != nil {
		return e, nil // a message type as registered: "text", "image", ...
	}
	var buf [64]byte
	msgType := lowerKey(buf[:0], h.msgType)
	switch {
	case len(msgType) == 0:
		if strings.TrimSpace(h.infoType) == "" {
			if strings.TrimSpace(h.botMsgType) != "" {
				return r.bot(h), nil
			}
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
	if len(r.rules) > 0 && h.eventKey != "" {
		ev, key := trimValue(h.event), trimValue(h.eventKey)
		for _, rule := range r.rules {
			if strings.HasPrefix(key, rule.prefix) && (ev == rule.event || strings.EqualFold(ev, rule.event)) {
				return rule.entry
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

// index rebuilds the tables of keys as registered, and the EventKey rules
// whose keys are registered, after registrations changed.
func (r *registry) index() {
	for ns := range r.tables {
		t := &r.tables[ns]
		for _, e := range t.byKey {
			t.exact[e.key] = e
		}
	}
	r.rules = r.rules[:0]
	for _, rule := range eventKeyRules {
		if e := r.tables[nsEvent].byKey[normKey(rule.key)]; e != nil {
			r.rules = append(r.rules, resolvedRule{rule, e})
		}
	}
}

// resolvedRule is an EventKey rule whose key is registered, with the
// registration it leads to.
type resolvedRule struct {
	prefixRule
	entry *entry
}

// get finds the registration for a value as sent: under its exact spelling
// first, then normalised.
func (t *table) get(v string) *entry {
	if e := t.exact[v]; e != nil {
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
	st := getState()
	ev, err := p.parse(st, data)
	putState(st)
	return ev, err
}

// parseState is the reusable memory of one parse: the element table, the
// XML reader's pieces and the binder's stack.
type parseState struct {
	table  elem.Table
	xml    xmlread.Reader
	binder bind.Binder
}

var statePool = sync.Pool{New: func() any { return &parseState{table: elem.Table{Elems: make([]elem.Elem, 0, 64)}} }}

func getState() *parseState { return statePool.Get().(*parseState) }

func putState(st *parseState) {
	st.table.Recycle()
	statePool.Put(st)
}

// parse does the work of Parse: read the body into the element table,
// choose the type by the header, and bind.
//
// The table borrows data (see package elem): the binder copies the values
// the result keeps into one arena of the result's own, and an UnknownEvent,
// which keeps every value, gets a copy of the body and of the table.
func (p *Parser) parse(st *parseState, data []byte) (Event, error) {
	t := &st.table
	if err := st.read(unsafe.String(unsafe.SliceData(data), len(data))); err != nil {
		return nil, err
	}
	h := readHeader(t)
	r := p.reg.Load()
	if r == nil {
		r = newRegistry(nil)
	}
	e, err := r.lookup(&h)
	if err != nil {
		return nil, err
	}
	var ev Event
	var plan *bind.Plan
	var at unsafe.Pointer
	if e != nil {
		if ev = e.new(); ev != nil {
			plan, at = e.planOf(ev)
		}
	}
	if plan == nil {
		raw := string(data)
		u := &UnknownEvent{Raw: []byte(raw), table: t.Clone(raw)}
		st.binder.Fill(unknownPlan(), &u.table, unsafe.Pointer(u), true)
		ev = u
	} else {
		st.binder.Fill(plan, t, at, false)
	}
	if env := ev.Header(); env != nil {
		env.MsgType = trimValue(env.MsgType)
		env.Event = trimValue(env.Event)
	}
	if d, ok := ev.(deriver); ok {
		d.derive()
	}
	return ev, nil
}

// read reads a body into st.table with the reader its syntax needs, told by
// its first byte after an optional byte order mark and white space: '{' is
// JSON, anything else is read as XML. This is the one place a reader is
// chosen; both produce the same table.
func (st *parseState) read(src string) error {
	if isJSONText(src) {
		return readJSON(&st.table, src)
	}
	return readXML(&st.xml, &st.table, src)
}

// readXML reads an XML body into t, reporting malformed XML as a
// *SyntaxError.
func readXML(r *xmlread.Reader, t *elem.Table, src string) error {
	if err := r.Read(t, src); err != nil {
		if xe, ok := err.(*xmlread.Error); ok {
			return syntaxError(xe.Offset, xe.Msg)
		}
		return err
	}
	return nil
}

// unknownPlan is the plan of UnknownEvent: its Envelope.
func unknownPlan() *bind.Plan {
	p, err := bind.For(reflect.TypeOf(UnknownEvent{}))
	if err != nil {
		panic(err) // UnknownEvent is this package's own type; its tests build the plan
	}
	return p
}

// parseInt reads text as an integer by the lenient number rule of the
// binder, for the UnmarshalText methods of this package's list types.
func parseInt(text string, bits int) (int64, bool) { return bind.ParseInt(text, bits) }

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
