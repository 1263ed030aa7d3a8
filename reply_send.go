package wechatevent

import (
	"strings"
	"unsafe"

	"github.com/wechatevent/wechatevent/internal/elem"
	"github.com/wechatevent/wechatevent/internal/jsonread"
)

// How the Handler answers a callback: the reply of fn in the data format of
// the push, encrypted in security mode, or the answer that means no reply.

const (
	contentTypeText = "text/plain; charset=utf-8"
	contentTypeXML  = "application/xml; charset=utf-8"
	contentTypeJSON = "application/json; charset=utf-8"
)

// replyFormat is the data format of a push, which its reply must follow.
type replyFormat uint8

const (
	formatXML       replyFormat = iota
	formatJSON                  // the 小程序 JSON data format: envelope keys "Encrypt", "MsgSignature", …
	formatJSONLower             // WeCom's JSON: envelope keys "encrypt", "msgsignature", …
)

// pushFormat tells the format of a push from its plaintext and, in security
// mode, its envelope: JSON when the plaintext is, with WeCom's lower-case
// envelope keys when the envelope used them.
func pushFormat(envelope, plaintext []byte, secure bool) replyFormat {
	switch {
	case !isJSON(plaintext):
		return formatXML
	case secure && isJSON(envelope) && lowerCaseEnvelope(envelope):
		return formatJSONLower
	}
	return formatJSON
}

// lowerCaseEnvelope reports whether a JSON envelope spells its key
// "encrypt", as WeCom does, rather than "Encrypt".
func lowerCaseEnvelope(envelope []byte) bool {
	t := elem.Get()
	defer elem.Put(t)
	var kb [8]jsonread.Kind
	kinds := kb[:0]
	if jsonread.ReadMembers(t, unsafe.String(unsafe.SliceData(envelope), len(envelope)), &kinds) != nil {
		return false
	}
	for i := 1; i < t.Len(); i++ {
		if t.Elems[i].Parent == 0 && strings.EqualFold(t.Name(i), "Encrypt") {
			return t.Name(i) == "encrypt"
		}
	}
	return false
}

// encodeReply returns the body and Content-Type that answer a callback whose
// function returned reply, which is not nil, in the format of the push;
// timestamp and nonce are the request's, with which an encrypted reply is
// signed, and receiveID the ReceiveId of the callback, which it repeats.
func (h *Handler) encodeReply(reply Reply, format replyFormat, timestamp, nonce string, receiveID []byte) ([]byte, string, error) {
	var body []byte
	var err error
	if format == formatXML {
		body, err = reply.AppendXML(make([]byte, 0, replySize(reply)))
	} else {
		body, err = reply.AppendJSON(make([]byte, 0, replySize(reply)))
	}
	if err != nil {
		return nil, "", err
	}
	// "success" and the empty body mean no reply and go out in the clear,
	// in security mode too: WeChat does not decrypt them.
	if len(body) == 0 || string(body) == "success" {
		return body, contentTypeText, nil
	}
	switch {
	case h.crypto == nil && format == formatXML:
		return body, contentTypeXML, nil
	case h.crypto == nil:
		return body, contentTypeJSON, nil
	case format == formatXML:
		body, err = h.crypto.encrypt(body, timestamp, nonce, receiveID)
		return body, contentTypeXML, err
	}
	body, err = h.crypto.encryptJSON(body, timestamp, nonce, receiveID, format == formatJSONLower)
	return body, contentTypeJSON, err
}

// The JSON envelope up to each value, in the two spellings.
var (
	envelopeKeys      = [4]string{`{"Encrypt":"`, `","MsgSignature":"`, `","TimeStamp":`, `,"Nonce":`}
	envelopeKeysLower = [4]string{`{"encrypt":"`, `","msgsignature":"`, `","timestamp":`, `,"nonce":`}
)

// encryptJSON builds the JSON form of the encrypted reply envelope, which the
// 小程序 消息推送 doc gives for a JSON push in security mode:
//
//	{"Encrypt":"…","MsgSignature":"…","TimeStamp":1713424427,"Nonce":"415670741"}
//
// with TimeStamp a number, as in the doc's example, when it is one. lower
// spells the keys as WeCom's JSON callbacks do: encrypt, msgsignature,
// timestamp, nonce.
func (c *Crypto) encryptJSON(plaintext []byte, timestamp, nonce string, receiveID []byte, lower bool) ([]byte, error) {
	encrypted, sig, err := c.sealReply(plaintext, timestamp, nonce, receiveID)
	if err != nil {
		return nil, err
	}

	keys := &envelopeKeys
	if lower {
		keys = &envelopeKeysLower
	}
	out := make([]byte, 0, len(encrypted)+len(timestamp)+len(nonce)+80)
	out = append(out, keys[0]...)
	out = append(out, encrypted...) // base64: nothing to escape
	out = append(out, keys[1]...)
	out = append(out, sig[:]...)
	out = append(out, keys[2]...)
	if isDigits(timestamp) {
		out = append(out, timestamp...)
	} else {
		out = appendJSONString(out, timestamp)
	}
	out = append(out, keys[3]...)
	out = appendJSONString(out, nonce)
	return append(out, '}'), nil
}

// isDigits reports whether s is a non-empty run of ASCII digits without a
// leading zero, so that it reads as the same JSON number.
func isDigits(s string) bool {
	if s == "" || (s[0] == '0' && len(s) > 1) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
