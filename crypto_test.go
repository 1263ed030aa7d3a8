package wechatevent

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"encoding/xml"
	"errors"
	"os"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// vectors are the published security-mode test vectors of
// testdata/security/vectors.json: official docs and samples of WeChat and
// WeCom, wechatpy and chanxuehong/wechat.
type vectors struct {
	Decrypt []struct {
		Name, Token, AESKey, AppID, Timestamp, Nonce, MsgSignature string
		Signature                                                  string // plain signature on the same URL, if published
		Body                                                       string // the XML envelope as sent
		Encrypt                                                    string // the ciphertext alone (JSON bodies, echostr)
		Plaintext                                                  string
	}
	Encrypt []struct {
		Name, Token, AESKey, AppID, Timestamp, Nonce, MsgSignature string
		Random, Plaintext, Encrypt                                 string
	}
	Signature []struct {
		Name, Token, Timestamp, Nonce, Signature, Echostr string
	}
}

func loadVectors(t testing.TB) *vectors {
	t.Helper()
	data, err := os.ReadFile("testdata/security/vectors.json")
	require.NoError(t, err)
	var v vectors
	// The file spells the fields in snake case.
	data = []byte(strings.NewReplacer(`"aes_key"`, `"AESKey"`, `"app_id"`, `"AppID"`, `"msg_signature"`, `"MsgSignature"`).Replace(string(data)))
	require.NoError(t, json.Unmarshal(data, &v))
	require.NotEmpty(t, v.Decrypt)
	return &v
}

// envelope wraps a ciphertext the way WeChat's XML envelope carries it.
func envelope(encrypted string) []byte {
	return []byte("<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>")
}

func TestDecryptVectors(t *testing.T) {
	for _, v := range loadVectors(t).Decrypt {
		t.Run(v.Name, func(t *testing.T) {
			c, err := NewCrypto(v.Token, v.AESKey, v.AppID)
			require.NoError(t, err)
			body := []byte(v.Body)
			if v.Body == "" {
				// JSON bodies and echostr carry the same ciphertext, signed the
				// same way; only the envelope differs.
				body = envelope(v.Encrypt)
			}
			got, err := c.Decrypt(v.MsgSignature, v.Timestamp, v.Nonce, body)
			require.NoError(t, err)
			assert.Equal(t, v.Plaintext, string(got))

			if v.Signature != "" {
				assert.True(t, CheckSignature(v.Token, v.Signature, v.Timestamp, v.Nonce))
			}
			// The plain signature is not msg_signature and must not pass as one.
			_, err = c.Decrypt(v.Signature, v.Timestamp, v.Nonce, body)
			assert.ErrorIs(t, err, ErrSignature)

			other, err := NewCrypto(v.Token, v.AESKey, v.AppID+"x")
			require.NoError(t, err)
			_, err = other.Decrypt(v.MsgSignature, v.Timestamp, v.Nonce, body)
			assert.ErrorIs(t, err, ErrAppID)
		})
	}
}

func TestDecryptVectorsParse(t *testing.T) {
	byName := map[string][]byte{}
	for _, v := range loadVectors(t).Decrypt {
		c, err := NewCrypto(v.Token, v.AESKey, v.AppID)
		require.NoError(t, err)
		body := []byte(v.Body)
		if v.Body == "" {
			body = envelope(v.Encrypt)
		}
		byName[v.Name], err = c.Decrypt(v.MsgSignature, v.Timestamp, v.Nonce, body)
		require.NoError(t, err)
	}

	// V1 is compat mode: the clear fields beside <Encrypt> say the same as
	// the plaintext, which is what counts.
	ev, err := Parse(byName["V1"])
	require.NoError(t, err)
	text, ok := ev.(*TextMessage)
	require.True(t, ok, "got %T", ev)
	assert.Equal(t, "abcdteT", text.Content)
	assert.Equal(t, int64(6054768590064713728), text.MsgID)
	assert.Equal(t, "oyORnuP8q7ou2gfYjqLzSIWZf0rs", text.FromUserName)

	ev, err = Parse(byName["V8"])
	require.NoError(t, err)
	unknown, ok := ev.(*UnknownEvent)
	require.True(t, ok, "got %T", ev)
	assert.Equal(t, "debug_demo", unknown.Event)
	assert.Equal(t, "hello world", unknown.Value("debug_str"))

	ev, err = Parse(byName["V4b"])
	require.NoError(t, err)
	require.IsType(t, &TextMessage{}, ev)
	assert.Equal(t, "你好", ev.(*TextMessage).Content)
}

func TestCompatModeIgnoresClearFields(t *testing.T) {
	v := loadVectors(t).Decrypt[2]
	require.Equal(t, "V1", v.Name)
	c, err := NewCrypto(v.Token, v.AESKey, v.AppID)
	require.NoError(t, err)
	// Forge the unsigned clear fields: the plaintext must not change.
	forged := strings.Replace(v.Body, "abcdteT", "forged!", 1)
	forged = strings.Replace(forged, "oyORnuP8q7ou2gfYjqLzSIWZf0rs", "attacker", 1)
	require.NotEqual(t, v.Body, forged)
	got, err := c.Decrypt(v.MsgSignature, v.Timestamp, v.Nonce, []byte(forged))
	require.NoError(t, err)
	assert.Equal(t, v.Plaintext, string(got))
}

func TestEncryptVectors(t *testing.T) {
	for _, v := range loadVectors(t).Encrypt {
		t.Run(v.Name, func(t *testing.T) {
			token := v.Token
			if token == "" {
				token = "AES-only vector" // these publish no signature
			}
			c, err := NewCrypto(token, v.AESKey, v.AppID)
			require.NoError(t, err)
			c.rand = strings.NewReader(v.Random)
			reply, err := c.Encrypt([]byte(v.Plaintext), v.Timestamp, v.Nonce)
			require.NoError(t, err)

			var env refEnvelope
			require.NoError(t, xml.Unmarshal(reply, &env))
			assert.Equal(t, v.Encrypt, env.Encrypt)
			assert.Equal(t, v.Timestamp, env.TimeStamp)
			assert.Equal(t, v.Nonce, env.Nonce)
			if v.MsgSignature != "" {
				assert.Equal(t, v.MsgSignature, env.MsgSignature)
			}

			// The reply envelope is a valid request envelope too.
			got, err := c.Decrypt(env.MsgSignature, env.TimeStamp, env.Nonce, reply)
			require.NoError(t, err)
			assert.Equal(t, v.Plaintext, string(got))
		})
	}
}

func TestCheckSignature(t *testing.T) {
	for _, v := range loadVectors(t).Signature {
		t.Run(v.Name, func(t *testing.T) {
			assert.True(t, CheckSignature(v.Token, v.Signature, v.Timestamp, v.Nonce))
			// The parts are sorted, so their roles do not matter.
			assert.True(t, CheckSignature(v.Nonce, v.Signature, v.Token, v.Timestamp))
			assert.False(t, CheckSignature(v.Token, strings.ToUpper(v.Signature), v.Timestamp, v.Nonce), "upper-case hex")
			assert.False(t, CheckSignature(v.Token, v.Signature[:39], v.Timestamp, v.Nonce), "39 characters")
			assert.False(t, CheckSignature(v.Token, v.Signature+"0", v.Timestamp, v.Nonce), "41 characters")
			assert.False(t, CheckSignature(v.Token, "", v.Timestamp, v.Nonce))
			assert.False(t, CheckSignature(v.Token+"x", v.Signature, v.Timestamp, v.Nonce))
			assert.False(t, CheckSignature(v.Token, v.Signature, v.Timestamp, v.Nonce+"1"))
		})
	}
}

func TestDecryptV5aWrongNonce(t *testing.T) {
	for _, v := range loadVectors(t).Decrypt {
		if v.Name != "V5a" {
			continue
		}
		c, err := NewCrypto(v.Token, v.AESKey, v.AppID)
		require.NoError(t, err)
		// wechatpy's negative twin: nonce 437374424 instead of 437374425.
		_, err = c.Decrypt(v.MsgSignature, v.Timestamp, "437374424", envelope(v.Encrypt))
		assert.ErrorIs(t, err, ErrSignature)
		return
	}
	t.Fatal("V5a missing from the vectors")
}

// Test material for crafted ciphertexts: any decrypted content, validly
// signed, so that the checks after the signature can be reached.
const (
	testToken  = "testToken"
	testAESKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
	testAppID  = "wx5823bf96d3bd56c7"
	testTS     = "1409659813"
	testNonce  = "1372623149"
)

func newTestCrypto(t testing.TB) (*Crypto, *refCrypto) {
	t.Helper()
	c, err := NewCrypto(testToken, testAESKey, testAppID)
	require.NoError(t, err)
	ref, err := newRefCrypto(testToken, testAESKey, testAppID)
	require.NoError(t, err)
	return c, ref
}

// layout builds a decrypted buffer: 16 random bytes, the given length field,
// the message and the id, then pad bytes.
func layout(length uint32, msg, id string, pad ...byte) []byte {
	b := []byte("0123456789abcdef")
	b = binary.BigEndian.AppendUint32(b, length)
	b = append(b, msg...)
	b = append(b, id...)
	return append(b, pad...)
}

// flipHex changes the last digit of a hex signature.
func flipHex(sig string) string {
	last := "0"
	if sig[len(sig)-1] == '0' {
		last = "1"
	}
	return sig[:len(sig)-1] + last
}

// padTo32 returns PKCS#7 padding for a buffer of n bytes.
func padTo32(n int) []byte {
	p := 32 - n%32
	return bytes.Repeat([]byte{byte(p)}, p)
}

func wellFormed(msg, id string) []byte {
	b := layout(uint32(len(msg)), msg, id)
	return append(b, padTo32(len(b))...)
}

// withPad replaces the padding of a 20+len(msg)+len(id) byte layout so that
// the whole is 64 bytes and ends in the given bytes.
func withPad(msg, id string, tail ...byte) []byte {
	b := layout(uint32(len(msg)), msg, id)
	for len(b)+len(tail) < 64 {
		b = append(b, 'x')
	}
	return append(b, tail...)
}

func TestDecryptTampering(t *testing.T) {
	c, ref := newTestCrypto(t)
	good := ref.encryptRaw(wellFormed("<xml/>", testAppID))
	goodSig := ref.signature(testToken, testTS, testNonce, good)
	_, err := c.Decrypt(goodSig, testTS, testNonce, envelope(good))
	require.NoError(t, err, "the untampered request must pass")

	// signed returns a request whose msg_signature is valid for encrypted.
	type request struct {
		sig, ts, nonce string
		body           []byte
	}
	signed := func(encrypted string) request {
		return request{ref.signature(testToken, testTS, testNonce, encrypted), testTS, testNonce, envelope(encrypted)}
	}
	raw := func(plain []byte) request { return signed(ref.encryptRaw(plain)) }
	flipped := []byte(good)
	flipped[10] ^= 'A' ^ 'B'
	if flipped[10] == good[10] {
		flipped[10] ^= 1
	}

	pad := func(b byte, n int) []byte { return bytes.Repeat([]byte{b}, n) }
	unequal := append(pad(4, 3), 5, 4, 4, 4)
	urlSafe := strings.NewReplacer("+", "-", "/", "_").Replace(ref.encryptRaw(pad(7, 96)))
	require.True(t, strings.ContainsAny(urlSafe, "-_"))

	tests := []struct {
		name string
		req  request
		want error
	}{
		{"signature changed", request{flipHex(goodSig), testTS, testNonce, envelope(good)}, ErrSignature},
		{"signature upper case", request{strings.ToUpper(goodSig), testTS, testNonce, envelope(good)}, ErrSignature},
		{"signature empty", request{"", testTS, testNonce, envelope(good)}, ErrSignature},
		{"timestamp changed", request{goodSig, "1409659814", testNonce, envelope(good)}, ErrSignature},
		{"nonce changed", request{goodSig, testTS, "1372623148", envelope(good)}, ErrSignature},
		{"Encrypt text changed", request{goodSig, testTS, testNonce, envelope(string(flipped))}, ErrSignature},
		{"pad byte 0", raw(withPad("<xml/>", testAppID, 0)), ErrDecrypt},
		{"pad byte 33", raw(withPad("<xml/>", testAppID, 33)), ErrDecrypt},
		{"pad byte 255", raw(withPad("<xml/>", testAppID, 255)), ErrDecrypt},
		{"pad bytes unequal", raw(withPad("<xml/>", testAppID, unequal...)), ErrDecrypt},
		{"pad of 32 in a 32-byte buffer", raw(pad(32, 32)), ErrDecrypt},
		{"length past the end", raw(append(layout(uint32(6+len(testAppID)+1), "<xml/>", testAppID), padTo32(20+6+len(testAppID))...)), ErrDecrypt},
		{"length 0xFFFFFFFF", raw(append(layout(0xFFFFFFFF, "<xml/>", testAppID), padTo32(20+6+len(testAppID))...)), ErrDecrypt},
		{"length 0xFFFFFFF0", raw(append(layout(0xFFFFFFF0, "<xml/>", testAppID), padTo32(20+6+len(testAppID))...)), ErrDecrypt},
		{"length swallows the AppID", raw(append(layout(uint32(6+len(testAppID)), "<xml/>", testAppID), padTo32(20+6+len(testAppID))...)), ErrAppID},
		{"AppID different", raw(wellFormed("<xml/>", "wx0000000000000000")), ErrAppID},
		{"AppID is a prefix of the configured one", raw(wellFormed("<xml/>", testAppID[:10])), ErrAppID},
		{"AppID extends the configured one", raw(wellFormed("<xml/>", testAppID+"0")), ErrAppID},
		{"AppID with a trailing NUL", raw(wellFormed("<xml/>", testAppID+"\x00")), ErrAppID},
		{"AppID in upper case", raw(wellFormed("<xml/>", strings.ToUpper(testAppID))), ErrAppID},
		{"AppID empty", raw(wellFormed("<xml/>", "")), ErrAppID},
		{"bad base64", signed("not*base64!"), ErrDecrypt},
		{"URL-safe base64", signed(urlSafe), ErrDecrypt},
		{"base64 missing its padding", signed(strings.TrimRight(ref.encrypt([]byte("0123456789abcdef"), []byte("a")), "=")), ErrDecrypt},
		{"line break in base64", signed(good[:40] + "\n" + good[40:]), ErrDecrypt},
		{"CR in base64", signed(good[:40] + "\r" + good[40:]), ErrDecrypt},
		{"16-byte ciphertext", signed(base64.StdEncoding.EncodeToString(make([]byte, 16))), ErrDecrypt},
		{"48-byte ciphertext", signed(base64.StdEncoding.EncodeToString(make([]byte, 48))), ErrDecrypt},
		{"empty Encrypt", request{ref.signature(testToken, testTS, testNonce, ""), testTS, testNonce, []byte("<xml><Encrypt></Encrypt></xml>")}, ErrDecrypt},
		{"Encrypt of white space", request{ref.signature(testToken, testTS, testNonce, ""), testTS, testNonce, []byte("<xml><Encrypt>  \n </Encrypt></xml>")}, ErrDecrypt},
		{"self-closed Encrypt", request{ref.signature(testToken, testTS, testNonce, ""), testTS, testNonce, []byte("<xml><Encrypt/></xml>")}, ErrDecrypt},
		{"body without Encrypt", request{goodSig, testTS, testNonce, []byte("<xml><ToUserName>gh_1</ToUserName></xml>")}, ErrDecrypt},
		{"lower-case encrypt only", request{goodSig, testTS, testNonce, []byte("<xml><encrypt>" + good + "</encrypt></xml>")}, ErrDecrypt},
		{"prefixed Encrypt", request{goodSig, testTS, testNonce, []byte("<xml><x:Encrypt>" + good + "</x:Encrypt></xml>")}, ErrDecrypt},
		{"two Encrypt", request{goodSig, testTS, testNonce, []byte("<xml><Encrypt>" + good + "</Encrypt><Encrypt>" + good + "</Encrypt></xml>")}, ErrDecrypt},
		{"Encrypt nested only", request{goodSig, testTS, testNonce, []byte("<xml><Foo><Encrypt>" + good + "</Encrypt></Foo></xml>")}, ErrDecrypt},
		{"Encrypt top level and nested", request{goodSig, testTS, testNonce, []byte("<xml><Encrypt>" + good + "</Encrypt><Foo><Encrypt>x</Encrypt></Foo></xml>")}, ErrDecrypt},
		{"Encrypt holding an element", request{goodSig, testTS, testNonce, []byte("<xml><Encrypt>" + good + "<b/></Encrypt></xml>")}, ErrDecrypt},
		{"root other than xml", request{goodSig, testTS, testNonce, []byte("<foo><Encrypt>" + good + "</Encrypt></foo>")}, ErrDecrypt},
		{"not XML", request{goodSig, testTS, testNonce, []byte(good)}, ErrSyntax},
		{"trailing root", request{goodSig, testTS, testNonce, append(envelope(good), "<xml/>"...)}, ErrSyntax},
		{"DOCTYPE entity", request{goodSig, testTS, testNonce, []byte(`<!DOCTYPE xml [<!ENTITY e "x">]><xml><Encrypt>&e;</Encrypt></xml>`)}, ErrSyntax},
		{"body too large", request{goodSig, testTS, testNonce, append(envelope(good), bytes.Repeat([]byte(" "), MaxBodySize)...)}, ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.Decrypt(tt.req.sig, tt.req.ts, tt.req.nonce, tt.req.body)
			assert.ErrorIs(t, err, tt.want)
			assert.Nil(t, got)
			if err != nil {
				assert.True(t, strings.HasPrefix(err.Error(), "wechatevent: "), err.Error())
				assert.NotContains(t, err.Error(), testAESKey[:8])
			}
		})
	}
}

func TestNewCryptoKey(t *testing.T) {
	tests := []struct {
		name, key string
		want      error
	}{
		{"43 characters", testAESKey, nil},
		{"all A", strings.Repeat("A", 43), nil},
		{"42 characters", testAESKey[:42], ErrAESKey},
		{"44 characters", testAESKey + "A", ErrAESKey},
		{"with its trailing =", testAESKey[:42] + "=", ErrAESKey},
		{"empty", "", ErrAESKey},
		{"not base64", testAESKey[:20] + "!" + testAESKey[21:], ErrAESKey},
		{"URL-safe alphabet", testAESKey[:20] + "-" + testAESKey[21:], ErrAESKey},
		{"line break", testAESKey[:20] + "\n" + testAESKey[21:], ErrAESKey},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := NewCrypto(testToken, tt.key, testAppID)
			if tt.want == nil {
				require.NoError(t, err)
				assert.NotNil(t, c)
				return
			}
			assert.ErrorIs(t, err, tt.want)
			assert.Nil(t, c)
			assert.True(t, strings.HasPrefix(err.Error(), "wechatevent: "), err.Error())
			if len(tt.key) > 10 {
				assert.NotContains(t, err.Error(), tt.key[:10], "the error must not echo the key")
			}
		})
	}
	_, err := NewCrypto("", testAESKey, testAppID)
	assert.Error(t, err, "an empty token makes every signature computable")
}

// The official keys carry non-zero trailing bits; the four 43-character
// spellings that differ only there give the same AES key.
func TestNewCryptoIgnoresTrailingBits(t *testing.T) {
	base := testAESKey[:42]
	var replies [][]byte
	for _, last := range "ABCD" { // 0 to 3: the two bits that differ are unused
		c, err := NewCrypto(testToken, base+string(last), testAppID)
		require.NoError(t, err)
		c.rand = strings.NewReader("0123456789abcdef")
		r, err := c.Encrypt([]byte("same"), testTS, testNonce)
		require.NoError(t, err)
		replies = append(replies, r)
	}
	for _, r := range replies[1:] {
		assert.Equal(t, string(replies[0]), string(r))
	}
}

// Every padding length from 1 to 32 is produced by Encrypt and accepted by
// Decrypt, and the padding is what the spec says.
func TestPaddingLengths(t *testing.T) {
	c, ref := newTestCrypto(t)
	block, err := aes.NewCipher(ref.key)
	require.NoError(t, err)
	seen := map[int]bool{}
	for n := 0; n < 32; n++ {
		msg := bytes.Repeat([]byte("m"), n)
		reply, err := c.Encrypt(msg, testTS, testNonce)
		require.NoError(t, err)
		var env refEnvelope
		require.NoError(t, xml.Unmarshal(reply, &env))
		ct, err := base64.StdEncoding.DecodeString(env.Encrypt)
		require.NoError(t, err)
		require.Zero(t, len(ct)%32)

		plain := make([]byte, len(ct))
		cipher.NewCBCDecrypter(block, ref.key[:16]).CryptBlocks(plain, ct)
		p := int(plain[len(plain)-1])
		require.True(t, p >= 1 && p <= 32, "pad %d", p)
		assert.Equal(t, bytes.Repeat([]byte{byte(p)}, p), plain[len(plain)-p:])
		assert.Equal(t, 20+n+len(testAppID)+p, len(plain))
		seen[p] = true

		got, err := c.Decrypt(env.MsgSignature, env.TimeStamp, env.Nonce, reply)
		require.NoError(t, err, "pad %d", p)
		assert.Equal(t, string(msg), string(got))
	}
	assert.Len(t, seen, 32, "every padding length 1..32")
}

func TestEncryptDecryptRoundTrip(t *testing.T) {
	for _, appID := range []string{testAppID, "", "wx134c8103faa5a59e"} {
		c, err := NewCrypto(testToken, testAESKey, appID)
		require.NoError(t, err)
		for _, msg := range refMessages() {
			reply, err := c.Encrypt(msg, testTS, testNonce)
			require.NoError(t, err)
			var env refEnvelope
			require.NoError(t, xml.Unmarshal(reply, &env))
			got, err := c.Decrypt(env.MsgSignature, testTS, testNonce, reply)
			require.NoError(t, err)
			assert.Equal(t, string(msg), string(got))
		}
	}
}

func TestEncryptUsesFreshRandom(t *testing.T) {
	c, _ := newTestCrypto(t)
	a, err := c.Encrypt([]byte("<xml/>"), testTS, testNonce)
	require.NoError(t, err)
	b, err := c.Encrypt([]byte("<xml/>"), testTS, testNonce)
	require.NoError(t, err)
	assert.NotEqual(t, string(a), string(b))

	c.rand = iotest.ErrReader(errors.New("no entropy"))
	_, err = c.Encrypt([]byte("<xml/>"), testTS, testNonce)
	assert.Error(t, err)
}

// Timestamp and nonce end up in the reply XML; whatever they hold, the
// envelope stays well-formed and carries them unchanged.
func TestEncryptEscapesTimestampAndNonce(t *testing.T) {
	c, _ := newTestCrypto(t)
	for _, p := range []struct{ ts, nonce string }{
		{"1<2&3>", "a]]>b"},
		{"", "]]>]]>"},
		{"17", "<![CDATA[x]]>"},
	} {
		reply, err := c.Encrypt([]byte("<xml/>"), p.ts, p.nonce)
		require.NoError(t, err)
		var env refEnvelope
		require.NoError(t, xml.Unmarshal(reply, &env), string(reply))
		assert.Equal(t, p.ts, env.TimeStamp)
		assert.Equal(t, p.nonce, env.Nonce)
		got, err := c.Decrypt(env.MsgSignature, p.ts, p.nonce, reply)
		require.NoError(t, err)
		assert.Equal(t, "<xml/>", string(got))
	}
}

func TestEncryptRefusesUnprintableTimestampAndNonce(t *testing.T) {
	c, _ := newTestCrypto(t)
	for _, bad := range []string{"a\rb", "a\nb", "\x00", "\xff", "非"} {
		_, err := c.Encrypt([]byte("<xml/>"), bad, testNonce)
		assert.Error(t, err, "timestamp %q", bad)
		_, err = c.Encrypt([]byte("<xml/>"), testTS, bad)
		assert.Error(t, err, "nonce %q", bad)
	}
}

func TestDecryptReturnsOwnCopy(t *testing.T) {
	c, _ := newTestCrypto(t)
	reply, err := c.Encrypt([]byte("<xml>hello</xml>"), testTS, testNonce)
	require.NoError(t, err)
	var env refEnvelope
	require.NoError(t, xml.Unmarshal(reply, &env))
	got, err := c.Decrypt(env.MsgSignature, testTS, testNonce, reply)
	require.NoError(t, err)
	for i := range reply {
		reply[i] = 0
	}
	assert.Equal(t, "<xml>hello</xml>", string(got))
	assert.Equal(t, len(got), cap(got), "appending must not overwrite the AppID behind it")
}
