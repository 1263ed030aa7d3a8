package wechatevent

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The JSON envelopes of the published vectors, as the docs print them: V2
// from the 小程序 message-push page, V4c from WeCom's callback_json sample.
const (
	v2Body = `{
    "ToUserName": "gh_97417a04a28d",
    "Encrypt": "+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04="
}`
	v4cBody = `{ "tousername": "wx5823bf96d3bd56c7", "encrypt": "cjhLUX7UU4yCSelv1vz7T0zT8huF51bAMVWriNvO1FMegHrQZNrtvRxbwf0fUPsFvwqR0U0fgiJNEA5Y30F2MoI2S7vv3EjVQ68C0cjw9frBoUE2Hj0BvFp9h3u6Vbsg4lc1C8AtHdaN8orKuNKkLRLuYEL52R1J3v8olJGZRLnRdVKIivixmX/eQpzgeExtp20jI1HxRP1AAZ6xZoILdqDPO549LO4WeG+685JRUTdiwcY5fjZlqeMxuT4PpMn1X9OWsS7NRj06Wa5E3Tvg4twjWp39KPfOdRte6P1T4JU=", "agentid": 218 }`
)

func TestDecryptJSONVectors(t *testing.T) {
	bodies := map[string]string{"V2": v2Body, "V4c": v4cBody}
	seen := 0
	for _, v := range loadVectors(t).Decrypt {
		body, ok := bodies[v.Name]
		if !ok {
			continue
		}
		seen++
		t.Run(v.Name, func(t *testing.T) {
			require.True(t, strings.Contains(body, v.Encrypt), "the body carries the vector's ciphertext")
			c, err := NewCrypto(v.Token, v.AESKey, v.AppID)
			require.NoError(t, err)
			got, err := c.Decrypt(v.MsgSignature, v.Timestamp, v.Nonce, []byte(body))
			require.NoError(t, err)
			assert.Equal(t, v.Plaintext, string(got))

			_, err = c.Decrypt(flipHex(v.MsgSignature), v.Timestamp, v.Nonce, []byte(body))
			assert.ErrorIs(t, err, ErrSignature)
			other, err := NewCrypto(v.Token, v.AESKey, v.AppID+"x")
			require.NoError(t, err)
			_, err = other.Decrypt(v.MsgSignature, v.Timestamp, v.Nonce, []byte(body))
			assert.ErrorIs(t, err, ErrAppID)
		})
	}
	require.Equal(t, 2, seen)
}

// V2's plaintext is a JSON callback; V4c's is malformed JSON as published
// (`"FromUserName": :mycreate"`), which Parse must refuse with its offset.
func TestDecryptJSONVectorsParse(t *testing.T) {
	for _, v := range loadVectors(t).Decrypt {
		switch v.Name {
		case "V2":
			ev, err := Parse([]byte(v.Plaintext))
			require.NoError(t, err)
			u, ok := ev.(*UnknownEvent)
			require.True(t, ok, "got %T", ev)
			assert.Equal(t, "debug_demo", u.Event)
			assert.Equal(t, "o9AgO5Kd5ggOC-bXrbNODIiE3bGY", u.FromUserName)
			assert.Equal(t, int64(1714112445), u.CreateTime.Unix())
			assert.Equal(t, "hello world", u.Value("debug_str"))
			assert.Equal(t, v.Plaintext, string(u.Raw))
		case "V4c":
			_, err := Parse([]byte(v.Plaintext))
			var se *SyntaxError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, strings.Index(v.Plaintext, ":mycreate"), se.Offset)
			assert.Contains(t, err.Error(), "JSON syntax error at offset")
			fixed := strings.Replace(v.Plaintext, ":mycreate", `"mycreate`, 1)
			ev, err := Parse([]byte(fixed))
			require.NoError(t, err)
			text, ok := ev.(*TextMessage)
			require.True(t, ok, "got %T", ev)
			assert.Equal(t, "hello", text.Content)
			assert.Equal(t, int64(4561255354251345929), text.MsgID)
		}
	}
}

func TestDecryptJSONTampering(t *testing.T) {
	c, ref := newTestCrypto(t)
	good := ref.encryptRaw(wellFormed(`{"MsgType":"event"}`, testAppID))
	sig := ref.signature(testToken, testTS, testNonce, good)
	env := func(s string) []byte { return []byte(strings.ReplaceAll(s, "GOOD", good)) }

	for _, ok := range []string{
		`{"ToUserName":"gh_1","Encrypt":"GOOD"}`,
		"\xef\xbb\xbf \n{\"Encrypt\" : \"GOOD\"}\n",
		`{"encrypt":"GOOD","tousername":"ww1","agentid":218}`,
		`{"ToUserName":"gh_1","Encrypt":"GOOD","MsgType":"event","Other":{"x":[1,2]}}`, // compat-mode clear fields
		`{"Encrypt":"` + strings.ReplaceAll(good, "/", `\/`) + `"}`,                    // an escaped solidus is the same text
	} {
		got, err := c.Decrypt(sig, testTS, testNonce, env(ok))
		require.NoError(t, err, ok)
		assert.Equal(t, `{"MsgType":"event"}`, string(got))
	}

	emptySig := ref.signature(testToken, testTS, testNonce, "")
	for _, tt := range []struct {
		name, body, sig string
		want            error
	}{
		{"two Encrypt", `{"Encrypt":"GOOD","Encrypt":"GOOD"}`, sig, ErrDecrypt},
		{"Encrypt and encrypt", `{"Encrypt":"GOOD","encrypt":"GOOD"}`, sig, ErrDecrypt},
		{"Encrypt then null", `{"Encrypt":"GOOD","Encrypt":null}`, sig, ErrDecrypt},
		{"Encrypt then empty array", `{"Encrypt":"GOOD","Encrypt":[]}`, sig, ErrDecrypt},
		{"nested only", `{"x":{"Encrypt":"GOOD"}}`, sig, ErrDecrypt},
		{"top level and nested", `{"Encrypt":"GOOD","x":{"Encrypt":"GOOD"}}`, sig, ErrDecrypt},
		{"nested in an array", `{"Encrypt":"GOOD","x":[{"Encrypt":"x"}]}`, sig, ErrDecrypt},
		{"number", `{"Encrypt":12345}`, ref.signature(testToken, testTS, testNonce, "12345"), ErrDecrypt},
		{"true", `{"Encrypt":true}`, ref.signature(testToken, testTS, testNonce, "true"), ErrDecrypt},
		{"array of the string", `{"Encrypt":["GOOD"]}`, sig, ErrDecrypt},
		{"object", `{"Encrypt":{"v":"GOOD"}}`, sig, ErrDecrypt},
		{"null", `{"Encrypt":null}`, emptySig, ErrDecrypt},
		{"empty", `{"Encrypt":""}`, emptySig, ErrDecrypt},
		{"none", `{"ToUserName":"gh_1"}`, sig, ErrDecrypt},
		{"ciphertext changed", `{"Encrypt":"` + good[:20] + "A" + good[21:] + `"}`, sig, ErrSignature},
		{"signature changed", `{"Encrypt":"GOOD"}`, flipHex(sig), ErrSignature},
		{"escaped line break", `{"Encrypt":"` + good[:40] + `\n` + good[40:] + `"}`, ref.signature(testToken, testTS, testNonce, good[:40]+"\n"+good[40:]), ErrDecrypt},
		{"trailing comma", `{"Encrypt":"GOOD",}`, sig, ErrSyntax},
		{"truncated", `{"Encrypt":"GOOD"`, sig, ErrSyntax},
		{"two objects", `{"Encrypt":"GOOD"}{"Encrypt":"GOOD"}`, sig, ErrSyntax},
		{"body too large", `{"Encrypt":"GOOD"}` + strings.Repeat(" ", MaxBodySize), sig, ErrTooLarge},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.Decrypt(tt.sig, testTS, testNonce, env(tt.body))
			assert.ErrorIs(t, err, tt.want)
			assert.Nil(t, got)
			if err != nil {
				assert.True(t, strings.HasPrefix(err.Error(), "wechatevent: "), err.Error())
			}
		})
	}
}

// A JSON envelope is told from an XML one by its first byte only: a body that
// starts with '<' is read as XML even if it holds JSON, and the reverse.
func TestDecryptEnvelopeFormatByFirstByte(t *testing.T) {
	c, ref := newTestCrypto(t)
	good := ref.encryptRaw(wellFormed("<xml/>", testAppID))
	sig := ref.signature(testToken, testTS, testNonce, good)
	_, err := c.Decrypt(sig, testTS, testNonce, []byte(`<xml><Encrypt>`+good+`</Encrypt><x>{"Encrypt":"y"}</x></xml>`))
	require.NoError(t, err)
	_, err = c.Decrypt(sig, testTS, testNonce, []byte(`{"Encrypt":"`+good+`","x":"<xml><Encrypt>y</Encrypt></xml>"}`))
	require.NoError(t, err)
	_, err = c.Decrypt(sig, testTS, testNonce, bytes.TrimSpace([]byte(" [ {\"Encrypt\":\""+good+"\"} ]")))
	assert.ErrorIs(t, err, ErrSyntax)
}
