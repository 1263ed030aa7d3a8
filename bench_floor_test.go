package wechatevent

import (
	"strconv"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// parseFlatByHand parses exactly the shape of benchFlat, and nothing else,
// into the same value Parse returns for it, with the same allocations (the
// event and one arena for its strings). It knows the type in advance, checks
// nothing it does not need, and so is the floor a general parser is measured
// against.
func parseFlatByHand(data []byte) (*SubscribeScanEvent, bool) {
	src := unsafe.String(unsafe.SliceData(data), len(data))
	e := new(SubscribeScanEvent)
	arena := make([]byte, 0, len(src))   // as Parse does: one arena for every string kept
	i := strings.IndexByte(src, '>') + 1 // past <xml>
	for {
		for i < len(src) && src[i] != '<' {
			i++
		}
		i++
		if i >= len(src) {
			return nil, false
		}
		if src[i] == '/' {
			break // </xml>
		}
		k := strings.IndexByte(src[i:], '>')
		if k < 0 {
			return nil, false
		}
		name := src[i : i+k]
		i += k + 1
		var v string
		if i+9 <= len(src) && src[i+1] == '!' && src[i:i+9] == "<![CDATA[" {
			end := strings.IndexByte(src[i+9:], ']')
			if end < 0 {
				return nil, false
			}
			v = src[i+9 : i+9+end]
			i += 9 + end + 3
		} else {
			end := strings.IndexByte(src[i:], '<')
			if end < 0 {
				return nil, false
			}
			v = src[i : i+end]
			i += end
		}
		i += len(name) + 3 // </name>
		if name == "CreateTime" {
			var n int64
			for j := 0; j < len(v); j++ {
				n = n*10 + int64(v[j]-'0')
			}
			e.CreateTime = time.Unix(n, 0)
			continue
		}
		off := len(arena)
		arena = append(arena, v...)
		setFlatString(e, name, unsafe.String(&arena[off], len(v)))
	}
	e.derive()
	return e, true
}

// setFlatString stores v in the string field of e that the flat bodies name.
func setFlatString(e *SubscribeScanEvent, name, v string) {
	switch name {
	case "ToUserName":
		e.ToUserName = v
	case "FromUserName":
		e.FromUserName = v
	case "MsgType":
		e.MsgType = v
	case "Event":
		e.Event = v
	case "EventKey":
		e.EventKey = v
	case "Ticket":
		e.Ticket = v
	}
}

// parseJSONFlatByHand is parseFlatByHand for benchJSONFlat: it reads exactly
// that shape, keys and string values without escapes and one number, into
// the value Parse returns for it, with the same two allocations, and checks
// nothing it does not need.
func parseJSONFlatByHand(data []byte) (*SubscribeScanEvent, bool) {
	src := unsafe.String(unsafe.SliceData(data), len(data))
	e := new(SubscribeScanEvent)
	arena := make([]byte, 0, len(src))
	i := 0
	for {
		k := strings.IndexByte(src[i:], '"')
		if k < 0 {
			break // past the last member
		}
		i += k + 1
		end := strings.IndexByte(src[i:], '"')
		if end < 0 {
			return nil, false
		}
		name := src[i : i+end]
		i += end + 1
		for i < len(src) && (src[i] == ':' || src[i] == ' ') {
			i++
		}
		if i >= len(src) {
			return nil, false
		}
		if src[i] != '"' {
			var n int64
			for ; i < len(src) && '0' <= src[i] && src[i] <= '9'; i++ {
				n = n*10 + int64(src[i]-'0')
			}
			if name == "CreateTime" {
				e.CreateTime = time.Unix(n, 0)
			}
			continue
		}
		i++
		end = strings.IndexByte(src[i:], '"')
		if end < 0 {
			return nil, false
		}
		v := src[i : i+end]
		i += end + 1
		off := len(arena)
		arena = append(arena, v...)
		setFlatString(e, name, unsafe.String(&arena[off], len(v)))
	}
	e.derive()
	return e, true
}

func TestParseFlatByHand(t *testing.T) {
	for _, c := range []struct {
		body  string
		parse func([]byte) (*SubscribeScanEvent, bool)
	}{{benchFlat, parseFlatByHand}, {benchJSONFlat, parseJSONFlatByHand}} {
		want, err := Parse([]byte(c.body))
		require.NoError(t, err)
		got, ok := c.parse([]byte(c.body))
		require.True(t, ok)
		assert.Equal(t, want, got)
		assert.Equal(t, "123", got.SceneID)
	}
}

// BenchmarkFloor measures the hand-written parsers of the flat body, as XML
// and as JSON, beside Parse; compare with benchstat -col .name.
func BenchmarkFloor(b *testing.B) {
	for _, c := range []struct {
		name, body string
		parse      func([]byte) (*SubscribeScanEvent, bool)
	}{{"flat", benchFlat, parseFlatByHand}, {"json_flat", benchJSONFlat, parseJSONFlatByHand}} {
		data := []byte(c.body)
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for i := 0; i < b.N; i++ {
				if _, ok := c.parse(data); !ok {
					b.Fatal("floor parser failed")
				}
			}
		})
	}
}

// valueBody is a text message whose Content is n bytes of text, plain or in
// one CDATA section.
func valueBody(n int, cdata bool) []byte {
	text := strings.Repeat("0123456789abcdef你好", n/22+1)[:n]
	if cdata {
		text = "<![CDATA[" + text + "]]>"
	}
	return []byte("<xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>1700000000</CreateTime>" +
		"<MsgType>text</MsgType><Content>" + text + "</Content><MsgId>1</MsgId></xml>")
}

// BenchmarkValue measures the cost per byte of a 100 KiB value written as
// plain text and as CDATA: MB/s of the two rows compare directly.
func BenchmarkValue(b *testing.B) {
	for _, c := range []struct {
		name  string
		cdata bool
	}{{"plain", false}, {"cdata", true}} {
		data := valueBody(100<<10, c.cdata)
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(100 << 10)
			for i := 0; i < b.N; i++ {
				if _, err := Parse(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// elementsBody is a mass-send result of about n elements, most of them in
// repeated ResultList items.
func elementsBody(n int) []byte {
	var sb strings.Builder
	sb.WriteString("<xml><ToUserName>gh_1</ToUserName><MsgType>event</MsgType><Event>MASSSENDJOBFINISH</Event><ArticleUrlResult><ResultList>")
	for n > 6 {
		sb.WriteString("<item><ArticleIdx>1</ArticleIdx><ArticleUrl><![CDATA[https://mp.weixin.qq.com/s/x]]></ArticleUrl></item>")
		n -= 3
	}
	sb.WriteString("</ResultList></ArticleUrlResult></xml>")
	return []byte(sb.String())
}

// BenchmarkElements measures the time per element of a body of 100 and of
// 2,000 elements: ns/op divided by the element count, which the benchmark
// reports as ns/elem.
func BenchmarkElements(b *testing.B) {
	for _, n := range []int{100, 2000} {
		data := elementsBody(n)
		tab, err := scanXML(string(data))
		if err != nil {
			b.Fatal(err)
		}
		elems := tab.Len()
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := Parse(data); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(elems), "ns/elem")
		})
	}
}

func TestScalingBodies(t *testing.T) {
	for _, cdata := range []bool{false, true} {
		ev, err := Parse(valueBody(100<<10, cdata))
		require.NoError(t, err)
		assert.Len(t, ev.(*TextMessage).Content, 100<<10)
	}
	for _, n := range []int{100, 2000} {
		tab, err := scanXML(string(elementsBody(n)))
		require.NoError(t, err)
		assert.InDelta(t, n, tab.Len(), 3)
		ev, err := Parse(elementsBody(n))
		require.NoError(t, err)
		assert.InDelta(t, n/3, len(ev.(*MassSendJobFinishEvent).ArticleURLResult.ResultList), 2)
	}
}
