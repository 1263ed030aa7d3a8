package wechatevent

import "time"

// KfCreateSessionEvent is sent when a customer-service agent (客服) takes a
// conversation with a user.
// The Event value is "kf_create_session".
// See https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Session_control.html
type KfCreateSessionEvent struct {
	Envelope
	KfAccount string `xml:"KfAccount"` // the agent's account, such as "test1@test"
}

// KfCloseSessionEvent is sent when a customer-service agent closes a
// conversation.
// The Event value is "kf_close_session".
// See https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Session_control.html
type KfCloseSessionEvent struct {
	Envelope
	KfAccount string `xml:"KfAccount"` // the agent's account
}

// KfSwitchSessionEvent is sent when a conversation is handed from one
// customer-service agent to another.
// The Event value is "kf_switch_session".
// See https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Session_control.html
type KfSwitchSessionEvent struct {
	Envelope
	FromKfAccount string `xml:"FromKfAccount"` // the agent who gave the conversation away
	ToKfAccount   string `xml:"ToKfAccount"`   // the agent who took it
}

// UserAuthorizeInvoiceEvent is sent when a user authorises, or refuses, an
// e-invoice (电子发票) to be inserted into their card package.
// The Event value is "user_authorize_invoice".
// See https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Vendor_API_List.html
type UserAuthorizeInvoiceEvent struct {
	Envelope
	SuccOrderID string `xml:"SuccOrderId"` // the order ID, when the user authorised
	FailOrderID string `xml:"FailOrderId"` // the order ID, when the user refused
	AppID       string `xml:"AppId"`       // the AppID of the account or mini program that asked
	Source      string `xml:"Source"`      // where the user authorised: "web", "app", "wxa", ...
}

// UpdateInvoiceStatusEvent is sent when the reimbursement status of an
// e-invoice changes.
// The Event value is "update_invoice_status".
// See https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Reimburser_API_List.html
type UpdateInvoiceStatusEvent struct {
	Envelope
	Status string `xml:"Status"` // "INVOICE_REIMBURSE_INIT", "INVOICE_REIMBURSE_LOCK", "INVOICE_REIMBURSE_CLOSURE", ...
	CardID string `xml:"CardId"` // the invoice's card ID
	Code   string `xml:"Code"`   // the invoice's code
}

// SubmitInvoiceTitleEvent is sent when a user submits an invoice title
// (抬头) through the quick-issuing (快速开票) page.
// The Event value is "submit_invoice_title".
// See https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/Quick_issuing/Interface_List.html
type SubmitInvoiceTitleEvent struct {
	Envelope
	Title     string `xml:"title"`      // the title: a company's or a person's name
	TaxNo     string `xml:"tax_no"`     // the taxpayer number
	Addr      string `xml:"addr"`       // the address
	Phone     string `xml:"phone"`      // the phone number
	BankType  string `xml:"bank_type"`  // the bank
	BankNo    string `xml:"bank_no"`    // the bank account
	Attach    string `xml:"attach"`     // the data passed when the page was opened
	TitleType string `xml:"title_type"` // "InvoiceUserTitlePersonType" or "InvoiceUserTitleBusinessType"
}

// CloudInvoiceInvoiceResultEvent is sent by 微信云开票 when an invoice
// request has been processed.
// The Event value is "cloud_invoice_invoiceresult_event".
// See https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/Cloud_invoicing/API_list.html
type CloudInvoiceInvoiceResultEvent struct {
	Envelope
	Fpqqlsh string `xml:"fpqqlsh"` // the invoice request's serial number (发票请求流水号)
	Status  int    `xml:"status"`  // the result; 0 issued
	Nsrsbh  string `xml:"nsrsbh"`  // the seller's taxpayer number (纳税人识别号)
}

// MerchantOrderEvent is sent when a user pays an order of the (old) 微信小店.
// The Event value is "merchant_order".
// See https://developers.weixin.qq.com/doc/offiaccount/Instant_Stores/WeChat_Store_Interface.html
type MerchantOrderEvent struct {
	Envelope
	OrderID     string `xml:"OrderId"`     // the order's ID
	OrderStatus int    `xml:"OrderStatus"` // the order's status; 2 paid
	ProductID   string `xml:"ProductId"`   // the product's ID
	SkuInfo     string `xml:"SkuInfo"`     // the chosen SKU, such as "10001:1000012;10002:100021"
}

// ShakearoundUserShakeEvent is sent when a user shakes (摇一摇周边) near the
// account's iBeacon devices.
// The Event value is "ShakearoundUserShake".
// See https://developers.weixin.qq.com/doc/offiaccount/Shake_Nearby/Shake_Event_Notification.html
type ShakearoundUserShakeEvent struct {
	Envelope
	ChosenBeacon  Beacon   `xml:"ChosenBeacon"`               // the device the shake was matched to
	AroundBeacons []Beacon `xml:"AroundBeacons>AroundBeacon"` // the other devices in range, however many
}

// Beacon is one iBeacon device found by a shake.
type Beacon struct {
	UUID     string  `xml:"Uuid"`     // the device's UUID
	Major    string  `xml:"Major"`    // the device's major number, as sent (not always digits)
	Minor    string  `xml:"Minor"`    // the device's minor number, as sent (not always digits)
	Distance float64 `xml:"Distance"` // the distance from the user, metres
}

// PoiCheckNotifyEvent is sent when the review of a store (门店) created
// through the store API ends.
// The Event value is "poi_check_notify".
// See https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Store_Interface.html
type PoiCheckNotifyEvent struct {
	Envelope
	UniqID string `xml:"UniqId"` // the sid the store was created with
	PoiID  string `xml:"PoiId"`  // the store's ID
	Result string `xml:"Result"` // "succ" or "fail"
	Msg    string `xml:"Msg"`    // why it failed
}

// WifiConnectedEvent is sent when a user connects to the account's Wi-Fi
// through 微信连Wi-Fi.
// The Event value is "WifiConnected".
// See https://developers.weixin.qq.com/doc/offiaccount/WiFi_via_WeChat/WiFi_Hardware_Authentication_Protocol_Interface_Description.html
type WifiConnectedEvent struct {
	Envelope
	ConnectTime time.Time `xml:"ConnectTime"` // when the user connected
	ExpireTime  int       `xml:"ExpireTime"`  // reserved by WeChat; 0
	VendorID    string    `xml:"VendorId"`    // the vendor's ID
	PlaceID     string    `xml:"PlaceId"`     // the store's (shop_id) ID
	DeviceNo    string    `xml:"DeviceNo"`    // the access point's BSSID
}

// GuideQrcodeScanEvent is sent when a user scans the QR code of a shopping
// guide (顾问).
// The Event value is "guide_qrcode_scan_event".
// See https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/guide-account/shopping-guide.onGuideQrcodeScanEvent.html
type GuideQrcodeScanEvent struct {
	Envelope
	QrcodeGuideAccount string `xml:"GuideScanEvent>qrcode_guide_account"` // the guide's WeChat account
	QrcodeGuideOpenID  string `xml:"GuideScanEvent>qrcode_guide_openid"`  // the guide's OpenID
	OpenID             string `xml:"GuideScanEvent>openid"`               // the user's OpenID
	Action             int    `xml:"GuideScanEvent>action"`               // what happened; 11 the user scanned the guide's code
	QrcodeInfo         string `xml:"GuideScanEvent>qrcode_info"`          // the data set on the QR code
}

// UserInfoModifiedEvent is sent when WeChat cleaned up the profile (nickname,
// avatar) of a user who authorised the account in the last 30 days.
// The Event value is "user_info_modified".
// See https://developers.weixin.qq.com/miniprogram/dev/server/event_push/platform/authorized_user_information_changes.html
type UserInfoModifiedEvent struct {
	Envelope
	OpenID     string `xml:"OpenID" alias:"openid,OpenId"`    // the user's OpenID
	UnionID    string `xml:"UnionID" alias:"unionid,UnionId"` // the user's UnionID, when the account has one
	AppID      string `xml:"AppID" alias:"appid,AppId"`       // the account's or mini program's AppID
	RevokeInfo string `xml:"RevokeInfo"`                      // what the user withdrew: comma-separated codes, such as "1" or "201"
	PluginID   string `xml:"PluginID"`                        // the plugin's AppID, when the user withdrew from a plugin
	OpenPID    string `xml:"OpenPID"`                         // the user's OpenPID in the plugin
}

// UserAuthorizationRevokeEvent is sent when a user withdraws information they
// had authorised; the account must delete it.
// The Event value is "user_authorization_revoke".
// See https://developers.weixin.qq.com/miniprogram/dev/server/event_push/platform/authorized_user_information_changes.html
type UserAuthorizationRevokeEvent struct {
	Envelope
	OpenID     string `xml:"OpenID" alias:"openid,OpenId"`    // the user's OpenID
	UnionID    string `xml:"UnionID" alias:"unionid,UnionId"` // the user's UnionID, when the account has one
	AppID      string `xml:"AppID" alias:"appid,AppId"`       // the account's or mini program's AppID
	RevokeInfo string `xml:"RevokeInfo"`                      // what the user withdrew: comma-separated codes, such as "1" or "201"
	PluginID   string `xml:"PluginID"`                        // the plugin's AppID, when the user withdrew from a plugin
	OpenPID    string `xml:"OpenPID"`                         // the user's OpenPID in the plugin
}

// UserAuthorizationCancellationEvent is sent when a user who authorised the
// account has closed their WeChat account.
// The Event value is "user_authorization_cancellation".
// See https://developers.weixin.qq.com/miniprogram/dev/server/event_push/platform/authorized_user_information_changes.html
type UserAuthorizationCancellationEvent struct {
	Envelope
	OpenID     string `xml:"OpenID" alias:"openid,OpenId"`    // the user's OpenID
	UnionID    string `xml:"UnionID" alias:"unionid,UnionId"` // the user's UnionID, when the account has one
	AppID      string `xml:"AppID" alias:"appid,AppId"`       // the account's or mini program's AppID
	RevokeInfo string `xml:"RevokeInfo"`                      // what the user withdrew: comma-separated codes, such as "1" or "201"
	PluginID   string `xml:"PluginID"`                        // the plugin's AppID, when the user withdrew from a plugin
	OpenPID    string `xml:"OpenPID"`                         // the user's OpenPID in the plugin
}

// WxVerifyPaySuccEvent is sent when the fee of a WeChat verification (微信认证)
// of the account or 小程序 has been paid. WeChat does not document it; its
// element is known from real traffic.
// The Event value is "wx_verify_pay_succ".
// See https://developers.weixin.qq.com/community/minihome/doc/000e4c3d2a076852a2edf289e59c00
type WxVerifyPaySuccEvent struct {
	Envelope
	OrderID string `xml:"OrderId"` // the verification order's ID
}

// WxVerifyDispatchEvent is sent when a WeChat verification (微信认证) has been
// handed to a review agency. WeChat does not document it for accounts; its
// elements are known from real traffic and match the DispatchInfo of the
// 开放平台 notify_3rd_wxa_auth push.
// The Event value is "wx_verify_dispatch".
// See https://developers.weixin.qq.com/community/minihome/doc/000e4c3d2a076852a2edf289e59c00
type WxVerifyDispatchEvent struct {
	Envelope
	Provider     string    `xml:"Provider"`     // the review agency
	Contact      string    `xml:"Contact"`      // how to reach it
	DispatchTime time.Time `xml:"DispatchTime"` // when it was handed over
}

// EnterEvent is the legacy event WeChat sent when a user entered the
// account's conversation; it carries nothing beyond the envelope.
// The Event value is "ENTER".
// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_event_pushes.html
type EnterEvent struct {
	Envelope
}

// DeviceEvent is a hardware (微信硬件平台) event: a user bound or unbound a
// device, or subscribed to its status. Envelope.Event says which: "bind",
// "unbind", "subscribe_status" or "unsubscribe_status".
// The MsgType value is "device_event".
// See https://iot.weixin.qq.com/wiki/new/index.html?page=3-4-2
type DeviceEvent struct {
	Envelope
	DeviceType string `xml:"DeviceType"` // the device type: the account's original ID
	DeviceID   string `xml:"DeviceID"`   // the device's ID
	SessionID  string `xml:"SessionID"`  // the session's ID
	OpenID     string `xml:"OpenID"`     // the user's OpenID
	Content    string `xml:"Content"`    // the device's data, base64 as sent; for bind and unbind, the QR ticket's data
	OpType     int    `xml:"OpType"`     // for the status events: 0 subscribe to the Wi-Fi device's status, 1 unsubscribe
}

// DeviceTextMessage is data a hardware device sent through 微信硬件平台.
// The MsgType value is "device_text".
// See https://iot.weixin.qq.com/wiki/new/index.html?page=3-4-1
type DeviceTextMessage struct {
	Envelope
	DeviceType string `xml:"DeviceType"` // the device type: the account's original ID
	DeviceID   string `xml:"DeviceID"`   // the device's ID
	SessionID  string `xml:"SessionID"`  // the session's ID
	OpenID     string `xml:"OpenID"`     // the user's OpenID
	Content    string `xml:"Content"`    // the device's data, base64 as sent
}

// serviceEvents registers the customer-service, invoice, store, device and
// other service events.
var serviceEvents = []builtin{
	{nsEvent, "wx_verify_pay_succ", newOf[WxVerifyPaySuccEvent]},
	{nsEvent, "wx_verify_dispatch", newOf[WxVerifyDispatchEvent]},
	{nsEvent, "kf_create_session", newOf[KfCreateSessionEvent]},
	{nsEvent, "kf_close_session", newOf[KfCloseSessionEvent]},
	{nsEvent, "kf_switch_session", newOf[KfSwitchSessionEvent]},
	{nsEvent, "user_authorize_invoice", newOf[UserAuthorizeInvoiceEvent]},
	{nsEvent, "update_invoice_status", newOf[UpdateInvoiceStatusEvent]},
	{nsEvent, "submit_invoice_title", newOf[SubmitInvoiceTitleEvent]},
	{nsEvent, "cloud_invoice_invoiceresult_event", newOf[CloudInvoiceInvoiceResultEvent]},
	{nsEvent, "merchant_order", newOf[MerchantOrderEvent]},
	{nsEvent, "ShakearoundUserShake", newOf[ShakearoundUserShakeEvent]},
	{nsEvent, "poi_check_notify", newOf[PoiCheckNotifyEvent]},
	{nsEvent, "WifiConnected", newOf[WifiConnectedEvent]},
	{nsEvent, "guide_qrcode_scan_event", newOf[GuideQrcodeScanEvent]},
	{nsEvent, "user_info_modified", newOf[UserInfoModifiedEvent]},
	{nsEvent, "user_authorization_revoke", newOf[UserAuthorizationRevokeEvent]},
	{nsEvent, "user_authorization_cancellation", newOf[UserAuthorizationCancellationEvent]},
	{nsEvent, "ENTER", newOf[EnterEvent]},
	{nsMessage, "device_event", newOf[DeviceEvent]},
	{nsMessage, "device_text", newOf[DeviceTextMessage]},
}
