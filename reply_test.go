package wechatevent

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// incoming is the callback the replies of these tests answer.
func incoming(t testing.TB) *TextMessage {
	t.Helper()
	ev, err := Parse([]byte(`<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName>
<FromUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></FromUserName>
<CreateTime>1715943329</CreateTime><MsgType><![CDATA[text]]></MsgType>
<Content><![CDATA[hi]]></Content><MsgId>24602147392840000</MsgId></xml>`))
	require.NoError(t, err)
	return ev.(*TextMessage)
}

// docReply is the documented layout of every reply type, as encoding/xml
// reads it (developers.weixin.qq.com/doc/offiaccount/Message_Management/Passive_user_reply_message.html,
// developer.work.weixin.qq.com/document/path/90241).
type docReply struct {
	XMLName      xml.Name
	ToUserName   string
	FromUserName string
	CreateTime   int64
	MsgType      string
	Content      string
	Image        struct{ MediaId string }
	Voice        struct{ MediaId string }
	Video        struct{ MediaId, Title, Description string }
	Music        struct{ Title, Description, MusicUrl, HQMusicUrl, ThumbMediaId string }
	ArticleCount int
	Articles     struct {
		Item []struct{ Title, Description, PicUrl, Url string } `xml:"item"`
	}
	TransInfo    struct{ KfAccount string }
	Button       struct{ ReplaceName string }
	TaskCard     struct{ ReplaceName string }
	TemplateCard struct {
		CardType string
		Source   struct {
			IconUrl   string
			Desc      string
			DescColor int
		}
		MainTitle             struct{ Title, Desc string }
		SubTitleText          string
		HorizontalContentList []struct {
			KeyName, Value string
			Type           int
			Url            string
		}
	}
}

// childNames lists the names of the elements under the root of an XML
// body, in order, and those under the named wrapper.
func childNames(t *testing.T, body []byte, wrapper string) (top, inner []string) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(body))
	depth, in := 0, false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return top, inner
		}
		require.NoError(t, err)
		switch tok := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 2 {
				top = append(top, tok.Name.Local)
				in = tok.Name.Local == wrapper
			} else if depth == 3 && in {
				inner = append(inner, tok.Name.Local)
			}
		case xml.EndElement:
			depth--
		}
	}
}

var created = time.Unix(1715943330, 0)

// replyCase is one reply type: a literal, its MsgType, and what encoding/xml
// must read back in the documented layout.
type replyCase struct {
	name    string
	reply   Reply
	msgType string
	top     []string // the root's children in documented order
	wrapper string   // a wrapper whose children are checked too
	inner   []string
	check   func(t *testing.T, d *docReply)
}

var head = []string{"ToUserName", "FromUserName", "CreateTime", "MsgType"}

func withHead(names ...string) []string { return append(append([]string(nil), head...), names...) }

func replyCases() []replyCase {
	return []replyCase{
		{"text", &TextReply{ToUserName: "o9Ag", FromUserName: "gh_974", CreateTime: created, Content: "你好\nworld"}, "text",
			withHead("Content"), "", nil,
			func(t *testing.T, d *docReply) { assert.Equal(t, "你好\nworld", d.Content) }},
		{"image", &ImageReply{ToUserName: "o9Ag", FromUserName: "gh_974", CreateTime: created, MediaID: "m-1"}, "image",
			withHead("Image"), "Image", []string{"MediaId"},
			func(t *testing.T, d *docReply) { assert.Equal(t, "m-1", d.Image.MediaId) }},
		{"voice", &VoiceReply{ToUserName: "o9Ag", FromUserName: "gh_974", CreateTime: created, MediaID: "v-1"}, "voice",
			withHead("Voice"), "Voice", []string{"MediaId"},
			func(t *testing.T, d *docReply) { assert.Equal(t, "v-1", d.Voice.MediaId) }},
		{"video", &VideoReply{ToUserName: "o9Ag", FromUserName: "gh_974", CreateTime: created, MediaID: "vid", Title: "T", Description: "D"}, "video",
			withHead("Video"), "Video", []string{"MediaId", "Title", "Description"},
			func(t *testing.T, d *docReply) {
				assert.Equal(t, "vid", d.Video.MediaId)
				assert.Equal(t, "T", d.Video.Title)
				assert.Equal(t, "D", d.Video.Description)
			}},
		{"video without title", &VideoReply{ToUserName: "o9Ag", FromUserName: "gh_974", CreateTime: created, MediaID: "vid"}, "video",
			withHead("Video"), "Video", []string{"MediaId"},
			func(t *testing.T, d *docReply) { assert.Equal(t, "vid", d.Video.MediaId) }},
		{"music", &MusicReply{ToUserName: "o9Ag", FromUserName: "gh_974", CreateTime: created,
			Music: Music{Title: "T", Description: "D", MusicURL: "http://m/1.mp3", HQMusicURL: "http://m/1hq.mp3", ThumbMediaID: "th"}}, "music",
			withHead("Music"), "Music", []string{"Title", "Description", "MusicUrl", "HQMusicUrl", "ThumbMediaId"},
			func(t *testing.T, d *docReply) {
				assert.Equal(t, "T", d.Music.Title)
				assert.Equal(t, "D", d.Music.Description)
				assert.Equal(t, "http://m/1.mp3", d.Music.MusicUrl)
				assert.Equal(t, "http://m/1hq.mp3", d.Music.HQMusicUrl)
				assert.Equal(t, "th", d.Music.ThumbMediaId)
			}},
		{"news", &NewsReply{ToUserName: "o9Ag", FromUserName: "gh_974", CreateTime: created, Articles: []Article{
			{Title: "A", Description: "a", PicURL: "http://p/a.jpg", URL: "http://u/a"},
			{Title: "B", Description: "b", PicURL: "http://p/b.jpg", URL: "http://u/b?x=1&y=2"},
		}}, "news",
			withHead("ArticleCount", "Articles"), "Articles", []string{"item", "item"},
			func(t *testing.T, d *docReply) {
				assert.Equal(t, 2, d.ArticleCount)
				require.Len(t, d.Articles.Item, 2)
				assert.Equal(t, "A", d.Articles.Item[0].Title)
				assert.Equal(t, "a", d.Articles.Item[0].Description)
				assert.Equal(t, "http://p/a.jpg", d.Articles.Item[0].PicUrl)
				assert.Equal(t, "http://u/a", d.Articles.Item[0].Url)
				assert.Equal(t, "http://u/b?x=1&y=2", d.Articles.Item[1].Url)
			}},
		{"transfer to any agent", &TransferCustomerServiceReply{ToUserName: "o9Ag", FromUserName: "gh_974", CreateTime: created}, "transfer_customer_service",
			withHead(), "", nil, func(t *testing.T, d *docReply) { assert.Empty(t, d.TransInfo.KfAccount) }},
		{"transfer to one agent", &TransferCustomerServiceReply{ToUserName: "o9Ag", FromUserName: "gh_974", CreateTime: created, KfAccount: "kf2001@gh"}, "transfer_customer_service",
			withHead("TransInfo"), "TransInfo", []string{"KfAccount"},
			func(t *testing.T, d *docReply) { assert.Equal(t, "kf2001@gh", d.TransInfo.KfAccount) }},
		{"update_button", &UpdateButtonReply{ToUserName: "zhangsan", FromUserName: "ww1436e0e65a779aee", CreateTime: created, ReplaceName: "已处理"}, "update_button",
			withHead("Button"), "Button", []string{"ReplaceName"},
			func(t *testing.T, d *docReply) { assert.Equal(t, "已处理", d.Button.ReplaceName) }},
		{"update_taskcard", &UpdateTaskcardReply{ToUserName: "zhangsan", FromUserName: "ww1436e0e65a779aee", CreateTime: created, ReplaceName: "已同意"}, "update_taskcard",
			withHead("TaskCard"), "TaskCard", []string{"ReplaceName"},
			func(t *testing.T, d *docReply) { assert.Equal(t, "已同意", d.TaskCard.ReplaceName) }},
		{"update_template_card", &UpdateTemplateCardReply{ToUserName: "zhangsan", FromUserName: "ww1436e0e65a779aee", CreateTime: created,
			TemplateCard: TemplateCard{
				CardType:     "text_notice",
				Source:       TemplateCardSource{IconURL: "http://i/1.png", Desc: "企业微信", DescColor: 1},
				MainTitle:    TemplateCardMainTitle{Title: "已审批", Desc: "by 李四"},
				SubTitleText: "sub",
				HorizontalContentList: []TemplateCardKeyValue{
					{KeyName: "申请人", Value: "张三"},
					{KeyName: "详情", Value: "点击查看", Type: 1, URL: "http://u/1"},
				},
			}}, "update_template_card",
			withHead("TemplateCard"), "TemplateCard", []string{"CardType", "Source", "MainTitle", "SubTitleText", "HorizontalContentList", "HorizontalContentList"},
			func(t *testing.T, d *docReply) {
				c := d.TemplateCard
				assert.Equal(t, "text_notice", c.CardType)
				assert.Equal(t, "http://i/1.png", c.Source.IconUrl)
				assert.Equal(t, "企业微信", c.Source.Desc)
				assert.Equal(t, 1, c.Source.DescColor)
				assert.Equal(t, "已审批", c.MainTitle.Title)
				assert.Equal(t, "by 李四", c.MainTitle.Desc)
				assert.Equal(t, "sub", c.SubTitleText)
				require.Len(t, c.HorizontalContentList, 2)
				assert.Equal(t, "申请人", c.HorizontalContentList[0].KeyName)
				assert.Equal(t, "张三", c.HorizontalContentList[0].Value)
				assert.Equal(t, 1, c.HorizontalContentList[1].Type)
				assert.Equal(t, "http://u/1", c.HorizontalContentList[1].Url)
			}},
	}
}

func TestReplyTypesXMLLayout(t *testing.T) {
	for _, c := range replyCases() {
		t.Run(c.name, func(t *testing.T) {
			out, err := MarshalReply(c.reply)
			require.NoError(t, err)
			var d docReply
			require.NoError(t, xml.Unmarshal(out, &d), string(out))
			assert.Equal(t, "xml", d.XMLName.Local)
			assert.Equal(t, c.msgType, d.MsgType)
			assert.Equal(t, int64(1715943330), d.CreateTime)
			assert.NotEmpty(t, d.ToUserName)
			assert.NotEmpty(t, d.FromUserName)
			assert.Contains(t, string(out), "<CreateTime>1715943330</CreateTime>", "integer seconds, no CDATA")
			c.check(t, &d)

			top, inner := childNames(t, out, c.wrapper)
			assert.Equal(t, c.top, top)
			if c.wrapper != "" {
				assert.Equal(t, c.inner, inner)
			}

			// AppendXML appends: what was in the buffer stays.
			buf, err := c.reply.AppendXML([]byte("prefix"))
			require.NoError(t, err)
			assert.Equal(t, "prefix"+string(out), string(buf))
		})
	}
}

// TestReplyTypesJSON checks the JSON form: the same members, CreateTime a
// number, wrappers objects, repeated elements arrays.
func TestReplyTypesJSON(t *testing.T) {
	for _, c := range replyCases() {
		t.Run(c.name, func(t *testing.T) {
			out, err := MarshalReplyJSON(c.reply)
			require.NoError(t, err)
			var m map[string]any
			d := json.NewDecoder(bytes.NewReader(out))
			d.UseNumber()
			require.NoError(t, d.Decode(&m), string(out))
			assert.Equal(t, c.msgType, m["MsgType"])
			assert.Equal(t, json.Number("1715943330"), m["CreateTime"])
			keys := []string{}
			for k := range m {
				keys = append(keys, k)
			}
			assert.ElementsMatch(t, c.top, keys)

			// The XML and JSON forms carry the same values: convert the JSON
			// to XML by the mapping Parse reads JSON with and compare.
			var fromJSON, fromXML docReply
			xmlOut, err := MarshalReply(c.reply)
			require.NoError(t, err)
			require.NoError(t, xml.Unmarshal(xmlOut, &fromXML))
			require.NoError(t, xml.Unmarshal(jsonToXML(t, out), &fromJSON))
			fromJSON.XMLName = fromXML.XMLName
			assert.Equal(t, fromXML, fromJSON)
		})
	}
}

// jsonToXML rewrites a JSON object as XML: a key is an element, an object a
// wrapper, an array repeats its key.
func jsonToXML(t *testing.T, data []byte) []byte {
	var v any
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	require.NoError(t, d.Decode(&v))
	var b bytes.Buffer
	var write func(name string, v any)
	write = func(name string, v any) {
		switch v := v.(type) {
		case []any:
			for _, e := range v {
				write(name, e)
			}
			return
		case map[string]any:
			b.WriteString("<" + name + ">")
			for k, e := range v {
				write(k, e)
			}
		case string:
			b.WriteString("<" + name + ">")
			require.NoError(t, xml.EscapeText(&b, []byte(v)))
		case json.Number:
			b.WriteString("<" + name + ">" + v.String())
		default:
			t.Fatalf("unexpected JSON value %T", v)
		}
		b.WriteString("</" + name + ">")
	}
	write("xml", v)
	return b.Bytes()
}

func TestConstructorsSwapEnvelope(t *testing.T) {
	in := incoming(t)
	before := time.Now().Add(-time.Second)
	replies := map[string]Reply{
		"text":     NewTextReply(in, "hi"),
		"image":    NewImageReply(in, "m"),
		"voice":    NewVoiceReply(in, "m"),
		"video":    NewVideoReply(in, "m", "t", "d"),
		"music":    NewMusicReply(in, Music{ThumbMediaID: "th"}),
		"news":     NewNewsReply(in, Article{Title: "a"}),
		"transfer": NewTransferCustomerServiceReply(in, ""),
		"button":   NewUpdateButtonReply(in, "ok"),
		"taskcard": NewUpdateTaskcardReply(in, "ok"),
		"card":     NewUpdateTemplateCardReply(in, TemplateCard{CardType: "text_notice"}),
	}
	for name, r := range replies {
		out, err := MarshalReply(r)
		require.NoError(t, err, name)
		var d docReply
		require.NoError(t, xml.Unmarshal(out, &d), name)
		assert.Equal(t, in.FromUserName, d.ToUserName, name)
		assert.Equal(t, in.ToUserName, d.FromUserName, name)
		assert.GreaterOrEqual(t, d.CreateTime, before.Unix(), name)
		assert.LessOrEqual(t, d.CreateTime, time.Now().Unix(), name)
	}
	v := NewVideoReply(in, "m", "t", "d")
	assert.Equal(t, VideoReply{ToUserName: in.FromUserName, FromUserName: in.ToUserName, CreateTime: v.CreateTime, MediaID: "m", Title: "t", Description: "d"}, *v)
	n := NewNewsReply(in, Article{Title: "a"}, Article{Title: "b"})
	assert.Equal(t, []Article{{Title: "a"}, {Title: "b"}}, n.Articles)
	assert.Equal(t, "kf1@gh", NewTransferCustomerServiceReply(in, "kf1@gh").KfAccount)
}

func TestZeroCreateTimeIsNow(t *testing.T) {
	before := time.Now().Unix()
	out, err := MarshalReply(&TextReply{ToUserName: "u", FromUserName: "a", Content: "x"})
	require.NoError(t, err)
	var d docReply
	require.NoError(t, xml.Unmarshal(out, &d))
	assert.GreaterOrEqual(t, d.CreateTime, before)
	assert.LessOrEqual(t, d.CreateTime, time.Now().Unix())
}

func TestReplyRefused(t *testing.T) {
	tooMany := make([]Article, MaxReplyArticles+1)
	eight := make([]Article, MaxReplyArticles)
	cases := map[string]Reply{
		"nil":                     nil,
		"nil text":                (*TextReply)(nil),
		"nil news":                (*NewsReply)(nil),
		"nil card":                (*UpdateTemplateCardReply)(nil),
		"empty text":              &TextReply{},
		"text over the limit":     &TextReply{Content: strings.Repeat("a", MaxReplyTextBytes+1)},
		"image without media":     &ImageReply{},
		"voice without media":     &VoiceReply{},
		"video without media":     &VideoReply{Title: "t"},
		"music without thumbnail": &MusicReply{Music: Music{MusicURL: "http://m"}},
		"news without articles":   &NewsReply{},
		"news with 9 articles":    &NewsReply{Articles: tooMany},
		"button without name":     &UpdateButtonReply{},
		"taskcard without name":   &UpdateTaskcardReply{},
		"card without type":       &UpdateTemplateCardReply{},
	}
	for name, r := range cases {
		out, err := MarshalReply(r)
		assert.ErrorIs(t, err, ErrReply, name)
		assert.Nil(t, out, name)
		out, err = MarshalReplyJSON(r)
		assert.ErrorIs(t, err, ErrReply, name)
		assert.Nil(t, out, name)
		if r != nil {
			buf, err := r.AppendXML([]byte("kept"))
			assert.ErrorIs(t, err, ErrReply, name)
			assert.Equal(t, "kept", string(buf), "%s: nothing appended", name)
		}
	}
	// The edges that pass.
	_, err := MarshalReply(&NewsReply{Articles: eight})
	assert.NoError(t, err)
	_, err = MarshalReply(&TextReply{Content: strings.Repeat("好", MaxReplyTextBytes/3)})
	assert.NoError(t, err)
	assert.True(t, strings.HasPrefix(errNil("X").Error(), "wechatevent: "))
}

// hostile are contents that break replies of libraries which paste text
// into CDATA or templates.
var hostile = []string{
	"]]>", "a]]>b", "]]>]]>", "]]]]>>", "x]]", "]", "<", "</Content>", "&", "&amp;", "&#x41;",
	"<![CDATA[", "😀 emoji 你好", "CRLF\r\nline", "lone\rCR", "\ttab", " padded ",
	"\x01\x02\x08\x0b\x0c\x1f\x7f control", "\"quotes\" and \\backslash\\", "\u2028\u2029",
}

func TestTextReplyRoundTrip(t *testing.T) {
	for _, content := range hostile {
		r := &TextReply{ToUserName: "o9Ag" + content, FromUserName: "gh_974", CreateTime: created, Content: content}
		out, err := MarshalReply(r)
		require.NoError(t, err)
		ev, err := Parse(out)
		require.NoError(t, err, "%q: %s", content, out)
		msg, ok := ev.(*TextMessage)
		require.True(t, ok, "%q: got %T", content, ev)
		assert.Equal(t, content, msg.Content)
		assert.Equal(t, r.ToUserName, msg.ToUserName)
		assert.Equal(t, created, msg.CreateTime)

		out, err = MarshalReplyJSON(r)
		require.NoError(t, err)
		ev, err = Parse(out)
		require.NoError(t, err, "%q: %s", content, out)
		msg, ok = ev.(*TextMessage)
		require.True(t, ok, "%q: got %T", content, ev)
		assert.Equal(t, content, msg.Content, "JSON")
	}
}

// TestTextReplyEncodingXML checks the hostile contents that XML can carry at
// all (no control characters but tab, CR and LF) with encoding/xml, which
// turns CRLF and lone CR into LF as XML requires.
func TestTextReplyEncodingXML(t *testing.T) {
	for _, content := range hostile {
		if strings.ContainsAny(content, "\x01\x02\x08\x0b\x0c\x1f\x7f") {
			continue
		}
		out, err := MarshalReply(&TextReply{ToUserName: "u", FromUserName: "a", CreateTime: created, Content: content})
		require.NoError(t, err)
		var d docReply
		require.NoError(t, xml.Unmarshal(out, &d), "%q", content)
		want := strings.ReplaceAll(strings.ReplaceAll(content, "\r\n", "\n"), "\r", "\n")
		assert.Equal(t, want, d.Content)
	}
}

func TestRawReply(t *testing.T) {
	raw := RawReply("<xml><anything/></xml>")
	out, err := MarshalReply(raw)
	require.NoError(t, err)
	assert.Equal(t, string(raw), string(out))
	out, err = MarshalReplyJSON(RawReply(`{"demo_resp":"good luck"}`))
	require.NoError(t, err)
	assert.Equal(t, `{"demo_resp":"good luck"}`, string(out))
	buf, err := raw.AppendJSON([]byte("x"))
	require.NoError(t, err)
	assert.Equal(t, "x"+string(raw), string(buf))
}

func TestAppendJSONString(t *testing.T) {
	for _, s := range append(hostile, "", "\x00", "plain", strings.Repeat("\x1f", 40)) {
		out := appendJSONString(nil, s)
		var got string
		require.NoError(t, json.Unmarshal(out, &got), "%q", out)
		assert.Equal(t, s, got)
	}
}

func TestMarshalReplyAllocatesOnce(t *testing.T) {
	text := &TextReply{ToUserName: "o9AgO5Kd5ggOC-bXrbNODIiE3bGY", FromUserName: "gh_97417a04a28d", CreateTime: created, Content: "欢迎关注，回复 1 查看菜单"}
	news := benchNewsReply()
	for name, r := range map[string]Reply{"text": text, "news": news} {
		for _, marshal := range []func(Reply) ([]byte, error){MarshalReply, MarshalReplyJSON} {
			allocs := testing.AllocsPerRun(100, func() {
				if _, err := marshal(r); err != nil {
					t.Fatal(err)
				}
			})
			assert.LessOrEqual(t, allocs, 1.0, name)
		}
	}
}

func TestErrReplyIsSentinel(t *testing.T) {
	_, err := MarshalReply(&NewsReply{})
	assert.True(t, errors.Is(err, ErrReply))
	assert.Contains(t, err.Error(), "0 articles")
}
