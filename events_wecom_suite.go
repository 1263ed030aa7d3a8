package wechatevent

import "time"

// The pushes WeCom (企业微信) sends to a third-party suite (第三方应用, 代开发
// 应用) or to a service provider (服务商) about the suite itself: its ticket,
// authorisations, orders, interface licences, hardware and 会话存档. They carry
// InfoType and no MsgType, reach the 指令回调 URL encrypted for the SuiteID
// (ServiceCorpId-level pushes for the provider's CorpID) and must be answered
// with exactly "success", which the Handler does when your function returns
// no reply (https://developer.work.weixin.qq.com/document/path/90613). Each
// type embeds SuiteEnvelope; Envelope stays empty but for AgentID where a
// push carries one. The business events that WeCom also sends as InfoType
// (change_contact, change_external_contact, ...) are the types of their
// Event.

// SuiteTicketEvent delivers the suite_ticket with which a suite gets its
// suite_access_token. WeCom pushes it every 10 minutes once the suite is
// live (also when the console's 刷新Ticket is clicked); a ticket stays valid
// for 30 minutes, so keep the latest.
// The InfoType value is "suite_ticket".
// See https://developer.work.weixin.qq.com/document/path/90628
type SuiteTicketEvent struct {
	Envelope
	SuiteEnvelope
	SuiteTicket string `xml:"SuiteTicket"` // the ticket
}

// CreateAuthEvent is sent when a corp authorises (installs) the suite. The
// AuthCode is exchanged for the corp's permanent code within 10 minutes;
// the push names no corp, the exchange does. WeCom wants the answer within
// 1000 ms, so that the install does not stall: note the code and return.
// The InfoType value is "create_auth".
// See https://developer.work.weixin.qq.com/document/path/90642
type CreateAuthEvent struct {
	Envelope
	SuiteEnvelope
	AuthCode string `xml:"AuthCode"` // temporary authorisation code, for get_permanent_code
	State    string `xml:"State"`    // the state the install link carried; empty when none
}

// ChangeAuthEvent is sent when an authorising corp changes what it grants
// the suite (visible range, permissions, 微信客服 accounts).
// The InfoType value is "change_auth".
// See https://developer.work.weixin.qq.com/document/path/90642 and, for the
// 微信客服 accounts, https://developer.work.weixin.qq.com/document/path/99401
type ChangeAuthEvent struct {
	Envelope
	SuiteEnvelope
	State string `xml:"State"` // the state of the authorisation link; empty when none
	// OpenKfIDs are the 微信客服 accounts the user authorised this time, from
	// ExtraInfo>AuthOpenKfIdList; empty for other changes.
	OpenKfIDs []string `xml:"ExtraInfo>AuthOpenKfIdList>OpenKfId"`
}

// CancelAuthEvent is sent when a corp withdraws its authorisation (uninstalls
// the suite); AuthCorpID says which.
// The InfoType value is "cancel_auth".
// See https://developer.work.weixin.qq.com/document/path/90642
type CancelAuthEvent struct {
	Envelope
	SuiteEnvelope
}

// ResetPermanentCodeEvent is sent when a 代开发 app's Secret (its permanent
// code) is fetched again in the console; the AuthCode is exchanged for the
// new one within 10 minutes. WeCom wants the answer within 1000 ms: note
// the code and return, then exchange it.
// The InfoType value is "reset_permanent_code".
// See https://developer.work.weixin.qq.com/document/path/94758
type ResetPermanentCodeEvent struct {
	Envelope
	SuiteEnvelope
	AuthCode string `xml:"AuthCode"` // temporary authorisation code, for get_permanent_code
}

// RegisterCorpEvent is sent to a service provider when a corp has been
// registered through its registration link (推广二维码注册).
// The InfoType value is "register_corp".
// See https://developer.work.weixin.qq.com/document/path/90585
type RegisterCorpEvent struct {
	Envelope
	SuiteEnvelope
	ServiceCorpID string `xml:"ServiceCorpId"`           // the service provider's CorpID
	RegisterCode  string `xml:"RegisterCode"`            // the registration code the link carried
	AccessToken   string `xml:"ContactSync>AccessToken"` // token for syncing the new corp's contacts
	ExpiresIn     int    `xml:"ContactSync>ExpiresIn"`   // lifetime of AccessToken, in seconds
	UserID        string `xml:"AuthUserInfo>UserId"`     // the UserID of the corp's creator
	State         string `xml:"State"`                   // the state given when the code was made
	TemplateID    string `xml:"TemplateId"`              // the registration template
}

// EnterRegisterPackageEvent is sent to a service provider when a user opens
// its registration link (推广包) and enters the registration flow.
// The InfoType value is "enter_register_package".
// See https://developer.work.weixin.qq.com/document/path/90585
type EnterRegisterPackageEvent struct {
	Envelope
	SuiteEnvelope
	ServiceCorpID string `xml:"ServiceCorpId"`       // the service provider's CorpID
	UserID        string `xml:"AuthUserInfo>UserId"` // the user who entered
	RegisterCode  string `xml:"RegisterCode"`        // the registration code the link carried
	State         string `xml:"State"`               // the state given when the code was made
	TemplateID    string `xml:"TemplateId"`          // the registration template
}

// OpenOrderEvent is sent when a corp places an order for the suite
// (下单成功).
// The InfoType value is "open_order".
// See https://developer.work.weixin.qq.com/document/path/91929
type OpenOrderEvent struct {
	Envelope
	SuiteEnvelope
	PaidCorpID string `xml:"PaidCorpId"` // the ordering corp
	OrderID    string `xml:"OrderId"`    // the order
	OperatorID string `xml:"OperatorId"` // the UserID of who ordered; empty when a provider placed it
}

// ChangeOrderEvent is sent when an unpaid order is replaced by a changed one
// (改单).
// The InfoType value is "change_order".
// See https://developer.work.weixin.qq.com/document/path/91930
type ChangeOrderEvent struct {
	Envelope
	SuiteEnvelope
	PaidCorpID string `xml:"PaidCorpId"` // the ordering corp
	OldOrderID string `xml:"OldOrderId"` // the order replaced
	NewOrderID string `xml:"NewOrderId"` // the order that replaces it
}

// PayForAppSuccessEvent is sent when an order for the suite has been paid.
// The InfoType value is "pay_for_app_success".
// See https://developer.work.weixin.qq.com/document/path/91931
type PayForAppSuccessEvent struct {
	Envelope
	SuiteEnvelope
	PaidCorpID string `xml:"PaidCorpId"` // the paying corp
	OrderID    string `xml:"OrderId"`    // the order
}

// RefundEvent is sent when an order for the suite has been refunded.
// The InfoType value is "refund".
// See https://developer.work.weixin.qq.com/document/path/91932
type RefundEvent struct {
	Envelope
	SuiteEnvelope
	PaidCorpID string `xml:"PaidCorpId"` // the corp refunded
	OrderID    string `xml:"OrderId"`    // the order
}

// ChangeEditionEvent is sent when the edition a corp has of the suite
// changes (after a purchase, an expiry, a provider's change).
// The InfoType value is "change_editon" (sic).
// See https://developer.work.weixin.qq.com/document/path/91933
type ChangeEditionEvent struct {
	Envelope
	SuiteEnvelope
	PaidCorpID string `xml:"PaidCorpId"` // the corp whose edition changed
}

// LicensePaySuccessEvent is sent to a service provider when an order for
// interface licences (接口许可) has been paid.
// The InfoType value is "license_pay_success".
// See https://developer.work.weixin.qq.com/document/path/95716
type LicensePaySuccessEvent struct {
	Envelope
	SuiteEnvelope
	ServiceCorpID string `xml:"ServiceCorpId"` // the service provider's CorpID
	OrderID       string `xml:"OrderId"`       // the licence order
	BuyerUserID   string `xml:"BuyerUserId"`   // who paid, in the provider's corp
}

// LicenseRefundEvent is sent to a service provider when a refund of an
// interface-licence order completes or is refused.
// The InfoType value is "license_refund".
// See https://developer.work.weixin.qq.com/document/path/95805
type LicenseRefundEvent struct {
	Envelope
	SuiteEnvelope
	ServiceCorpID string `xml:"ServiceCorpId"` // the service provider's CorpID
	OrderID       string `xml:"OrderId"`       // the licence order
	OrderStatus   int    `xml:"OrderStatus"`   // 1 refunded, 2 refund refused
}

// ActivatedAccount is one interface licence that WeCom activated by itself.
type ActivatedAccount struct {
	ActiveCode         string    `xml:"ActiveCode"`         // the licence's activation code
	Type               int       `xml:"Type"`               // 1 basic licence (基础账号), 2 interop licence (互通账号)
	ExpireTime         time.Time `xml:"ExpireTime"`         // when the licence expires
	UserID             string    `xml:"UserId"`             // the member it was given to
	PreviousStatus     int       `xml:"PreviousStatus"`     // the member's licence status before, a code of the licence docs; 0 when not sent
	PreviousActiveCode string    `xml:"PreviousActiveCode"` // the member's licence before, if any
}

// AutoActivateEvent is sent to a service provider when WeCom activated
// interface licences by itself (自动激活), for example on a member's first
// use of the app or when a licence ran out.
// The InfoType value is "auto_activate".
// See https://developer.work.weixin.qq.com/document/path/95994
type AutoActivateEvent struct {
	Envelope
	SuiteEnvelope
	ServiceCorpID string             `xml:"ServiceCorpId"` // the service provider's CorpID
	Scene         int                `xml:"Scene"`         // the occasion of the activation, a code of the licence docs
	AccountList   []ActivatedAccount `xml:"AccountList"`   // one per licence; WeCom repeats <AccountList>
}

// ApproveSpecialAuthEvent is sent when a corp's admin grants the suite a
// special permission, such as customer_acquisition (获客助手).
// The InfoType value is "approve_special_auth".
// See https://developer.work.weixin.qq.com/document/path/98959
type ApproveSpecialAuthEvent struct {
	Envelope
	SuiteEnvelope
	AuthType string `xml:"AuthType"` // the permission, such as "customer_acquisition"
}

// CancelSpecialAuthEvent is sent when a corp's admin withdraws a special
// permission of the suite.
// The InfoType value is "cancel_special_auth".
// See https://developer.work.weixin.qq.com/document/path/98959
type CancelSpecialAuthEvent struct {
	Envelope
	SuiteEnvelope
	AuthType string `xml:"AuthType"` // the permission, such as "customer_acquisition"
}

// CorpArchAuthEvent is sent when a corp grants the suite access to its
// organisation structure (组织架构).
// The InfoType value is "corp_arch_auth".
// See https://developer.work.weixin.qq.com/document/path/97378
type CorpArchAuthEvent struct {
	Envelope
	SuiteEnvelope
}

// AgreeExternalUserIDMigrationEvent is sent to a service provider when a
// corp agrees to migrate its external_userid values to the provider's.
// The InfoType value is "agree_external_userid_migration".
// See https://developer.work.weixin.qq.com/document/path/95327
type AgreeExternalUserIDMigrationEvent struct {
	Envelope
	SuiteEnvelope
	ServiceCorpID string `xml:"ServiceCorpId"` // the service provider's CorpID
}

// AdvancedAPIExpiredEvent is sent to a service provider when a corp's paid
// advanced API (such as 会话内容存档) expires.
// The InfoType value is "advanced_api_expired".
// See https://developer.work.weixin.qq.com/document/path/100269
type AdvancedAPIExpiredEvent struct {
	Envelope
	SuiteEnvelope
	ServiceCorpID  string `xml:"ServiceCorpId"`          // the service provider's CorpID
	AdvanceAPIType int    `xml:"AdvanceApiType"`         // the API, such as 1 for 会话内容存档
	Edition        int    `xml:"ChatArchiveApi>Edition"` // the edition that expired, for 会话内容存档
}

// AdvancedAPITrialExpiredEvent is sent to a service provider when a corp's
// trial of an advanced API expires.
// The InfoType value is "advanced_api_trial_expired".
// See https://developer.work.weixin.qq.com/document/path/100270
type AdvancedAPITrialExpiredEvent struct {
	Envelope
	SuiteEnvelope
	ServiceCorpID  string `xml:"ServiceCorpId"`  // the service provider's CorpID
	AdvanceAPIType int    `xml:"AdvanceApiType"` // the API, such as 1 for 会话内容存档
}

// ChatArchiveAuditApprovedSingleEvent is sent when a customer agrees, in a
// one-to-one chat, that the conversation is archived (会话内容存档).
// The InfoType value is "chat_archive_audit_approved_single".
// See https://developer.work.weixin.qq.com/document/path/99532
type ChatArchiveAuditApprovedSingleEvent struct {
	Envelope
	SuiteEnvelope
	OpenUserID     string `xml:"OpenUserID"`     // the member, as the suite sees them
	ExternalUserID string `xml:"ExternalUserID"` // the customer
	ChatID         string `xml:"ChatId"`         // the chat the consent was given in; empty when not sent
}

// ChatArchiveExportFinishedEvent is sent when an export of archived
// conversations has finished; JobID fetches the result.
// The InfoType value is "chat_archive_export_finished".
// See https://developer.work.weixin.qq.com/document/path/97244
type ChatArchiveExportFinishedEvent struct {
	Envelope
	SuiteEnvelope
	JobID string `xml:"JobId"` // the export job
}

// ConversationNewMessageEvent is sent when archived conversations have new
// messages; Token pulls them.
// The InfoType value is "conversation_new_message".
// See https://developer.work.weixin.qq.com/document/path/97085
type ConversationNewMessageEvent struct {
	Envelope
	SuiteEnvelope
	Token string `xml:"Token"` // for pulling the new messages, valid for a short time
}

// HitKeywordEvent is sent when an archived message hits a keyword rule;
// Token pulls the hits.
// The InfoType value is "hit_keyword".
// See https://developer.work.weixin.qq.com/document/path/97244
type HitKeywordEvent struct {
	Envelope
	SuiteEnvelope
	Token string `xml:"Token"` // for pulling the hits
}

// DeviceEnvelope holds the elements common to the pushes about a WeCom
// hardware device (企业微信硬件) sent to its service provider.
type DeviceEnvelope struct {
	DeviceSn      string `xml:"DeviceSn"`      // the device's serial number
	ServiceCorpID string `xml:"ServiceCorpId"` // the hardware provider's CorpID
}

// AddDeviceEvent is sent when a corp adds one of the provider's devices.
// The InfoType value is "add_device".
// See https://developer.work.weixin.qq.com/document/path/90751
type AddDeviceEvent struct {
	Envelope
	SuiteEnvelope
	DeviceEnvelope
	RemarkName string `xml:"RemarkName"` // the name the corp gave the device
	ModelID    string `xml:"ModelId"`    // the device model
}

// DelDeviceEvent is sent when a corp removes one of the provider's devices.
// The InfoType value is "del_device".
// See https://developer.work.weixin.qq.com/document/path/90751
type DelDeviceEvent struct {
	Envelope
	SuiteEnvelope
	DeviceEnvelope
}

// ConnectInfoEvent is sent when a device connects to WeCom.
// The InfoType value is "connect_info".
// See https://developer.work.weixin.qq.com/document/path/90751
type ConnectInfoEvent struct {
	Envelope
	SuiteEnvelope
	DeviceEnvelope
	ConnectTime time.Time `xml:"ConnectTime"` // when it connected
}

// DisconnectInfoEvent is sent when a device disconnects from WeCom.
// The InfoType value is "disconnect_info".
// See https://developer.work.weixin.qq.com/document/path/90751
type DisconnectInfoEvent struct {
	Envelope
	SuiteEnvelope
	DeviceEnvelope
	DisconnectTime time.Time `xml:"DisconnectTime"` // when it disconnected
	Reason         int       `xml:"Reason"`         // why, as a code of the hardware docs
}

// DeviceFeatureChangeEvent is sent when a device's features change.
// The InfoType value is "device_feature_change".
// See https://developer.work.weixin.qq.com/document/path/90751
type DeviceFeatureChangeEvent struct {
	Envelope
	SuiteEnvelope
	DeviceEnvelope
}

// ErrorReportEvent is sent when a device reports an error.
// The InfoType value is "error_report".
// See https://developer.work.weixin.qq.com/document/path/90751
type ErrorReportEvent struct {
	Envelope
	SuiteEnvelope
	DeviceEnvelope
	ErrCode int    `xml:"ErrCode"` // the error code; 0 none
	ErrMsg  string `xml:"ErrMsg"`  // the error message
}

// FetchLogFinishEvent is sent when a device has uploaded the logs asked of
// it; MediaID downloads them.
// The InfoType value is "fetch_log_finish".
// See https://developer.work.weixin.qq.com/document/path/90751
type FetchLogFinishEvent struct {
	Envelope
	SuiteEnvelope
	DeviceEnvelope
	MediaID string `xml:"MediaId"` // the log file, as temporary media
}

// RemarkDeviceNameEvent is sent when a corp renames a device.
// The InfoType value is "remark_device_name".
// See https://developer.work.weixin.qq.com/document/path/90751
type RemarkDeviceNameEvent struct {
	Envelope
	SuiteEnvelope
	DeviceEnvelope
	RemarkName string `xml:"RemarkName"` // the new name
}

// DeviceDataAuthChangeEvent is sent when a corp changes the suite's access
// to its devices' data (设备数据授权); Envelope.AgentID names the app.
// The InfoType value is "device_data_auth_change".
// See https://developer.work.weixin.qq.com/document/path/96103
type DeviceDataAuthChangeEvent struct {
	Envelope
	SuiteEnvelope
}

// suitePushes registers the pushes about the suite and its provider.
var suitePushes = []builtin{
	{nsInfo, "suite_ticket", newOf[SuiteTicketEvent]},
	{nsInfo, "create_auth", newOf[CreateAuthEvent]},
	{nsInfo, "change_auth", newOf[ChangeAuthEvent]},
	{nsInfo, "cancel_auth", newOf[CancelAuthEvent]},
	{nsInfo, "reset_permanent_code", newOf[ResetPermanentCodeEvent]},
	{nsInfo, "register_corp", newOf[RegisterCorpEvent]},
	{nsInfo, "enter_register_package", newOf[EnterRegisterPackageEvent]},
	{nsInfo, "open_order", newOf[OpenOrderEvent]},
	{nsInfo, "change_order", newOf[ChangeOrderEvent]},
	{nsInfo, "pay_for_app_success", newOf[PayForAppSuccessEvent]},
	{nsInfo, "refund", newOf[RefundEvent]},
	{nsInfo, "change_editon", newOf[ChangeEditionEvent]},
	{nsInfo, "license_pay_success", newOf[LicensePaySuccessEvent]},
	{nsInfo, "license_refund", newOf[LicenseRefundEvent]},
	{nsInfo, "auto_activate", newOf[AutoActivateEvent]},
	{nsInfo, "approve_special_auth", newOf[ApproveSpecialAuthEvent]},
	{nsInfo, "cancel_special_auth", newOf[CancelSpecialAuthEvent]},
	{nsInfo, "corp_arch_auth", newOf[CorpArchAuthEvent]},
	{nsInfo, "agree_external_userid_migration", newOf[AgreeExternalUserIDMigrationEvent]},
	{nsInfo, "advanced_api_expired", newOf[AdvancedAPIExpiredEvent]},
	{nsInfo, "advanced_api_trial_expired", newOf[AdvancedAPITrialExpiredEvent]},
	{nsInfo, "chat_archive_audit_approved_single", newOf[ChatArchiveAuditApprovedSingleEvent]},
	{nsInfo, "chat_archive_export_finished", newOf[ChatArchiveExportFinishedEvent]},
	{nsInfo, "conversation_new_message", newOf[ConversationNewMessageEvent]},
	{nsInfo, "hit_keyword", newOf[HitKeywordEvent]},
	{nsInfo, "add_device", newOf[AddDeviceEvent]},
	{nsInfo, "del_device", newOf[DelDeviceEvent]},
	{nsInfo, "connect_info", newOf[ConnectInfoEvent]},
	{nsInfo, "disconnect_info", newOf[DisconnectInfoEvent]},
	{nsInfo, "device_feature_change", newOf[DeviceFeatureChangeEvent]},
	{nsInfo, "error_report", newOf[ErrorReportEvent]},
	{nsInfo, "fetch_log_finish", newOf[FetchLogFinishEvent]},
	{nsInfo, "remark_device_name", newOf[RemarkDeviceNameEvent]},
	{nsInfo, "device_data_auth_change", newOf[DeviceDataAuthChangeEvent]},
}
