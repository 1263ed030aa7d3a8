package wechatevent

import (
	"github.com/wechatevent/wechatevent/internal/elem"
	"github.com/wechatevent/wechatevent/internal/xmlread"

	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// env builds the expected envelope of an event fixture.
func env(to, from string, created int64, event string, msgID int64) Envelope {
	return Envelope{
		ToUserName:   to,
		FromUserName: from,
		CreateTime:   time.Unix(created, 0),
		MsgType:      "event",
		Event:        event,
		MsgID:        msgID,
	}
}

// msgEnv builds the expected envelope of a message fixture.
func msgEnv(msgType string, msgID int64) Envelope {
	return Envelope{ToUserName: gh, FromUserName: openID, CreateTime: time.Unix(1700000300, 0), MsgType: msgType, MsgID: msgID}
}

const (
	gh     = "gh_3a8c7d9e1f20"
	openID = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "mp", name))
	require.NoError(t, err)
	return data
}

// TestParseSeedFixtures parses one fixture per seed type, each written with
// the quirks of real traffic, and checks the dynamic type and every field.
func TestParseSeedFixtures(t *testing.T) {
	tests := []struct {
		file string
		want Event
	}{
		{"subscribe.xml", &SubscribeEvent{Envelope: env(gh, openID, 1700000000, "subscribe", 0)}},
		{"subscribe_scan.xml", &SubscribeScanEvent{
			Envelope: env(gh, openID, 1700000000, "subscribe", 0),
			EventKey: "qrscene_123", SceneID: "123", Ticket: "gQH47joAAAAAAAAAASxodHRwOi8vd2VpeGlu",
		}},
		{"subscribe_scan_product.xml", &SubscribeScanProductEvent{
			Envelope: env("gh_fbe8a958756e", "otAzGjrS4AYCmeJM1GhEOcHXXTAo", 1433259128, "subscribe", 0),
			EventKey: "scanbarcode|ean13|6901481811083", Scene: "scanbarcode", KeyStandard: "ean13", KeyStr: "6901481811083",
		}},
		{"unsubscribe.xml", &UnsubscribeEvent{Envelope: env(gh, openID, 1700000100, "unsubscribe", 0)}},
		{"scan.xml", &ScanEvent{
			Envelope: env(gh, openID, 1700000000, "SCAN", 0),
			EventKey: "promo&summer", SceneID: "promo&summer", Ticket: "gQFe8DwAAAAAAAAAAS5odHRwOi8vd2VpeGluLnFxLmNvbS9xLzAy",
		}},
		{"location.xml", &LocationEvent{
			Envelope: env(gh, openID, 1700000000, "LOCATION", 0),
			Latitude: 23.137466, Longitude: 113.352425, Precision: 119.38504,
		}},
		{"click.xml", &ClickEvent{Envelope: env(gh, openID, 1700000000, "CLICK", 0), EventKey: "V1001_TODAY_MUSIC"}},
		{"view.xml", &ViewEvent{
			Envelope: env(gh, openID, 1700000000, "VIEW", 0),
			EventKey: "https://example.com/shop?a=1&b=2", MenuID: "208379533",
		}},
		{"masssendjobfinish.xml", &MassSendJobFinishEvent{
			Envelope: env("gh_4d00ed8d6399", "oV5CrjpxgaGXNHIQigzNlgLTnwic", 1481013459, "MASSSENDJOBFINISH", 1000001625),
			Status:   "err(30003)", TotalCount: 100, FilterCount: 80, SentCount: 75, ErrorCount: 5,
			CopyrightCheckResult: CopyrightCheckResult{
				Count: 2,
				ResultList: []CopyrightCheckItem{
					{ArticleIdx: 1, UserDeclareState: 0, AuditState: 2, OriginalArticleURL: "Url_1", OriginalArticleType: 1, CanReprint: 1, NeedReplaceContent: 1, NeedShowReprintSource: 1},
					{ArticleIdx: 2, UserDeclareState: 0, AuditState: 2, OriginalArticleURL: "Url_2", OriginalArticleType: 1, CanReprint: 0, NeedReplaceContent: 0, NeedShowReprintSource: 1},
				},
				CheckState: 2,
			},
			ArticleURLResult: ArticleURLResult{Count: 1, ResultList: []ArticleURLItem{{ArticleIdx: 1, ArticleURL: "Url"}}},
		}},
		{"templatesendjobfinish.xml", &TemplateSendJobFinishEvent{
			Envelope: env(gh, openID, 1700000000, "TEMPLATESENDJOBFINISH", 90261533849829378),
			Status:   "failed: system failed",
		}},
		{"scancode_push.xml", &ScanCodePushEvent{
			Envelope: env(gh, openID, 1700000000, "scancode_push", 0),
			EventKey: "6", ScanType: "qrcode", ScanResult: "1",
		}},
		{"scancode_waitmsg.xml", &ScanCodeWaitMsgEvent{
			Envelope: env(gh, openID, 1700000000, "scancode_waitmsg", 0),
			EventKey: "rselfmenu_0_0", ScanType: "barcode", ScanResult: "https://example.com/q?x=1",
		}},
		{"pic_sysphoto.xml", &PicSysPhotoEvent{
			Envelope: env(gh, openID, 1700000000, "pic_sysphoto", 0),
			EventKey: "6", Count: 1, Pictures: []Picture{{PicMd5Sum: "1b5f7c23b5bf75682a53e7b6d163e185"}},
		}},
		{"pic_photo_or_album.xml", &PicPhotoOrAlbumEvent{
			Envelope: env(gh, openID, 1700000000, "pic_photo_or_album", 0),
			EventKey: "6", Count: 1,
			Pictures: []Picture{{PicMd5Sum: "5a75aaca956d97be686719218f275c6b"}, {PicMd5Sum: "5a75aaca956d97be686719218f275c6c"}},
		}},
		{"pic_weixin.xml", &PicWeChatEvent{
			Envelope: wecomEnv(env("wx45a0972125658be9", "xiaohe", 1502012364, "pic_weixin", 0), 1000004),
			EventKey: "faceSimilarity", Count: 2,
			Pictures: []Picture{{PicMd5Sum: "aef52ae501537e552725c5d7f99c1741"}, {PicMd5Sum: "c4564632a4fab91378c39bea6aad6f9e"}},
		}},
		{"location_select.xml", &LocationSelectEvent{
			Envelope: env(gh, openID, 1700000000, "location_select", 0),
			EventKey: "6", LocationX: 23, LocationY: 113.5, Scale: 15, Label: " 广州市海珠区客村艺苑路 106号", Poiname: "",
		}},
		{"qualification_verify_success.xml", &QualificationVerifySuccessEvent{
			Envelope: env(gh, "FromUser", 1442401156, "qualification_verify_success", 0), ExpiredTime: time.Unix(1442401156, 0),
		}},
		{"qualification_verify_fail.xml", &QualificationVerifyFailEvent{
			Envelope: env(gh, "FromUser", 1442401156, "qualification_verify_fail", 0),
			FailTime: time.Unix(1442401122, 0), FailReason: "by time",
		}},
		{"naming_verify_success.xml", &NamingVerifySuccessEvent{
			Envelope: env(gh, "FromUser", 1442401156, "naming_verify_success", 0), ExpiredTime: time.Unix(1442401200, 0),
		}},
		{"naming_verify_fail.xml", &NamingVerifyFailEvent{
			Envelope: env(gh, "FromUser", 1442401156, "naming_verify_fail", 0),
			FailTime: time.Unix(1442401122, 0), FailReason: "name <taken> 名称",
		}},
		{"annual_renew.xml", &AnnualRenewEvent{
			Envelope: env(gh, "FromUser", 1442401156, "annual_renew", 0), ExpiredTime: time.Unix(1442401156, 0),
		}},
		{"verify_expired.xml", &VerifyExpiredEvent{
			Envelope: env(gh, "FromUser", 1442400900, "verify_expired", 0), ExpiredTime: time.Unix(1442400900, 0),
		}},
		{"user_scan_product.xml", &UserScanProductEvent{
			Envelope:    env("gh_4e47c9c9ecad", "okkeXs1nI-xU4ql8-5BXkv1f0gDo", 1438250110, "user_scan_product", 0),
			KeyStandard: "ean13", KeyStr: "6901481811083", Country: "中国", Province: "广东", City: "揭阳", Sex: 1, Scene: 2, ExtInfo: "123",
		}},
		{"user_scan_product_enter_session.xml", &UserScanProductEnterSessionEvent{
			Envelope:    env("gh_4e47c9c9ecad", "okkeXs1nI-xU4ql8-5BXkv1f0gDo", 1438250110, "user_scan_product_enter_session", 0),
			KeyStandard: "ean13", KeyStr: "6901481811083",
		}},
		{"user_scan_product_async.xml", &UserScanProductAsyncEvent{
			Envelope:    env("gh_fbe8a958756e", "otAzGjrS4AYCmeJM1GhEOcHXXTAo", 1434541327, "user_scan_product_async", 0),
			KeyStandard: "qrcode", KeyStr: "lincolntest2", ExtInfo: "123", RegionCode: "440105",
		}},
		{"user_scan_product_verify_action.xml", &UserScanProductVerifyActionEvent{
			Envelope:    env("gh_404e58ec528e", "od_ikt8qi21-hVTtYgm8xSfTLH5w", 1450429257, "user_scan_product_verify_action", 0),
			KeyStandard: "ean13", KeyStr: "6901481811083", Result: "verify_not_pass", ReasonMsg: "图片不清晰\x02",
		}},
		{"text.xml", &TextMessage{
			Envelope: Envelope{ToUserName: gh, FromUserName: openID, CreateTime: time.Unix(1700000200, 0), MsgType: "text", MsgID: 22211872600753510},
			Content:  "hello \x1d world",
		}},
		{"image.xml", &ImageMessage{Envelope: msgEnv("image", 5832830407062023950), PicURL: "http://mmbiz.qpic.cn/mmbiz/abc/0", MediaID: "media_id_1"}},
		{"voice.xml", &VoiceMessage{Envelope: msgEnv("voice", 1234567890123456), MediaID: "media_id_2", Format: "amr", Recognition: "腾讯微信团队"}},
		{"video.xml", &VideoMessage{Envelope: msgEnv("video", 1234567890123457), MediaID: "media_id_3", ThumbMediaID: "thumb_3"}},
		{"shortvideo.xml", &ShortVideoMessage{Envelope: msgEnv("shortvideo", 1234567890123458), MediaID: "media_id_4", ThumbMediaID: "thumb_4"}},
		{"location.message.xml", &LocationMessage{Envelope: msgEnv("location", 1234567890123459), LocationX: 23.134521, LocationY: 113.358803, Scale: 20, Label: "位置信息"}},
		{"link.xml", &LinkMessage{
			Envelope: msgEnv("link", 1234567890123460),
			Title:    "公众平台官网链接", Description: "a &amp; b", URL: "https://mp.weixin.qq.com/", MsgDataID: "xxxx", Idx: "xxxx",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, err := Parse(readFixture(t, tt.file))
			require.NoError(t, err)
			require.IsType(t, tt.want, got)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParseUnknownEventKeepsBody(t *testing.T) {
	data := readFixture(t, "unknown_event.xml")
	ev, err := Parse(data)
	require.NoError(t, err)
	u, ok := ev.(*UnknownEvent)
	require.True(t, ok, "got %T", ev)
	assert.Equal(t, env(gh, openID, 1700000000, "some_future_event", 0), u.Envelope)
	assert.Equal(t, data, u.Raw)
	assert.Equal(t, "42", u.Value("Detail>Code"))
	assert.Equal(t, []string{"42", "43"}, u.Values("Detail>Code"))
	assert.Equal(t, "some_future_event", u.Value("Event"))
	assert.Equal(t, "", u.Value("Detail>Missing"))
	assert.Equal(t, "", u.Value("Code"), "a path starts at the root's children")

	data[1] = 'X' // Raw is the event's own copy
	assert.Equal(t, byte('x'), u.Raw[1])
}

func TestParseUnknownTypes(t *testing.T) {
	tests := []struct {
		name, body, event, msgType string
	}{
		{"unknown message type", `<xml><MsgType>hologram</MsgType><Beam>on</Beam></xml>`, "", "hologram"},
		{"event without Event", `<xml><MsgType>event</MsgType></xml>`, "", "event"},
		{"empty Event", `<xml><MsgType>event</MsgType><Event><![CDATA[]]></Event></xml>`, "", "event"},
		{"unknown InfoType", `<xml><AppId>wx1</AppId><InfoType>brand_new_push</InfoType></xml>`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev, err := Parse([]byte(tt.body))
			require.NoError(t, err)
			u, ok := ev.(*UnknownEvent)
			require.True(t, ok, "got %T", ev)
			assert.Equal(t, tt.msgType, u.MsgType)
			assert.Equal(t, tt.event, u.Event)
			assert.Equal(t, tt.body, string(u.Raw))
		})
	}
}

func TestRegistryKeysIgnoreCaseAndSpace(t *testing.T) {
	for _, ev := range []string{"SCAN", "scan", " Scan ", "\n\tsCaN  "} {
		body := `<xml><MsgType><![CDATA[ EVENT ]]></MsgType><Event><![CDATA[` + ev + `]]></Event><EventKey>7</EventKey></xml>`
		got, err := Parse([]byte(body))
		require.NoError(t, err)
		e, ok := got.(*ScanEvent)
		require.True(t, ok, "Event %q gave %T", ev, got)
		assert.Equal(t, "EVENT", e.MsgType, "MsgType is trimmed")
		assert.Equal(t, trimSpace(ev), e.Event, "Event is trimmed, case kept")
		assert.Equal(t, "7", e.SceneID)
	}
}

func trimSpace(s string) string { return strings.Trim(s, " \t\r\n") }

func TestSubscribeVariants(t *testing.T) {
	tests := []struct {
		key  string
		want Event
	}{
		{"", &SubscribeEvent{}},
		{"last_trade_no_4008072001201701105817415015", &SubscribeEvent{EventKey: "last_trade_no_4008072001201701105817415015"}},
		{"qrscene_", &SubscribeScanEvent{EventKey: "qrscene_"}},
		{"qrscene_abc", &SubscribeScanEvent{EventKey: "qrscene_abc", SceneID: "abc"}},
		{"scanimage|qrcode|a|b", &SubscribeScanProductEvent{EventKey: "scanimage|qrcode|a|b", Scene: "scanimage", KeyStandard: "qrcode", KeyStr: "a|b"}},
		{"scanbarcode|", &SubscribeScanProductEvent{EventKey: "scanbarcode|", Scene: "scanbarcode"}},
		{"QRSCENE_1", &SubscribeEvent{EventKey: "QRSCENE_1"}},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			got, err := Parse([]byte(`<xml><MsgType>event</MsgType><Event>subscribe</Event><EventKey><![CDATA[` + tt.key + `]]></EventKey></xml>`))
			require.NoError(t, err)
			h := tt.want.Header()
			h.MsgType, h.Event = "event", "subscribe"
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		want   error
		offset int // for ErrSyntax; -1 to skip
	}{
		{"empty", ``, ErrSyntax, 0},
		{"only white space", " \n\t", ErrSyntax, 3},
		{"no root, only a declaration", `<?xml version="1.0"?>`, ErrSyntax, 21},
		{"text only", `hello`, ErrSyntax, 0},
		{"unclosed root", `<xml><MsgType>text</MsgType>`, ErrSyntax, 28},
		{"unclosed child", `<xml><MsgType>text</xml>`, ErrSyntax, 18},
		{"mismatched", `<xml><A></B></xml>`, ErrSyntax, 8},
		{"truncated tag", `<xml><MsgType`, ErrSyntax, -1},
		{"truncated after <", `<xml><`, ErrSyntax, 5},
		{"truncated CDATA", `<xml><A><![CDATA[abc</A></xml>`, ErrSyntax, 8},
		{"truncated comment", `<xml><!-- abc</xml>`, ErrSyntax, 5},
		{"bad markup", `<xml><!FOO></xml>`, ErrSyntax, 5},
		{"stray end tag", `</xml>`, ErrSyntax, 0},
		{"two roots", `<xml></xml><xml></xml>`, ErrSyntax, 11},
		{"text after root", `<xml></xml>junk`, ErrSyntax, 11},
		{"text before root", `junk<xml></xml>`, ErrSyntax, 0},
		{"undefined entity", `<xml><A>&nbsp;</A></xml>`, ErrSyntax, 8},
		{"bare ampersand", `<xml><A>a & b</A></xml>`, ErrSyntax, 10},
		{"NUL reference", `<xml><A>&#0;</A></xml>`, ErrSyntax, 8},
		{"surrogate reference", `<xml><A>&#xD800;</A></xml>`, ErrSyntax, 8},
		{"reference beyond Unicode", `<xml><A>&#x110000;</A></xml>`, ErrSyntax, 8},
		{"name starting with a digit", `<xml><1A>x</1A></xml>`, ErrSyntax, 6},
		{"unquoted attribute", `<xml a=1></xml>`, ErrSyntax, 7},
		{"malformed spaced CDATA", "<xml>\n  <ToUserName>< ![CDATA[toUser] ]></ToUserName>\n</xml>", ErrSyntax, 21},
		{"no MsgType", `<xml><ToUserName>a</ToUserName></xml>`, ErrMissingMsgType, -1},
		{"empty MsgType", `<xml><MsgType> </MsgType><Event>subscribe</Event></xml>`, ErrMissingMsgType, -1},
		{"MsgType not at the top level", `<xml><A><MsgType>text</MsgType></A></xml>`, ErrMissingMsgType, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev, err := Parse([]byte(tt.body))
			require.Error(t, err)
			assert.Nil(t, ev)
			assert.ErrorIs(t, err, tt.want)
			assert.Regexp(t, `^wechatevent: `, err.Error())
			if tt.offset >= 0 {
				var se *SyntaxError
				require.ErrorAs(t, err, &se)
				assert.Equal(t, tt.offset, se.Offset, se.Error())
			}
		})
	}
}

func TestParseTooLarge(t *testing.T) {
	body := make([]byte, MaxBodySize+1)
	_, err := Parse(body)
	assert.ErrorIs(t, err, ErrTooLarge)
}

func TestParseTolerance(t *testing.T) {
	tests := []struct {
		name, body, content string
	}{
		{"BOM and declaration", "\ufeff<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<xml><MsgType>text</MsgType><Content>hi</Content></xml>", "hi"},
		{"DOCTYPE skipped, nothing expanded", `<!DOCTYPE xml [<!ENTITY x "EVIL"> <!ELEMENT xml ANY>]><xml><MsgType>text</MsgType><Content>hi</Content></xml>`, "hi"},
		{"comment and PI inside", `<xml><MsgType>text</MsgType><?pi x?><Content>a<!-- c -->b</Content></xml>`, "ab"},
		{"attributes ignored", `<xml a="1" b='x>y'><MsgType kind="m">text</MsgType><Content z="">hi</Content></xml>`, "hi"},
		{"stray text between elements", `<xml><MsgType>text</MsgType> //note <Content>hi</Content></xml>`, "hi"},
		{"spaces around CDATA dropped", "<xml><MsgType>text</MsgType><Content> \r\n <![CDATA[ hi ]]> \n</Content></xml>", " hi "},
		{"adjacent CDATA concatenated", `<xml><MsgType>text</MsgType><Content><![CDATA[a]]]]><![CDATA[>b]]></Content></xml>`, "a]]>b"},
		{"space between CDATA kept", `<xml><MsgType>text</MsgType><Content><![CDATA[a]]> <![CDATA[b]]></Content></xml>`, "a b"},
		{"plain text trimmed", "<xml><MsgType>text</MsgType><Content>\n  a  b \t</Content></xml>", "a  b"},
		{"entities and references", `<xml><MsgType>text</MsgType><Content>&lt;&gt;&amp;&apos;&quot;&#65;&#x4E2D;</Content></xml>`, `<>&'"A中`},
		{"control characters kept", "<xml><MsgType>text</MsgType><Content>a\x02b\x1dc\x00d</Content></xml>", "a\x02b\x1dc\x00d"},
		{"invalid UTF-8 kept", "<xml><MsgType>text</MsgType><Content><![CDATA[\xff\xfe]]></Content></xml>", "\xff\xfe"},
		{"CRLF kept in CDATA", "<xml><MsgType>text</MsgType><Content><![CDATA[a\r\nb]]></Content></xml>", "a\r\nb"},
		{"empty element", `<xml><MsgType>text</MsgType><Content/></xml>`, ""},
		{"repeated scalar keeps the last", `<xml><MsgType>text</MsgType><Content>1</Content><Content>2</Content></xml>`, "2"},
		{"space in end tag", `<xml><MsgType>text</MsgType><Content >hi</Content ></xml>`, "hi"},
		{"namespace prefix", `<xml><MsgType>text</MsgType><w:Content>hi</w:Content></xml>`, "hi"},
		{"trailing comment and white space", "<xml><MsgType>text</MsgType><Content>hi</Content></xml><!-- end -->\n\n", "hi"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev, err := Parse([]byte(tt.body))
			require.NoError(t, err)
			m, ok := ev.(*TextMessage)
			require.True(t, ok, "got %T", ev)
			assert.Equal(t, tt.content, m.Content)
		})
	}
}

func TestLenientScalars(t *testing.T) {
	type scalars struct {
		Envelope
		I   int       `xml:"I"`
		I8  int8      `xml:"I8"`
		U   uint32    `xml:"U"`
		F   float64   `xml:"F"`
		F32 float32   `xml:"F32"`
		B   bool      `xml:"B"`
		T   time.Time `xml:"T"`
		P   *int      `xml:"P"`
	}
	p := NewParser()
	p.RegisterMessage("s", func() Event { return new(scalars) })
	seven := 7
	tests := []struct {
		name, inner string
		want        scalars
	}{
		{"bare", `<I>12</I><U>7</U><F>1.5</F><B>1</B><T>1700000000</T><P>7</P>`, scalars{I: 12, U: 7, F: 1.5, B: true, T: time.Unix(1700000000, 0), P: &seven}},
		{"in CDATA with spaces", `<I><![CDATA[ 12 ]]></I><F> <![CDATA[-2.25]]> </F><B><![CDATA[true]]></B><T><![CDATA[1700000000]]></T>`, scalars{I: 12, F: -2.25, B: true, T: time.Unix(1700000000, 0)}},
		{"whole number with a fraction", `<I>1700000000.0</I><T>1700000000.0</T>`, scalars{I: 1700000000, T: time.Unix(1700000000, 0)}},
		{"not numbers left zero", `<I>abc</I><U>-1</U><F>NaN</F><B>yes</B><T>soon</T><I8>300</I8><F32>1e999</F32>`, scalars{}},
		{"empty left zero", `<I></I><U/><F><![CDATA[]]></F><B/><T></T>`, scalars{}},
		{"overflow left zero", `<I>99999999999999999999</I>`, scalars{}},
		{"false", `<B>false</B><I>-3</I><I8>-128</I8>`, scalars{I: -3, I8: -128}},
		{"zero time is the epoch", `<T>0</T>`, scalars{T: time.Unix(0, 0)}},
		{"RFC 3339 time", `<T>2024-01-02T03:04:05Z</T>`, scalars{T: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev, err := p.Parse([]byte(`<xml><MsgType>s</MsgType>` + tt.inner + `</xml>`))
			require.NoError(t, err)
			got, ok := ev.(*scalars)
			require.True(t, ok, "got %T", ev)
			tt.want.MsgType = "s"
			assert.Equal(t, &tt.want, got)
		})
	}
}

func TestParseReader(t *testing.T) {
	ev, err := ParseReader(&countingReader{data: readFixture(t, "subscribe_scan.xml")})
	require.NoError(t, err)
	assert.IsType(t, &SubscribeScanEvent{}, ev)

	big := &countingReader{data: make([]byte, 3*MaxBodySize)}
	ev, err = ParseReader(big)
	assert.Nil(t, ev)
	assert.ErrorIs(t, err, ErrTooLarge)
	assert.Equal(t, MaxBodySize+1, big.read, "reads at most one byte beyond the limit")

	_, err = ParseReader(&countingReader{data: make([]byte, MaxBodySize)})
	assert.ErrorIs(t, err, ErrSyntax, "a body of exactly MaxBodySize is parsed")
}

func TestParserParseReaderUsesItsRegistry(t *testing.T) {
	p := NewParser()
	p.RegisterMessage("text", func() Event { return new(ImageMessage) })
	ev, err := p.ParseReader(strings.NewReader(`<xml><MsgType>text</MsgType></xml>`))
	require.NoError(t, err)
	assert.IsType(t, &ImageMessage{}, ev)

	_, err = p.ParseReader(iotest.ErrReader(errors.New("connection reset")))
	assert.EqualError(t, err, "connection reset")
}

type countingReader struct {
	data []byte
	read int
}

func (r *countingReader) Read(p []byte) (int, error) {
	if r.read == len(r.data) {
		return 0, io.EOF
	}
	n := copy(p, r.data[r.read:])
	r.read += n
	return n, nil
}

// TestParseKeepsNoReferenceToData overwrites each body after parsing it: the
// value must not change, since Parse reads the body in place and must copy
// everything the value keeps.
func TestParseKeepsNoReferenceToData(t *testing.T) {
	files := fixtureFiles(t)
	extra := []string{
		benchFlat, benchNested, benchText, benchUnknown,
		`<xml><MsgType>text</MsgType><Content>a &amp; b<!-- c --> d<![CDATA[e]]></Content></xml>`,
		`<xml><MsgType>event</MsgType><Event>no_such_event</Event><A><B>x &lt; y</B></A></xml>`,
	}
	check := func(t *testing.T, body []byte) {
		want, wantErr := Parse(bytes.Clone(body))
		got, err := Parse(body)
		for i := range body {
			body[i] = 'X'
		}
		if wantErr != nil {
			assert.Equal(t, wantErr, err)
			return
		}
		require.NoError(t, err)
		assert.Equal(t, want, got)
		if u, ok := got.(*UnknownEvent); ok {
			w := want.(*UnknownEvent)
			assert.Equal(t, w.Value("MsgType"), u.Value("MsgType"))
			assert.Equal(t, w.Values("A>B"), u.Values("A>B"))
		}
	}
	for _, f := range files {
		body, err := os.ReadFile(f)
		require.NoError(t, err)
		t.Run(filepath.Base(f), func(t *testing.T) { check(t, body) })
	}
	for i, body := range extra {
		t.Run(fmt.Sprint("extra", i), func(t *testing.T) { check(t, []byte(body)) })
	}
}

// scanXML reads an XML body into a table of its own, as Parse reads it.
func scanXML(src string) (*elem.Table, error) {
	var r xmlread.Reader
	t := &elem.Table{}
	return t, readXML(&r, t, src)
}
