package wechatevent

// PublishJobFinishEvent is sent when a publication (发布) submitted through
// the freepublish API has finished, successfully or not. WeChat sends it from
// the account's 群发助手 (FromUserName "mphelper" per the docs).
// The Event value is "PUBLISHJOBFINISH"; "FREEPUBLISHJOBFINISH", the name
// some copies of the docs use, is registered for it too.
// See https://developers.weixin.qq.com/doc/offiaccount/Publish/Callback_on_finish.html
type PublishJobFinishEvent struct {
	Envelope
	PublishID int64 `xml:"PublishEventInfo>publish_id"` // the publish job's ID
	// PublishStatus is 0 published, 1 publishing, 2 refused by the
	// originality check, 3 failed, 4 rejected by the platform's review,
	// 5 every article deleted by the user after publishing, 6 every article
	// banned by the platform after publishing.
	PublishStatus int    `xml:"PublishEventInfo>publish_status"`
	ArticleID     string `xml:"PublishEventInfo>article_id"` // the published article group's ID, kept as sent; set when PublishStatus is 0
	// ArticleDetail lists the published articles; set when PublishStatus is 0.
	ArticleDetail PublishArticleDetail `xml:"PublishEventInfo>article_detail"`
	FailIdx       []int                `xml:"PublishEventInfo>fail_idx"` // positions (from 1) of the refused articles, for statuses 2 and 4
}

// PublishArticleDetail lists the articles of a finished publication.
type PublishArticleDetail struct {
	Count int              `xml:"count"` // articles, as sent; Items is not limited by it
	Items []PublishArticle `xml:"item"`  // one entry per article
}

// PublishArticle is one published article.
type PublishArticle struct {
	Idx        int    `xml:"idx"`         // the article's position, from 1
	ArticleURL string `xml:"article_url"` // the article's permanent URL
}

// SubscribeMsgPopupEvent is sent when a user answers the subscription
// prompt of 订阅通知 (服务号) or 订阅消息 (小程序). In XML the answers sit
// inside <SubscribeMsgPopupEvent>; in JSON (小程序 with the JSON data format)
// List is a top-level key, an object for one answer and an array for several.
// Both shapes fill List, as for the change and sent events.
// The Event value is "subscribe_msg_popup_event".
// See https://developers.weixin.qq.com/doc/offiaccount/Subscription_Messages/api.html
type SubscribeMsgPopupEvent struct {
	Envelope
	List []SubscribeMsgPopupItem `xml:"SubscribeMsgPopupEvent>List" alias:">List"` // one entry per template, however many arrive
}

// SubscribeMsgPopupItem is the user's answer for one template.
type SubscribeMsgPopupItem struct {
	TemplateID            string `xml:"TemplateId"`            // the template's ID
	SubscribeStatusString string `xml:"SubscribeStatusString"` // "accept" or "reject"
	// PopupScene is where the prompt was shown: 1 a web page, 2 an article
	// (服务号); 0 inside the mini program (小程序).
	PopupScene int `xml:"PopupScene"`
}

// SubscribeMsgChangeEvent is sent when a user changes a subscription in the
// 服务通知 settings. WeChat currently sends only rejections.
// The Event value is "subscribe_msg_change_event".
// See https://developers.weixin.qq.com/doc/offiaccount/Subscription_Messages/api.html
type SubscribeMsgChangeEvent struct {
	Envelope
	List []SubscribeMsgChangeItem `xml:"SubscribeMsgChangeEvent>List" alias:">List"` // one entry per template
}

// SubscribeMsgChangeItem is the user's new choice for one template.
type SubscribeMsgChangeItem struct {
	TemplateID            string `xml:"TemplateId"`            // the template's ID
	SubscribeStatusString string `xml:"SubscribeStatusString"` // "reject" (the only value sent so far) or "accept"
}

// SubscribeMsgSentEvent is sent after a subscription message was sent
// through the bizsend API, with the delivery result.
// The Event value is "subscribe_msg_sent_event".
// See https://developers.weixin.qq.com/doc/offiaccount/Subscription_Messages/api.html
type SubscribeMsgSentEvent struct {
	Envelope
	List []SubscribeMsgSentItem `xml:"SubscribeMsgSentEvent>List" alias:">List"` // one entry per message
}

// SubscribeMsgSentItem is the delivery result of one message.
type SubscribeMsgSentItem struct {
	TemplateID  string `xml:"TemplateId"`  // the template's ID
	MsgID       int64  `xml:"MsgID"`       // the message's 64-bit ID
	ErrorCode   int    `xml:"ErrorCode"`   // 0 delivered; otherwise why not
	ErrorStatus string `xml:"ErrorStatus"` // "success" or a failure text
}

// notifyEvents registers the publish and subscription-notice events.
var notifyEvents = []builtin{
	{nsEvent, "PUBLISHJOBFINISH", newOf[PublishJobFinishEvent]},
	{nsEvent, "FREEPUBLISHJOBFINISH", newOf[PublishJobFinishEvent]},
	{nsEvent, "subscribe_msg_popup_event", newOf[SubscribeMsgPopupEvent]},
	{nsEvent, "subscribe_msg_change_event", newOf[SubscribeMsgChangeEvent]},
	{nsEvent, "subscribe_msg_sent_event", newOf[SubscribeMsgSentEvent]},
}
