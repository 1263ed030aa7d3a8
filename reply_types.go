package wechatevent

import (
	"fmt"
	"time"
)

// TextReply answers with a text message (MsgType text).
type TextReply struct {
	ToUserName   string    // the user: the callback's FromUserName
	FromUserName string    // the account: the callback's ToUserName
	CreateTime   time.Time // written as UNIX seconds; zero means when sent
	Content      string    // the text; line breaks are kept
}

// NewTextReply returns a text reply to the sender of the callback to.
func NewTextReply(to Event, content string) *TextReply {
	h := to.Header()
	return &TextReply{ToUserName: h.FromUserName, FromUserName: h.ToUserName, CreateTime: time.Now(), Content: content}
}

// AppendXML appends the reply as WeChat documents it:
// <xml><ToUserName/><FromUserName/><CreateTime/><MsgType>text</MsgType><Content/></xml>.
func (r *TextReply) AppendXML(dst []byte) ([]byte, error) {
	if r == nil {
		return dst, fmt.Errorf("%w: nil *TextReply", ErrReply)
	}
	dst = appendHead(dst, r.ToUserName, r.FromUserName, r.CreateTime, "text")
	dst = appendCDATAElem(dst, "Content", r.Content)
	return append(dst, "</xml>"...), nil
}

// AppendJSON appends the reply as a JSON object with the keys of its XML
// elements.
func (r *TextReply) AppendJSON(dst []byte) ([]byte, error) {
	if r == nil {
		return dst, fmt.Errorf("%w: nil *TextReply", ErrReply)
	}
	dst = appendJSONHead(dst, r.ToUserName, r.FromUserName, r.CreateTime, "text")
	dst = append(dst, `,"Content":`...)
	dst = appendJSONString(dst, r.Content)
	return append(dst, '}'), nil
}

// encodedSize bounds the length of either encoding of the reply.
func (r *TextReply) encodedSize() int {
	if r == nil {
		return 0
	}
	return headSize(r.ToUserName, r.FromUserName) + 40 + cdataSize(r.Content)
}
