// Package bench measures wechatevent against the Go WeChat SDKs on the same
// callback bodies, each SDK decoding the way its own server does. It is a
// module of its own so that the library's go.mod never requires the SDKs.
package bench

import (
	"encoding/xml"
	"errors"
	"testing"

	"github.com/ArtisanCloud/PowerWeChat/v3/src/kernel"
	pwmodels "github.com/ArtisanCloud/PowerWeChat/v3/src/kernel/models"
	pwoa "github.com/ArtisanCloud/PowerWeChat/v3/src/officialAccount/server/handlers/models"
	"github.com/chanxuehong/wechat/mp/core"
	"github.com/chanxuehong/wechat/mp/message/callback/request"
	"github.com/fastwego/offiaccount"
	fwevent "github.com/fastwego/offiaccount/type/type_event"
	fwmessage "github.com/fastwego/offiaccount/type/type_message"
	"github.com/silenceper/wechat/v2/officialaccount/message"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/wechatevent/wechatevent"
)

// cases in the order of the tables; each has the value every decoder must
// produce from it: the EventKey of the events that carry one, the Status of
// the mass-send result, the Content of the text message.
var (
	cases = []string{"flat", "nested", "text", "unknown"}
	want  = map[string]string{
		"flat":    "qrscene_123",
		"nested":  "err(30003)",
		"text":    "你好，请问明天的活动几点开始？",
		"unknown": "feature_key_42",
	}
)

// A decoder turns a body into the value its case checks.
type decoder func(body []byte) (string, error)

// A peer is one way of decoding callbacks, with a decoder for every case it
// can decode at all.
type peer struct {
	name  string
	cases map[string]decoder
}

var errWrongType = errors.New("bench: unexpected type")

var peers = []peer{
	{"wechatevent", map[string]decoder{
		"flat": func(b []byte) (string, error) {
			ev, err := wechatevent.Parse(b)
			if e, ok := ev.(*wechatevent.SubscribeScanEvent); ok {
				return e.EventKey, nil
			}
			return "", errors.Join(errWrongType, err)
		},
		"nested": func(b []byte) (string, error) {
			ev, err := wechatevent.Parse(b)
			if e, ok := ev.(*wechatevent.MassSendJobFinishEvent); ok {
				return e.Status, nil
			}
			return "", errors.Join(errWrongType, err)
		},
		"text": func(b []byte) (string, error) {
			ev, err := wechatevent.Parse(b)
			if e, ok := ev.(*wechatevent.TextMessage); ok {
				return e.Content, nil
			}
			return "", errors.Join(errWrongType, err)
		},
		"unknown": func(b []byte) (string, error) {
			ev, err := wechatevent.Parse(b)
			if e, ok := ev.(*wechatevent.UnknownEvent); ok {
				return e.Value("EventKey"), nil
			}
			return "", errors.Join(errWrongType, err)
		},
	}},

	// encoding/xml into the smallest struct that holds each body's fields:
	// the floor of every SDK built on it.
	{"encoding_xml", map[string]decoder{
		"flat": func(b []byte) (string, error) {
			var v struct {
				ToUserName, FromUserName string
				CreateTime               int64
				MsgType, Event, EventKey string
				Ticket                   string
			}
			err := xml.Unmarshal(b, &v)
			return v.EventKey, err
		},
		"nested": func(b []byte) (string, error) {
			var v stdNested
			err := xml.Unmarshal(b, &v)
			return v.Status, err
		},
		"text": func(b []byte) (string, error) {
			var v struct {
				ToUserName, FromUserName string
				CreateTime               int64
				MsgType, Content         string
				MsgID                    int64 `xml:"MsgId"`
			}
			err := xml.Unmarshal(b, &v)
			return v.Content, err
		},
		"unknown": func(b []byte) (string, error) {
			var v struct {
				ToUserName, FromUserName string
				CreateTime               int64
				MsgType, Event, EventKey string
				FeatureID                int    `xml:"FeatureInfo>FeatureId"`
				FeatureName              string `xml:"FeatureInfo>FeatureName"`
			}
			err := xml.Unmarshal(b, &v)
			return v.EventKey, err
		},
	}},

	// silenceper/wechat: one mixed struct for every body, as its server's
	// parseRequestMessage does.
	{"silenceper", map[string]decoder{
		"flat":    func(b []byte) (string, error) { m, err := silenceper(b); return m.EventKey, err },
		"nested":  func(b []byte) (string, error) { m, err := silenceper(b); return m.Status, err },
		"text":    func(b []byte) (string, error) { m, err := silenceper(b); return m.Content, err },
		"unknown": func(b []byte) (string, error) { m, err := silenceper(b); return m.EventKey, err },
	}},

	// chanxuehong/wechat: its server unmarshals one MixedMsg and the handler
	// copies the fields out with the converter of the event's package. The
	// mass-send result makes xml.Unmarshal panic on MixedMsg's embedded
	// unexported pointers (TestPeersLeaveOut), so the nested case is left out.
	{"chanxuehong", map[string]decoder{
		"flat": func(b []byte) (string, error) {
			m, err := chanxuehong(b)
			return request.GetSubscribeEvent(m).EventKey, err
		},
		"text": func(b []byte) (string, error) {
			m, err := chanxuehong(b)
			return request.GetText(m).Content, err
		},
		"unknown": func(b []byte) (string, error) {
			m, err := chanxuehong(b) // its DefaultEventHandle sees the mixed message
			return m.EventKey, err
		},
	}},

	// PowerWeChat: its ServerGuard reads the envelope and the header, and the
	// user's handler reads the typed struct with ReadMessage. It has no struct
	// for MASSSENDJOBFINISH and refuses the nested body (TestPeersLeaveOut),
	// so that case is left out.
	{"powerwechat", map[string]decoder{
		"flat": func(b []byte) (string, error) {
			h, err := powerWeChat(b)
			if err != nil {
				return "", err
			}
			var e pwoa.EventSubscribe
			err = h.ReadMessage(&e)
			return e.EventKey, err
		},
		"text": func(b []byte) (string, error) {
			h, err := powerWeChat(b)
			if err != nil {
				return "", err
			}
			var m pwoa.MessageText
			err = h.ReadMessage(&m)
			return m.Content, err
		},
		"unknown": func(b []byte) (string, error) {
			h, err := powerWeChat(b) // its handler gets the header for any event
			if err != nil {
				return "", err
			}
			return h.EventKey, nil
		},
	}},

	// fastwego: Server.ParseXML. It returns (nil, nil) for MASSSENDJOBFINISH
	// and for unknown events (TestPeersLeaveOut), so only two cases remain.
	{"fastwego", map[string]decoder{
		"flat": func(b []byte) (string, error) {
			m, err := fastwegoServer.ParseXML(b)
			e, ok := m.(fwevent.EventSubscribe)
			if !ok {
				return "", errors.Join(errWrongType, err)
			}
			return e.EventKey, err
		},
		"text": func(b []byte) (string, error) {
			m, err := fastwegoServer.ParseXML(b)
			e, ok := m.(fwmessage.MessageText)
			if !ok {
				return "", errors.Join(errWrongType, err)
			}
			return e.Content, err
		},
	}},
}

type stdNested struct {
	ToUserName, FromUserName string
	CreateTime               int64
	MsgType, Event           string
	MsgID                    int64
	Status                   string
	TotalCount, FilterCount  int
	SentCount, ErrorCount    int
	CopyrightCheckResult     struct {
		Count      int
		ResultList []struct {
			ArticleIdx, UserDeclareState, AuditState  int
			OriginalArticleURL                        string `xml:"OriginalArticleUrl"`
			OriginalArticleType, CanReprint           int
			NeedReplaceContent, NeedShowReprintSource int
		} `xml:"ResultList>item"`
		CheckState int
	}
	ArticleURLResult struct {
		Count      int
		ResultList []struct {
			ArticleIdx int
			ArticleURL string `xml:"ArticleUrl"`
		} `xml:"ResultList>item"`
	} `xml:"ArticleUrlResult"`
}

func silenceper(b []byte) (*message.MixMessage, error) {
	m := &message.MixMessage{}
	err := xml.Unmarshal(b, m)
	return m, err
}

func chanxuehong(b []byte) (*core.MixedMsg, error) {
	m := &core.MixedMsg{}
	err := xml.Unmarshal(b, m)
	return m, err
}

// powerWeChat does what ServerGuard.GetEvent does with a plain body once it
// has read it: the envelope, then the header that keeps the body.
func powerWeChat(b []byte) (*pwmodels.CallbackMessageHeader, error) {
	if _, err := powerWeChatGuard.ParseMessage(string(b)); err != nil {
		return nil, err
	}
	h := &pwmodels.CallbackMessageHeader{}
	err := xml.Unmarshal(b, h)
	h.Content = b
	return h, err
}

var (
	powerWeChatGuard = &kernel.ServerGuard{}
	fastwegoServer   = func() *offiaccount.Server {
		oa := offiaccount.New(offiaccount.Config{Appid: "wx0000000000000000", Token: "token"})
		oa.Logger = nil // its default logger prints every body to stdout
		return &oa.Server
	}()
)

// TestPeersDecode checks, before any timing, that every decoder gets the
// right value from every body it is benchmarked on.
func TestPeersDecode(t *testing.T) {
	for _, p := range peers {
		for _, c := range cases {
			d, ok := p.cases[c]
			if !ok {
				continue
			}
			t.Run(p.name+"/"+c, func(t *testing.T) {
				got, err := d(bodies[c])
				require.NoError(t, err)
				assert.Equal(t, want[c], got)
			})
		}
	}
}

// TestPeersLeaveOut checks that the cases left out of a peer are ones it
// cannot decode, not ones skipped for convenience.
func TestPeersLeaveOut(t *testing.T) {
	for _, c := range []string{"nested", "unknown"} {
		m, err := fastwegoServer.ParseXML(bodies[c])
		assert.NoError(t, err, c)
		assert.Nil(t, m, "fastwego decodes %s", c)
	}
	assert.Panics(t, func() { _, _ = chanxuehong(bodies["nested"]) }, "chanxuehong decodes nested")
	// PowerWeChat takes a body that does not start with '<' for JSON, and the
	// official nested sample starts with indentation.
	_, err := powerWeChat(bodies["nested"])
	assert.Error(t, err, "PowerWeChat decodes nested")
}

// BenchmarkPeers decodes every body with every peer in one run, so that the
// ratios compare like with like on a noisy machine.
func BenchmarkPeers(b *testing.B) {
	for _, c := range cases {
		body := bodies[c]
		for _, p := range peers {
			d, ok := p.cases[c]
			if !ok {
				continue
			}
			b.Run("body="+c+"/peer="+p.name, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(body)))
				for i := 0; i < b.N; i++ {
					if _, err := d(body); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
