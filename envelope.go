package wechatevent

import (
	"strconv"
	"time"
)

// Envelope holds the elements common to every callback. Every typed value
// embeds it, so e.FromUserName and the other fields work on all of them.
type Envelope struct {
	// ToUserName is the receiving account: a 公众号 or 小程序 original ID
	// (gh_...), or a WeCom CorpID.
	ToUserName string `xml:"ToUserName"`

	// FromUserName is the sender: the user's OpenID, or a system sender such
	// as "mphelper" or "sys". Empty when the body carries none.
	FromUserName string `xml:"FromUserName"`

	// CreateTime is when WeChat created the callback, from the integer UNIX
	// seconds in <CreateTime> (a time.Unix value); zero when absent.
	CreateTime time.Time `xml:"CreateTime"`

	// MsgType is the message type as sent, white space trimmed: "event",
	// "text", "image", ... Empty for 开放平台 pushes that carry InfoType.
	MsgType string `xml:"MsgType"`

	// Event is the event type as sent, white space trimmed: "SCAN",
	// "subscribe", ...; empty for ordinary messages.
	Event string `xml:"Event"`

	// MsgID is the 64-bit message ID, read from <MsgId> (ordinary messages)
	// or <MsgID> (the job-finish events); 0 when absent or not a number.
	MsgID int64 `xml:"MsgId" alias:"MsgID"`

	// AgentID is the WeCom (企业微信) app that received the callback, from
	// <AgentID> (or <AgentId>, as share_agent_change spells it); 0 when
	// absent, empty (suite pushes send it empty) or not a number, and on
	// every other platform.
	AgentID int64 `xml:"AgentID" alias:"AgentId"`
}

// Event is a parsed callback. Every typed value of this package and every
// user type that embeds Envelope satisfies it, always as a pointer.
type Event interface {
	// Header returns the common envelope of the callback.
	Header() *Envelope
}

// Header returns e itself, so that every struct embedding Envelope is an Event.
func (e *Envelope) Header() *Envelope { return e }

// DedupeKey returns a key that is the same for every delivery of one callback
// and differs between callbacks, for dropping the retries WeChat sends when it
// gets no answer within 5 seconds (up to three per callback).
//
// Following WeChat's advice, a message is identified by its MsgID and an
// event by its FromUserName and CreateTime; the key adds ToUserName, so that
// one store can serve several accounts, and for events the Event, so that two
// different events of one user within one second stay apart. DedupeKey
// returns "" when the callback carries neither a MsgID nor a FromUserName
// (such as 开放平台 InfoType pushes): such callbacks have no reliable key.
func (e *Envelope) DedupeKey() string {
	switch {
	case e.MsgID != 0:
		return "msg|" + e.ToUserName + "|" + strconv.FormatInt(e.MsgID, 10)
	case e.FromUserName != "":
		return "event|" + e.ToUserName + "|" + e.FromUserName + "|" +
			strconv.FormatInt(e.CreateTime.Unix(), 10) + "|" + e.Event
	}
	return ""
}
