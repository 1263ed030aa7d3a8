package wechatevent

import (
	"strconv"
	"time"
)

// replyWriter writes one reply in either data format by appending into one
// buffer. In XML every string is CDATA with "]]>" split and every other
// byte kept; in JSON an element is a key, a wrapper a nested object and a
// repeated element an array, the mapping Parse reads JSON bodies by.
//
// It is passed and returned by value so that it stays on the stack.
type replyWriter struct {
	buf   []byte
	json  bool
	first bool // JSON: the current object or array has no member yet
}

// key starts a member named name.
func (w replyWriter) key(name string) replyWriter {
	if !w.json {
		w.buf = append(w.buf, '<')
		w.buf = append(w.buf, name...)
		w.buf = append(w.buf, '>')
		return w
	}
	if !w.first {
		w.buf = append(w.buf, ',')
	}
	w.first = false
	w.buf = append(w.buf, '"')
	w.buf = append(w.buf, name...)
	w.buf = append(w.buf, '"', ':')
	return w
}

// closeTag ends an XML element; JSON members need no end.
func (w replyWriter) closeTag(name string) replyWriter {
	if !w.json {
		w.buf = append(w.buf, '<', '/')
		w.buf = append(w.buf, name...)
		w.buf = append(w.buf, '>')
	}
	return w
}

// str writes a string member: CDATA in XML, a JSON string in JSON.
func (w replyWriter) str(name, value string) replyWriter {
	if w.json {
		w = w.key(name)
		w.buf = appendJSONString(w.buf, value)
		return w
	}
	// Fewer, longer appends than key and closeTag would make: this is most
	// of the time of a reply.
	w.buf = append(w.buf, '<')
	w.buf = append(w.buf, name...)
	w.buf = append(w.buf, "><![CDATA["...)
	w.buf = appendCDATA(w.buf, value)
	w.buf = append(w.buf, "]]></"...)
	w.buf = append(w.buf, name...)
	w.buf = append(w.buf, '>')
	return w
}

// optStr writes a string member unless it is empty.
func (w replyWriter) optStr(name, value string) replyWriter {
	if value == "" {
		return w
	}
	return w.str(name, value)
}

// num writes an integer member, bare in both formats.
func (w replyWriter) num(name string, value int64) replyWriter {
	w = w.key(name)
	w.buf = strconv.AppendInt(w.buf, value, 10)
	return w.closeTag(name)
}

// begin opens a wrapper element or nested object; end closes it.
func (w replyWriter) begin(name string) replyWriter {
	w = w.key(name)
	if w.json {
		w.buf = append(w.buf, '{')
		w.first = true
	}
	return w
}

func (w replyWriter) end(name string) replyWriter {
	if w.json {
		w.buf = append(w.buf, '}')
		w.first = false
		return w
	}
	return w.closeTag(name)
}

// beginList opens the JSON array that holds the repeated elements named
// name; XML writes each element with item and needs nothing around them.
func (w replyWriter) beginList(name string) replyWriter {
	if w.json {
		w = w.key(name)
		w.buf = append(w.buf, '[')
		w.first = true
	}
	return w
}

func (w replyWriter) endList() replyWriter {
	if w.json {
		w.buf = append(w.buf, ']')
		w.first = false
	}
	return w
}

// item opens one repeated element of a list; end closes it.
func (w replyWriter) item(name string) replyWriter {
	if !w.json {
		return w.key(name)
	}
	if !w.first {
		w.buf = append(w.buf, ',')
	}
	w.buf = append(w.buf, '{')
	w.first = true
	return w
}

// head opens the reply and writes the four members every reply starts with.
func (w replyWriter) head(to, from string, created time.Time, msgType string) replyWriter {
	if w.json {
		w.buf = append(w.buf, '{')
		w.first = true
	} else {
		w.buf = append(w.buf, "<xml>"...)
	}
	w = w.str("ToUserName", to)
	w = w.str("FromUserName", from)
	w = w.num("CreateTime", unixSeconds(created))
	return w.str("MsgType", msgType)
}

// close ends the reply.
func (w replyWriter) close() []byte {
	if w.json {
		return append(w.buf, '}')
	}
	return append(w.buf, "</xml>"...)
}

// unixSeconds is CreateTime on the wire; a zero time stands for now, so that
// a reply written as a literal without CreateTime is stamped when it is sent.
func unixSeconds(t time.Time) int64 {
	if t.IsZero() {
		return time.Now().Unix()
	}
	return t.Unix()
}

// headSize bounds the encoded length of the head of a reply, in XML or JSON.
func headSize(to, from string) int {
	return 160 + strSize(to) + strSize(from)
}

// strSize is room for one string member: its name, markup and value, with
// some room for escapes; text full of "]]>" or control characters grows the
// buffer once more.
func strSize(s string) int { return len(s) + len(s)/8 + 48 }
