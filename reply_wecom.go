package wechatevent

import (
	"fmt"
	"time"
)

// The replies only WeCom (企业微信) self-built apps take: they update the
// card a member has just clicked, in answer to its template_card_event or
// taskcard_click callback (https://developer.work.weixin.qq.com/document/path/90241).
// WeCom has no music and no transfer_customer_service reply; text, image,
// voice, video and news replies are the types shared with 公众号.

// UpdateButtonReply relabels the button the member clicked on a template
// card (MsgType update_button), in answer to a template_card_event.
type UpdateButtonReply struct {
	ToUserName   string // the member's UserID: the callback's FromUserName
	FromUserName string // the CorpID: the callback's ToUserName
	CreateTime   time.Time
	ReplaceName  string // the button's new text; required
}

// NewUpdateButtonReply returns a reply that relabels the clicked button.
func NewUpdateButtonReply(to Event, replaceName string) *UpdateButtonReply {
	h := to.Header()
	return &UpdateButtonReply{ToUserName: h.FromUserName, FromUserName: h.ToUserName, CreateTime: time.Now(), ReplaceName: replaceName}
}

// AppendXML appends <xml>…<MsgType>update_button</MsgType><Button><ReplaceName/></Button></xml>.
// It fails with ErrReply for an empty ReplaceName.
func (r *UpdateButtonReply) AppendXML(dst []byte) ([]byte, error) { return r.append(dst, false) }

// AppendJSON appends the reply as JSON, with the errors of AppendXML.
func (r *UpdateButtonReply) AppendJSON(dst []byte) ([]byte, error) { return r.append(dst, true) }

func (r *UpdateButtonReply) append(dst []byte, json bool) ([]byte, error) {
	if r == nil {
		return dst, errNil("UpdateButtonReply")
	}
	return appendReplaceName(dst, json, r.ToUserName, r.FromUserName, r.CreateTime, "update_button", "Button", r.ReplaceName)
}

func (r *UpdateButtonReply) encodedSize() int {
	if r == nil {
		return 0
	}
	return headSize(r.ToUserName, r.FromUserName) + strSize(r.ReplaceName) + 32
}

// UpdateTaskcardReply relabels the buttons of the task card a member clicked
// (MsgType update_taskcard), in answer to a taskcard_click callback.
type UpdateTaskcardReply struct {
	ToUserName   string // the member's UserID: the callback's FromUserName
	FromUserName string // the CorpID: the callback's ToUserName
	CreateTime   time.Time
	ReplaceName  string // the text the card's buttons show after the click; required
}

// NewUpdateTaskcardReply returns a reply that relabels the clicked task card.
func NewUpdateTaskcardReply(to Event, replaceName string) *UpdateTaskcardReply {
	h := to.Header()
	return &UpdateTaskcardReply{ToUserName: h.FromUserName, FromUserName: h.ToUserName, CreateTime: time.Now(), ReplaceName: replaceName}
}

// AppendXML appends <xml>…<MsgType>update_taskcard</MsgType><TaskCard><ReplaceName/></TaskCard></xml>.
// It fails with ErrReply for an empty ReplaceName.
func (r *UpdateTaskcardReply) AppendXML(dst []byte) ([]byte, error) { return r.append(dst, false) }

// AppendJSON appends the reply as JSON, with the errors of AppendXML.
func (r *UpdateTaskcardReply) AppendJSON(dst []byte) ([]byte, error) { return r.append(dst, true) }

func (r *UpdateTaskcardReply) append(dst []byte, json bool) ([]byte, error) {
	if r == nil {
		return dst, errNil("UpdateTaskcardReply")
	}
	return appendReplaceName(dst, json, r.ToUserName, r.FromUserName, r.CreateTime, "update_taskcard", "TaskCard", r.ReplaceName)
}

func (r *UpdateTaskcardReply) encodedSize() int {
	if r == nil {
		return 0
	}
	return headSize(r.ToUserName, r.FromUserName) + strSize(r.ReplaceName) + 32
}

func appendReplaceName(dst []byte, json bool, to, from string, created time.Time, msgType, wrapper, name string) ([]byte, error) {
	if name == "" {
		return dst, fmt.Errorf("%w: %s reply without a ReplaceName", ErrReply, msgType)
	}
	w := replyWriter{buf: dst, json: json}.head(to, from, created, msgType)
	return w.begin(wrapper).str("ReplaceName", name).end(wrapper).close(), nil
}

// UpdateTemplateCardReply replaces the whole template card the member
// clicked (MsgType update_template_card), in answer to a
// template_card_event. The card carries the parts common to the card types
// (text_notice, news_notice, button_interaction, vote_interaction,
// multiple_interaction); a card that needs more parts can be sent as a
// RawReply.
type UpdateTemplateCardReply struct {
	ToUserName   string // the member's UserID: the callback's FromUserName
	FromUserName string // the CorpID: the callback's ToUserName
	CreateTime   time.Time
	TemplateCard TemplateCard
}

// TemplateCard is the card of an UpdateTemplateCardReply.
type TemplateCard struct {
	CardType              string                 // "text_notice", "button_interaction", ...; required
	Source                TemplateCardSource     // left out when empty
	MainTitle             TemplateCardMainTitle  // left out when empty
	SubTitleText          string                 // left out when empty
	HorizontalContentList []TemplateCardKeyValue // one <HorizontalContentList> each
}

// TemplateCardSource is the source line at the top of a card.
type TemplateCardSource struct {
	IconURL   string // the icon (IconUrl)
	Desc      string // the source's name
	DescColor int    // 0 grey, 1 black, 2 red, 3 green
}

// TemplateCardMainTitle is the title of a card.
type TemplateCardMainTitle struct {
	Title string
	Desc  string // the line below the title
}

// TemplateCardKeyValue is one "key: value" row of a card.
type TemplateCardKeyValue struct {
	KeyName string
	Value   string
	Type    int    // 0 text, 1 a link to URL, 2 an attachment
	URL     string // the link when Type is 1 (Url)
}

// NewUpdateTemplateCardReply returns a reply that replaces the clicked card.
func NewUpdateTemplateCardReply(to Event, card TemplateCard) *UpdateTemplateCardReply {
	h := to.Header()
	return &UpdateTemplateCardReply{ToUserName: h.FromUserName, FromUserName: h.ToUserName, CreateTime: time.Now(), TemplateCard: card}
}

// AppendXML appends <xml>…<MsgType>update_template_card</MsgType><TemplateCard>
// <CardType/><Source/><MainTitle/><SubTitleText/><HorizontalContentList/>…
// </TemplateCard></xml>, leaving out the empty parts. It fails with ErrReply
// for an empty CardType.
func (r *UpdateTemplateCardReply) AppendXML(dst []byte) ([]byte, error) { return r.append(dst, false) }

// AppendJSON appends the reply as JSON, with the errors of AppendXML;
// HorizontalContentList is an array.
func (r *UpdateTemplateCardReply) AppendJSON(dst []byte) ([]byte, error) { return r.append(dst, true) }

func (r *UpdateTemplateCardReply) append(dst []byte, json bool) ([]byte, error) {
	switch {
	case r == nil:
		return dst, errNil("UpdateTemplateCardReply")
	case r.TemplateCard.CardType == "":
		return dst, fmt.Errorf("%w: template card without a CardType", ErrReply)
	}
	c := &r.TemplateCard
	w := replyWriter{buf: dst, json: json}.head(r.ToUserName, r.FromUserName, r.CreateTime, "update_template_card")
	w = w.begin("TemplateCard").str("CardType", c.CardType)
	if c.Source != (TemplateCardSource{}) {
		w = w.begin("Source").optStr("IconUrl", c.Source.IconURL).optStr("Desc", c.Source.Desc).
			num("DescColor", int64(c.Source.DescColor)).end("Source")
	}
	if c.MainTitle != (TemplateCardMainTitle{}) {
		w = w.begin("MainTitle").optStr("Title", c.MainTitle.Title).optStr("Desc", c.MainTitle.Desc).end("MainTitle")
	}
	w = w.optStr("SubTitleText", c.SubTitleText)
	if len(c.HorizontalContentList) > 0 {
		w = w.beginList("HorizontalContentList")
		for i := range c.HorizontalContentList {
			kv := &c.HorizontalContentList[i]
			w = w.item("HorizontalContentList").str("KeyName", kv.KeyName).optStr("Value", kv.Value).
				num("Type", int64(kv.Type)).optStr("Url", kv.URL).end("HorizontalContentList")
		}
		w = w.endList()
	}
	return w.end("TemplateCard").close(), nil
}

func (r *UpdateTemplateCardReply) encodedSize() int {
	if r == nil {
		return 0
	}
	c := &r.TemplateCard
	n := headSize(r.ToUserName, r.FromUserName) + 96 + strSize(c.CardType) + strSize(c.Source.IconURL) +
		strSize(c.Source.Desc) + strSize(c.MainTitle.Title) + strSize(c.MainTitle.Desc) + strSize(c.SubTitleText)
	for i := range c.HorizontalContentList {
		kv := &c.HorizontalContentList[i]
		n += strSize(kv.KeyName) + strSize(kv.Value) + strSize(kv.URL) + 64
	}
	return n
}
