package wechatevent

// WeCom app (应用) events: a member entering the app, the app's state, its
// asynchronous jobs and its admin changes. The menu and location events
// WeCom shares with the 公众号 (subscribe, unsubscribe, LOCATION, click,
// view, scancode_*, pic_*, location_select) decode to the 公众号 types, with
// the app in Envelope.AgentID.

// EnterAgentEvent is sent when a member opens the app's conversation or its
// page in the workbench.
// The Event value is "enter_agent".
// See https://developer.work.weixin.qq.com/document/path/90240
type EnterAgentEvent struct {
	Envelope
	EventKey string `xml:"EventKey"` // empty
}

// CloseInactiveAgentEvent is sent when WeCom stops an app that nobody has
// used for a long time.
// The Event value is "close_inactive_agent".
// See https://developer.work.weixin.qq.com/document/path/90240
type CloseInactiveAgentEvent struct {
	Envelope
}

// ReopenInactiveAgentEvent is sent when an app stopped for inactivity is
// used again.
// The Event value is "reopen_inactive_agent".
// See https://developer.work.weixin.qq.com/document/path/90240
type ReopenInactiveAgentEvent struct {
	Envelope
}

// SwitchWorkbenchModeEvent is sent when an admin switches the app's
// workbench display between the custom mode and the normal one.
// The Event value is "switch_workbench_mode".
// See https://developer.work.weixin.qq.com/document/path/92535
type SwitchWorkbenchModeEvent struct {
	Envelope
	Mode int `xml:"Mode"` // 1 custom (自定义) mode, 0 normal mode
}

// BatchJobResultEvent is sent when an asynchronous job (异步任务) of the
// contacts API finishes: an import, a sync or an export.
// The Event value is "batch_job_result"; a third-party suite gets it as
// InfoType "batch_job_result".
// See https://developer.work.weixin.qq.com/document/path/90973
type BatchJobResultEvent struct {
	Envelope
	SuiteEnvelope
	JobID   string `xml:"BatchJob>JobId"`   // the job's ID, as the API returned it
	JobType string `xml:"BatchJob>JobType"` // "sync_user", "replace_user", "invite_user", "replace_party", "export_user", "export_simple_user", "export_department", "export_taguser", ...
	ErrCode int    `xml:"BatchJob>ErrCode"` // 0 on success
	ErrMsg  string `xml:"BatchJob>ErrMsg"`  // "ok" on success
}

// UploadMediaJobFinishEvent is sent when an asynchronous upload of a large
// media file (异步上传临时素材) finishes.
// The Event value is "upload_media_job_finish".
// See https://developer.work.weixin.qq.com/document/path/96219
type UploadMediaJobFinishEvent struct {
	Envelope
	JobID string `xml:"JobId"` // the upload job's ID, to fetch its result
}

// UnlicensedNotifyEvent is sent when a member without an interface licence
// (接口许可) uses the app; the app can then activate one.
// The Event value is "unlicensed_notify"; a third-party suite gets it as
// InfoType "unlicensed_notify".
// See https://developer.work.weixin.qq.com/document/path/95716
type UnlicensedNotifyEvent struct {
	Envelope
	SuiteEnvelope
	ServiceCorpID string `xml:"ServiceCorpId"` // the service provider's CorpID, in the InfoType form
}

// ChangeAppAdminEvent is sent when the app's admins change.
// The Event value is "change_app_admin"; a third-party suite gets it as
// InfoType "change_app_admin".
// See https://developer.work.weixin.qq.com/document/path/95038
type ChangeAppAdminEvent struct {
	Envelope
	SuiteEnvelope
}

// ShareAgentChangeEvent is sent when a corp shares the app with a corp of
// its 企业互联 network, or stops sharing it. In the InfoType form AgentID is
// Envelope.AgentID (wire AgentId).
// The Event value is "share_agent_change"; a third-party suite gets it as
// InfoType "share_agent_change".
// See https://developer.work.weixin.qq.com/document/path/93373
type ShareAgentChangeEvent struct {
	Envelope
	SuiteEnvelope
	AppID  string `xml:"AppId"`  // the shared app's ID (InfoType form)
	CorpID string `xml:"CorpId"` // the CorpID of the corp it is shared with (InfoType form); WeCom's sample has a broken CDATA here, kept as text
}

// ShareChainChangeEvent is sent when an app shared along the corp's
// 上下游 (supply chain) network changes.
// The Event value is "share_chain_change".
// See https://developer.work.weixin.qq.com/document/path/95794
type ShareChainChangeEvent struct {
	Envelope
}

// ProgramNotifyEvent is sent when a program of the corp's 数据与智能专区
// (专区程序) notifies the app (专区通知应用); the app fetches the data by
// NotifyID.
// The Event value is "program_notify".
// See https://developer.work.weixin.qq.com/document/path/100048
type ProgramNotifyEvent struct {
	Envelope
	NotifyID    string `xml:"NotifyId"`    // the notification's ID, to fetch its data
	NotifyScene int    `xml:"NotifyScene"` // the scene that sent it
}

// SubmitVipAccountApprovalEvent is sent when a member applies for a 高级功能
// account.
// The Event value is "submit_vip_account_approval".
// See https://developer.work.weixin.qq.com/document/path/99876
type SubmitVipAccountApprovalEvent struct {
	Envelope
	ApplyReason  string `xml:"ApplyReason"`  // the member's reason
	BusinessType int    `xml:"BusinessType"` // the kind of account applied for
	ApplyID      string `xml:"ApplyId"`      // the application's ID
}

// FinishVipAccountApprovalEvent is sent when an application for a 高级功能
// account is decided.
// The Event value is "finish_vip_account_approval".
// See https://developer.work.weixin.qq.com/document/path/99877
type FinishVipAccountApprovalEvent struct {
	Envelope
	FinishType int    `xml:"FinishType"` // how it ended
	ApplyID    string `xml:"ApplyId"`    // the application's ID
}

// SecurityEvent is sent for a change of the corp's security settings (安全
// 管理), such as its trusted domains and IPs.
// The Event value is "security"; ChangeType says what changed, such as
// "change_domain_ip".
// See https://developer.work.weixin.qq.com/document/path/100080
type SecurityEvent struct {
	Envelope
	ChangeType string `xml:"ChangeType"` // what changed, such as "change_domain_ip"
}

// AppEmailChangeEvent is sent when the app's mailbox (应用邮箱) changes, such
// as when mail arrives.
// The Event value is "app_email_change"; ChangeType says what changed, such
// as "receive_email".
// See https://developer.work.weixin.qq.com/document/path/97506
type AppEmailChangeEvent struct {
	Envelope
	ChangeType string `xml:"ChangeType"` // what changed, such as "receive_email"
	Amount     int    `xml:"Amount"`     // how many mails
}

// appEvents registers the app events.
var appEvents = concat([]builtin{
	{nsEvent, "enter_agent", newOf[EnterAgentEvent]},
	{nsEvent, "close_inactive_agent", newOf[CloseInactiveAgentEvent]},
	{nsEvent, "reopen_inactive_agent", newOf[ReopenInactiveAgentEvent]},
	{nsEvent, "switch_workbench_mode", newOf[SwitchWorkbenchModeEvent]},
	{nsEvent, "upload_media_job_finish", newOf[UploadMediaJobFinishEvent]},
	{nsEvent, "share_chain_change", newOf[ShareChainChangeEvent]},
	{nsEvent, "program_notify", newOf[ProgramNotifyEvent]},
	{nsEvent, "submit_vip_account_approval", newOf[SubmitVipAccountApprovalEvent]},
	{nsEvent, "finish_vip_account_approval", newOf[FinishVipAccountApprovalEvent]},
	{nsEvent, "security", newOf[SecurityEvent]},
	{nsEvent, "app_email_change", newOf[AppEmailChangeEvent]},
},
	both("batch_job_result", newOf[BatchJobResultEvent]),
	both("unlicensed_notify", newOf[UnlicensedNotifyEvent]),
	both("change_app_admin", newOf[ChangeAppAdminEvent]),
	both("share_agent_change", newOf[ShareAgentChangeEvent]),
)
