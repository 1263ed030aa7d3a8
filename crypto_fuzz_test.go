package wechatevent

import (
	"encoding/xml"
	"errors"
	"testing"
)

// FuzzDecrypt checks invariants of Decrypt on three kinds of input made from
// the fuzzed bytes: an arbitrary envelope, an arbitrary decrypted buffer put
// under a valid signature (so the checks after the signature are reached),
// and an arbitrary message for an Encrypt round trip. Decrypt must never
// panic, must return a value or an error, and must agree with the separate
// implementation of the spec in crypto_ref_test.go.
func FuzzDecrypt(f *testing.F) {
	for _, v := range loadVectors(f).Decrypt {
		f.Add([]byte(v.Body), []byte(v.Plaintext), []byte(v.Plaintext))
	}
	f.Add([]byte("<xml><Encrypt>A</Encrypt><Encrypt>B</Encrypt></xml>"), withPad("<xml/>", testAppID, 0), []byte(""))
	f.Add([]byte("<xml><Foo><Encrypt>A</Encrypt></Foo></xml>"), withPad("<xml/>", testAppID, 33), []byte("]]>"))
	f.Add([]byte("<xml><Encrypt/></xml>"), layout(0xFFFFFFFF, "<xml/>", testAppID, 4, 4, 4, 4), []byte("<xml/>"))
	f.Add([]byte("<xml><Encrypt>\nAAAA\n</Encrypt></xml>"), wellFormed("<xml/>", testAppID), []byte("x"))

	c, ref := newTestCrypto(f)
	const limit = 1 << 12 // keep each run fast; sizes beyond add no new paths
	f.Fuzz(func(t *testing.T, body, plain, msg []byte) {
		if len(body) > limit || len(plain) > limit || len(msg) > limit {
			return
		}

		// An arbitrary envelope under an arbitrary signature.
		out, err := c.Decrypt("0123456789abcdef0123456789abcdef01234567", testTS, testNonce, body)
		checkValueXorError(t, out, err)

		// The same envelope correctly signed: whatever we accept, the
		// reference accepts with the same result.
		if text, err := findEncrypt(body); err == nil {
			out, err := c.Decrypt(ref.signature(testToken, testTS, testNonce, text), testTS, testNonce, body)
			checkValueXorError(t, out, err)
			if err == nil {
				want, rerr := ref.decrypt(text)
				if rerr != nil || string(want) != string(out) {
					t.Fatalf("we decrypt %q to %q, the reference gives %q, %v", text, out, want, rerr)
				}
			}
		}

		// An arbitrary decrypted buffer, validly encrypted and signed: both
		// implementations agree on success and on the message.
		if n := len(plain) / 32 * 32; n > 0 {
			encrypted := ref.encryptRaw(plain[:n])
			sig := ref.signature(testToken, testTS, testNonce, encrypted)
			out, err := c.Decrypt(sig, testTS, testNonce, envelope(encrypted))
			checkValueXorError(t, out, err)
			want, rerr := ref.decrypt(encrypted)
			if (err == nil) != (rerr == nil) || string(want) != string(out) {
				t.Fatalf("buffer %x: we give %q, %v; the reference %q, %v", plain[:n], out, err, want, rerr)
			}
			if err != nil && !errors.Is(err, ErrDecrypt) && !errors.Is(err, ErrAppID) {
				t.Fatalf("buffer %x: error %v is neither ErrDecrypt nor ErrAppID", plain[:n], err)
			}
		}

		// Round trip, with the timestamp and nonce taken from the fuzzed
		// message too, since they end up in the reply XML.
		nonce := string(msg[:len(msg)/2])
		reply, err := c.Encrypt(msg, testTS, nonce)
		if !printableASCII(nonce) {
			if err == nil {
				t.Fatalf("nonce %q accepted", nonce)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		var env refEnvelope
		if err := xml.Unmarshal(reply, &env); err != nil {
			t.Fatalf("reply is no XML: %v\n%s", err, reply)
		}
		back, err := c.Decrypt(env.MsgSignature, testTS, nonce, reply)
		if err != nil || string(back) != string(msg) {
			t.Fatalf("round trip of %q gives %q, %v", msg, back, err)
		}
	})
}

func checkValueXorError(t *testing.T, out []byte, err error) {
	t.Helper()
	if err != nil && out != nil {
		t.Fatalf("both a value %q and an error %v", out, err)
	}
	if err == nil && out == nil {
		t.Fatal("neither a value nor an error")
	}
}
