package wechatevent

import (
	"encoding/xml"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The benchmark bodies. The bench module (bench/) measures the same bodies
// through the Go WeChat SDKs and checks that its copies equal these.
const (
	// benchFlat is a follow by parametric QR code, 356 bytes, laid out as
	// WeChat sends it: one element per line, CDATA for strings.
	benchFlat = `<xml>
<ToUserName><![CDATA[gh_3a8c7d9e1f20]]></ToUserName>
<FromUserName><![CDATA[oUpF8uMuAJO_M2pxb1Q9zNjWeS6o]]></FromUserName>
<CreateTime>1700000000</CreateTime>
<MsgType><![CDATA[event]]></MsgType>
<Event><![CDATA[subscribe]]></Event>
<EventKey><![CDATA[qrscene_123]]></EventKey>
<Ticket><![CDATA[gQH47joAAAAAAAAAASxodHRwOi8vd2VpeGlu]]></Ticket>
</xml>`

	// benchNested is the official mass-send result sample with an
	// originality check of two articles and one article URL.
	benchNested = `        <xml>
            <ToUserName><![CDATA[gh_4d00ed8d6399]]></ToUserName>
            <FromUserName><![CDATA[oV5CrjpxgaGXNHIQigzNlgLTnwic]]></FromUserName>
            <CreateTime>1481013459</CreateTime>
            <MsgType><![CDATA[event]]></MsgType>
            <Event><![CDATA[MASSSENDJOBFINISH]]></Event>
            <MsgID>1000001625</MsgID>
            <Status><![CDATA[err(30003)]]></Status>
            <TotalCount>0</TotalCount>
            <FilterCount>0</FilterCount>
            <SentCount>0</SentCount>
            <ErrorCount>0</ErrorCount>
            <CopyrightCheckResult>
                <Count>2</Count>
                <ResultList>
                    <item>
                        <ArticleIdx>1</ArticleIdx>
                        <UserDeclareState>0</UserDeclareState>
                        <AuditState>2</AuditState>
                        <OriginalArticleUrl><![CDATA[Url_1]]></OriginalArticleUrl>
                        <OriginalArticleType>1</OriginalArticleType>
                        <CanReprint>1</CanReprint>
                        <NeedReplaceContent>1</NeedReplaceContent>
                        <NeedShowReprintSource>1</NeedShowReprintSource>
                    </item>
                    <item>
                        <ArticleIdx>2</ArticleIdx>
                        <UserDeclareState>0</UserDeclareState>
                        <AuditState>2</AuditState>
                        <OriginalArticleUrl><![CDATA[Url_2]]></OriginalArticleUrl>
                        <OriginalArticleType>1</OriginalArticleType>
                        <CanReprint>1</CanReprint>
                        <NeedReplaceContent>1</NeedReplaceContent>
                        <NeedShowReprintSource>1</NeedShowReprintSource>
                    </item>
                </ResultList>
                <CheckState>2</CheckState>
            </CopyrightCheckResult>
            <ArticleUrlResult>
                <Count>1</Count>
                <ResultList>
                    <item>
                        <ArticleIdx>1</ArticleIdx>
                        <ArticleUrl><![CDATA[Url]]></ArticleUrl>
                    </item>
               </ResultList>
            </ArticleUrlResult>
        </xml>`

	// benchText is an ordinary text message.
	benchText = `<xml>
<ToUserName><![CDATA[gh_3a8c7d9e1f20]]></ToUserName>
<FromUserName><![CDATA[oUpF8uMuAJO_M2pxb1Q9zNjWeS6o]]></FromUserName>
<CreateTime>1700000123</CreateTime>
<MsgType><![CDATA[text]]></MsgType>
<Content><![CDATA[你好，请问明天的活动几点开始？]]></Content>
<MsgId>24352108123456789</MsgId>
</xml>`

	// benchUnknown is an event no library knows: the name stands for any
	// event WeChat adds later. It carries an EventKey and a nested wrapper.
	benchUnknown = `<xml>
<ToUserName><![CDATA[gh_3a8c7d9e1f20]]></ToUserName>
<FromUserName><![CDATA[oUpF8uMuAJO_M2pxb1Q9zNjWeS6o]]></FromUserName>
<CreateTime>1700000456</CreateTime>
<MsgType><![CDATA[event]]></MsgType>
<Event><![CDATA[future_feature_event]]></Event>
<EventKey><![CDATA[feature_key_42]]></EventKey>
<FeatureInfo>
<FeatureId>9001</FeatureId>
<FeatureName><![CDATA[beta]]></FeatureName>
</FeatureInfo>
</xml>`

	// benchMalformed is benchFlat with a mismatched end tag near its end, so
	// both decoders read almost the whole body before they fail.
	benchMalformed = `<xml>
<ToUserName><![CDATA[gh_3a8c7d9e1f20]]></ToUserName>
<FromUserName><![CDATA[oUpF8uMuAJO_M2pxb1Q9zNjWeS6o]]></FromUserName>
<CreateTime>1700000000</CreateTime>
<MsgType><![CDATA[event]]></MsgType>
<Event><![CDATA[subscribe]]></Event>
<EventKey><![CDATA[qrscene_123]]></EventKey>
<Ticket><![CDATA[gQH47joAAAAAAAAAASxodHRwOi8vd2VpeGlu]]></Tickt>
</xml>`
)

// The smallest plain structs that hold what Parse fills for each body: what a
// caller who knew the type in advance would hand to xml.Unmarshal.
type (
	xmlFlat struct {
		ToUserName   string `xml:"ToUserName"`
		FromUserName string `xml:"FromUserName"`
		CreateTime   int64  `xml:"CreateTime"`
		MsgType      string `xml:"MsgType"`
		Event        string `xml:"Event"`
		EventKey     string `xml:"EventKey"`
		Ticket       string `xml:"Ticket"`
	}

	xmlNested struct {
		ToUserName           string `xml:"ToUserName"`
		FromUserName         string `xml:"FromUserName"`
		CreateTime           int64  `xml:"CreateTime"`
		MsgType              string `xml:"MsgType"`
		Event                string `xml:"Event"`
		MsgID                int64  `xml:"MsgID"`
		Status               string `xml:"Status"`
		TotalCount           int    `xml:"TotalCount"`
		FilterCount          int    `xml:"FilterCount"`
		SentCount            int    `xml:"SentCount"`
		ErrorCount           int    `xml:"ErrorCount"`
		CopyrightCheckResult struct {
			Count      int `xml:"Count"`
			ResultList []struct {
				ArticleIdx            int    `xml:"ArticleIdx"`
				UserDeclareState      int    `xml:"UserDeclareState"`
				AuditState            int    `xml:"AuditState"`
				OriginalArticleURL    string `xml:"OriginalArticleUrl"`
				OriginalArticleType   int    `xml:"OriginalArticleType"`
				CanReprint            int    `xml:"CanReprint"`
				NeedReplaceContent    int    `xml:"NeedReplaceContent"`
				NeedShowReprintSource int    `xml:"NeedShowReprintSource"`
			} `xml:"ResultList>item"`
			CheckState int `xml:"CheckState"`
		} `xml:"CopyrightCheckResult"`
		ArticleURLResult struct {
			Count      int `xml:"Count"`
			ResultList []struct {
				ArticleIdx int    `xml:"ArticleIdx"`
				ArticleURL string `xml:"ArticleUrl"`
			} `xml:"ResultList>item"`
		} `xml:"ArticleUrlResult"`
	}

	xmlText struct {
		ToUserName   string `xml:"ToUserName"`
		FromUserName string `xml:"FromUserName"`
		CreateTime   int64  `xml:"CreateTime"`
		MsgType      string `xml:"MsgType"`
		Content      string `xml:"Content"`
		MsgID        int64  `xml:"MsgId"`
	}

	// xmlUnknown holds every element of benchUnknown, as UnknownEvent keeps
	// them all for Value.
	xmlUnknown struct {
		ToUserName   string `xml:"ToUserName"`
		FromUserName string `xml:"FromUserName"`
		CreateTime   int64  `xml:"CreateTime"`
		MsgType      string `xml:"MsgType"`
		Event        string `xml:"Event"`
		EventKey     string `xml:"EventKey"`
		FeatureID    int    `xml:"FeatureInfo>FeatureId"`
		FeatureName  string `xml:"FeatureInfo>FeatureName"`
	}
)

type benchCase struct {
	name string
	body string
	new  func() any // a fresh value for xml.Unmarshal
}

var benchCases = []benchCase{
	{"flat", benchFlat, func() any { return new(xmlFlat) }},
	{"nested", benchNested, func() any { return new(xmlNested) }},
	{"text", benchText, func() any { return new(xmlText) }},
	{"unknown", benchUnknown, func() any { return new(xmlUnknown) }},
	{"malformed", benchMalformed, func() any { return new(xmlFlat) }},
}

// TestBenchBodies checks that each benchmark measures what its name says:
// the right type from Parse, the same values from encoding/xml, and an error
// from both for the malformed body.
func TestBenchBodies(t *testing.T) {
	require.Len(t, benchFlat, 356, "the flat body is the one of the published peer measurements")
	for _, c := range benchCases {
		t.Run(c.name, func(t *testing.T) {
			ev, err := Parse([]byte(c.body))
			xerr := xml.Unmarshal([]byte(c.body), c.new())
			if c.name == "malformed" {
				assert.ErrorIs(t, err, ErrSyntax)
				assert.Error(t, xerr)
				return
			}
			require.NoError(t, err)
			require.NoError(t, xerr)
			switch c.name {
			case "flat":
				e, ok := ev.(*SubscribeScanEvent)
				require.True(t, ok, "type %T", ev)
				assert.Equal(t, "123", e.SceneID)
				assert.Equal(t, "gQH47joAAAAAAAAAASxodHRwOi8vd2VpeGlu", e.Ticket)
			case "nested":
				e, ok := ev.(*MassSendJobFinishEvent)
				require.True(t, ok, "type %T", ev)
				assert.Equal(t, int64(1000001625), e.MsgID)
				assert.Len(t, e.CopyrightCheckResult.ResultList, 2)
				assert.Equal(t, "Url_2", e.CopyrightCheckResult.ResultList[1].OriginalArticleURL)
				assert.Equal(t, []ArticleURLItem{{1, "Url"}}, e.ArticleURLResult.ResultList)
			case "text":
				e, ok := ev.(*TextMessage)
				require.True(t, ok, "type %T", ev)
				assert.Equal(t, "你好，请问明天的活动几点开始？", e.Content)
				assert.Equal(t, int64(24352108123456789), e.MsgID)
			case "unknown":
				e, ok := ev.(*UnknownEvent)
				require.True(t, ok, "type %T", ev)
				assert.Equal(t, "feature_key_42", e.Value("EventKey"))
				assert.Equal(t, "9001", e.Value("FeatureInfo>FeatureId"))
			default:
				t.Fatalf("no check for case %s", c.name)
			}
		})
	}
}

// BenchmarkParse measures Parse on each body, from bytes to typed value.
func BenchmarkParse(b *testing.B) {
	for _, c := range append(benchCases[:len(benchCases):len(benchCases)], jsonBenchCases...) {
		data := []byte(c.body)
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for i := 0; i < b.N; i++ {
				ev, err := Parse(data)
				if (err == nil) == (c.name == "malformed") || (ev == nil) == (err == nil) {
					b.Fatalf("Parse = %T, %v", ev, err)
				}
			}
		})
	}
}

// BenchmarkEncodingXML measures xml.Unmarshal of the same bodies into the
// smallest plain structs holding the same fields: the floor of every SDK
// that decodes with encoding/xml.
func BenchmarkEncodingXML(b *testing.B) {
	for _, c := range benchCases {
		data := []byte(c.body)
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for i := 0; i < b.N; i++ {
				err := xml.Unmarshal(data, c.new())
				if (err == nil) == (c.name == "malformed") {
					b.Fatalf("xml.Unmarshal: %v", err)
				}
			}
		})
	}
}
