package wechatevent

import "time"

// 开放平台 (third-party platform) pushes carry InfoType and AppId instead of
// MsgType and Event, so every type here embeds PlatformHeader beside
// Envelope. Their CreateTime still fills Envelope.CreateTime; the other
// Envelope fields stay empty.

// PlatformHeader holds the two elements every push WeChat sends to a
// 开放平台 third-party platform's 授权事件接收 URL (authorisation-event URL)
// carries in place of MsgType and Event: <AppId>, the platform's own AppID,
// and <InfoType>, the push's type, by which Parse chooses the type. Every
// 开放平台 type embeds it, so ev.AppID and ev.InfoType work on all of them.
// See https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/component_verify_ticket.html
type PlatformHeader struct {
	// AppID is the third-party platform's own AppID (its component_appid),
	// from <AppId>. The account or mini program a push is about has a field
	// of its own, such as AuthorizerAppID or WxaAppID.
	AppID string `xml:"AppId"`

	// InfoType is the push's type as sent, from <InfoType>, such as
	// "component_verify_ticket" or "authorized".
	InfoType string `xml:"InfoType"`
}

// ComponentVerifyTicketEvent delivers the component_verify_ticket that a
// third-party platform needs to get its component_access_token. WeChat sends
// it every 10 minutes.
// The InfoType value is "component_verify_ticket".
// See https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/component_verify_ticket.html
type ComponentVerifyTicketEvent struct {
	Envelope
	PlatformHeader
	ComponentVerifyTicket string `xml:"ComponentVerifyTicket"` // the ticket
}

// AuthorizedEvent is sent when an account or mini program authorises the
// third-party platform.
// The InfoType value is "authorized".
// See https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/authorize_event.html
type AuthorizedEvent struct {
	Envelope
	PlatformHeader
	AuthorizerAppID              string    `xml:"AuthorizerAppid"`              // the authorising account's AppID
	AuthorizationCode            string    `xml:"AuthorizationCode"`            // the code to exchange for the authoriser's tokens
	AuthorizationCodeExpiredTime time.Time `xml:"AuthorizationCodeExpiredTime"` // when AuthorizationCode expires
	PreAuthCode                  string    `xml:"PreAuthCode"`                  // the pre_auth_code the authorisation page was opened with
}

// UnauthorizedEvent is sent when an account or mini program withdraws its
// authorisation of the third-party platform.
// The InfoType value is "unauthorized".
// See https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/authorize_event.html
type UnauthorizedEvent struct {
	Envelope
	PlatformHeader
	AuthorizerAppID string `xml:"AuthorizerAppid"` // the account's AppID
}

// UpdateAuthorizedEvent is sent when an account or mini program changes the
// permissions it granted to the third-party platform.
// The InfoType value is "updateauthorized".
// See https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/authorize_event.html
type UpdateAuthorizedEvent struct {
	Envelope
	PlatformHeader
	AuthorizerAppID              string    `xml:"AuthorizerAppid"`              // the authorising account's AppID
	AuthorizationCode            string    `xml:"AuthorizationCode"`            // the code to exchange for the authoriser's tokens
	AuthorizationCodeExpiredTime time.Time `xml:"AuthorizationCodeExpiredTime"` // when AuthorizationCode expires
	PreAuthCode                  string    `xml:"PreAuthCode"`                  // the pre_auth_code the authorisation page was opened with
}

// FastRegisterInfo is the data submitted to register a mini program quickly
// (快速注册). Companies fill the first six fields, persons WxUser and IDName.
type FastRegisterInfo struct {
	Name               string `xml:"name"`                 // the company's name
	Code               string `xml:"code"`                 // the company's code
	CodeType           int    `xml:"code_type"`            // 1 unified social credit code, 2 organisation code, 3 business licence number
	LegalPersonaWechat string `xml:"legal_persona_wechat"` // the legal representative's WeChat ID
	LegalPersonaName   string `xml:"legal_persona_name"`   // the legal representative's name
	ComponentPhone     string `xml:"component_phone"`      // the third-party platform's contact phone
	WxUser             string `xml:"wxuser"`               // the person's WeChat ID
	IDName             string `xml:"idname"`               // the person's name
}

// NotifyThirdFastRegisterEvent is sent when a mini program registered
// quickly through the third-party platform has been created, or failed.
// The InfoType value is "notify_third_fasteregister" (sic).
// See https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Register_Mini_Programs/Fast_Registration_Interface_document.html
type NotifyThirdFastRegisterEvent struct {
	Envelope
	PlatformHeader
	WxaAppID string           `xml:"appid"`     // the new mini program's AppID
	Status   int              `xml:"status"`    // 0 created; otherwise an error code
	AuthCode string           `xml:"auth_code"` // the authorisation code for the new mini program
	Msg      string           `xml:"msg"`       // "OK" or the error
	Info     FastRegisterInfo `xml:"info"`      // the data that was submitted
}

// BetaAppInfo is the data submitted to create a trial mini program.
type BetaAppInfo struct {
	UniqueID string `xml:"unique_id"` // the request's unique ID
	Name     string `xml:"name"`      // the mini program's name
}

// NotifyThirdFastRegisterBetaAppEvent is sent when a trial mini program
// (试用小程序) requested by the third-party platform has been created.
// The InfoType value is "notify_third_fastregisterbetaapp".
// See https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/beta_Mini_Programs/fastregister.html
type NotifyThirdFastRegisterBetaAppEvent struct {
	Envelope
	PlatformHeader
	WxaAppID string      `xml:"appid"`  // the trial mini program's AppID
	Status   int         `xml:"status"` // 0 created; otherwise an error code
	Msg      string      `xml:"msg"`    // "OK" or the error
	Info     BetaAppInfo `xml:"info"`   // the data that was submitted
}

// NotifyThirdFastVerifyBetaAppEvent is sent when a trial mini program has
// been verified and become a regular one (试用小程序快速认证).
// The InfoType value is "notify_third_fastverifybetaapp".
// See https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/beta_Mini_Programs/fastverify.html
type NotifyThirdFastVerifyBetaAppEvent struct {
	Envelope
	PlatformHeader
	WxaAppID string           `xml:"appid"`  // the mini program's AppID
	Status   int              `xml:"status"` // 0 verified; otherwise an error code
	Msg      string           `xml:"msg"`    // "OK" or the error
	Info     FastRegisterInfo `xml:"info"`   // the data that was submitted
}

// WxaAuthDispatchInfo is the verification agency a 小程序 verification was
// given to.
type WxaAuthDispatchInfo struct {
	Provider     string    `xml:"provider"`      // the agency's name
	Contact      string    `xml:"contact"`       // how to reach the agency
	DispatchTime time.Time `xml:"dispatch_time"` // when the task was given to the agency
}

// Notify3rdWxaAuthEvent is sent when a 小程序 verification (微信认证)
// requested by the third-party platform makes progress.
// The InfoType value is "notify_3rd_wxa_auth".
// See https://developers.weixin.qq.com/doc/oplatform/openApi/OpenApiDoc/miniprogram-management/wxa-auth/wxaAuth.html
type Notify3rdWxaAuthEvent struct {
	Envelope
	PlatformHeader
	WxaAppID     string              `xml:"appid"`         // the mini program's AppID
	TaskStatus   int                 `xml:"task_status"`   // the task's status; pushed for 0, 6, 9 and 12
	Message      string              `xml:"message"`       // a hint about the status
	TaskID       string              `xml:"taskid"`        // the verification task's ID
	ApplyStatus  int                 `xml:"apply_status"`  // the application's status; pushed for 2, 3, 4 and 5
	DispatchInfo WxaAuthDispatchInfo `xml:"dispatch_info"` // the agency; set when ApplyStatus is 2
}

// Notify3rdWxaWxverifyEvent reminds the third-party platform that a 小程序's
// verification expires or has expired (on the day, and 30 and 60 days after).
// The InfoType value is "notify_3rd_wxa_wxverify".
// See https://developers.weixin.qq.com/doc/oplatform/openApi/OpenApiDoc/miniprogram-management/wxa-auth/wxaAuth.html
type Notify3rdWxaWxverifyEvent struct {
	Envelope
	PlatformHeader
	WxaAppID string    `xml:"appid"`   // the mini program's AppID
	Expired  time.Time `xml:"expired"` // when the verification expires
	Message  string    `xml:"message"` // the reminder's text
}

// NotifyIcpfilingVerifyResultEvent is sent when the face verification of a
// 小程序 ICP filing (备案人脸核验) ends.
// The InfoType value is "notify_icpfiling_verify_result".
// See https://developers.weixin.qq.com/doc/oplatform/openApi/OpenApiDoc/miniprogram-management/record/createIcpVerifyTask.html
type NotifyIcpfilingVerifyResultEvent struct {
	Envelope
	PlatformHeader
	TaskID      string `xml:"task_id"`      // the verification task's ID
	VerifyAppID string `xml:"verify_appid"` // the mini program's AppID
	Result      int    `xml:"result"`       // 2 failed, 3 passed
}

// NotifyApplyIcpfilingResultEvent is sent when the ICP filing (备案) of a
// 小程序 changes status.
// The InfoType value is "notify_apply_icpfiling_result".
// See https://developers.weixin.qq.com/doc/oplatform/openApi/OpenApiDoc/miniprogram-management/record/applyIcpFiling.html
type NotifyApplyIcpfilingResultEvent struct {
	Envelope
	PlatformHeader
	AuthorizerAppID string `xml:"authorizer_appid"` // the mini program's AppID
	BeianStatus     int    `xml:"beian_status"`     // the filing's status, as in the filing-status API
}

// platformPushes registers the 开放平台 InfoType pushes.
var platformPushes = []builtin{
	{nsInfo, "component_verify_ticket", newOf[ComponentVerifyTicketEvent]},
	{nsInfo, "authorized", newOf[AuthorizedEvent]},
	{nsInfo, "unauthorized", newOf[UnauthorizedEvent]},
	{nsInfo, "updateauthorized", newOf[UpdateAuthorizedEvent]},
	{nsInfo, "notify_third_fasteregister", newOf[NotifyThirdFastRegisterEvent]},
	{nsInfo, "notify_third_fastregisterbetaapp", newOf[NotifyThirdFastRegisterBetaAppEvent]},
	{nsInfo, "notify_third_fastverifybetaapp", newOf[NotifyThirdFastVerifyBetaAppEvent]},
	{nsInfo, "notify_3rd_wxa_auth", newOf[Notify3rdWxaAuthEvent]},
	{nsInfo, "notify_3rd_wxa_wxverify", newOf[Notify3rdWxaWxverifyEvent]},
	{nsInfo, "notify_icpfiling_verify_result", newOf[NotifyIcpfilingVerifyResultEvent]},
	{nsInfo, "notify_apply_icpfiling_result", newOf[NotifyApplyIcpfilingResultEvent]},
}
