package wechatevent

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// benchJSONFlat is benchFlat in the JSON data format of a 小程序 push: the
// same seven values, CreateTime a number.
const benchJSONFlat = `{
    "ToUserName": "gh_3a8c7d9e1f20",
    "FromUserName": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
    "CreateTime": 1700000000,
    "MsgType": "event",
    "Event": "subscribe",
    "EventKey": "qrscene_123",
    "Ticket": "gQH47joAAAAAAAAAASxodHRwOi8vd2VpeGlu"
}`

// jsonFlat is the smallest plain struct holding what Parse fills from
// benchJSONFlat: what a caller who knew the type would hand to json.Unmarshal.
type jsonFlat struct {
	ToUserName   string `json:"ToUserName"`
	FromUserName string `json:"FromUserName"`
	CreateTime   int64  `json:"CreateTime"`
	MsgType      string `json:"MsgType"`
	Event        string `json:"Event"`
	EventKey     string `json:"EventKey"`
	Ticket       string `json:"Ticket"`
}

// jsonBenchCases are the JSON bodies of BenchmarkParse; BenchmarkEncodingJSON
// decodes them with encoding/json.
var jsonBenchCases = []benchCase{
	{"json_flat", benchJSONFlat, func() any { return new(jsonFlat) }},
}

func TestJSONBenchBodies(t *testing.T) {
	require.Len(t, benchJSONFlat, 256, "BENCHMARKS.md gives its size")
	ev, err := Parse([]byte(benchJSONFlat))
	require.NoError(t, err)
	e, ok := ev.(*SubscribeScanEvent)
	require.True(t, ok, "type %T", ev)
	var v jsonFlat
	require.NoError(t, json.Unmarshal([]byte(benchJSONFlat), &v))
	assert.Equal(t, jsonFlat{e.ToUserName, e.FromUserName, e.CreateTime.Unix(), e.MsgType, e.Event, e.EventKey, e.Ticket}, v)
	assert.Equal(t, "123", e.SceneID)

	xmlEv, err := Parse([]byte(benchFlat))
	require.NoError(t, err)
	assert.Equal(t, xmlEv, ev, "the JSON body says what the XML one does")
}

// BenchmarkEncodingJSON measures json.Unmarshal of the JSON bodies into the
// smallest plain structs holding the same fields.
func BenchmarkEncodingJSON(b *testing.B) {
	for _, c := range jsonBenchCases {
		data := []byte(c.body)
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for i := 0; i < b.N; i++ {
				if err := json.Unmarshal(data, c.new()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
