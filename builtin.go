package wechatevent

// The built-in registrations. Each events file lists its types in one table
// of builtin rows, next to their definitions; NewParser registers every
// table named here. A new event is a type and a row in its file's table; a
// new events file adds its table to this list.

// builtinTables lists every built-in registration, table by table.
var builtinTables = [][]builtin{
	accountEvents,
	messageTypes,
	menuEvents,
	massSendEvents,
	notifyEvents,
	serviceEvents,
	cardEvents,
	miniProgramEvents,
	shopEvents,
	channelsEvents,
	platformPushes,
	contactEvents,
	customerEvents,
	schoolEvents,
	approvalEvents,
	appEvents,
	cardEventsWeCom,
	oaEvents,
	docEvents,
	serviceEventsWeCom,
	suitePushes,
	aiBotTypes,
}

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
