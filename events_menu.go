package wechatevent

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

// ViewMiniProgramEvent is sent when a user taps a menu button that opens a
// 小程序 page.
// The Event value is "view_miniprogram".
// See https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Custom_Menu_Push_Events.html
type ViewMiniProgramEvent struct {
	Envelope
	EventKey string `xml:"EventKey"`              // the page path the button opens, such as "pages/index/index"
	MenuID   string `xml:"MenuId" alias:"MenuID"` // the personalised menu's ID, when one was shown
}

// menuEvents registers the events of custom menu buttons.
var menuEvents = []builtin{
	{nsEvent, "CLICK", newOf[ClickEvent]},
	{nsEvent, "VIEW", newOf[ViewEvent]},
	{nsEvent, "scancode_push", newOf[ScanCodePushEvent]},
	{nsEvent, "scancode_waitmsg", newOf[ScanCodeWaitMsgEvent]},
	{nsEvent, "pic_sysphoto", newOf[PicSysPhotoEvent]},
	{nsEvent, "pic_photo_or_album", newOf[PicPhotoOrAlbumEvent]},
	{nsEvent, "pic_weixin", newOf[PicWeChatEvent]},
	{nsEvent, "location_select", newOf[LocationSelectEvent]},
	{nsEvent, "view_miniprogram", newOf[ViewMiniProgramEvent]},
}
