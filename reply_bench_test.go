package wechatevent

import (
	"encoding/xml"
	"testing"
)

// benchTextReply and benchNewsReply are typical replies: a welcome text and a
// three-article news answer to a subscribe.
func benchTextReply() *TextReply {
	return &TextReply{ToUserName: "o9AgO5Kd5ggOC-bXrbNODIiE3bGY", FromUserName: "gh_97417a04a28d", CreateTime: created,
		Content: "欢迎关注！回复 1 查看菜单，回复 2 联系客服。"}
}

func benchNewsReply() *NewsReply {
	return &NewsReply{ToUserName: "o9AgO5Kd5ggOC-bXrbNODIiE3bGY", FromUserName: "gh_97417a04a28d", CreateTime: created, Articles: []Article{
		{Title: "新手指南", Description: "三分钟了解我们的服务", PicURL: "https://mmbiz.qpic.cn/mmbiz_jpg/abc/0", URL: "https://mp.weixin.qq.com/s/abcdef"},
		{Title: "本周活动", Description: "关注即送优惠券", PicURL: "https://mmbiz.qpic.cn/mmbiz_jpg/def/0", URL: "https://mp.weixin.qq.com/s/ghijkl"},
		{Title: "联系我们", Description: "客服时间 9:00-18:00", PicURL: "https://mmbiz.qpic.cn/mmbiz_jpg/ghi/0", URL: "https://mp.weixin.qq.com/s/mnopqr"},
	}}
}

// The same replies as encoding/xml writes them from structs with ,cdata
// fields: what a library built on encoding/xml does. The baseline gets its
// struct ready-made, so only the marshalling is compared.
type xmlCDATA struct {
	Text string `xml:",cdata"`
}

type xmlTextReply struct {
	XMLName      xml.Name `xml:"xml"`
	ToUserName   xmlCDATA
	FromUserName xmlCDATA
	CreateTime   int64
	MsgType      xmlCDATA
	Content      xmlCDATA
}

type xmlArticle struct {
	Title       xmlCDATA
	Description xmlCDATA
	PicUrl      xmlCDATA
	Url         xmlCDATA
}

type xmlNewsReply struct {
	XMLName      xml.Name `xml:"xml"`
	ToUserName   xmlCDATA
	FromUserName xmlCDATA
	CreateTime   int64
	MsgType      xmlCDATA
	ArticleCount int
	Articles     []xmlArticle `xml:"Articles>item"`
}

func stdTextReply(r *TextReply) *xmlTextReply {
	return &xmlTextReply{ToUserName: xmlCDATA{r.ToUserName}, FromUserName: xmlCDATA{r.FromUserName},
		CreateTime: r.CreateTime.Unix(), MsgType: xmlCDATA{"text"}, Content: xmlCDATA{r.Content}}
}

func stdNewsReply(r *NewsReply) *xmlNewsReply {
	x := &xmlNewsReply{ToUserName: xmlCDATA{r.ToUserName}, FromUserName: xmlCDATA{r.FromUserName},
		CreateTime: r.CreateTime.Unix(), MsgType: xmlCDATA{"news"}, ArticleCount: len(r.Articles)}
	for _, a := range r.Articles {
		x.Articles = append(x.Articles, xmlArticle{xmlCDATA{a.Title}, xmlCDATA{a.Description}, xmlCDATA{a.PicURL}, xmlCDATA{a.URL}})
	}
	return x
}

// TestEncodingXMLBaselineAgrees makes sure the baseline writes the same
// reply, so that the benchmark compares like with like.
func TestEncodingXMLBaselineAgrees(t *testing.T) {
	for _, pair := range []struct {
		ours Reply
		std  any
	}{{benchTextReply(), stdTextReply(benchTextReply())}, {benchNewsReply(), stdNewsReply(benchNewsReply())}} {
		ours, err := MarshalReply(pair.ours)
		if err != nil {
			t.Fatal(err)
		}
		std, err := xml.Marshal(pair.std)
		if err != nil {
			t.Fatal(err)
		}
		var a, b docReply
		if err := xml.Unmarshal(ours, &a); err != nil {
			t.Fatal(err)
		}
		if err := xml.Unmarshal(std, &b); err != nil {
			t.Fatal(err)
		}
		if a.MsgType != b.MsgType || a.Content != b.Content || a.ArticleCount != b.ArticleCount ||
			len(a.Articles.Item) != len(b.Articles.Item) || a.ToUserName != b.ToUserName || a.CreateTime != b.CreateTime {
			t.Errorf("baseline differs:\n%s\n%s", ours, std)
		}
	}
}

func BenchmarkMarshalReply(b *testing.B) {
	text, news := benchTextReply(), benchNewsReply()
	bench := func(name string, f func() ([]byte, error)) {
		b.Run(name, func(b *testing.B) {
			out, _ := f()
			b.SetBytes(int64(len(out)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := f(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	xt, xn := stdTextReply(text), stdNewsReply(news)
	bench("text/enc=wechatevent", func() ([]byte, error) { return MarshalReply(text) })
	bench("text/enc=encoding-xml", func() ([]byte, error) { return xml.Marshal(xt) })
	bench("news/enc=wechatevent", func() ([]byte, error) { return MarshalReply(news) })
	bench("news/enc=encoding-xml", func() ([]byte, error) { return xml.Marshal(xn) })
	bench("text-json/enc=wechatevent", func() ([]byte, error) { return MarshalReplyJSON(text) })
}

// BenchmarkEncryptReply is the whole security-mode reply: marshal and
// encrypt a text reply into the signed envelope.
func BenchmarkEncryptReply(b *testing.B) {
	c, err := NewCrypto(testToken, testAESKey, testAppID)
	if err != nil {
		b.Fatal(err)
	}
	text := benchTextReply()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		plain, err := MarshalReply(text)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := c.Encrypt(plain, "1715943329", "1590219412"); err != nil {
			b.Fatal(err)
		}
	}
}
