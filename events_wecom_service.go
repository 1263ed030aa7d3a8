package wechatevent

// WeCom customer service (微信客服), chat archive (会话内容存档) and live
// (直播) events.

// KfMsgOrEventEvent is sent when 微信客服 has new messages or events for the
// corp. It carries no message: the app pulls them with the sync_msg API,
// passing Token. The body has no FromUserName.
// The Event value is "kf_msg_or_event".
// See https://developer.work.weixin.qq.com/document/path/94670
type KfMsgOrEventEvent struct {
	Envelope
	Token    string `xml:"Token"`    // the token for sync_msg, valid for 10 minutes
	OpenKfID string `xml:"OpenKfId"` // the customer service account with news
}

// KfAccountAuthChangeEvent is sent when customer service accounts are
// given to the app to manage, or taken from it.
// The Event value is "kf_account_auth_change".
// See https://developer.work.weixin.qq.com/document/path/97712
type KfAccountAuthChangeEvent struct {
	Envelope
	AuthAddOpenKfID []string `xml:"AuthAddOpenKfId"` // the accounts given to the app, one element each
	AuthDelOpenKfID []string `xml:"AuthDelOpenKfId"` // the accounts taken from it, one element each
}

// MsgauditNotifyEvent is sent when the chat archive (会话内容存档) has new
// messages to fetch.
// The Event value is "msgaudit_notify".
// See https://developer.work.weixin.qq.com/document/path/95039
type MsgauditNotifyEvent struct {
	Envelope
}

// LivingStatusChangeEvent is sent when a live broadcast (直播) the app
// created starts, ends or otherwise changes state.
// The Event value is "living_status_change".
// See https://developer.work.weixin.qq.com/document/path/94145
type LivingStatusChangeEvent struct {
	Envelope
	LivingID string `xml:"LivingId"` // the broadcast's ID
	Status   int    `xml:"Status"`   // 0 reserved, 1 live, 2 ended, 3 expired, 4 cancelled
}

// serviceEventsWeCom registers the customer service, archive and live events.
var serviceEventsWeCom = []builtin{
	{nsEvent, "kf_msg_or_event", newOf[KfMsgOrEventEvent]},
	{nsEvent, "kf_account_auth_change", newOf[KfAccountAuthChangeEvent]},
	{nsEvent, "msgaudit_notify", newOf[MsgauditNotifyEvent]},
	{nsEvent, "living_status_change", newOf[LivingStatusChangeEvent]},
}
