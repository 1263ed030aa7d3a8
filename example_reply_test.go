package wechatevent_test

import (
	"context"
	"crypto/sha1"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/wechatevent/wechatevent"
)

// message is the callback the reply examples answer: a user's text.
func message() wechatevent.Event {
	ev, err := wechatevent.Parse([]byte(`<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName>
<FromUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></FromUserName>
<CreateTime>1715943329</CreateTime><MsgType><![CDATA[text]]></MsgType>
<Content><![CDATA[hello]]></Content><MsgId>24602147392840000</MsgId></xml>`))
	if err != nil {
		panic(err)
	}
	return ev
}

// sentAt fixes the CreateTime that the constructors set to now, so that the
// output below stays the same.
var sentAt = time.Unix(1715943330, 0)

func printXML(r wechatevent.Reply) {
	out, err := wechatevent.MarshalReply(r)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(out))
}

// A text reply: the constructor swaps the envelope of the message it
// answers, and any text survives, "]]>" included.
func ExampleNewTextReply() {
	r := wechatevent.NewTextReply(message(), "you said <hello> ]]> bye")
	r.CreateTime = sentAt
	printXML(r)
	// Output:
	// <xml><ToUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></ToUserName><FromUserName><![CDATA[gh_97417a04a28d]]></FromUserName><CreateTime>1715943330</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[you said <hello> ]]]]><![CDATA[> bye]]></Content></xml>
}

func ExampleNewImageReply() {
	r := wechatevent.NewImageReply(message(), "MEDIA_ID")
	r.CreateTime = sentAt
	printXML(r)
	// Output:
	// <xml><ToUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></ToUserName><FromUserName><![CDATA[gh_97417a04a28d]]></FromUserName><CreateTime>1715943330</CreateTime><MsgType><![CDATA[image]]></MsgType><Image><MediaId><![CDATA[MEDIA_ID]]></MediaId></Image></xml>
}

func ExampleNewVoiceReply() {
	r := wechatevent.NewVoiceReply(message(), "MEDIA_ID")
	r.CreateTime = sentAt
	printXML(r)
	// Output:
	// <xml><ToUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></ToUserName><FromUserName><![CDATA[gh_97417a04a28d]]></FromUserName><CreateTime>1715943330</CreateTime><MsgType><![CDATA[voice]]></MsgType><Voice><MediaId><![CDATA[MEDIA_ID]]></MediaId></Voice></xml>
}

func ExampleNewVideoReply() {
	r := wechatevent.NewVideoReply(message(), "MEDIA_ID", "Launch", "Two minutes")
	r.CreateTime = sentAt
	printXML(r)
	// Output:
	// <xml><ToUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></ToUserName><FromUserName><![CDATA[gh_97417a04a28d]]></FromUserName><CreateTime>1715943330</CreateTime><MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[MEDIA_ID]]></MediaId><Title><![CDATA[Launch]]></Title><Description><![CDATA[Two minutes]]></Description></Video></xml>
}

func ExampleNewMusicReply() {
	r := wechatevent.NewMusicReply(message(), wechatevent.Music{
		Title:        "Song",
		MusicURL:     "https://example.com/song.mp3",
		HQMusicURL:   "https://example.com/song-hq.mp3",
		ThumbMediaID: "THUMB_MEDIA_ID",
	})
	r.CreateTime = sentAt
	printXML(r)
	// Output:
	// <xml><ToUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></ToUserName><FromUserName><![CDATA[gh_97417a04a28d]]></FromUserName><CreateTime>1715943330</CreateTime><MsgType><![CDATA[music]]></MsgType><Music><Title><![CDATA[Song]]></Title><MusicUrl><![CDATA[https://example.com/song.mp3]]></MusicUrl><HQMusicUrl><![CDATA[https://example.com/song-hq.mp3]]></HQMusicUrl><ThumbMediaId><![CDATA[THUMB_MEDIA_ID]]></ThumbMediaId></Music></xml>
}

// A news reply, and the ErrReply for one WeChat would refuse.
func ExampleNewNewsReply() {
	r := wechatevent.NewNewsReply(message(), wechatevent.Article{
		Title:       "Getting started",
		Description: "Three minutes",
		PicURL:      "https://example.com/a.jpg",
		URL:         "https://example.com/a?x=1&y=2",
	})
	r.CreateTime = sentAt
	printXML(r)

	printXML(wechatevent.NewNewsReply(message())) // no article
	// Output:
	// <xml><ToUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></ToUserName><FromUserName><![CDATA[gh_97417a04a28d]]></FromUserName><CreateTime>1715943330</CreateTime><MsgType><![CDATA[news]]></MsgType><ArticleCount>1</ArticleCount><Articles><item><Title><![CDATA[Getting started]]></Title><Description><![CDATA[Three minutes]]></Description><PicUrl><![CDATA[https://example.com/a.jpg]]></PicUrl><Url><![CDATA[https://example.com/a?x=1&y=2]]></Url></item></Articles></xml>
	// wechatevent: reply WeChat would refuse: news reply with 0 articles, want 1 to 8
}

func ExampleNewTransferCustomerServiceReply() {
	r := wechatevent.NewTransferCustomerServiceReply(message(), "kf2001@gh_97417a04a28d")
	r.CreateTime = sentAt
	printXML(r)
	// Output:
	// <xml><ToUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></ToUserName><FromUserName><![CDATA[gh_97417a04a28d]]></FromUserName><CreateTime>1715943330</CreateTime><MsgType><![CDATA[transfer_customer_service]]></MsgType><TransInfo><KfAccount><![CDATA[kf2001@gh_97417a04a28d]]></KfAccount></TransInfo></xml>
}

// A reply written as a literal: the structs are plain data.
func ExampleUpdateButtonReply() {
	printXML(&wechatevent.UpdateButtonReply{
		ToUserName:   "zhangsan",
		FromUserName: "ww1436e0e65a779aee",
		CreateTime:   sentAt,
		ReplaceName:  "Approved",
	})
	// Output:
	// <xml><ToUserName><![CDATA[zhangsan]]></ToUserName><FromUserName><![CDATA[ww1436e0e65a779aee]]></FromUserName><CreateTime>1715943330</CreateTime><MsgType><![CDATA[update_button]]></MsgType><Button><ReplaceName><![CDATA[Approved]]></ReplaceName></Button></xml>
}

func ExampleNewUpdateTaskcardReply() {
	r := wechatevent.NewUpdateTaskcardReply(message(), "Done")
	r.CreateTime = sentAt
	printXML(r)
	// Output:
	// <xml><ToUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></ToUserName><FromUserName><![CDATA[gh_97417a04a28d]]></FromUserName><CreateTime>1715943330</CreateTime><MsgType><![CDATA[update_taskcard]]></MsgType><TaskCard><ReplaceName><![CDATA[Done]]></ReplaceName></TaskCard></xml>
}

func ExampleNewUpdateTemplateCardReply() {
	r := wechatevent.NewUpdateTemplateCardReply(message(), wechatevent.TemplateCard{
		CardType:  "text_notice",
		MainTitle: wechatevent.TemplateCardMainTitle{Title: "Leave request", Desc: "approved"},
		HorizontalContentList: []wechatevent.TemplateCardKeyValue{
			{KeyName: "Days", Value: "2"},
		},
	})
	r.CreateTime = sentAt
	printXML(r)
	// Output:
	// <xml><ToUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></ToUserName><FromUserName><![CDATA[gh_97417a04a28d]]></FromUserName><CreateTime>1715943330</CreateTime><MsgType><![CDATA[update_template_card]]></MsgType><TemplateCard><CardType><![CDATA[text_notice]]></CardType><MainTitle><Title><![CDATA[Leave request]]></Title><Desc><![CDATA[approved]]></Desc></MainTitle><HorizontalContentList><KeyName><![CDATA[Days]]></KeyName><Value><![CDATA[2]]></Value><Type>0</Type></HorizontalContentList></TemplateCard></xml>
}

// The same reply for a JSON push (小程序 with 数据格式 JSON).
func ExampleMarshalReplyJSON() {
	r := wechatevent.NewTextReply(message(), "line 1\nline 2")
	r.CreateTime = sentAt
	out, err := wechatevent.MarshalReplyJSON(r)
	if err != nil {
		panic(err)
	}
	fmt.Println(string(out))
	// Output:
	// {"ToUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","FromUserName":"gh_97417a04a28d","CreateTime":1715943330,"MsgType":"text","Content":"line 1\nline 2"}
}

// A handler that answers texts with a text, and everything else with
// "success".
func ExampleReply() {
	h, err := wechatevent.NewHandler("token", func(ctx context.Context, ev wechatevent.Event) (wechatevent.Reply, error) {
		if e, ok := ev.(*wechatevent.TextMessage); ok {
			return wechatevent.NewTextReply(e, "hi "+e.Content), nil
		}
		return nil, nil
	})
	if err != nil {
		panic(err)
	}
	// A plain-mode request as WeChat signs it: sha1 of the sorted token,
	// timestamp and nonce.
	now := strconv.FormatInt(time.Now().Unix(), 10)
	q := url.Values{"timestamp": {now}, "nonce": {"1590219412"},
		"signature": {signPlain("token", now, "1590219412")}}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/wechat?"+q.Encode(), strings.NewReader(`<xml>
<ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><FromUserName><![CDATA[o9Ag]]></FromUserName>
<CreateTime>1715943329</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[there]]></Content></xml>`)))
	ev, _ := wechatevent.Parse(w.Body.Bytes())
	answer := ev.(*wechatevent.TextMessage)
	fmt.Println(w.Code, answer.ToUserName, answer.Content)
	// Output:
	// 200 o9Ag hi there
}

// signPlain is the plain-mode signature WeChat puts on the URL.
func signPlain(parts ...string) string {
	sort.Strings(parts)
	return fmt.Sprintf("%x", sha1.Sum([]byte(strings.Join(parts, ""))))
}

// A body built elsewhere goes out as it is (and encrypted in security mode).
func ExampleRawReply() {
	out, _ := wechatevent.MarshalReply(wechatevent.RawReply(`<xml><MsgType><![CDATA[device_text]]></MsgType></xml>`))
	fmt.Println(string(out))
	// Output:
	// <xml><MsgType><![CDATA[device_text]]></MsgType></xml>
}
