package wechatevent

import (
	"bytes"
	"crypto/aes"
	"crypto/sha1"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// refCrypto is a second, deliberately separate implementation of the
// security-mode spec, written from the spec text alone, to check ours
// against: CBC chaining by hand over the raw block cipher, its own padding
// and layout code, encoding/xml for the envelope, fmt for the hex digest.
// It favours obviousness over speed and strictness.
type refCrypto struct {
	token string
	key   []byte
	appID string
}

func newRefCrypto(token, encodingAESKey, appID string) (*refCrypto, error) {
	key, err := base64.StdEncoding.DecodeString(encodingAESKey + "=")
	if err != nil {
		return nil, err
	}
	if len(key) != 32 {
		return nil, fmt.Errorf("key of %d bytes", len(key))
	}
	return &refCrypto{token: token, key: key, appID: appID}, nil
}

func (r *refCrypto) signature(parts ...string) string {
	s := append([]string(nil), parts...)
	sort.Strings(s)
	return fmt.Sprintf("%x", sha1.Sum([]byte(strings.Join(s, ""))))
}

// cbc runs AES-CBC over data, whose length must be a multiple of 16, with
// IV = key[:16], block by block.
func (r *refCrypto) cbc(data []byte, encrypt bool) []byte {
	b, err := aes.NewCipher(r.key)
	if err != nil {
		panic(err)
	}
	out := make([]byte, len(data))
	prev := append([]byte(nil), r.key[:16]...)
	for i := 0; i < len(data); i += 16 {
		blk := make([]byte, 16)
		if encrypt {
			for j := range blk {
				blk[j] = data[i+j] ^ prev[j]
			}
			b.Encrypt(out[i:i+16], blk)
			prev = out[i : i+16]
		} else {
			b.Decrypt(blk, data[i:i+16])
			for j := range blk {
				out[i+j] = blk[j] ^ prev[j]
			}
			prev = data[i : i+16]
		}
	}
	return out
}

// encryptRaw encrypts data as is, without adding padding, so that tests can
// put any decrypted content under a valid signature.
func (r *refCrypto) encryptRaw(data []byte) string {
	return base64.StdEncoding.EncodeToString(r.cbc(data, true))
}

func (r *refCrypto) encrypt(random, msg []byte) string {
	var full bytes.Buffer
	full.Write(random)
	full.Write([]byte{byte(len(msg) >> 24), byte(len(msg) >> 16), byte(len(msg) >> 8), byte(len(msg))})
	full.Write(msg)
	full.WriteString(r.appID)
	n := 32 - full.Len()%32
	full.Write(bytes.Repeat([]byte{byte(n)}, n))
	return r.encryptRaw(full.Bytes())
}

func (r *refCrypto) decrypt(encrypted string) ([]byte, error) {
	ct, err := base64.StdEncoding.DecodeString(encrypted)
	if err != nil || len(ct) == 0 || len(ct)%32 != 0 {
		return nil, errors.New("bad ciphertext")
	}
	pt := r.cbc(ct, false)
	n := int(pt[len(pt)-1])
	if n == 0 || n > 32 || !bytes.Equal(pt[len(pt)-n:], bytes.Repeat([]byte{byte(n)}, n)) {
		return nil, errors.New("bad padding")
	}
	pt = pt[:len(pt)-n]
	if len(pt) < 20 {
		return nil, errors.New("too short")
	}
	l := int64(pt[16])<<24 | int64(pt[17])<<16 | int64(pt[18])<<8 | int64(pt[19])
	if l > int64(len(pt)-20) {
		return nil, errors.New("bad length")
	}
	if string(pt[20+l:]) != r.appID {
		return nil, errors.New("bad appid")
	}
	return pt[20 : 20+l], nil
}

// refEnvelope is the reply and request envelope as encoding/xml reads it.
type refEnvelope struct {
	Encrypt      string
	MsgSignature string
	TimeStamp    string
	Nonce        string
}

func (r *refCrypto) open(body []byte) (refEnvelope, []byte, error) {
	var env refEnvelope
	if err := xml.Unmarshal(body, &env); err != nil {
		return env, nil, err
	}
	if env.MsgSignature != r.signature(r.token, env.TimeStamp, env.Nonce, env.Encrypt) {
		return env, nil, errors.New("bad signature")
	}
	msg, err := r.decrypt(env.Encrypt)
	return env, msg, err
}

// refMessages covers every padding length and the edges of the layout.
func refMessages() [][]byte {
	msgs := [][]byte{nil, []byte("<xml><Content><![CDATA[你好]]></Content></xml>")}
	for n := 1; n <= 70; n++ {
		msgs = append(msgs, bytes.Repeat([]byte{byte('a' + n%26)}, n))
	}
	return msgs
}

func TestIndependentImplementationAgrees(t *testing.T) {
	for _, appID := range []string{"wx134c8103faa5a59e", "", "ww1436e0e65a779aee"} {
		const token, key = "agreeToken", "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR"
		ours, err := NewCrypto(token, key, appID)
		require.NoError(t, err)
		ref, err := newRefCrypto(token, key, appID)
		require.NoError(t, err)

		for i, msg := range refMessages() {
			random := []byte(fmt.Sprintf("random%010d", i))

			// Theirs to ours, through a request envelope.
			encrypted := ref.encrypt(random, msg)
			body := []byte("<xml><ToUserName><![CDATA[gh_x]]></ToUserName><Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>")
			sig := ref.signature(token, "1715943329", "1590219412", encrypted)
			got, err := ours.Decrypt(sig, "1715943329", "1590219412", body)
			if assert.NoError(t, err, "appID %q, message %d", appID, i) {
				assert.Equal(t, string(msg), string(got), "appID %q, message %d", appID, i)
			}

			// Ours to theirs, through our reply envelope.
			ours.rand = bytes.NewReader(random)
			reply, err := ours.Encrypt(msg, "1713424427", "415670741")
			require.NoError(t, err)
			env, back, err := ref.open(reply)
			if assert.NoError(t, err, "appID %q, message %d", appID, i) {
				assert.Equal(t, string(msg), string(back))
				assert.Equal(t, "1713424427", env.TimeStamp)
				assert.Equal(t, "415670741", env.Nonce)
			}
			// Same random prefix, same spec: the same ciphertext.
			assert.Equal(t, encrypted, env.Encrypt, "appID %q, message %d", appID, i)
		}
	}
}
