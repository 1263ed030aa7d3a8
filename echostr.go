package wechatevent

import (
	"fmt"
	"strings"
)

// maxEchostrLen bounds the echostr of a URL verification. WeCom's is the
// base64 of a 19-digit number and its ReceiveId, under 100 characters.
const maxEchostrLen = 4096

// VerifyURL answers the GET with which WeCom (企业微信) verifies a callback
// URL, and with which some 公众号 and 小程序 consoles verify one in security
// mode: the request carries msg_signature, timestamp, nonce and an encrypted
// echostr. VerifyURL checks msg_signature over the echostr in constant time
// (ErrSignature), decrypts it (ErrDecrypt), requires the ReceiveId after it
// to be the configured appID exactly (ErrAppID), and returns the plaintext,
// which is the whole body of the answer: WeCom refuses it with quotes, a BOM
// or a line break added, and wants it within one second.
//
// The arguments are the query values after URL decoding. An echostr whose
// "+" signs a form decoder turned into spaces is taken with them restored:
// base64 holds no spaces, and the signature is checked over the restored
// text.
//
// See https://developer.work.weixin.qq.com/document/path/90930 (the GET) and
// https://developer.work.weixin.qq.com/document/path/91144 (the ReceiveId of
// each kind of callback).
func (c *Crypto) VerifyURL(msgSignature, timestamp, nonce, echostr string) ([]byte, error) {
	msg, receiveID, err := c.openEchostr(msgSignature, timestamp, nonce, echostr)
	if err != nil {
		return nil, err
	}
	if err := c.checkAppID(receiveID); err != nil {
		return nil, err
	}
	return msg, nil
}

// openEchostr does the work of VerifyURL but leaves the ReceiveId unchecked.
func (c *Crypto) openEchostr(msgSignature, timestamp, nonce, echostr string) (msg, receiveID []byte, err error) {
	if echostr == "" {
		return nil, nil, fmt.Errorf("%w: empty echostr", ErrDecrypt)
	}
	if len(echostr) > maxEchostrLen {
		return nil, nil, fmt.Errorf("%w: echostr of %d bytes is longer than %d", ErrDecrypt, len(echostr), maxEchostrLen)
	}
	echostr = strings.ReplaceAll(echostr, " ", "+")
	if !c.checkMsgSignature(msgSignature, timestamp, nonce, echostr) {
		return nil, nil, errMsgSignature
	}
	return c.open(echostr)
}
