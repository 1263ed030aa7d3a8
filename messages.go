package wechatevent

// Ordinary messages arrive at the same callback URL as events. Their MsgID
// (wire element MsgId) is the key to drop WeChat's retries of one message.

// TextMessage is a text a user sent.
// The MsgType value is "text".
// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_standard_messages.html
type TextMessage struct {
	Envelope
	Content   string `xml:"Content"`   // the text, kept exactly, control characters included
	MsgDataID string `xml:"MsgDataId"` // the article's data ID, when the message came from an article
	Idx       string `xml:"Idx"`       // the article's position, when the message came from an article
}

// ImageMessage is a picture a user sent.
// The MsgType value is "image".
// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_standard_messages.html
type ImageMessage struct {
	Envelope
	PicURL    string `xml:"PicUrl"`    // where the picture can be downloaded
	MediaID   string `xml:"MediaId"`   // the media ID, for the temporary media API
	MsgDataID string `xml:"MsgDataId"` // the article's data ID, when the message came from an article
	Idx       string `xml:"Idx"`       // the article's position, when the message came from an article
}

// VoiceMessage is a voice clip a user sent; Recognition holds the speech
// recognition result when the account enabled it.
// The MsgType value is "voice".
// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_standard_messages.html
type VoiceMessage struct {
	Envelope
	MediaID     string `xml:"MediaId"`     // the media ID, for the temporary media API
	MediaID16K  string `xml:"MediaId16K"`  // the media ID of a 16 kHz copy, when offered
	Format      string `xml:"Format"`      // "amr", "speex", ...
	Recognition string `xml:"Recognition"` // the recognised text, UTF-8; empty when off
	MsgDataID   string `xml:"MsgDataId"`   // the article's data ID, when the message came from an article
	Idx         string `xml:"Idx"`         // the article's position, when the message came from an article
}

// VideoMessage is a video a user sent.
// The MsgType value is "video".
// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_standard_messages.html
type VideoMessage struct {
	Envelope
	MediaID      string `xml:"MediaId"`      // the media ID, for the temporary media API
	ThumbMediaID string `xml:"ThumbMediaId"` // the media ID of the thumbnail
	MsgDataID    string `xml:"MsgDataId"`    // the article's data ID, when the message came from an article
	Idx          string `xml:"Idx"`          // the article's position, when the message came from an article
}

// ShortVideoMessage is a short video a user sent.
// The MsgType value is "shortvideo".
// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_standard_messages.html
type ShortVideoMessage struct {
	Envelope
	MediaID      string `xml:"MediaId"`      // the media ID, for the temporary media API
	ThumbMediaID string `xml:"ThumbMediaId"` // the media ID of the thumbnail
	MsgDataID    string `xml:"MsgDataId"`    // the article's data ID, when the message came from an article
	Idx          string `xml:"Idx"`          // the article's position, when the message came from an article
}

// LocationMessage is a location a user sent.
// The MsgType value is "location".
// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_standard_messages.html
type LocationMessage struct {
	Envelope
	LocationX float64 `xml:"Location_X"` // latitude, degrees
	LocationY float64 `xml:"Location_Y"` // longitude, degrees
	Scale     int     `xml:"Scale"`      // map zoom level
	Label     string  `xml:"Label"`      // address text
	MsgDataID string  `xml:"MsgDataId"`  // the article's data ID, when the message came from an article
	Idx       string  `xml:"Idx"`        // the article's position, when the message came from an article
	AppType   string  `xml:"AppType"`    // WeCom: "wxwork" when sent from the WeCom client; empty for the 公众号
}

// LinkMessage is a link a user sent.
// The MsgType value is "link".
// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_standard_messages.html
type LinkMessage struct {
	Envelope
	Title       string `xml:"Title"`       // the link's title
	Description string `xml:"Description"` // the link's description
	URL         string `xml:"Url"`         // the link
	PicURL      string `xml:"PicUrl"`      // the link's picture; WeCom only
	MsgDataID   string `xml:"MsgDataId"`   // the article's data ID, when the message came from an article
	Idx         string `xml:"Idx"`         // the article's position, when the message came from an article
}

// FileMessage is a file a user sent.
// The MsgType value is "file".
// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_standard_messages.html
type FileMessage struct {
	Envelope
	Title        string `xml:"Title"`        // the file name
	Description  string `xml:"Description"`  // a human-readable size, such as "2.5 KB"
	FileKey      string `xml:"FileKey"`      // the file's key; may be empty
	FileMd5      string `xml:"FileMd5"`      // MD5 of the file, lower-case hex; may be empty
	FileTotalLen int64  `xml:"FileTotalLen"` // the size in bytes
}

// MiniProgramPageMessage is a 小程序 card (a page of a mini program) a user
// sent to the mini program's customer service.
// The MsgType value is "miniprogrampage".
// See https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/customer-message/receive.html
type MiniProgramPageMessage struct {
	Envelope
	Title        string `xml:"Title"`        // the card's title
	AppID        string `xml:"AppId"`        // the AppID of the mini program the card opens
	PagePath     string `xml:"PagePath"`     // the page the card opens, with its query
	ThumbURL     string `xml:"ThumbUrl"`     // the card's cover image
	ThumbMediaID string `xml:"ThumbMediaId"` // the media ID of the cover image, for the temporary media API
}

// messageTypes registers the ordinary messages.
var messageTypes = []builtin{
	{nsMessage, "text", newOf[TextMessage]},
	{nsMessage, "image", newOf[ImageMessage]},
	{nsMessage, "voice", newOf[VoiceMessage]},
	{nsMessage, "video", newOf[VideoMessage]},
	{nsMessage, "shortvideo", newOf[ShortVideoMessage]},
	{nsMessage, "location", newOf[LocationMessage]},
	{nsMessage, "link", newOf[LinkMessage]},
	{nsMessage, "file", newOf[FileMessage]},
	{nsMessage, "miniprogrampage", newOf[MiniProgramPageMessage]},
}
