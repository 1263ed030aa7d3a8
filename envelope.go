package wechatevent

import "time"

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
	// The WeCom AI bot spells the key "msgtype".
	MsgType string `xml:"MsgType" alias:"msgtype"`

	// Event is the event type as sent, white space trimmed: "SCAN",
	// "subscribe", ...; empty for ordinary messages. The WeCom AI bot
	// sends it as "event":{"eventtype":…}.
	Event string `xml:"Event" alias:"event>eventtype"`

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
