package wechatevent

import (
	"os"
	"testing"
)

// The signed security-mode request of the benchmarks: the subscribe-by-QR
// event of handler_test.go (subscribeByQR) encrypted under the credentials of
// the official 开放平台 example, with the random prefix 1205899eaf019bbd.
// The body is testdata/security/bench_subscribe_scan.xml, so that other
// implementations can be measured on the same bytes.
const (
	benchToken        = "AAAAA"
	benchAESKey       = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	benchAppID        = "wx134c8103faa5a59e"
	benchTimestamp    = "1715943329"
	benchNonce        = "1590219412"
	benchMsgSignature = "7f9244364379bfc5557ab3e16c496a4d85d86763"
)

func benchBody(b *testing.B) (*Crypto, []byte) {
	b.Helper()
	body, err := os.ReadFile("testdata/security/bench_subscribe_scan.xml")
	if err != nil {
		b.Fatal(err)
	}
	c, err := NewCrypto(benchToken, benchAESKey, benchAppID)
	if err != nil {
		b.Fatal(err)
	}
	return c, body
}

// BenchmarkDecryptParse measures a security-mode callback end to end:
// envelope scan, msg_signature, base64, AES-CBC, checks, and Parse of the
// plaintext into a *SubscribeScanEvent.
func BenchmarkDecryptParse(b *testing.B) {
	c, body := benchBody(b)
	plain, err := c.Decrypt(benchMsgSignature, benchTimestamp, benchNonce, body)
	if err != nil {
		b.Fatal(err)
	}
	if string(plain) != subscribeByQR {
		b.Fatalf("fixture decrypts to %q", plain)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		plain, err := c.Decrypt(benchMsgSignature, benchTimestamp, benchNonce, body)
		if err != nil {
			b.Fatal(err)
		}
		ev, err := Parse(plain)
		if err != nil {
			b.Fatal(err)
		}
		if e, ok := ev.(*SubscribeScanEvent); !ok || e.SceneID != "123123" {
			b.Fatalf("got %#v", ev)
		}
	}
}

// BenchmarkDecryptBadSignature measures the refusal of a forged request,
// the path an attacker can drive without knowing the token.
func BenchmarkDecryptBadSignature(b *testing.B) {
	c, body := benchBody(b)
	forged := flipHex(benchMsgSignature)
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for i := 0; i < b.N; i++ {
		if _, err := c.Decrypt(forged, benchTimestamp, benchNonce, body); err == nil {
			b.Fatal("forged signature accepted")
		}
	}
}

// BenchmarkEncrypt measures building an encrypted reply envelope.
func BenchmarkEncrypt(b *testing.B) {
	c, _ := benchBody(b)
	reply := []byte(subscribeByQR)
	b.ReportAllocs()
	b.SetBytes(int64(len(reply)))
	for i := 0; i < b.N; i++ {
		if _, err := c.Encrypt(reply, benchTimestamp, benchNonce); err != nil {
			b.Fatal(err)
		}
	}
}
