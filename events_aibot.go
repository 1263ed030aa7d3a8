package wechatevent

import "time"

// The callbacks of the WeCom AI bot (企业微信智能机器人, API mode). WeCom sends
// them in JSON only, always encrypted in the JSON envelope {"encrypt":…}
// for the empty ReceiveId (configure WithSecurityMode(key, "")), to the
// bot's receive URL, and may deliver one more than once; msgid is the
// documented dedupe key. They are chosen by the lower-case "msgtype" (and
// "event>eventtype"), never by the 公众号 types of the same name: see
// aibot.go. The answers the bot may give (a stream, a template card) are
// JSON of its own, sent as a RawReply.
//
// Messages: https://developer.work.weixin.qq.com/document/path/100719
// Events: https://developer.work.weixin.qq.com/document/path/101027
// Encryption: https://developer.work.weixin.qq.com/document/path/101033

// AIBotEnvelope holds what every callback of the WeCom AI bot carries. Of
// its Envelope, MsgType is the bot's msgtype and, for an event, Event its
// eventtype ("enter_chat"); the other fields stay empty, as the bot sends
// none of their keys: its sender is UserID, its bot AIBotID.
type AIBotEnvelope struct {
	Envelope

	// MsgID identifies the callback, such as "CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=";
	// WeCom documents it as the key to drop redeliveries by. It hides
	// Envelope.MsgID, which stays 0: the bot's ID is text.
	MsgID string `xml:"msgid"`

	// CreateTime is when the event happened; events carry it, messages do
	// not (zero). It hides Envelope.CreateTime, which the bot never fills.
	CreateTime time.Time `xml:"create_time"`

	AIBotID string `xml:"aibotid"` // the bot's ID
	ChatID  string `xml:"chatid"`  // the group chat's ID; empty in a private chat
	// ChatType is "single" for a private chat, "group" for a group chat.
	ChatType string `xml:"chattype"`
	UserID   string `xml:"from>userid"` // who sent the message or caused the event
	// CorpID is the sender's corp; empty for a bot of the corp's own.
	CorpID string `xml:"from>corpid"`
	// ResponseURL is a temporary URL at which the bot may answer actively;
	// empty where the callback allows none.
	ResponseURL string `xml:"response_url"`
}

// AIBotText is the text part of a bot message (a quote, a mixed item).
type AIBotText struct {
	Content string `xml:"content"` // the text as the user wrote it, mentions included ("@RobotA hello")
}

// AIBotMedia is a picture, file or video of a bot message.
type AIBotMedia struct {
	// URL is where to download it for five minutes. The download is
	// encrypted (AES-256-CBC with the callback's EncodingAESKey, the IV its
	// first 16 bytes, PKCS#7 padding to 32 bytes).
	URL string `xml:"url"`
}

// AIBotMixed is the content of a message of text and pictures, in order.
type AIBotMixed struct {
	MsgItems []AIBotMixedItem `xml:"msg_item"`
}

// AIBotMixedItem is one part of AIBotMixed: a text or a picture.
type AIBotMixedItem struct {
	MsgType string     `xml:"msgtype"` // "text" or "image"
	Text    AIBotText  `xml:"text"`    // for "text"
	Image   AIBotMedia `xml:"image"`   // for "image"
}

// AIBotQuote is the message a user quoted (引用) in a text or mixed message.
// MsgType says which of the other fields holds it.
type AIBotQuote struct {
	MsgType string     `xml:"msgtype"` // "text", "image", "mixed", "voice", "file" or "video"
	Text    AIBotText  `xml:"text"`
	Image   AIBotMedia `xml:"image"`
	Mixed   AIBotMixed `xml:"mixed"`
	Voice   AIBotText  `xml:"voice"` // the voice message as text
	File    AIBotMedia `xml:"file"`
	Video   AIBotMedia `xml:"video"`
}

// AIBotTextMessage is sent when a user writes to the bot in a private chat,
// or mentions it in a group chat.
// The msgtype value is "text".
// See https://developer.work.weixin.qq.com/document/path/100719
type AIBotTextMessage struct {
	AIBotEnvelope
	Content string      `xml:"text>content"` // the text, mentions included
	Quote   *AIBotQuote `xml:"quote"`        // the message quoted; nil when none
}

// AIBotImageMessage is sent when a user sends the bot a picture in a private
// chat.
// The msgtype value is "image".
// See https://developer.work.weixin.qq.com/document/path/100719
type AIBotImageMessage struct {
	AIBotEnvelope
	URL string `xml:"image>url"` // the encrypted picture, as AIBotMedia.URL
}

// AIBotMixedMessage is sent when a user writes text with pictures to the bot
// in a private chat, or mentions it so in a group chat.
// The msgtype value is "mixed".
// See https://developer.work.weixin.qq.com/document/path/100719
type AIBotMixedMessage struct {
	AIBotEnvelope
	MsgItems []AIBotMixedItem `xml:"mixed>msg_item"` // the parts, in order
	Quote    *AIBotQuote      `xml:"quote"`          // the message quoted; nil when none
}

// AIBotVoiceMessage is sent when a user speaks to the bot in a private chat;
// WeCom sends the speech as text.
// The msgtype value is "voice".
// See https://developer.work.weixin.qq.com/document/path/100719
type AIBotVoiceMessage struct {
	AIBotEnvelope
	Content string `xml:"voice>content"` // the speech as text
}

// AIBotFileMessage is sent when a user sends the bot a file (up to 100 MB)
// in a private chat.
// The msgtype value is "file".
// See https://developer.work.weixin.qq.com/document/path/100719
type AIBotFileMessage struct {
	AIBotEnvelope
	URL string `xml:"file>url"` // the encrypted file, as AIBotMedia.URL
}

// AIBotVideoMessage is sent when a user sends the bot a video in a private
// chat.
// The msgtype value is "video".
// See https://developer.work.weixin.qq.com/document/path/100719
type AIBotVideoMessage struct {
	AIBotEnvelope
	URL string `xml:"video>url"` // the encrypted video, as AIBotMedia.URL
}

// AIBotStreamMessage (流式消息刷新) asks for the next part of a streamed
// answer: WeCom sends it again and again, for up to six minutes after the
// user's message, until the bot answers the stream as finished. The only
// answer it takes is the stream's.
// The msgtype value is "stream".
// See https://developer.work.weixin.qq.com/document/path/100719
type AIBotStreamMessage struct {
	AIBotEnvelope
	ID string `xml:"stream>id"` // the stream's ID, as the bot's first stream answer set it
}

// AIBotEnterChatEvent is sent when a user opens the private chat with the
// bot for the first time in a day; the bot may answer with a welcome text
// or template card. Without an answer WeCom sends no more that day.
// The msgtype value is "event", the eventtype "enter_chat".
// See https://developer.work.weixin.qq.com/document/path/101027
type AIBotEnterChatEvent struct {
	AIBotEnvelope
}

// AIBotTemplateCardEvent is sent when a user clicks a button of a template
// card the bot sent (button, vote or multiple-choice interaction) or an
// entry of a card's menu. WeCom sends it once and drops it when the answer,
// which may update the card, takes more than five seconds.
// The msgtype value is "event", the eventtype "template_card_event".
// See https://developer.work.weixin.qq.com/document/path/101027
type AIBotTemplateCardEvent struct {
	AIBotEnvelope
	// CardType is the card's kind: "button_interaction",
	// "vote_interaction", "multiple_interaction", or for a menu entry
	// "text_notice", "news_notice", "button_interaction".
	CardType string `xml:"event>template_card_event>card_type"`
	EventKey string `xml:"event>template_card_event>event_key"` // the key of the button or menu entry
	TaskID   string `xml:"event>template_card_event>task_id"`   // the task_id the card was sent with
	// SelectedItems are the user's choices on a card with selections.
	SelectedItems []AIBotSelectedItem `xml:"event>template_card_event>selected_items>selected_item"`
}

// AIBotSelectedItem is one answered selection of AIBotTemplateCardEvent.
type AIBotSelectedItem struct {
	QuestionKey string   `xml:"question_key"`         // the selection's key
	OptionIDs   []string `xml:"option_ids>option_id"` // the options chosen: one for a single choice, any for a multiple one
}

// AIBotFeedbackEvent is sent when a user rates an answer of the bot that
// carried a feedback ID. Its only answer is an empty one.
// The msgtype value is "event", the eventtype "feedback_event".
// See https://developer.work.weixin.qq.com/document/path/101027
type AIBotFeedbackEvent struct {
	AIBotEnvelope
	ID      string `xml:"event>feedback_event>id"`      // the feedback ID the answer set
	Type    int    `xml:"event>feedback_event>type"`    // 1 accurate, 2 inaccurate, 3 either withdrawn
	Content string `xml:"event>feedback_event>content"` // what the user wrote; inaccurate only
	// InaccurateReasonList are the reasons the user chose, inaccurate
	// only: 1 unrelated to the question, 2 incomplete, 3 wrong, 4 wrong
	// data analysis.
	InaccurateReasonList []int `xml:"event>feedback_event>inaccurate_reason_list"`
}

// aiBotTypes registers the AI bot's callbacks in its own namespace.
var aiBotTypes = []builtin{
	{nsBot, "text", newOf[AIBotTextMessage]},
	{nsBot, "image", newOf[AIBotImageMessage]},
	{nsBot, "mixed", newOf[AIBotMixedMessage]},
	{nsBot, "voice", newOf[AIBotVoiceMessage]},
	{nsBot, "file", newOf[AIBotFileMessage]},
	{nsBot, "video", newOf[AIBotVideoMessage]},
	{nsBot, "stream", newOf[AIBotStreamMessage]},
	{nsBot, "event/enter_chat", newOf[AIBotEnterChatEvent]},
	{nsBot, "event/template_card_event", newOf[AIBotTemplateCardEvent]},
	{nsBot, "event/feedback_event", newOf[AIBotFeedbackEvent]},
}
