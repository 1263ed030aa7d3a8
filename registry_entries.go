package wechatevent

import (
	"reflect"
	"sort"
)

// registryEntry is one registration of a Parser: the element whose value
// selects the type, the normalised key and the key as registered, and the
// struct type it decodes into.
type registryEntry struct {
	ns       namespace
	key      string
	spelling string
	typ      reflect.Type
}

// String names the element whose value is the key of the namespace.
func (ns namespace) String() string {
	switch ns {
	case nsEvent:
		return "Event"
	case nsMessage:
		return "MsgType"
	case nsBot:
		return "msgtype" // the WeCom AI bot's lower-case key
	}
	return "InfoType"
}

// entries lists every registration of p, sorted by namespace and key, so that
// documentation and tests can be checked against what Parse really does.
func (p *Parser) entries() []registryEntry {
	r := p.reg.Load()
	if r == nil {
		return nil
	}
	var out []registryEntry
	for _, ns := range []namespace{nsMessage, nsEvent, nsInfo, nsBot} {
		for key, e := range r.tables[ns].byKey {
			t := reflect.TypeOf(e.new())
			if t != nil && t.Kind() == reflect.Pointer {
				t = t.Elem()
			}
			out = append(out, registryEntry{ns: ns, key: key, spelling: e.key, typ: t})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].ns != out[j].ns {
			return out[i].ns < out[j].ns
		}
		return out[i].key < out[j].key
	})
	return out
}
