package wechatevent

import (
	"strconv"
	"strings"
	"time"
)

// WeCom (企业微信) sends its callbacks in two shapes. A self-built app (自建应用)
// gets the 公众号 envelope: MsgType "event", Event, ToUserName (the CorpID),
// FromUserName (a member's UserID, or "sys" for system events), CreateTime
// and usually AgentID. A third-party suite (第三方应用, 代开发) gets the same
// business data as a push with InfoType instead of MsgType and Event, and
// SuiteId, AuthCorpId and TimeStamp instead of ToUserName and CreateTime.
//
// One business event that arrives in both shapes decodes to one type, which
// embeds both Envelope and SuiteEnvelope and is registered under the Event
// and the InfoType: change_contact, change_external_contact,
// change_external_chat, change_external_tag, customer_acquisition and
// change_school_contact (each with its ChangeType sub-keys),
// batch_job_result, share_agent_change, change_app_admin and
// unlicensed_notify. Whichever shape came, the fields of the other are empty.
//
// Several events sub-dispatch on ChangeType (and change_external_chat
// updates on UpdateDetail): the registry keys are "Event/ChangeType" and
// "Event/ChangeType/UpdateDetail", and the most specific registered key wins.

// SuiteEnvelope holds the elements common to the pushes WeCom sends to a
// third-party suite's callback URL (指令回调 and 数据回调). Types that WeCom
// sends in both shapes embed it beside Envelope; for a self-built app's
// callback its fields are empty.
type SuiteEnvelope struct {
	// SuiteID is the third-party suite's ID (ww... or wx...), the ReceiveId
	// of a 指令回调. Empty for a self-built app's callback.
	SuiteID string `xml:"SuiteId"`

	// AuthCorpID is the CorpID of the corp that authorised the suite; empty
	// for a self-built app's callback and for pushes about the suite itself
	// (suite_ticket).
	AuthCorpID string `xml:"AuthCorpId"`

	// InfoType is the push's type as sent, such as "change_contact". Empty
	// for a self-built app's callback, which names its type in Event.
	InfoType string `xml:"InfoType"`

	// TimeStamp is when WeCom sent the push, from its integer UNIX seconds;
	// zero for a self-built app's callback, which has CreateTime instead.
	TimeStamp time.Time `xml:"TimeStamp"`
}

// Int64List is a list of numbers that WeCom sends in one element, separated
// by commas, such as <Department>1,2,3</Department>. Surrounding white space
// of each item is dropped; an item that is not a number is 0, so that the
// positions of parallel lists (Department and IsLeaderInDept) still line up.
// An empty element is an empty list.
type Int64List []int64

// UnmarshalText fills l from the comma-separated text. It never fails.
func (l *Int64List) UnmarshalText(text []byte) error {
	items := splitList(string(text))
	if items == nil {
		*l = nil
		return nil
	}
	out := make(Int64List, len(items))
	for i, s := range items {
		out[i], _ = parseInt(s, 64)
	}
	*l = out
	return nil
}

// StringList is a list of strings that WeCom sends in one element, separated
// by commas, such as <AddUserItems>zhangsan,lisi</AddUserItems>. Surrounding
// white space of each item is dropped; an empty element is an empty list.
type StringList []string

// UnmarshalText fills l from the comma-separated text. It never fails.
func (l *StringList) UnmarshalText(text []byte) error {
	*l = splitList(string(text))
	return nil
}

// BoolList is a list of flags that WeCom sends in one element, separated by
// commas, such as <IsLeaderInDept>1,0,0</IsLeaderInDept>. Each item is read
// as a boolean element is ("1", "true"; "0", "false"); anything else is
// false, so that positions still line up with the list the flags belong to.
// An empty element is an empty list.
type BoolList []bool

// UnmarshalText fills l from the comma-separated text. It never fails.
func (l *BoolList) UnmarshalText(text []byte) error {
	items := splitList(string(text))
	if items == nil {
		*l = nil
		return nil
	}
	out := make(BoolList, len(items))
	for i, s := range items {
		out[i], _ = strconv.ParseBool(s)
	}
	*l = out
	return nil
}

// splitList splits a comma-separated element into its trimmed items, or nil
// when the element holds nothing but white space.
func splitList(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	items := strings.Split(s, ",")
	for i := range items {
		items[i] = strings.TrimSpace(items[i])
	}
	return items
}

// both registers a type that WeCom sends as Event to a self-built app and as
// InfoType to a third-party suite under the same key in both namespaces.
func both(key string, newEvent func() Event) []builtin {
	return []builtin{{nsEvent, key, newEvent}, {nsInfo, key, newEvent}}
}

// concat joins registration lists.
func concat(lists ...[]builtin) []builtin {
	var out []builtin
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}
