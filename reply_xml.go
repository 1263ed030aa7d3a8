package wechatevent

import (
	"strconv"
	"time"
)

// The XML encoding of replies: every string in CDATA with "]]>" split,
// CreateTime as integer seconds, written by appending into one buffer.

// appendHead appends <xml> and the four elements every reply starts with.
func appendHead(dst []byte, to, from string, created time.Time, msgType string) []byte {
	dst = append(dst, "<xml>"...)
	dst = appendCDATAElem(dst, "ToUserName", to)
	dst = appendCDATAElem(dst, "FromUserName", from)
	dst = append(dst, "<CreateTime>"...)
	dst = strconv.AppendInt(dst, unixSeconds(created), 10)
	dst = append(dst, "</CreateTime>"...)
	return appendCDATAElem(dst, "MsgType", msgType)
}

// appendCDATAElem appends <name><![CDATA[value]]></name>. Any value survives:
// a "]]>" in it is split across two sections, and every other byte, control
// characters and CR included, is kept as it is.
func appendCDATAElem(dst []byte, name, value string) []byte {
	dst = append(dst, '<')
	dst = append(dst, name...)
	dst = append(dst, "><![CDATA["...)
	dst = appendCDATA(dst, value)
	dst = append(dst, "]]></"...)
	dst = append(dst, name...)
	return append(dst, '>')
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
	return 150 + cdataSize(to) + cdataSize(from)
}

// cdataSize bounds the encoded length of a string value in either format:
// room for ordinary text and some escapes; text full of "]]>" or control
// characters grows the buffer once more.
func cdataSize(s string) int { return len(s) + len(s)/8 + 8 }
