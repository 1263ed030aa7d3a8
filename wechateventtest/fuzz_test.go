package wechateventtest_test

import (
	"errors"
	"testing"

	"github.com/wechatevent/wechatevent/wechateventtest"
)

// checkOpenReply requires OpenReply to give a reply or nil, or else an error
// that matches ErrAnswer, never both.
func checkOpenReply(t *testing.T, s *wechateventtest.Sender, status int, body []byte) {
	t.Helper()
	reply, err := s.OpenReply(status, body)
	if err != nil && !errors.Is(err, wechateventtest.ErrAnswer) {
		t.Fatalf("%v mode, %q: error %v does not match ErrAnswer", s.Mode, body, err)
	}
	if err != nil && reply != nil {
		t.Fatalf("%v mode, %q: both a reply and an error", s.Mode, body)
	}
}

// OpenReply takes any answer, in any mode, without a panic.
func FuzzOpenReply(f *testing.F) {
	for mode := range senders() {
		for _, body := range []string{
			"", "success", "<xml>", "{", `<xml><Encrypt/></xml>`, `{"Encrypt":1}`,
			"<xml><Encrypt>a</Encrypt><Encrypt>b</Encrypt></xml>",
			`<xml><Encrypt><![CDATA[abc]]></Encrypt><MsgSignature>x</MsgSignature><TimeStamp>1</TimeStamp><Nonce>2</Nonce></xml>`,
			`{"Encrypt":"abc","MsgSignature":"x","TimeStamp":1,"Nonce":"2"}`,
			"<xml><MsgType>text</MsgType></xml>",
		} {
			f.Add(uint8(mode), 200, []byte(body))
		}
	}
	f.Add(uint8(0), 500, []byte("<xml><MsgType>text</MsgType></xml>"))
	ss := senders()
	f.Fuzz(func(t *testing.T, mode uint8, status int, body []byte) {
		checkOpenReply(t, ss[wechateventtest.Mode(mode%4)].s, status, body)
	})
}
