package wechatevent

import (
	"fmt"
	"time"
)

// The reply types of 公众号 (official accounts), as documented on
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Passive_user_reply_message.html.
// WeCom self-built apps take text, image, voice, video and news too
// (https://developer.work.weixin.qq.com/document/path/90241). Each reply
// names its user in ToUserName and the account in FromUserName: the
// constructors swap them from the callback being answered.

// Limits of what WeChat accepts in a reply.
const (
	// MaxReplyArticles is the most articles a news reply may carry. WeChat
	// lowered it from 10 to 8 in 2018, and takes only 1 when the reply
	// answers a user's text, image, video, news or location message.
	MaxReplyArticles = 8

	// MaxReplyTextBytes is the longest Content of a text reply, in bytes
	// of UTF-8. WeCom documents it and truncates longer text; the 公众号
	// page states no limit, but users hit one near it (silenceper/wechat#673
	// asks how to send more than 628 汉字), so longer text is refused
	// rather than cut where the user cannot see.
	MaxReplyTextBytes = 2048
)

// errNil is the error of marshalling a nil pointer of a reply type.
func errNil(typ string) error { return fmt.Errorf("%w: nil *%s", ErrReply, typ) }

// TextReply answers with a text message (MsgType text).
type TextReply struct {
	ToUserName   string    // the user: the callback's FromUserName
	FromUserName string    // the account: the callback's ToUserName
	CreateTime   time.Time // written as UNIX seconds; zero means when sent
	Content      string    // 1 to MaxReplyTextBytes bytes; line breaks are kept
}

// NewTextReply returns a text reply to the sender of the callback to.
func NewTextReply(to Event, content string) *TextReply {
	h := to.Header()
	return &TextReply{ToUserName: h.FromUserName, FromUserName: h.ToUserName, CreateTime: time.Now(), Content: content}
}

// AppendXML appends <xml>…<MsgType>text</MsgType><Content/></xml>. It fails
// with ErrReply for an empty Content (WeChat documents "success" for no
// reply, not an empty text) or one longer than MaxReplyTextBytes.
func (r *TextReply) AppendXML(dst []byte) ([]byte, error) { return r.append(dst, false) }

// AppendJSON appends the reply as JSON, with the errors of AppendXML.
func (r *TextReply) AppendJSON(dst []byte) ([]byte, error) { return r.append(dst, true) }

func (r *TextReply) append(dst []byte, json bool) ([]byte, error) {
	switch {
	case r == nil:
		return dst, errNil("TextReply")
	case r.Content == "":
		return dst, fmt.Errorf("%w: empty text; answer no reply with nil instead", ErrReply)
	case len(r.Content) > MaxReplyTextBytes:
		return dst, fmt.Errorf("%w: text of %d bytes, at most %d", ErrReply, len(r.Content), MaxReplyTextBytes)
	}
	w := replyWriter{buf: dst, json: json}.head(r.ToUserName, r.FromUserName, r.CreateTime, "text")
	return w.str("Content", r.Content).close(), nil
}

func (r *TextReply) encodedSize() int {
	if r == nil {
		return 0
	}
	return headSize(r.ToUserName, r.FromUserName) + strSize(r.Content)
}

// ImageReply answers with an image (MsgType image) uploaded beforehand
// through the media API.
type ImageReply struct {
	ToUserName   string
	FromUserName string
	CreateTime   time.Time
	MediaID      string // the image's media_id; required
}

// NewImageReply returns an image reply to the sender of the callback to.
func NewImageReply(to Event, mediaID string) *ImageReply {
	h := to.Header()
	return &ImageReply{ToUserName: h.FromUserName, FromUserName: h.ToUserName, CreateTime: time.Now(), MediaID: mediaID}
}

// AppendXML appends <xml>…<MsgType>image</MsgType><Image><MediaId/></Image></xml>.
// It fails with ErrReply for an empty MediaID.
func (r *ImageReply) AppendXML(dst []byte) ([]byte, error) { return r.append(dst, false) }

// AppendJSON appends the reply as JSON, with the errors of AppendXML.
func (r *ImageReply) AppendJSON(dst []byte) ([]byte, error) { return r.append(dst, true) }

func (r *ImageReply) append(dst []byte, json bool) ([]byte, error) {
	if r == nil {
		return dst, errNil("ImageReply")
	}
	return appendMediaReply(dst, json, r.ToUserName, r.FromUserName, r.CreateTime, "image", "Image", r.MediaID)
}

func (r *ImageReply) encodedSize() int {
	if r == nil {
		return 0
	}
	return headSize(r.ToUserName, r.FromUserName) + strSize(r.MediaID) + 32
}

// VoiceReply answers with a voice message (MsgType voice) uploaded
// beforehand through the media API.
type VoiceReply struct {
	ToUserName   string
	FromUserName string
	CreateTime   time.Time
	MediaID      string // the voice's media_id; required
}

// NewVoiceReply returns a voice reply to the sender of the callback to.
func NewVoiceReply(to Event, mediaID string) *VoiceReply {
	h := to.Header()
	return &VoiceReply{ToUserName: h.FromUserName, FromUserName: h.ToUserName, CreateTime: time.Now(), MediaID: mediaID}
}

// AppendXML appends <xml>…<MsgType>voice</MsgType><Voice><MediaId/></Voice></xml>.
// It fails with ErrReply for an empty MediaID.
func (r *VoiceReply) AppendXML(dst []byte) ([]byte, error) { return r.append(dst, false) }

// AppendJSON appends the reply as JSON, with the errors of AppendXML.
func (r *VoiceReply) AppendJSON(dst []byte) ([]byte, error) { return r.append(dst, true) }

func (r *VoiceReply) append(dst []byte, json bool) ([]byte, error) {
	if r == nil {
		return dst, errNil("VoiceReply")
	}
	return appendMediaReply(dst, json, r.ToUserName, r.FromUserName, r.CreateTime, "voice", "Voice", r.MediaID)
}

func (r *VoiceReply) encodedSize() int {
	if r == nil {
		return 0
	}
	return headSize(r.ToUserName, r.FromUserName) + strSize(r.MediaID) + 32
}

// appendMediaReply writes the replies whose body is one wrapper holding a
// MediaId.
func appendMediaReply(dst []byte, json bool, to, from string, created time.Time, msgType, wrapper, mediaID string) ([]byte, error) {
	if mediaID == "" {
		return dst, fmt.Errorf("%w: %s reply without a media ID", ErrReply, msgType)
	}
	w := replyWriter{buf: dst, json: json}.head(to, from, created, msgType)
	return w.begin(wrapper).str("MediaId", mediaID).end(wrapper).close(), nil
}

// VideoReply answers with a video (MsgType video) uploaded beforehand
// through the media API.
type VideoReply struct {
	ToUserName   string
	FromUserName string
	CreateTime   time.Time
	MediaID      string // the video's media_id; required
	Title        string // optional; left out when empty
	Description  string // optional; left out when empty
}

// NewVideoReply returns a video reply to the sender of the callback to.
func NewVideoReply(to Event, mediaID, title, description string) *VideoReply {
	h := to.Header()
	return &VideoReply{ToUserName: h.FromUserName, FromUserName: h.ToUserName, CreateTime: time.Now(),
		MediaID: mediaID, Title: title, Description: description}
}

// AppendXML appends <xml>…<MsgType>video</MsgType><Video><MediaId/><Title/><Description/></Video></xml>.
// It fails with ErrReply for an empty MediaID.
func (r *VideoReply) AppendXML(dst []byte) ([]byte, error) { return r.append(dst, false) }

// AppendJSON appends the reply as JSON, with the errors of AppendXML.
func (r *VideoReply) AppendJSON(dst []byte) ([]byte, error) { return r.append(dst, true) }

func (r *VideoReply) append(dst []byte, json bool) ([]byte, error) {
	switch {
	case r == nil:
		return dst, errNil("VideoReply")
	case r.MediaID == "":
		return dst, fmt.Errorf("%w: video reply without a media ID", ErrReply)
	}
	w := replyWriter{buf: dst, json: json}.head(r.ToUserName, r.FromUserName, r.CreateTime, "video")
	w = w.begin("Video").str("MediaId", r.MediaID).optStr("Title", r.Title).optStr("Description", r.Description)
	return w.end("Video").close(), nil
}

func (r *VideoReply) encodedSize() int {
	if r == nil {
		return 0
	}
	return headSize(r.ToUserName, r.FromUserName) + strSize(r.MediaID) + strSize(r.Title) + strSize(r.Description) + 32
}

// Music is the body of a music reply.
type Music struct {
	Title        string // optional; left out when empty
	Description  string // optional; left out when empty
	MusicURL     string // the music link (MusicUrl)
	HQMusicURL   string // the high-quality link, played on Wi-Fi (HQMusicUrl)
	ThumbMediaID string // media_id of the cover image; required
}

// MusicReply answers with a piece of music (MsgType music); 公众号 only.
type MusicReply struct {
	ToUserName   string
	FromUserName string
	CreateTime   time.Time
	Music        Music
}

// NewMusicReply returns a music reply to the sender of the callback to.
func NewMusicReply(to Event, m Music) *MusicReply {
	h := to.Header()
	return &MusicReply{ToUserName: h.FromUserName, FromUserName: h.ToUserName, CreateTime: time.Now(), Music: m}
}

// AppendXML appends <xml>…<MsgType>music</MsgType><Music><Title/><Description/>
// <MusicUrl/><HQMusicUrl/><ThumbMediaId/></Music></xml>, in the documented
// order. It fails with ErrReply for an empty ThumbMediaID.
func (r *MusicReply) AppendXML(dst []byte) ([]byte, error) { return r.append(dst, false) }

// AppendJSON appends the reply as JSON, with the errors of AppendXML.
func (r *MusicReply) AppendJSON(dst []byte) ([]byte, error) { return r.append(dst, true) }

func (r *MusicReply) append(dst []byte, json bool) ([]byte, error) {
	switch {
	case r == nil:
		return dst, errNil("MusicReply")
	case r.Music.ThumbMediaID == "":
		return dst, fmt.Errorf("%w: music reply without a thumbnail media ID", ErrReply)
	}
	m := &r.Music
	w := replyWriter{buf: dst, json: json}.head(r.ToUserName, r.FromUserName, r.CreateTime, "music")
	w = w.begin("Music").optStr("Title", m.Title).optStr("Description", m.Description).
		str("MusicUrl", m.MusicURL).str("HQMusicUrl", m.HQMusicURL).str("ThumbMediaId", m.ThumbMediaID)
	return w.end("Music").close(), nil
}

func (r *MusicReply) encodedSize() int {
	if r == nil {
		return 0
	}
	m := &r.Music
	return headSize(r.ToUserName, r.FromUserName) + strSize(m.Title) + strSize(m.Description) +
		strSize(m.MusicURL) + strSize(m.HQMusicURL) + strSize(m.ThumbMediaID) + 32
}

// Article is one entry of a news reply.
type Article struct {
	Title       string
	Description string
	PicURL      string // the picture, 360×200 for the first entry and 200×200 for the others (PicUrl)
	URL         string // the page a tap opens (Url)
}

// NewsReply answers with up to MaxReplyArticles articles (MsgType news).
type NewsReply struct {
	ToUserName   string
	FromUserName string
	CreateTime   time.Time
	Articles     []Article // 1 to MaxReplyArticles; 1 when answering a user's message
}

// NewNewsReply returns a news reply to the sender of the callback to.
func NewNewsReply(to Event, articles ...Article) *NewsReply {
	h := to.Header()
	return &NewsReply{ToUserName: h.FromUserName, FromUserName: h.ToUserName, CreateTime: time.Now(), Articles: articles}
}

// AppendXML appends <xml>…<MsgType>news</MsgType><ArticleCount/><Articles>
// <item><Title/><Description/><PicUrl/><Url/></item>…</Articles></xml>. It
// fails with ErrReply for no article or more than MaxReplyArticles.
func (r *NewsReply) AppendXML(dst []byte) ([]byte, error) { return r.append(dst, false) }

// AppendJSON appends the reply as JSON, with the errors of AppendXML;
// Articles is an object whose "item" is the array of articles.
func (r *NewsReply) AppendJSON(dst []byte) ([]byte, error) { return r.append(dst, true) }

func (r *NewsReply) append(dst []byte, json bool) ([]byte, error) {
	switch {
	case r == nil:
		return dst, errNil("NewsReply")
	case len(r.Articles) == 0 || len(r.Articles) > MaxReplyArticles:
		return dst, fmt.Errorf("%w: news reply with %d articles, want 1 to %d", ErrReply, len(r.Articles), MaxReplyArticles)
	}
	w := replyWriter{buf: dst, json: json}.head(r.ToUserName, r.FromUserName, r.CreateTime, "news")
	w = w.num("ArticleCount", int64(len(r.Articles))).begin("Articles").beginList("item")
	for i := range r.Articles {
		a := &r.Articles[i]
		w = w.item("item").str("Title", a.Title).str("Description", a.Description).
			str("PicUrl", a.PicURL).str("Url", a.URL).end("item")
	}
	return w.endList().end("Articles").close(), nil
}

func (r *NewsReply) encodedSize() int {
	if r == nil {
		return 0
	}
	n := headSize(r.ToUserName, r.FromUserName) + 64
	for i := range r.Articles {
		a := &r.Articles[i]
		n += strSize(a.Title) + strSize(a.Description) + strSize(a.PicURL) + strSize(a.URL) + 16
	}
	return n
}

// TransferCustomerServiceReply hands the message over to customer service
// (MsgType transfer_customer_service, 多客服): to any agent, or to the one
// named by KfAccount. 公众号 and 小程序 客服 only.
type TransferCustomerServiceReply struct {
	ToUserName   string
	FromUserName string
	CreateTime   time.Time
	KfAccount    string // "kf2001@account" for one agent; "" for any, and TransInfo is left out
}

// NewTransferCustomerServiceReply returns a reply that hands the callback to
// customer service: to the agent kfAccount, or to any agent when it is "".
func NewTransferCustomerServiceReply(to Event, kfAccount string) *TransferCustomerServiceReply {
	h := to.Header()
	return &TransferCustomerServiceReply{ToUserName: h.FromUserName, FromUserName: h.ToUserName, CreateTime: time.Now(), KfAccount: kfAccount}
}

// AppendXML appends <xml>…<MsgType>transfer_customer_service</MsgType>
// <TransInfo><KfAccount/></TransInfo></xml>, TransInfo only with a KfAccount.
func (r *TransferCustomerServiceReply) AppendXML(dst []byte) ([]byte, error) {
	return r.append(dst, false)
}

// AppendJSON appends the reply as JSON.
func (r *TransferCustomerServiceReply) AppendJSON(dst []byte) ([]byte, error) {
	return r.append(dst, true)
}

func (r *TransferCustomerServiceReply) append(dst []byte, json bool) ([]byte, error) {
	if r == nil {
		return dst, errNil("TransferCustomerServiceReply")
	}
	w := replyWriter{buf: dst, json: json}.head(r.ToUserName, r.FromUserName, r.CreateTime, "transfer_customer_service")
	if r.KfAccount != "" {
		w = w.begin("TransInfo").str("KfAccount", r.KfAccount).end("TransInfo")
	}
	return w.close(), nil
}

func (r *TransferCustomerServiceReply) encodedSize() int {
	if r == nil {
		return 0
	}
	return headSize(r.ToUserName, r.FromUserName) + strSize(r.KfAccount) + 32
}
