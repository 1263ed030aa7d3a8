package wechatevent

import (
	"crypto/sha1"
	"errors"
)

// How the Handler answers a callback: the reply of fn in the data format of
// the push, encrypted in security mode, or the answer that means no reply.

const (
	contentTypeText = "text/plain; charset=utf-8"
	contentTypeXML  = "application/xml; charset=utf-8"
	contentTypeJSON = "application/json; charset=utf-8"
)

// encodeReply returns the body and Content-Type that answer a callback whose
// function returned reply, which is not nil. asJSON says the push was JSON;
// timestamp and nonce are the request's, with which an encrypted reply is
// signed, and receiveID the ReceiveId of the callback, which it repeats.
func (h *Handler) encodeReply(ev Event, reply Reply, asJSON bool, timestamp, nonce string, receiveID []byte) ([]byte, string, error) {
	var body []byte
	var err error
	if asJSON {
		body, err = reply.AppendJSON(nil)
	} else {
		body, err = reply.AppendXML(nil)
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
	case h.crypto == nil && asJSON:
		return body, contentTypeJSON, nil
	case h.crypto == nil:
		return body, contentTypeXML, nil
	case asJSON:
		body, err = h.crypto.encryptJSON(body, timestamp, nonce, receiveID)
		return body, contentTypeJSON, err
	}
	body, err = h.crypto.encrypt(body, timestamp, nonce, receiveID)
	return body, contentTypeXML, err
}

// isJSONBody reports whether a callback body is JSON: its first byte other
// than white space, after an optional UTF-8 BOM, is '{'.
func isJSONBody(body []byte) bool {
	if len(body) >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF {
		body = body[3:]
	}
	for _, c := range body {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return c == '{'
	}
	return false
}

// encryptJSON builds the JSON form of the encrypted reply envelope, which the
// 小程序 消息推送 doc gives for a JSON push in security mode:
//
//	{"Encrypt":"…","MsgSignature":"…","TimeStamp":1713424427,"Nonce":"415670741"}
//
// with TimeStamp a number, as in the doc's example, when it is one.
func (c *Crypto) encryptJSON(plaintext []byte, timestamp, nonce string, receiveID []byte) ([]byte, error) {
	if !printableASCII(timestamp) || !printableASCII(nonce) {
		return nil, errors.New("wechatevent: reply timestamp and nonce must be printable ASCII")
	}
	encrypted, err := c.seal(plaintext, receiveID)
	if err != nil {
		return nil, err
	}
	var sig [2 * sha1.Size]byte
	sign(&sig, c.token, timestamp, nonce, encrypted)

	out := make([]byte, 0, len(encrypted)+len(timestamp)+len(nonce)+80)
	out = append(out, `{"Encrypt":"`...)
	out = append(out, encrypted...) // base64: nothing to escape
	out = append(out, `","MsgSignature":"`...)
	out = append(out, sig[:]...)
	out = append(out, `","TimeStamp":`...)
	if isDigits(timestamp) {
		out = append(out, timestamp...)
	} else {
		out = appendJSONString(out, timestamp)
	}
	out = append(out, `,"Nonce":`...)
	out = appendJSONString(out, nonce)
	out = append(out, '}')
	return out, nil
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
