package wechatevent

import (
	"io"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
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

// registry maps normalised keys to constructors, one map per namespace.
type registry struct {
	events   map[string]func() Event // MsgType=event, keyed by Event
	messages map[string]func() Event // any other MsgType
	infos    map[string]func() Event // 开放平台 pushes, keyed by InfoType
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
	r := &registry{
		events:   map[string]func() Event{},
		messages: map[string]func() Event{},
		infos:    map[string]func() Event{},
	}
	for _, table := range builtinTables {
		for _, b := range table {
			r.namespace(b.ns)[normKey(b.key)] = b.new
		}
	}
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

func (r *registry) namespace(ns namespace) map[string]func() Event {
	switch ns {
	case nsEvent:
		return r.events
	case nsMessage:
		return r.messages
	}
	return r.infos
}

// builtinTables lists every built-in registration, table by table.
var builtinTables = [][]builtin{seedEvents, messageTypes, menuEvents, notifyEvents, serviceEvents, cardEvents, miniProgramEvents, shopEvents, platformPushes}

// builtin is one built-in registration.
type builtin struct {
	ns  namespace
	key string
	new func() Event
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

// RegisterInfoType makes p decode 开放平台 pushes, which carry InfoType
// instead of MsgType, into the value newEvent returns, with the same rules as
// RegisterEvent.
func (p *Parser) RegisterInfoType(infoType string, newEvent func() Event) {
	p.register(nsInfo, infoType, newEvent)
}

func (p *Parser) register(ns namespace, key string, newEvent func() Event) {
	if newEvent == nil {
		panic("wechatevent: Register with a nil constructor for " + key)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	old := p.reg.Load()
	r := &registry{
		events:   copyMap(old, nsEvent),
		messages: copyMap(old, nsMessage),
		infos:    copyMap(old, nsInfo),
	}
	r.namespace(ns)[normKey(key)] = newEvent
	p.reg.Store(r)
}

func copyMap(r *registry, ns namespace) map[string]func() Event {
	m := map[string]func() Event{}
	if r != nil {
		for k, v := range r.namespace(ns) {
			m[k] = v
		}
	}
	return m
}

func normKey(k string) string { return strings.ToLower(strings.TrimSpace(k)) }

// header holds the top-level values that choose the type of a body.
type header struct {
	msgType, event, infoType, eventKey string
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
		}
	}
	return h
}

// lookup finds the constructor for a body; nil means unknown.
func (r *registry) lookup(h *header) (func() Event, error) {
	var buf [64]byte
	msgType := lowerKey(buf[:0], h.msgType)
	switch {
	case len(msgType) == 0:
		infoType := lowerKey(buf[:0], h.infoType)
		if len(infoType) == 0 {
			return nil, ErrMissingMsgType
		}
		return r.infos[string(infoType)], nil
	case string(msgType) != "event":
		return r.messages[string(msgType)], nil
	}
	event := lowerKey(buf[:0], h.event)
	if string(event) == "subscribe" {
		key := strings.TrimSpace(h.eventKey)
		switch {
		case strings.HasPrefix(key, "qrscene_"):
			return r.events[keySubscribeScan], nil
		case strings.HasPrefix(key, "scanbarcode|"), strings.HasPrefix(key, "scanimage|"):
			return r.events[keySubscribeScanProduct], nil
		}
	}
	return r.events[string(event)], nil
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
// panics, and keeps no reference to data.
func (p *Parser) Parse(data []byte) (Event, error) {
	if len(data) > MaxBodySize {
		return nil, ErrTooLarge
	}
	src := string(data)
	sc := getScanner()
	defer putScanner(sc)
	if err := sc.scan(src); err != nil {
		return nil, err
	}
	h := readHeader(sc.nodes)
	r := p.reg.Load()
	if r == nil {
		r = &registry{}
	}
	newEvent, err := r.lookup(&h)
	if err != nil {
		return nil, err
	}
	var ev Event
	if newEvent != nil {
		ev = newEvent()
	}
	rv := reflect.ValueOf(ev)
	if ev == nil || rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		u := &UnknownEvent{Raw: append([]byte(nil), data...)}
		u.fields = snapshot(sc.nodes)
		ev, rv = u, reflect.ValueOf(u)
	}
	decode(planFor(rv.Elem().Type()), rv.UnsafePointer(), sc.nodes)
	if env := ev.Header(); env != nil {
		env.MsgType = strings.TrimSpace(env.MsgType)
		env.Event = strings.TrimSpace(env.Event)
	}
	if d, ok := ev.(deriver); ok {
		d.derive()
	}
	return ev, nil
}
