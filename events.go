package wechatevent

import (
	"strings"
	"time"
)

// SubscribeEvent is sent when a user follows the account in any way other
// than by a parametric QR code or a product page.
// The Event value is "subscribe".
// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_event_pushes.html
type SubscribeEvent struct {
	Envelope
	EventKey string `xml:"EventKey"` // usually empty; "last_trade_no_..." after a payment
	Ticket   string `xml:"Ticket"`   // usually empty
}

// SubscribeScanEvent is sent when a user who does not follow the account
// scans a parametric QR code and follows it. WeChat sends it as Event
// "subscribe" with an EventKey that starts "qrscene_"; it is registered under
// the key "subscribe_scan".
// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_event_pushes.html
type SubscribeScanEvent struct {
	Envelope
	EventKey string `xml:"EventKey"` // as sent: "qrscene_" + the scene
	SceneID  string `xml:"-"`        // the QR code's scene_id or scene_str: EventKey without "qrscene_"
	Ticket   string `xml:"Ticket"`   // the QR code's ticket, to fetch its image
}

func (e *SubscribeScanEvent) derive() {
	e.SceneID = strings.TrimPrefix(trimValue(e.EventKey), "qrscene_")
}

// SubscribeScanProductEvent is sent when a user follows the account from a
// 扫一扫 product page. WeChat sends it as Event "subscribe" with an EventKey
// "scanbarcode|<standard>|<code>" or "scanimage|<standard>|<code>"; it is
// registered under the key "subscribe_scan_product".
// See https://developers.weixin.qq.com/doc/offiaccount/Scan_QR_Code/Scan_QR_Code_Events_Push.html
type SubscribeScanProductEvent struct {
	Envelope
	EventKey    string `xml:"EventKey"` // as sent
	Scene       string `xml:"-"`        // "scanbarcode" or "scanimage": EventKey before the first '|'
	KeyStandard string `xml:"-"`        // the code standard, such as "ean13": the second part
	KeyStr      string `xml:"-"`        // the product code: the rest after the second '|'
}

func (e *SubscribeScanProductEvent) derive() {
	parts := strings.SplitN(trimValue(e.EventKey), "|", 3)
	e.Scene, e.KeyStandard, e.KeyStr = parts[0], "", ""
	if len(parts) > 1 {
		e.KeyStandard = parts[1]
	}
	if len(parts) > 2 {
		e.KeyStr = parts[2]
	}
}

// UnsubscribeEvent is sent when a user unfollows the account.
// The Event value is "unsubscribe".
// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_event_pushes.html
type UnsubscribeEvent struct {
	Envelope
}

// ScanEvent is sent when a user who already follows the account scans a
// parametric QR code.
// The Event value is "SCAN".
// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_event_pushes.html
type ScanEvent struct {
	Envelope
	EventKey string `xml:"EventKey"` // the QR code's scene, with no prefix
	SceneID  string `xml:"-"`        // the same as EventKey, named as in SubscribeScanEvent
	Ticket   string `xml:"Ticket"`   // the QR code's ticket
}

func (e *ScanEvent) derive() { e.SceneID = trimValue(e.EventKey) }

// LocationEvent is sent when a user who allowed location reporting enters
// the conversation, and then every five seconds if so configured.
// The Event value is "LOCATION".
// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_event_pushes.html
type LocationEvent struct {
	Envelope
	Latitude  float64 `xml:"Latitude"`  // degrees
	Longitude float64 `xml:"Longitude"` // degrees
	Precision float64 `xml:"Precision"` // accuracy of the position
	AppType   string  `xml:"AppType"`   // WeCom: "wxwork" when reported by the WeCom client; empty for the 公众号
}

// QualificationVerifySuccessEvent is sent when the account's qualification
// verification (资质认证) succeeds.
// The Event value is "qualification_verify_success".
// See https://developers.weixin.qq.com/doc/offiaccount/Account_Management/Wechat_Accreditation_Event_Push.html
type QualificationVerifySuccessEvent struct {
	Envelope
	ExpiredTime time.Time `xml:"ExpiredTime"` // when the verification expires
}

// QualificationVerifyFailEvent is sent when the account's qualification
// verification (资质认证) fails.
// The Event value is "qualification_verify_fail".
// See https://developers.weixin.qq.com/doc/offiaccount/Account_Management/Wechat_Accreditation_Event_Push.html
type QualificationVerifyFailEvent struct {
	Envelope
	FailTime   time.Time `xml:"FailTime"`   // when it failed
	FailReason string    `xml:"FailReason"` // why it failed
}

// NamingVerifySuccessEvent is sent when the account's naming verification
// (名称认证) succeeds.
// The Event value is "naming_verify_success".
// See https://developers.weixin.qq.com/doc/offiaccount/Account_Management/Wechat_Accreditation_Event_Push.html
type NamingVerifySuccessEvent struct {
	Envelope
	ExpiredTime time.Time `xml:"ExpiredTime"` // when the verification expires
}

// NamingVerifyFailEvent is sent when the account's naming verification
// (名称认证) fails.
// The Event value is "naming_verify_fail".
// See https://developers.weixin.qq.com/doc/offiaccount/Account_Management/Wechat_Accreditation_Event_Push.html
type NamingVerifyFailEvent struct {
	Envelope
	FailTime   time.Time `xml:"FailTime"`   // when it failed
	FailReason string    `xml:"FailReason"` // why it failed
}

// AnnualRenewEvent is sent when the account's yearly re-verification (年审)
// is due.
// The Event value is "annual_renew".
// See https://developers.weixin.qq.com/doc/offiaccount/Account_Management/Wechat_Accreditation_Event_Push.html
type AnnualRenewEvent struct {
	Envelope
	ExpiredTime time.Time `xml:"ExpiredTime"` // when the verification expires without renewal
}

// VerifyExpiredEvent is sent when the account's verification has expired.
// The Event value is "verify_expired".
// See https://developers.weixin.qq.com/doc/offiaccount/Account_Management/Wechat_Accreditation_Event_Push.html
type VerifyExpiredEvent struct {
	Envelope
	ExpiredTime time.Time `xml:"ExpiredTime"` // when the verification expired
}

// UserScanProductEvent is sent when a user opens a product page through
// 扫一扫.
// The Event value is "user_scan_product".
// See https://developers.weixin.qq.com/doc/offiaccount/Scan_QR_Code/Scan_QR_Code_Events_Push.html
type UserScanProductEvent struct {
	Envelope
	KeyStandard string `xml:"KeyStandard"` // the code standard: "ean13", "qrcode", ...
	KeyStr      string `xml:"KeyStr"`      // the product code
	Country     string `xml:"Country"`     // the user's country as set in WeChat
	Province    string `xml:"Province"`    // the user's province as set in WeChat
	City        string `xml:"City"`        // the user's city as set in WeChat
	Sex         int    `xml:"Sex"`         // 1 male, 2 female, 0 unknown
	Scene       int    `xml:"Scene"`       // 1 opened by scanning, 2 from a chat, favourites or moments
	ExtInfo     string `xml:"ExtInfo"`     // the extinfo of the code, when it has one
}

// UserScanProductEnterSessionEvent is sent when a user enters the account's
// conversation from a product page.
// The Event value is "user_scan_product_enter_session".
// See https://developers.weixin.qq.com/doc/offiaccount/Scan_QR_Code/Scan_QR_Code_Events_Push.html
type UserScanProductEnterSessionEvent struct {
	Envelope
	KeyStandard string `xml:"KeyStandard"` // the code standard
	KeyStr      string `xml:"KeyStr"`      // the product code
	ExtInfo     string `xml:"ExtInfo"`     // the extinfo of the code
}

// UserScanProductAsyncEvent is sent after a product page was opened, with
// the user's region, for pages that asked for it.
// The Event value is "user_scan_product_async".
// See https://developers.weixin.qq.com/doc/offiaccount/Scan_QR_Code/Scan_QR_Code_Events_Push.html
type UserScanProductAsyncEvent struct {
	Envelope
	KeyStandard string `xml:"KeyStandard"` // the code standard
	KeyStr      string `xml:"KeyStr"`      // the product code
	ExtInfo     string `xml:"ExtInfo"`     // the extinfo of the code
	RegionCode  string `xml:"RegionCode"`  // six-digit administrative region code
}

// UserScanProductVerifyActionEvent is sent when a product's review ends.
// The Event value is "user_scan_product_verify_action".
// See https://developers.weixin.qq.com/doc/offiaccount/Scan_QR_Code/Scan_QR_Code_Events_Push.html
type UserScanProductVerifyActionEvent struct {
	Envelope
	KeyStandard string `xml:"KeyStandard"` // the code standard
	KeyStr      string `xml:"KeyStr"`      // the product code
	Result      string `xml:"Result"`      // "verify_ok" or "verify_not_pass"
	ReasonMsg   string `xml:"ReasonMsg"`   // why it did not pass; empty on success
}

// accountEvents registers the events about a user and the account:
// following, scanning, location, verification and product scans.
var accountEvents = []builtin{
	{nsEvent, "subscribe", newOf[SubscribeEvent]},
	{nsEvent, keySubscribeScan, newOf[SubscribeScanEvent]},
	{nsEvent, keySubscribeScanProduct, newOf[SubscribeScanProductEvent]},
	{nsEvent, "unsubscribe", newOf[UnsubscribeEvent]},
	{nsEvent, "SCAN", newOf[ScanEvent]},
	{nsEvent, "LOCATION", newOf[LocationEvent]},
	{nsEvent, "qualification_verify_success", newOf[QualificationVerifySuccessEvent]},
	{nsEvent, "qualification_verify_fail", newOf[QualificationVerifyFailEvent]},
	{nsEvent, "naming_verify_success", newOf[NamingVerifySuccessEvent]},
	{nsEvent, "naming_verify_fail", newOf[NamingVerifyFailEvent]},
	{nsEvent, "annual_renew", newOf[AnnualRenewEvent]},
	{nsEvent, "verify_expired", newOf[VerifyExpiredEvent]},
	{nsEvent, "user_scan_product", newOf[UserScanProductEvent]},
	{nsEvent, "user_scan_product_enter_session", newOf[UserScanProductEnterSessionEvent]},
	{nsEvent, "user_scan_product_async", newOf[UserScanProductAsyncEvent]},
	{nsEvent, "user_scan_product_verify_action", newOf[UserScanProductVerifyActionEvent]},
}
