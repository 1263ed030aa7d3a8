package wechateventtest

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/wechatevent/wechatevent"
)

// ErrAnswer means an endpoint answered something WeChat would not accept: a
// status other than 200, the wrong echostr, a reply that is not well-formed,
// or, where the Mode requires encryption, a reply that is not encrypted or
// whose MsgSignature, ciphertext or ReceiveId is wrong. Errors of OpenReply
// and CheckEcho match it with errors.Is, and those of the crypto also match
// wechatevent.ErrSignature, ErrDecrypt or ErrAppID.
var ErrAnswer = errors.New("wechateventtest: WeChat would not accept the answer")

// OpenReply checks an endpoint's answer to a callback of NewRequest the way
// WeChat does and returns the passive reply message it holds: the body as
// sent in Plain mode, the decrypted plaintext of the envelope in Secure and
// WeCom mode, either in Compat mode. The reply is nil when the endpoint
// answered "success" or an empty body, WeChat's two answers that mean no
// reply; these come in the clear in every Mode.
//
// An encrypted reply is the envelope <xml><Encrypt/><MsgSignature/>
// <TimeStamp/><Nonce/></xml>, or its JSON object for a JSON push: OpenReply
// verifies MsgSignature over the envelope's own TimeStamp and Nonce, decrypts
// Encrypt and checks that it ends with ReceiveID. Every reply, clear or
// decrypted, must be a message that wechatevent.Parse reads, with a MsgType. Any failure
// matches ErrAnswer.
func (s *Sender) OpenReply(status int, body []byte) ([]byte, error) {
	if status != http.StatusOK {
		return nil, fmt.Errorf("%w: status %d, want 200", ErrAnswer, status)
	}
	if len(body) == 0 || string(body) == "success" {
		return nil, nil
	}
	env, isEnvelope := readEnvelope(body)
	switch {
	case !isEnvelope && (s.Mode == Secure || s.Mode == WeCom):
		return nil, fmt.Errorf("%w: the reply is not encrypted, which %v mode requires", ErrAnswer, s.Mode)
	case !isEnvelope || s.Mode == Plain:
		if err := wellFormed(body); err != nil {
			return nil, err
		}
		return body, nil
	}

	c, err := s.crypto()
	if err != nil {
		return nil, err
	}
	if env.MsgSignature == "" || env.TimeStamp == "" || env.Nonce == "" {
		return nil, fmt.Errorf("%w: the encrypted reply lacks MsgSignature, TimeStamp or Nonce", ErrAnswer)
	}
	// Decrypt reads <Encrypt> strictly (exactly one, at the top); a JSON
	// envelope goes through the same check in its XML form.
	xmlEnv := body
	if env.isJSON {
		xmlEnv = xmlObject([][2]string{{"Encrypt", env.Encrypt}})
	}
	plain, err := c.Decrypt(env.MsgSignature, env.TimeStamp, env.Nonce, xmlEnv)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrAnswer, err)
	}
	if err := wellFormed(plain); err != nil {
		return nil, err
	}
	return plain, nil
}

// CheckEcho checks an endpoint's answer to a GET of NewVerifyRequest: status
// 200 and a body of exactly echo, with nothing around it (no quotes, no
// newline, no BOM), as WeChat requires before it saves the URL. The error
// matches ErrAnswer.
func CheckEcho(status int, body []byte, echo string) error {
	if status != http.StatusOK {
		return fmt.Errorf("%w: status %d, want 200", ErrAnswer, status)
	}
	if string(body) != echo {
		return fmt.Errorf("%w: answered %.64q, want the echostr %q", ErrAnswer, body, echo)
	}
	return nil
}

// envelope is the encrypted form of a reply.
type envelope struct {
	Encrypt, MsgSignature, TimeStamp, Nonce string
	isJSON                                  bool
}

// readEnvelope reads the fields of an encrypted reply; it reports false for
// a body with no Encrypt field, which is a reply in the clear.
func readEnvelope(body []byte) (envelope, bool) {
	isJSON := isJSONBody(body)
	f := topLevel(body, isJSON)
	if _, ok := f["Encrypt"]; !ok {
		return envelope{}, false
	}
	return envelope{
		Encrypt:      f["Encrypt"],
		MsgSignature: f["MsgSignature"],
		TimeStamp:    f["TimeStamp"],
		Nonce:        f["Nonce"],
		isJSON:       isJSON,
	}, true
}

// wellFormed checks that a reply is one WeChat can read: a well-formed XML
// or JSON message with a MsgType. It reads the reply with wechatevent.Parse,
// which tolerates what WeChat's own messages contain (control characters in
// text, say) and refuses what no reader can take.
func wellFormed(reply []byte) error {
	if _, err := wechatevent.Parse(reply); err != nil {
		return fmt.Errorf("%w: the reply is no message WeChat can read (%.64q): %w", ErrAnswer, reply, err)
	}
	return nil
}
