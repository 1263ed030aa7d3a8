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

// ClickEvent is sent when a user taps a menu button of type click.
// The Event value is "CLICK".
// See https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Custom_Menu_Push_Events.html
type ClickEvent struct {
	Envelope
	EventKey string `xml:"EventKey"` // the key set on the menu button
}

// ViewEvent is sent when a user taps a menu button that opens a web page.
// The Event value is "VIEW".
// See https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Custom_Menu_Push_Events.html
type ViewEvent struct {
	Envelope
	EventKey string `xml:"EventKey"`              // the URL the button opens
	MenuID   string `xml:"MenuId" alias:"MenuID"` // the personalised menu's ID, when one was shown
}

// MassSendJobFinishEvent is sent when a mass send (群发) finishes. Its job ID
// is Envelope.MsgID (wire element MsgID).
// The Event value is "MASSSENDJOBFINISH".
// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Batch_Sends_and_Originality_Checks.html
type MassSendJobFinishEvent struct {
	Envelope
	Status               string               `xml:"Status"`               // "send success", "send fail" or "err(<code>)"
	TotalCount           int                  `xml:"TotalCount"`           // followers targeted
	FilterCount          int                  `xml:"FilterCount"`          // followers left after filtering
	SentCount            int                  `xml:"SentCount"`            // sends that succeeded
	ErrorCount           int                  `xml:"ErrorCount"`           // sends that failed
	CopyrightCheckResult CopyrightCheckResult `xml:"CopyrightCheckResult"` // the originality check; zero when none was done
	ArticleURLResult     ArticleURLResult     `xml:"ArticleUrlResult"`     // the published articles' URLs; zero when absent
}

// CopyrightCheckResult is the originality check of a mass send.
type CopyrightCheckResult struct {
	Count      int                  `xml:"Count"`           // articles checked; ResultList is not limited by it
	ResultList []CopyrightCheckItem `xml:"ResultList>item"` // one entry per article
	CheckState int                  `xml:"CheckState"`      // 1 may send, 2 may not send
}

// CopyrightCheckItem is the originality check of one article.
type CopyrightCheckItem struct {
	ArticleIdx            int    `xml:"ArticleIdx"`            // the article's position, from 1
	UserDeclareState      int    `xml:"UserDeclareState"`      // what the sender declared
	AuditState            int    `xml:"AuditState"`            // the result of the check
	OriginalArticleURL    string `xml:"OriginalArticleUrl"`    // the article found to be the original
	OriginalArticleType   int    `xml:"OriginalArticleType"`   // the original's type
	CanReprint            int    `xml:"CanReprint"`            // 1 when reprinting is allowed
	NeedReplaceContent    int    `xml:"NeedReplaceContent"`    // 1 when the content is replaced by the original
	NeedShowReprintSource int    `xml:"NeedShowReprintSource"` // 1 when the source must be shown
}

// ArticleURLResult lists the URLs of the articles of a mass send.
type ArticleURLResult struct {
	Count      int              `xml:"Count"`           // articles; ResultList is not limited by it
	ResultList []ArticleURLItem `xml:"ResultList>item"` // one entry per article
}

// ArticleURLItem is the URL of one article of a mass send.
type ArticleURLItem struct {
	ArticleIdx int    `xml:"ArticleIdx"` // the article's position, from 1
	ArticleURL string `xml:"ArticleUrl"` // the published article's URL
}

// TemplateSendJobFinishEvent is sent when a template message was delivered
// or failed. Its message ID is Envelope.MsgID (wire element MsgID).
// The Event value is "TEMPLATESENDJOBFINISH".
// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Template_Message_Interface.html
type TemplateSendJobFinishEvent struct {
	Envelope
	Status string `xml:"Status"` // "success", "failed:user block" or "failed: system failed"
}

// ScanCodePushEvent is sent when a user scans a code from a menu button of
// type scancode_push; the client shows the result itself.
// The Event value is "scancode_push".
// See https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Custom_Menu_Push_Events.html
type ScanCodePushEvent struct {
	Envelope
	EventKey   string `xml:"EventKey"`                // the key set on the menu button
	ScanType   string `xml:"ScanCodeInfo>ScanType"`   // "qrcode", "barcode", ...
	ScanResult string `xml:"ScanCodeInfo>ScanResult"` // the decoded content
}

// ScanCodeWaitMsgEvent is sent when a user scans a code from a menu button
// of type scancode_waitmsg; the client waits for the account's reply.
// The Event value is "scancode_waitmsg".
// See https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Custom_Menu_Push_Events.html
type ScanCodeWaitMsgEvent struct {
	Envelope
	EventKey   string `xml:"EventKey"`                // the key set on the menu button
	ScanType   string `xml:"ScanCodeInfo>ScanType"`   // "qrcode", "barcode", ...
	ScanResult string `xml:"ScanCodeInfo>ScanResult"` // the decoded content
}

// Picture is one picture sent from a picture menu button.
type Picture struct {
	PicMd5Sum string `xml:"PicMd5Sum"` // MD5 of the picture, lower-case hex
}

// PicSysPhotoEvent is sent when a user takes a photo from a menu button of
// type pic_sysphoto.
// The Event value is "pic_sysphoto".
// See https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Custom_Menu_Push_Events.html
type PicSysPhotoEvent struct {
	Envelope
	EventKey string    `xml:"EventKey"`                  // the key set on the menu button
	Count    int       `xml:"SendPicsInfo>Count"`        // as sent; may disagree with len(Pictures)
	Pictures []Picture `xml:"SendPicsInfo>PicList>item"` // every picture, across repeated PicList wrappers
}

// PicPhotoOrAlbumEvent is sent when a user sends photos from a menu button of
// type pic_photo_or_album.
// The Event value is "pic_photo_or_album".
// See https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Custom_Menu_Push_Events.html
type PicPhotoOrAlbumEvent struct {
	Envelope
	EventKey string    `xml:"EventKey"`                  // the key set on the menu button
	Count    int       `xml:"SendPicsInfo>Count"`        // as sent; may disagree with len(Pictures)
	Pictures []Picture `xml:"SendPicsInfo>PicList>item"` // every picture, across repeated PicList wrappers
}

// PicWeChatEvent is sent when a user sends photos from the WeChat album from
// a menu button of type pic_weixin.
// The Event value is "pic_weixin".
// See https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Custom_Menu_Push_Events.html
type PicWeChatEvent struct {
	Envelope
	EventKey string    `xml:"EventKey"`                  // the key set on the menu button
	Count    int       `xml:"SendPicsInfo>Count"`        // as sent; may disagree with len(Pictures)
	Pictures []Picture `xml:"SendPicsInfo>PicList>item"` // every picture, across repeated PicList wrappers
}

// LocationSelectEvent is sent when a user picks a place from a menu button of
// type location_select.
// The Event value is "location_select".
// See https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Custom_Menu_Push_Events.html
type LocationSelectEvent struct {
	Envelope
	EventKey  string  `xml:"EventKey"`                    // the key set on the menu button
	LocationX float64 `xml:"SendLocationInfo>Location_X"` // latitude, degrees
	LocationY float64 `xml:"SendLocationInfo>Location_Y"` // longitude, degrees
	Scale     int     `xml:"SendLocationInfo>Scale"`      // map zoom level
	Label     string  `xml:"SendLocationInfo>Label"`      // address text, kept exactly
	Poiname   string  `xml:"SendLocationInfo>Poiname"`    // the 朋友圈 POI name; often empty
	AppType   string  `xml:"AppType"`                     // WeCom: "wxwork" when sent from the WeCom client; empty for the 公众号
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

// seedEvents registers the events of the seed documents.
var seedEvents = []builtin{
	{nsEvent, "subscribe", newOf[SubscribeEvent]},
	{nsEvent, keySubscribeScan, newOf[SubscribeScanEvent]},
	{nsEvent, keySubscribeScanProduct, newOf[SubscribeScanProductEvent]},
	{nsEvent, "unsubscribe", newOf[UnsubscribeEvent]},
	{nsEvent, "SCAN", newOf[ScanEvent]},
	{nsEvent, "LOCATION", newOf[LocationEvent]},
	{nsEvent, "CLICK", newOf[ClickEvent]},
	{nsEvent, "VIEW", newOf[ViewEvent]},
	{nsEvent, "MASSSENDJOBFINISH", newOf[MassSendJobFinishEvent]},
	{nsEvent, "TEMPLATESENDJOBFINISH", newOf[TemplateSendJobFinishEvent]},
	{nsEvent, "scancode_push", newOf[ScanCodePushEvent]},
	{nsEvent, "scancode_waitmsg", newOf[ScanCodeWaitMsgEvent]},
	{nsEvent, "pic_sysphoto", newOf[PicSysPhotoEvent]},
	{nsEvent, "pic_photo_or_album", newOf[PicPhotoOrAlbumEvent]},
	{nsEvent, "pic_weixin", newOf[PicWeChatEvent]},
	{nsEvent, "location_select", newOf[LocationSelectEvent]},
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
