package wechatevent

// WeCom card events: a member taps a button of a task card (任务卡片) or a
// template card (模板卡片) the app sent.

// TaskcardClickEvent is sent when a member taps a button of a task card.
// The app may answer with a passive reply that updates the buttons.
// The Event value is "taskcard_click".
// See https://developer.work.weixin.qq.com/document/path/90240
type TaskcardClickEvent struct {
	Envelope
	EventKey string `xml:"EventKey"` // the key of the button tapped
	TaskID   string `xml:"TaskId"`   // the task_id the card was sent with
}

// SelectedItem is one question answered on a template card: the options a
// member chose for it.
type SelectedItem struct {
	QuestionKey string `xml:"QuestionKey"` // the question's key, as set on the card

	// OptionIDs are the IDs of the options chosen. WeCom's own sample spells
	// the elements OpitonIds/OpitonId; both spellings are read.
	OptionIDs []string `xml:"OptionIds>OptionId" alias:"OpitonIds>OpitonId"`
}

// TemplateCardEvent is sent when a member taps a button of a template card,
// or submits its selections. ResponseCode, valid for 72 hours and for one
// use, lets the app update the card.
// The Event value is "template_card_event".
// See https://developer.work.weixin.qq.com/document/path/90240
type TemplateCardEvent struct {
	Envelope
	EventKey      string         `xml:"EventKey"`                   // the key of the button tapped
	TaskID        string         `xml:"TaskId"`                     // the task_id the card was sent with
	CardType      string         `xml:"CardType"`                   // "text_notice", "news_notice", "button_interaction", "vote_interaction" or "multiple_interaction"
	ResponseCode  string         `xml:"ResponseCode"`               // the code for updating the card
	SelectedItems []SelectedItem `xml:"SelectedItems>SelectedItem"` // the selections submitted, for vote and multiple-choice cards
}

// TemplateCardMenuEvent is sent when a member picks an entry of a template
// card's menu (the "..." in its corner).
// The Event value is "template_card_menu_event".
// See https://developer.work.weixin.qq.com/document/path/90240
type TemplateCardMenuEvent struct {
	Envelope
	EventKey     string `xml:"EventKey"`     // the key of the menu entry
	TaskID       string `xml:"TaskId"`       // the task_id the card was sent with
	CardType     string `xml:"CardType"`     // the card's type, as in TemplateCardEvent
	ResponseCode string `xml:"ResponseCode"` // the code for updating the card
}

// cardEventsWeCom registers the WeCom card events.
var cardEventsWeCom = []builtin{
	{nsEvent, "taskcard_click", newOf[TaskcardClickEvent]},
	{nsEvent, "template_card_event", newOf[TemplateCardEvent]},
	{nsEvent, "template_card_menu_event", newOf[TemplateCardMenuEvent]},
}
