package wechatevent

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Seal with a published random prefix gives the published ciphertext and
// msg_signature, and what it gives Decrypt accepts.
func TestSealVectors(t *testing.T) {
	for _, v := range loadVectors(t).Encrypt {
		if v.Token == "" {
			continue // AES-only vectors publish no signature
		}
		t.Run(v.Name, func(t *testing.T) {
			c, err := NewCrypto(v.Token, v.AESKey, v.AppID)
			require.NoError(t, err)
			c.rand = strings.NewReader(v.Random)
			encrypted, sig, err := c.Seal([]byte(v.Plaintext), v.Timestamp, v.Nonce)
			require.NoError(t, err)
			assert.Equal(t, v.Encrypt, encrypted)
			assert.Equal(t, v.MsgSignature, sig)

			got, err := c.Decrypt(sig, v.Timestamp, v.Nonce, envelope(encrypted))
			require.NoError(t, err)
			assert.Equal(t, v.Plaintext, string(got))
		})
	}
}

// A WeCom echostr is sealed like a callback: Decrypt opens what Seal gives,
// under the key and CorpID of the official WeCom sample.
func TestSealEchostrRoundTrip(t *testing.T) {
	c, err := NewCrypto("QDG6eK", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "wx5823bf96d3bd56c7")
	require.NoError(t, err)
	encrypted, sig, err := c.Seal([]byte("1616140317555161061"), "1409659589", "263014780")
	require.NoError(t, err)
	got, err := c.Decrypt(sig, "1409659589", "263014780", envelope(encrypted))
	require.NoError(t, err)
	assert.Equal(t, "1616140317555161061", string(got))

	// Fresh prefixes: two seals of one message differ.
	again, _, err := c.Seal([]byte("1616140317555161061"), "1409659589", "263014780")
	require.NoError(t, err)
	assert.NotEqual(t, encrypted, again)
}
