package wechatevent

import (
	"encoding/xml"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// incoming is the callback the replies of these tests answer.
func incoming(t *testing.T) *TextMessage {
	t.Helper()
	ev, err := Parse([]byte(`<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName>
<FromUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></FromUserName>
<CreateTime>1715943329</CreateTime><MsgType><![CDATA[text]]></MsgType>
<Content><![CDATA[hi]]></Content><MsgId>24602147392840000</MsgId></xml>`))
	require.NoError(t, err)
	return ev.(*TextMessage)
}

func TestNewTextReplySwapsEnvelope(t *testing.T) {
	in := incoming(t)
	before := time.Now().Truncate(time.Second)
	r := NewTextReply(in, "hello")
	assert.Equal(t, in.FromUserName, r.ToUserName)
	assert.Equal(t, in.ToUserName, r.FromUserName)
	assert.False(t, r.CreateTime.Before(before))
	assert.Equal(t, "hello", r.Content)
}

func TestTextReplyXML(t *testing.T) {
	r := &TextReply{ToUserName: "o9Ag", FromUserName: "gh_974", CreateTime: time.Unix(1715943330, 0), Content: "a]]>b<&"}
	out, err := MarshalReply(r)
	require.NoError(t, err)
	var got struct {
		XMLName      xml.Name
		ToUserName   string
		FromUserName string
		CreateTime   int64
		MsgType      string
		Content      string
	}
	require.NoError(t, xml.Unmarshal(out, &got), string(out))
	assert.Equal(t, "xml", got.XMLName.Local)
	assert.Equal(t, "o9Ag", got.ToUserName)
	assert.Equal(t, "gh_974", got.FromUserName)
	assert.Equal(t, int64(1715943330), got.CreateTime)
	assert.Equal(t, "text", got.MsgType)
	assert.Equal(t, "a]]>b<&", got.Content)

	ev, err := Parse(out)
	require.NoError(t, err)
	msg, ok := ev.(*TextMessage)
	require.True(t, ok, "got %T", ev)
	assert.Equal(t, r.Content, msg.Content)
}

func TestMarshalReplyNil(t *testing.T) {
	_, err := MarshalReply(nil)
	assert.ErrorIs(t, err, ErrReply)
	_, err = MarshalReplyJSON((*TextReply)(nil))
	assert.ErrorIs(t, err, ErrReply)
}
