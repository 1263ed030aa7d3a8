package wechatevent

// ViewMiniProgramEvent is sent when a user taps a menu button that opens a
// 小程序 page.
// The Event value is "view_miniprogram".
// See https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Custom_Menu_Push_Events.html
type ViewMiniProgramEvent struct {
	Envelope
	EventKey string `xml:"EventKey"`              // the page path the button opens, such as "pages/index/index"
	MenuID   string `xml:"MenuId" alias:"MenuID"` // the personalised menu's ID, when one was shown
}

// menuEvents registers the menu events beyond the seed documents.
var menuEvents = []builtin{
	{nsEvent, "view_miniprogram", newOf[ViewMiniProgramEvent]},
}
