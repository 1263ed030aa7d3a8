// The security-mode comparison: silenceper's safe-mode steps against
// wechatevent's Crypto and Parse on one signed, encrypted request.

package bench

import (
	"encoding/xml"
	"errors"
	"strings"
	"testing"

	"github.com/silenceper/wechat/v2/officialaccount/message"
	"github.com/silenceper/wechat/v2/util"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/wechatevent/wechatevent"
)

// A request in security mode: the flat body encrypted WeChat's way under a
// test key, in the envelope WeChat posts, with its query parameters.
const (
	safeToken  = "spamtest"
	safeAESKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
	safeAppID  = "wx2c2769f8efd9abc2"
	safeTS     = "1700000000"
	safeNonce  = "1320562132"
)

var safeSignature, safeEnvelope = func() (string, []byte) {
	enc, err := util.EncryptMsg([]byte("0123456789abcdef"), bodies["flat"], safeAppID, safeAESKey)
	if err != nil {
		panic(err)
	}
	sig := util.Signature(safeToken, safeTS, safeNonce, string(enc))
	env := "<xml><ToUserName><![CDATA[gh_3a8c7d9e1f20]]></ToUserName><Encrypt><![CDATA[" + string(enc) + "]]></Encrypt></xml>"
	return sig, []byte(env)
}()

// silenceperSafe does what silenceper's Server does for an encrypted POST:
// decode the envelope, check msg_signature, decrypt, decode MixMessage.
func silenceperSafe(body []byte, msgSignature string) (*message.MixMessage, error) {
	var env message.EncryptedXMLMsg
	if err := xml.NewDecoder(strings.NewReader(string(body))).Decode(&env); err != nil {
		return nil, err
	}
	if msgSignature != util.Signature(safeToken, safeTS, safeNonce, env.EncryptedMsg) {
		return nil, errors.New("bench: signature mismatch")
	}
	_, plain, err := util.DecryptMsg(safeAppID, env.EncryptedMsg, safeAESKey)
	if err != nil {
		return nil, err
	}
	m := &message.MixMessage{}
	err = xml.Unmarshal(plain, m)
	return m, err
}

var safeCrypto = func() *wechatevent.Crypto {
	c, err := wechatevent.NewCrypto(safeToken, safeAESKey, safeAppID)
	if err != nil {
		panic(err)
	}
	return c
}()

// wechateventSafe verifies, decrypts and parses with wechatevent.
func wechateventSafe(body []byte, msgSignature string) (wechatevent.Event, error) {
	plain, err := safeCrypto.Decrypt(msgSignature, safeTS, safeNonce, body)
	if err != nil {
		return nil, err
	}
	return wechatevent.Parse(plain)
}

// TestSafeModeDecode checks both paths get the EventKey from the request
// and refuse it when the signature is wrong.
func TestSafeModeDecode(t *testing.T) {
	m, err := silenceperSafe(safeEnvelope, safeSignature)
	require.NoError(t, err)
	assert.Equal(t, want["flat"], m.EventKey)

	ev, err := wechateventSafe(safeEnvelope, safeSignature)
	require.NoError(t, err)
	e, ok := ev.(*wechatevent.SubscribeScanEvent)
	require.True(t, ok, "type %T", ev)
	assert.Equal(t, want["flat"], e.EventKey)

	bad := strings.Repeat("0", len(safeSignature))
	_, err = silenceperSafe(safeEnvelope, bad)
	assert.Error(t, err)
	_, err = wechateventSafe(safeEnvelope, bad)
	assert.ErrorIs(t, err, wechatevent.ErrSignature)
}

// BenchmarkSafeMode measures a security-mode request end to end, from the
// envelope to the typed value, on both paths in one run.
func BenchmarkSafeMode(b *testing.B) {
	run := func(name string, f func() error) {
		b.Run("body=flat_aes/peer="+name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(safeEnvelope)))
			for i := 0; i < b.N; i++ {
				if err := f(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	run("wechatevent", func() error { _, err := wechateventSafe(safeEnvelope, safeSignature); return err })
	run("silenceper", func() error { _, err := silenceperSafe(safeEnvelope, safeSignature); return err })
}
