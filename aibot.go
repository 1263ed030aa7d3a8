package wechatevent

import "github.com/wechatevent/wechatevent/internal/elem"

// The WeCom AI bot (企业微信智能机器人) posts JSON whose keys are all lower
// case: "msgtype" instead of MsgType, and for an event a nested
// "event":{"eventtype":…}. Its values collide with the 公众号's ("text",
// "image", "event") while its bodies are shaped otherwise, so its types live
// in a namespace of their own, nsBot, keyed by msgtype ("text") and, for
// events, by "event/<eventtype>" ("event/enter_chat"). A body is looked up
// there only when it carries neither MsgType nor InfoType.

// nsBot is the namespace of the AI bot, after the three of parse.go.
const nsBot = nsInfo + 1

// keyBotEvent is the msgtype of the AI bot's events.
const keyBotEvent = "event"

// bot finds the registration for a body of the AI bot: "event/<eventtype>"
// for an event, falling back to its msgtype; nil means unknown.
func (r *registry) bot(h *header) *entry {
	t := &r.tables[nsBot]
	if trimValue(h.botEventType) != "" {
		var buf [96]byte
		k := lowerKey(buf[:0], h.botMsgType)
		if string(k) == keyBotEvent {
			k = append(k, '/')
			k = lowerKey(k, h.botEventType)
			if e := t.byKey[string(k)]; e != nil {
				return e
			}
		}
	}
	return t.get(h.botMsgType)
}

// botEventType returns the text of "eventtype" in the object at index event
// of t, the AI bot's top-level "event", or "" when it has none.
func botEventType(t *elem.Table, event int) string {
	for i := event + 1; i < len(t.Elems); i++ {
		e := &t.Elems[i]
		if int(e.Parent) == event && t.Str(e.Name) == "eventtype" {
			return t.Str(e.Value)
		}
	}
	return ""
}
