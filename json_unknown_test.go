package wechatevent

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An unknown JSON push keeps its body, and Value and Values read it by the
// paths of xml tags: a nested object is a wrapper, an array its key repeated.
func TestUnknownJSONValues(t *testing.T) {
	body := `{"ToUserName":"gh_1","FromUserName":"o1","CreateTime":1700000000,"MsgType":"event","Event":"channels_ec_new_thing",` +
		`"order_info":{"order_id":3705115058471208928,"items":[{"sku":"a"},{"sku":"b\u00e9"}],"tags":["x",null,"y"],"ok":true}}`
	ev, err := Parse([]byte(body))
	require.NoError(t, err)
	u, ok := ev.(*UnknownEvent)
	require.True(t, ok, "got %T", ev)
	assert.Equal(t, body, string(u.Raw))
	assert.Equal(t, "channels_ec_new_thing", u.Event)
	assert.Equal(t, "o1", u.FromUserName)
	assert.Equal(t, "3705115058471208928", u.Value("order_info>order_id"))
	assert.Equal(t, []string{"a", "bé"}, u.Values("order_info>items>sku"))
	assert.Equal(t, []string{"x", "y"}, u.Values("order_info>tags"))
	assert.Equal(t, "true", u.Value("order_info>ok"))
	assert.Equal(t, "", u.Value("order_info>missing"))

	// The event owns its memory: a body reused after Parse changes nothing.
	b := []byte(body)
	ev, err = Parse(b)
	require.NoError(t, err)
	for i := range b {
		b[i] = 'x'
	}
	assert.Equal(t, "bé", ev.(*UnknownEvent).Values("order_info>items>sku")[1])
	assert.Equal(t, "3705115058471208928", ev.(*UnknownEvent).Value("order_info>order_id"))
}

// A typed event keeps copies of its values, those decoded from escapes
// included, however the body and the pooled table are reused after.
func TestJSONValuesOwned(t *testing.T) {
	body := []byte(`{"MsgType":"text","Content":"a\u4e2d\"b","FromUserName":"o1"}`)
	ev, err := Parse(body)
	require.NoError(t, err)
	for i := range body {
		body[i] = ' '
	}
	for i := 0; i < 100; i++ {
		_, err := Parse([]byte(`{"MsgType":"text","Content":"\u0041\u0042\u0043\u0044\u0045\u0046\u0047","FromUserName":"zz"}`))
		require.NoError(t, err)
	}
	m := ev.(*TextMessage)
	assert.Equal(t, "a中\"b", m.Content)
	assert.Equal(t, "o1", m.FromUserName)
}
