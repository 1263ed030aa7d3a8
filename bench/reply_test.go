// The reply comparison: an encrypted text reply built the way silenceper's
// Server builds it, against wechatevent's constructor, MarshalReply and
// Crypto.Encrypt.

package bench

import (
	"encoding/xml"
	"reflect"
	"strconv"
	"testing"

	"github.com/silenceper/wechat/v2/officialaccount/message"
	"github.com/silenceper/wechat/v2/util"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/wechatevent/wechatevent"
)

const replyContent = "欢迎关注！回复 1 查看菜单，回复 2 联系客服。"

// replyTo is the callback both paths answer.
var replyTo = func() wechatevent.Event {
	ev, err := wechatevent.Parse(bodies["flat"])
	if err != nil {
		panic(err)
	}
	return ev
}()

// silenceperReply follows silenceper's Server.buildResponse and Server.Send
// in safe mode: the reply's envelope set by reflection, xml.Marshal, then
// EncryptMsg with the request's random, Signature and the envelope through
// xml.Marshal again.
func silenceperReply(random []byte) ([]byte, error) {
	text := message.NewText(replyContent)
	h := replyTo.Header()
	value := reflect.ValueOf(text)
	params := make([]reflect.Value, 1)
	params[0] = reflect.ValueOf(message.CDATA(h.FromUserName))
	value.MethodByName("SetToUserName").Call(params)
	params[0] = reflect.ValueOf(message.CDATA(h.ToUserName))
	value.MethodByName("SetFromUserName").Call(params)
	params[0] = reflect.ValueOf(message.MsgTypeText)
	value.MethodByName("SetMsgType").Call(params)
	params[0] = reflect.ValueOf(util.GetCurrTS())
	value.MethodByName("SetCreateTime").Call(params)
	raw, err := xml.Marshal(text)
	if err != nil {
		return nil, err
	}
	encrypted, err := util.EncryptMsg(random, raw, safeAppID, safeAESKey)
	if err != nil {
		return nil, err
	}
	ts, _ := strconv.ParseInt(safeTS, 10, 64)
	return xml.Marshal(message.ResponseEncryptedXMLMsg{
		EncryptedMsg: string(encrypted),
		MsgSignature: util.Signature(safeToken, safeTS, safeNonce, string(encrypted)),
		Timestamp:    ts,
		Nonce:        safeNonce,
	})
}

// wechateventReply is what the Handler does for the same reply.
func wechateventReply() ([]byte, error) {
	plain, err := wechatevent.MarshalReply(wechatevent.NewTextReply(replyTo, replyContent))
	if err != nil {
		return nil, err
	}
	return safeCrypto.Encrypt(plain, safeTS, safeNonce)
}

// TestReplyPathsAgree opens both envelopes with the other side's code and
// requires the same text reply.
func TestReplyPathsAgree(t *testing.T) {
	ours, err := wechateventReply()
	require.NoError(t, err)
	theirs, err := silenceperReply([]byte("0123456789abcdef"))
	require.NoError(t, err)
	for _, env := range [][]byte{ours, theirs} {
		var e message.ResponseEncryptedXMLMsg
		require.NoError(t, xml.Unmarshal(env, &e))
		assert.Equal(t, util.Signature(safeToken, strconv.FormatInt(e.Timestamp, 10), e.Nonce, e.EncryptedMsg), e.MsgSignature)
		_, plain, err := util.DecryptMsg(safeAppID, e.EncryptedMsg, safeAESKey)
		require.NoError(t, err)
		ev, err := wechatevent.Parse(plain)
		require.NoError(t, err)
		msg, ok := ev.(*wechatevent.TextMessage)
		require.True(t, ok, "type %T", ev)
		assert.Equal(t, replyContent, msg.Content)
		assert.Equal(t, replyTo.Header().FromUserName, msg.ToUserName)
	}
}

// BenchmarkEncryptedReply measures one encrypted text reply, from the
// content to the signed envelope, on both paths in one run.
func BenchmarkEncryptedReply(b *testing.B) {
	random := []byte("0123456789abcdef")
	run := func(name string, f func() ([]byte, error)) {
		b.Run("body=text_reply_aes/peer="+name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := f(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	run("wechatevent", wechateventReply)
	run("silenceper", func() ([]byte, error) { return silenceperReply(random) })
}
