package wechatevent

import (
	"strings"
	"time"
)

// WeCom 客户联系 (customer contact) changes: customers (change_external_contact),
// customer groups (change_external_chat), customer tags (change_external_tag)
// and the 获客助手 links (customer_acquisition), each told apart by
// ChangeType. A self-built app gets them as Event with FromUserName "sys", a
// third-party suite as InfoType. Several customers added in one second give
// events that differ only in ExternalUserID.

// AddExternalContactEvent is sent when a member adds a customer (外部联系人),
// or a customer adds a member. WelcomeCode, valid for 20 seconds, lets the
// app send the welcome message.
// The Event value is "change_external_contact" with ChangeType
// "add_external_contact"; a third-party suite gets it as InfoType
// "change_external_contact".
// See https://developer.work.weixin.qq.com/document/path/92130
type AddExternalContactEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType     string `xml:"ChangeType"`     // "add_external_contact"
	UserID         string `xml:"UserID"`         // the member's UserID
	ExternalUserID string `xml:"ExternalUserID"` // the customer's external_userid
	State          string `xml:"State"`          // the state of the 联系我 configuration the customer came through; empty otherwise
	WelcomeCode    string `xml:"WelcomeCode"`    // the code for sending the welcome message; empty when none may be sent
	LinkID         string `xml:"LinkId"`         // the 获客链接 the customer came through; empty otherwise
}

// EditExternalContactEvent is sent when a member edits a customer's remark,
// description or tags.
// The Event value is "change_external_contact" with ChangeType
// "edit_external_contact"; a third-party suite gets it as InfoType
// "change_external_contact".
// See https://developer.work.weixin.qq.com/document/path/92130
type EditExternalContactEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType     string `xml:"ChangeType"`     // "edit_external_contact"
	UserID         string `xml:"UserID"`         // the member's UserID
	ExternalUserID string `xml:"ExternalUserID"` // the customer's external_userid
	State          string `xml:"State"`          // the state of the 联系我 configuration, when one was used
}

// AddHalfExternalContactEvent is sent when a customer added a member
// without the member having accepted yet (免验证 off): the customer can
// already receive messages.
// The Event value is "change_external_contact" with ChangeType
// "add_half_external_contact"; a third-party suite gets it as InfoType
// "change_external_contact".
// See https://developer.work.weixin.qq.com/document/path/92130
type AddHalfExternalContactEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType     string `xml:"ChangeType"`     // "add_half_external_contact"
	UserID         string `xml:"UserID"`         // the member's UserID
	ExternalUserID string `xml:"ExternalUserID"` // the customer's external_userid
	State          string `xml:"State"`          // the state of the 联系我 configuration the customer came through
	WelcomeCode    string `xml:"WelcomeCode"`    // the code for sending the welcome message
	LinkID         string `xml:"LinkId"`         // the 获客链接 the customer came through; empty otherwise
}

// DelExternalContactEvent is sent when a member deletes a customer.
// The Event value is "change_external_contact" with ChangeType
// "del_external_contact"; a third-party suite gets it as InfoType
// "change_external_contact".
// See https://developer.work.weixin.qq.com/document/path/92130
type DelExternalContactEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType     string `xml:"ChangeType"`     // "del_external_contact"
	UserID         string `xml:"UserID"`         // the member's UserID
	ExternalUserID string `xml:"ExternalUserID"` // the customer's external_userid
	Source         string `xml:"Source"`         // what deleted it: "DELETE_BY_TRANSFER" when the customer was handed over on a member's departure; empty otherwise
}

// DelFollowUserEvent is sent when a customer deletes a member (删除跟进成员).
// The Event value is "change_external_contact" with ChangeType
// "del_follow_user"; a third-party suite gets it as InfoType
// "change_external_contact".
// See https://developer.work.weixin.qq.com/document/path/92130
type DelFollowUserEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType     string `xml:"ChangeType"`     // "del_follow_user"
	UserID         string `xml:"UserID"`         // the member's UserID
	ExternalUserID string `xml:"ExternalUserID"` // the customer's external_userid
}

// TransferFailEvent is sent when handing a customer over to another member
// (客户接替) failed.
// The Event value is "change_external_contact" with ChangeType
// "transfer_fail"; a third-party suite gets it as InfoType
// "change_external_contact".
// See https://developer.work.weixin.qq.com/document/path/92130
type TransferFailEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType     string `xml:"ChangeType"`     // "transfer_fail"
	FailReason     string `xml:"FailReason"`     // "customer_refused" or "customer_limit_exceed"
	UserID         string `xml:"UserID"`         // the UserID of the member who was to take the customer over
	ExternalUserID string `xml:"ExternalUserID"` // the customer's external_userid
}

// MsgAuditApprovedEvent is sent when a customer agrees that the chat with a
// member is archived (会话内容存档).
// The Event value is "change_external_contact" with ChangeType
// "msg_audit_approved".
// See https://developer.work.weixin.qq.com/document/path/92005
type MsgAuditApprovedEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType     string `xml:"ChangeType"`     // "msg_audit_approved"
	UserID         string `xml:"UserID"`         // the member's UserID
	ExternalUserID string `xml:"ExternalUserID"` // the customer's external_userid
	WelcomeCode    string `xml:"WelcomeCode"`    // the code for sending the welcome message
}

// ExternalChatCreateEvent is sent when a customer group (客户群) is created.
// The Event value is "change_external_chat" with ChangeType "create"; a
// third-party suite gets it as InfoType "change_external_chat".
// See https://developer.work.weixin.qq.com/document/path/92130
type ExternalChatCreateEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "create"
	ChatID     string `xml:"ChatId"`     // the group's chat_id
}

// ExternalChatChange holds the elements of every change_external_chat
// update: the types of each UpdateDetail and ExternalChatUpdateEvent embed
// it. WeCom sends the member fields with every UpdateDetail, not only with
// add_member and del_member.
// See https://developer.work.weixin.qq.com/document/path/92130
type ExternalChatChange struct {
	ChangeType    string   `xml:"ChangeType"`                               // "update"
	UpdateDetail  string   `xml:"UpdateDetail"`                             // "add_member", "del_member", "change_owner", "change_name", "change_notice", …
	ChatID        string   `xml:"ChatId"`                                   // the group's chat_id
	JoinScene     int      `xml:"JoinScene"`                                // for members who joined: 0 invited by a member (directly or by link), 3 by scanning the group's QR code
	QuitScene     int      `xml:"QuitScene"`                                // for members who left: 0 left by themselves, 1 removed by the owner or an admin
	MemChangeCnt  int      `xml:"MemChangeCnt"`                             // how many members joined or left; MemChangeList is not limited by it
	MemChangeList []string `xml:"MemChangeList" alias:"MemChangeList>Item"` // the UserIDs or external_userids of the members who joined or left, one <Item> each (or comma-separated)
	LastMemVer    string   `xml:"LastMemVer"`                               // the member list's version before the change
	CurMemVer     string   `xml:"CurMemVer"`                                // the member list's version after the change
}

// ExternalChatUpdateEvent is sent when a customer group changes in a way
// that has no type of its own (see ExternalChatAddMemberEvent and the
// others for the UpdateDetail values known). All the update types carry the
// same fields: WeCom fills the member fields for members who joined or left,
// and has been seen to send the counts and versions with other updates too.
// The Event value is "change_external_chat" with ChangeType "update"; a
// third-party suite gets it as InfoType "change_external_chat".
// See https://developer.work.weixin.qq.com/document/path/92130
type ExternalChatUpdateEvent struct {
	Envelope
	SuiteEnvelope
	ExternalChatChange
}

// ExternalChatAddMemberEvent is sent when members join a customer group.
// The Event value is "change_external_chat" with ChangeType "update" and
// UpdateDetail "add_member"; a third-party suite gets it as InfoType
// "change_external_chat".
// See https://developer.work.weixin.qq.com/document/path/92130
type ExternalChatAddMemberEvent struct {
	Envelope
	SuiteEnvelope
	ExternalChatChange
}

// ExternalChatDelMemberEvent is sent when members leave a customer group or
// are removed from it.
// The Event value is "change_external_chat" with ChangeType "update" and
// UpdateDetail "del_member"; a third-party suite gets it as InfoType
// "change_external_chat".
// See https://developer.work.weixin.qq.com/document/path/92130
type ExternalChatDelMemberEvent struct {
	Envelope
	SuiteEnvelope
	ExternalChatChange
}

// ExternalChatChangeOwnerEvent is sent when a customer group gets a new owner.
// The Event value is "change_external_chat" with ChangeType "update" and
// UpdateDetail "change_owner"; a third-party suite gets it as InfoType
// "change_external_chat".
// See https://developer.work.weixin.qq.com/document/path/92130
type ExternalChatChangeOwnerEvent struct {
	Envelope
	SuiteEnvelope
	ExternalChatChange
}

// ExternalChatChangeNameEvent is sent when a customer group is renamed.
// The Event value is "change_external_chat" with ChangeType "update" and
// UpdateDetail "change_name"; a third-party suite gets it as InfoType
// "change_external_chat".
// See https://developer.work.weixin.qq.com/document/path/92130
type ExternalChatChangeNameEvent struct {
	Envelope
	SuiteEnvelope
	ExternalChatChange
}

// ExternalChatChangeNoticeEvent is sent when a customer group's notice
// (群公告) changes.
// The Event value is "change_external_chat" with ChangeType "update" and
// UpdateDetail "change_notice"; a third-party suite gets it as InfoType
// "change_external_chat".
// See https://developer.work.weixin.qq.com/document/path/92130
type ExternalChatChangeNoticeEvent struct {
	Envelope
	SuiteEnvelope
	ExternalChatChange
}

// ExternalChatDismissEvent is sent when a customer group is dismissed.
// The Event value is "change_external_chat" with ChangeType "dismiss"; a
// third-party suite gets it as InfoType "change_external_chat".
// See https://developer.work.weixin.qq.com/document/path/92130
type ExternalChatDismissEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "dismiss"
	ChatID     string `xml:"ChatId"`     // the group's chat_id
}

// ExternalTagCreateEvent is sent when a customer tag or tag group is created.
// The Event value is "change_external_tag" with ChangeType "create"; a
// third-party suite gets it as InfoType "change_external_tag".
// See https://developer.work.weixin.qq.com/document/path/92130
type ExternalTagCreateEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "create"
	ID         string `xml:"Id"`         // the tag's or tag group's ID
	TagType    string `xml:"TagType"`    // "tag" or "tag_group"
}

// ExternalTagUpdateEvent is sent when a customer tag or tag group is changed.
// The Event value is "change_external_tag" with ChangeType "update"; a
// third-party suite gets it as InfoType "change_external_tag".
// See https://developer.work.weixin.qq.com/document/path/92130
type ExternalTagUpdateEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "update"
	ID         string `xml:"Id"`         // the tag's or tag group's ID
	TagType    string `xml:"TagType"`    // "tag" or "tag_group"
}

// ExternalTagDeleteEvent is sent when a customer tag or tag group is deleted.
// The Event value is "change_external_tag" with ChangeType "delete"; a
// third-party suite gets it as InfoType "change_external_tag".
// See https://developer.work.weixin.qq.com/document/path/92130
type ExternalTagDeleteEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "delete"
	ID         string `xml:"Id"`         // the tag's or tag group's ID
	TagType    string `xml:"TagType"`    // "tag" or "tag_group"
}

// ExternalTagShuffleEvent is sent when the order of customer tags or tag
// groups changes.
// The Event value is "change_external_tag" with ChangeType "shuffle"; a
// third-party suite gets it as InfoType "change_external_tag".
// See https://developer.work.weixin.qq.com/document/path/92130
type ExternalTagShuffleEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "shuffle"
	ID         string `xml:"Id"`         // the ID of the tag group whose tags were reordered; empty when the groups themselves were
	StrategyID string `xml:"StrategyId"` // the rule group (规则组) of the tags, for rule-group tags
}

// CustomerAcquisitionEvent is sent for a 获客助手 (customer acquisition)
// change that has no type of its own. It has every element the 获客助手
// events carry; those that do not apply to ChangeType are empty.
// The Event value is "customer_acquisition" with any ChangeType not listed
// below; a third-party suite gets it as InfoType "customer_acquisition".
// See https://developer.work.weixin.qq.com/document/path/97299
type CustomerAcquisitionEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType     string    `xml:"ChangeType"`     // what happened, as sent
	LinkID         string    `xml:"LinkId"`         // the 获客链接 concerned, when one is
	State          string    `xml:"State"`          // the customer_channel of the link, when one is
	UserID         string    `xml:"UserID"`         // the member concerned, when one is
	ExternalUserID string    `xml:"ExternalUserID"` // the customer concerned, when one is
	ExpireTime     time.Time `xml:"ExpireTime"`     // when quota expires, for expiry notices
	ExpireQuotaNum int       `xml:"ExpireQuotaNum"` // how much quota expires, for expiry notices
	ChatSeq        int       `xml:"ChatSeq"`        // the member's message count, for message notices
	ChatKey        string    `xml:"ChatKey"`        // the key to fetch the messages, for message notices
	OnceKey        string    `xml:"OnceKey"`        // the once_key of the link, for a provider's quota use
	Price          int64     `xml:"Price"`          // the provider's new price in fen (分), for price changes
	EffectiveTime  time.Time `xml:"EffectiveTime"`  // when the new price applies, for price changes
}

// BalanceLowEvent is sent when the corp's remaining 获客助手 quota runs low.
// The Event value is "customer_acquisition" with ChangeType "balance_low";
// a third-party suite gets it as InfoType "customer_acquisition".
// See https://developer.work.weixin.qq.com/document/path/97299
type BalanceLowEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "balance_low"
}

// BalanceExhaustedEvent is sent when the corp's 获客助手 quota is used up.
// The Event value is "customer_acquisition" with ChangeType
// "balance_exhausted"; a third-party suite gets it as InfoType
// "customer_acquisition".
// See https://developer.work.weixin.qq.com/document/path/97299
type BalanceExhaustedEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "balance_exhausted"
}

// BalanceIncreasedEvent is sent when the corp's 获客助手 quota grows after a
// purchase.
// The Event value is "customer_acquisition" with ChangeType
// "balance_increased"; a third-party suite gets it as InfoType
// "customer_acquisition".
// See https://developer.work.weixin.qq.com/document/path/97299
type BalanceIncreasedEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "balance_increased"
}

// LinkUnavailableEvent is sent when a 获客链接 stops working, for example
// because none of its members may use it any longer.
// The Event value is "customer_acquisition" with ChangeType
// "link_unavailable"; a third-party suite gets it as InfoType
// "customer_acquisition".
// See https://developer.work.weixin.qq.com/document/path/97299
type LinkUnavailableEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "link_unavailable"
	LinkID     string `xml:"LinkId"`     // the link's ID
}

// DeleteLinkEvent is sent when a 获客链接 is deleted.
// The Event value is "customer_acquisition" with ChangeType "delete_link";
// a third-party suite gets it as InfoType "customer_acquisition".
// See https://developer.work.weixin.qq.com/document/path/97299
type DeleteLinkEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "delete_link"
	LinkID     string `xml:"LinkId"`     // the link's ID
}

// OpenProfileEvent is sent when a customer opens a member's profile through
// a 获客链接.
// The Event value is "customer_acquisition" with ChangeType "open_profile";
// a third-party suite gets it as InfoType "customer_acquisition".
// See https://developer.work.weixin.qq.com/document/path/97299
type OpenProfileEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "open_profile"
	LinkID     string `xml:"LinkId"`     // the link's ID
	State      string `xml:"State"`      // the customer channel appended to the link
}

// FriendRequestEvent is sent when a customer who came through a 获客链接
// sends a member a friend request.
// The Event value is "customer_acquisition" with ChangeType
// "friend_request"; a third-party suite gets it as InfoType
// "customer_acquisition".
// See https://developer.work.weixin.qq.com/document/path/97299
type FriendRequestEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "friend_request"
	LinkID     string `xml:"LinkId"`     // the link's ID
	State      string `xml:"State"`      // the customer channel appended to the link
}

// CustomerStartChatEvent is sent when a customer who came through a
// 获客链接 starts chatting with a member.
// The Event value is "customer_acquisition" with ChangeType
// "customer_start_chat"; a third-party suite gets it as InfoType
// "customer_acquisition".
// See https://developer.work.weixin.qq.com/document/path/97299
type CustomerStartChatEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType     string `xml:"ChangeType"`     // "customer_start_chat"
	LinkID         string `xml:"LinkId"`         // the link's ID
	UserID         string `xml:"UserID"`         // the member's UserID
	ExternalUserID string `xml:"ExternalUserID"` // the customer's external_userid
}

// QuotaExpireSoonEvent is sent when a batch of the corp's 获客助手 quota is
// about to expire: 14, 7, 3, 2 and 1 days before.
// The Event value is "customer_acquisition" with ChangeType
// "quota_expire_soon"; a third-party suite gets it as InfoType
// "customer_acquisition".
// See https://developer.work.weixin.qq.com/document/path/97299
type QuotaExpireSoonEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType     string    `xml:"ChangeType"`     // "quota_expire_soon"
	ExpireTime     time.Time `xml:"ExpireTime"`     // when the quota expires
	ExpireQuotaNum int       `xml:"ExpireQuotaNum"` // how much quota expires then
}

// MessageFromCustomerEvent is sent when a member receives messages from a
// customer who came through a 获客链接 (the 3rd, 5th and 10th message).
// Since 2024-12-19 WeCom sends ChatKey instead of UserID, ExternalUserID and
// ChatSeq.
// The Event value is "customer_acquisition" with ChangeType
// "message_from_customer"; a third-party suite gets it as InfoType
// "customer_acquisition".
// See https://developer.work.weixin.qq.com/document/path/97299
type MessageFromCustomerEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType     string `xml:"ChangeType"`     // "message_from_customer"
	LinkID         string `xml:"LinkId"`         // the link's ID
	UserID         string `xml:"UserID"`         // the member's UserID (older form)
	ExternalUserID string `xml:"ExternalUserID"` // the customer's external_userid (older form)
	ChatSeq        int    `xml:"ChatSeq"`        // which message this is (older form)
	ChatKey        string `xml:"ChatKey"`        // the key to fetch the messages, valid about 30 minutes
}

// CustomerAcquisitionDelFollowUserEvent is sent when a customer who came
// through a 获客链接 deletes the member.
// The Event value is "customer_acquisition" with ChangeType
// "del_follow_user"; a third-party suite gets it as InfoType
// "customer_acquisition". (change_external_contact/del_follow_user is
// DelFollowUserEvent.)
// See https://developer.work.weixin.qq.com/document/path/97299
type CustomerAcquisitionDelFollowUserEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType     string `xml:"ChangeType"`     // "del_follow_user"
	LinkID         string `xml:"LinkId"`         // the link's ID
	UserID         string `xml:"UserID"`         // the member's UserID
	ExternalUserID string `xml:"ExternalUserID"` // the customer's external_userid
}

// ServiceBalanceLowEvent is sent to a service provider whose 获客助手
// component quota runs low.
// The InfoType value is "customer_acquisition" with ChangeType
// "service_balance_low" (also registered as an Event).
// See https://developer.work.weixin.qq.com/document/path/99485
type ServiceBalanceLowEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "service_balance_low"
}

// ServiceBalanceExhaustedEvent is sent to a service provider whose 获客助手
// component quota is used up.
// The InfoType value is "customer_acquisition" with ChangeType
// "service_balance_exhausted" (also registered as an Event).
// See https://developer.work.weixin.qq.com/document/path/99485
type ServiceBalanceExhaustedEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "service_balance_exhausted"
}

// ServiceBalanceConsumedEvent is sent to a service provider when a link of
// its 获客助手 component uses quota.
// The InfoType value is "customer_acquisition" with ChangeType
// "service_balance_consumed" (also registered as an Event).
// See https://developer.work.weixin.qq.com/document/path/99485
type ServiceBalanceConsumedEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "service_balance_consumed"
	LinkID     string `xml:"LinkId"`     // the link's ID
	OnceKey    string `xml:"OnceKey"`    // the once_key appended to the link
}

// ChangePriceEvent is sent to a service provider when the price of its
// 获客助手 component links changes.
// The InfoType value is "customer_acquisition" with ChangeType
// "change_price" (also registered as an Event).
// See https://developer.work.weixin.qq.com/document/path/99485
type ChangePriceEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType    string    `xml:"ChangeType"`    // "change_price"
	LinkID        string    `xml:"LinkId"`        // the link's ID, when the change concerns one
	Price         int64     `xml:"Price"`         // the new price in fen (分)
	EffectiveTime time.Time `xml:"EffectiveTime"` // when the new price applies
}

// splitMembers turns the items of a MemChangeList as decoded into member
// IDs. WeCom documents one <Item> per member; some senders put the IDs in the
// element itself, separated by commas. Both arrive here as items (the
// wrapper's own text first), so the wrapper's empty text is dropped and a
// comma list is split. Member IDs never contain commas.
func splitMembers(items []string) []string {
	var out []string
	for _, it := range items {
		for _, id := range strings.Split(it, ",") {
			if id = strings.TrimSpace(id); id != "" {
				out = append(out, id)
			}
		}
	}
	return out
}

func (e *ExternalChatUpdateEvent) derive()    { e.MemChangeList = splitMembers(e.MemChangeList) }
func (e *ExternalChatAddMemberEvent) derive() { e.MemChangeList = splitMembers(e.MemChangeList) }
func (e *ExternalChatDelMemberEvent) derive() { e.MemChangeList = splitMembers(e.MemChangeList) }
func (e *ExternalChatChangeOwnerEvent) derive() {
	e.MemChangeList = splitMembers(e.MemChangeList)
}
func (e *ExternalChatChangeNameEvent) derive() { e.MemChangeList = splitMembers(e.MemChangeList) }
func (e *ExternalChatChangeNoticeEvent) derive() {
	e.MemChangeList = splitMembers(e.MemChangeList)
}

// customerEvents registers the 客户联系 sub-types, as Event and as InfoType.
var customerEvents = concat(
	both("change_external_contact/add_external_contact", newOf[AddExternalContactEvent]),
	both("change_external_contact/edit_external_contact", newOf[EditExternalContactEvent]),
	both("change_external_contact/add_half_external_contact", newOf[AddHalfExternalContactEvent]),
	both("change_external_contact/del_external_contact", newOf[DelExternalContactEvent]),
	both("change_external_contact/del_follow_user", newOf[DelFollowUserEvent]),
	both("change_external_contact/transfer_fail", newOf[TransferFailEvent]),
	both("change_external_contact/msg_audit_approved", newOf[MsgAuditApprovedEvent]),
	both("change_external_chat/create", newOf[ExternalChatCreateEvent]),
	both("change_external_chat/update", newOf[ExternalChatUpdateEvent]),
	both("change_external_chat/update/add_member", newOf[ExternalChatAddMemberEvent]),
	both("change_external_chat/update/del_member", newOf[ExternalChatDelMemberEvent]),
	both("change_external_chat/update/change_owner", newOf[ExternalChatChangeOwnerEvent]),
	both("change_external_chat/update/change_name", newOf[ExternalChatChangeNameEvent]),
	both("change_external_chat/update/change_notice", newOf[ExternalChatChangeNoticeEvent]),
	both("change_external_chat/dismiss", newOf[ExternalChatDismissEvent]),
	both("change_external_tag/create", newOf[ExternalTagCreateEvent]),
	both("change_external_tag/update", newOf[ExternalTagUpdateEvent]),
	both("change_external_tag/delete", newOf[ExternalTagDeleteEvent]),
	both("change_external_tag/shuffle", newOf[ExternalTagShuffleEvent]),
	both("customer_acquisition", newOf[CustomerAcquisitionEvent]),
	both("customer_acquisition/balance_low", newOf[BalanceLowEvent]),
	both("customer_acquisition/balance_exhausted", newOf[BalanceExhaustedEvent]),
	both("customer_acquisition/balance_increased", newOf[BalanceIncreasedEvent]),
	both("customer_acquisition/link_unavailable", newOf[LinkUnavailableEvent]),
	both("customer_acquisition/delete_link", newOf[DeleteLinkEvent]),
	both("customer_acquisition/open_profile", newOf[OpenProfileEvent]),
	both("customer_acquisition/friend_request", newOf[FriendRequestEvent]),
	both("customer_acquisition/customer_start_chat", newOf[CustomerStartChatEvent]),
	both("customer_acquisition/quota_expire_soon", newOf[QuotaExpireSoonEvent]),
	both("customer_acquisition/message_from_customer", newOf[MessageFromCustomerEvent]),
	both("customer_acquisition/del_follow_user", newOf[CustomerAcquisitionDelFollowUserEvent]),
	both("customer_acquisition/service_balance_low", newOf[ServiceBalanceLowEvent]),
	both("customer_acquisition/service_balance_exhausted", newOf[ServiceBalanceExhaustedEvent]),
	both("customer_acquisition/service_balance_consumed", newOf[ServiceBalanceConsumedEvent]),
	both("customer_acquisition/change_price", newOf[ChangePriceEvent]),
)
