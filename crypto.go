package wechatevent

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha1"
	"crypto/subtle"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"unsafe"
)

// Security mode (安全模式) encrypts every callback with AES-256-CBC and
// authenticates it with msg_signature = sha1(sort(token, timestamp, nonce,
// Encrypt)). The decrypted layout is
//
//	random(16) || len(msg) as 4 bytes big-endian || msg || AppID
//
// padded with PKCS#7 to a multiple of 32 bytes (not the AES block size 16).
const (
	encodingAESKeyLen = 43 // base64 of 32 bytes without its trailing "="
	padBlock          = 32
	randomLen         = 16
	lenFieldLen       = 4
)

// b64 decodes ciphertexts canonically: every encoder WeChat and the official
// samples use writes zero trailing bits, so one ciphertext has one spelling.
var b64 = base64.StdEncoding.Strict()

// CheckSignature reports whether signature is the plain-mode signature of a
// callback: the lower-case hex SHA-1 of token, timestamp and nonce sorted and
// joined. WeChat sends it on the URL of every callback and of the GET that
// verifies the server URL. The comparison is exact and takes constant time.
// The plain signature covers no body: in security mode use Crypto.Decrypt,
// which checks msg_signature.
func CheckSignature(token, signature, timestamp, nonce string) bool {
	var want [2 * sha1.Size]byte
	sign(&want, token, timestamp, nonce)
	return subtle.ConstantTimeCompare([]byte(signature), want[:]) == 1
}

// sign writes the lower-case hex SHA-1 of parts, sorted and joined without
// separators, into dst.
func sign(dst *[2 * sha1.Size]byte, parts ...string) {
	// Insertion sort: at most four short strings, and no allocation.
	for i := 1; i < len(parts); i++ {
		for j := i; j > 0 && parts[j] < parts[j-1]; j-- {
			parts[j], parts[j-1] = parts[j-1], parts[j]
		}
	}
	// Hash one joined buffer: sha1's Write would copy each string anyway, and
	// real requests fit the array on the stack.
	var stack [1024]byte
	buf := stack[:0]
	for _, p := range parts {
		buf = append(buf, p...)
	}
	sum := sha1.Sum(buf)
	hex.Encode(dst[:], sum[:])
}

// Crypto verifies, decrypts and encrypts security-mode callbacks for one
// account. It is safe for concurrent use.
type Crypto struct {
	token string
	block cipher.Block
	iv    [aes.BlockSize]byte // the first 16 bytes of the AES key, as WeChat fixes it
	appID []byte

	rand io.Reader // source of reply prefixes; crypto/rand when nil
}

// NewCrypto returns a Crypto for the account's Token, EncodingAESKey and
// AppID, as set on the WeChat admin page.
//
// encodingAESKey must be exactly 43 characters of standard base64 decoding to
// 32 bytes; otherwise the error matches ErrAESKey. The unused trailing bits
// of the 43rd character are ignored, as the official keys need.
//
// appID is the ReceiveId that the decrypted messages must end with: the AppID
// of a 公众号 or 小程序, the component AppID of a 开放平台 third-party
// platform, or a WeCom CorpID or SuiteID. It is compared exactly; an empty
// appID accepts only messages with an empty ReceiveId (WeCom apps of
// individual developers) and never means "any".
func NewCrypto(token, encodingAESKey, appID string) (*Crypto, error) {
	if token == "" {
		return nil, errors.New("wechatevent: empty token")
	}
	if len(encodingAESKey) != encodingAESKeyLen {
		return nil, fmt.Errorf("%w: it has %d characters, want %d", ErrAESKey, len(encodingAESKey), encodingAESKeyLen)
	}
	if strings.ContainsAny(encodingAESKey, "\r\n") {
		return nil, fmt.Errorf("%w: it contains a line break", ErrAESKey)
	}
	key, err := base64.StdEncoding.DecodeString(encodingAESKey + "=")
	if err != nil || len(key) != 32 {
		// The decoder's error names the offending byte; leave it out so that
		// no part of the key reaches a log.
		return nil, fmt.Errorf("%w: it is not base64 of 32 bytes", ErrAESKey)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrAESKey, err)
	}
	c := &Crypto{token: token, block: block, appID: []byte(appID)}
	copy(c.iv[:], key)
	return c, nil
}

// Decrypt verifies msg_signature over the <Encrypt> text of body (the
// encrypted envelope XML, also in compat mode), decrypts it, checks padding,
// layout and AppID, and returns the plaintext callback XML.
//
// The envelope is read strictly: its root must be <xml> with exactly one
// child <Encrypt>, holding non-empty text and no elements; a second
// <Encrypt>, one nested deeper, or none is an error matching ErrDecrypt.
// Everything else in the envelope, such as ToUserName or the clear fields of
// compat mode, is ignored, because no signature covers it. A body that is no
// well-formed XML is ErrSyntax, one longer than MaxBodySize ErrTooLarge.
//
// A body whose first byte after an optional byte order mark and white space
// is '{' is the JSON envelope {"ToUserName": …, "Encrypt": …} (小程序 and
// 视频号小店 with the JSON data format; WeCom writes "encrypt"), read as
// strictly: exactly one "Encrypt" key in any letter case, at the top level,
// holding a non-empty string; a second one (even a null), one nested deeper,
// or one holding anything but a string is ErrDecrypt, malformed JSON
// ErrSyntax. The plaintext is then the callback JSON.
//
// The signature is checked in constant time before anything is decrypted
// (ErrSignature). Then the ciphertext must be base64 without line breaks, a
// non-empty multiple of 32 bytes, end in PKCS#7 padding of 1 to 32 equal
// bytes, and carry a message length that fits (all ErrDecrypt); the trailing
// AppID must equal the configured one exactly (ErrAppID).
func (c *Crypto) Decrypt(msgSignature, timestamp, nonce string, body []byte) ([]byte, error) {
	msg, receiveID, err := c.decrypt(msgSignature, timestamp, nonce, body)
	if err != nil {
		return nil, err
	}
	if err := c.checkAppID(receiveID); err != nil {
		return nil, err
	}
	return msg, nil
}

// decrypt does the work of Decrypt but leaves the ReceiveId unchecked: it
// returns the message and the ReceiveId it ends with, for a caller that
// accepts more than one.
func (c *Crypto) decrypt(msgSignature, timestamp, nonce string, body []byte) (msg, receiveID []byte, err error) {
	if len(body) > MaxBodySize {
		return nil, nil, ErrTooLarge
	}
	find := findEncrypt
	if isJSON(body) {
		find = findEncryptJSON
	}
	encrypted, err := find(body)
	if err != nil {
		return nil, nil, err
	}
	if !c.checkMsgSignature(msgSignature, timestamp, nonce, encrypted) {
		return nil, nil, errMsgSignature
	}
	return c.open(encrypted)
}

// checkAppID requires receiveID to be the configured AppID, exactly.
func (c *Crypto) checkAppID(receiveID []byte) error {
	if subtle.ConstantTimeCompare(receiveID, c.appID) != 1 {
		return errAppID
	}
	return nil
}

var errAppID = fmt.Errorf("%w: the message's ReceiveId differs from the configured AppID", ErrAppID)

// errMsgSignature is built once: forged requests, the one failure anybody can
// cause, cost no allocation to refuse.
var errMsgSignature = fmt.Errorf("%w: msg_signature does not match", ErrSignature)

// checkMsgSignature compares msgSignature with the signature of the other
// parts in constant time.
func (c *Crypto) checkMsgSignature(msgSignature, timestamp, nonce, encrypted string) bool {
	var want [2 * sha1.Size]byte
	sign(&want, c.token, timestamp, nonce, encrypted)
	return subtle.ConstantTimeCompare([]byte(msgSignature), want[:]) == 1
}

// findEncrypt returns the text of the one top-level <Encrypt> of an envelope.
func findEncrypt(body []byte) (string, error) {
	st := getState()
	defer putState(st)
	t := &st.table
	// The table's strings point into body without a copy. They are used only
	// until Decrypt returns, and body is read-only meanwhile, as for any
	// []byte argument; the ciphertext is copied before the table is reused.
	if err := readXML(&st.xml, t, unsafe.String(unsafe.SliceData(body), len(body))); err != nil {
		return "", err
	}
	if name := t.Name(0); name != "xml" {
		return "", fmt.Errorf("%w: envelope root is <%s>, want <xml>", ErrDecrypt, name)
	}
	at := int32(-1)
	for i := 1; i < t.Len(); i++ {
		parent := t.Elems[i].Parent
		switch {
		case at >= 0 && parent == at:
			return "", fmt.Errorf("%w: <Encrypt> holds elements", ErrDecrypt)
		case t.Name(i) != "Encrypt":
		case parent != 0:
			return "", fmt.Errorf("%w: <Encrypt> nested below the root", ErrDecrypt)
		case at >= 0:
			return "", fmt.Errorf("%w: more than one <Encrypt>", ErrDecrypt)
		default:
			at = int32(i)
		}
	}
	if at < 0 {
		return "", fmt.Errorf("%w: envelope has no <Encrypt>", ErrDecrypt)
	}
	v := t.Value(int(at))
	if v == "" {
		return "", fmt.Errorf("%w: <Encrypt> is empty", ErrDecrypt)
	}
	if t.Elems[at].Value.InBuf() {
		v = strings.Clone(v) // decoded from references: the table's buffer goes back to the pool
	}
	return v, nil
}

// open decrypts the base64 text of <Encrypt> and returns the message and
// the ReceiveId after it.
func (c *Crypto) open(encrypted string) (msg, receiveID []byte, err error) {
	// The base64 decoder skips line breaks; the signature was computed over
	// the text with them, so refuse them rather than decrypt something else.
	if strings.IndexByte(encrypted, '\n') >= 0 || strings.IndexByte(encrypted, '\r') >= 0 {
		return nil, nil, fmt.Errorf("%w: line break in the ciphertext", ErrDecrypt)
	}
	buf := make([]byte, b64.DecodedLen(len(encrypted)))
	n, err := b64.Decode(buf, []byte(encrypted))
	if err != nil {
		return nil, nil, fmt.Errorf("%w: ciphertext is not base64", ErrDecrypt)
	}
	buf = buf[:n]
	if len(buf) == 0 || len(buf)%padBlock != 0 {
		return nil, nil, fmt.Errorf("%w: ciphertext of %d bytes is no multiple of %d", ErrDecrypt, len(buf), padBlock)
	}
	cipher.NewCBCDecrypter(c.block, c.iv[:]).CryptBlocks(buf, buf)
	return unpack(buf)
}

// unpack checks the padding and layout of a decrypted buffer and returns the
// message inside it and the ReceiveId after it.
func unpack(buf []byte) (msg, receiveID []byte, err error) {
	pad := int(buf[len(buf)-1])
	if pad < 1 || pad > padBlock || pad > len(buf) {
		return nil, nil, fmt.Errorf("%w: padding byte %d out of range", ErrDecrypt, pad)
	}
	same := 1
	for _, b := range buf[len(buf)-pad:] {
		same &= subtle.ConstantTimeByteEq(b, byte(pad))
	}
	if same != 1 {
		return nil, nil, fmt.Errorf("%w: padding bytes differ", ErrDecrypt)
	}
	buf = buf[:len(buf)-pad]
	if len(buf) < randomLen+lenFieldLen {
		return nil, nil, fmt.Errorf("%w: plaintext shorter than its header", ErrDecrypt)
	}
	rest := buf[randomLen+lenFieldLen:]
	// Compare in 64 bits: a length near 2^32 must not wrap around.
	msgLen := uint64(binary.BigEndian.Uint32(buf[randomLen:]))
	if msgLen > uint64(len(rest)) {
		return nil, nil, fmt.Errorf("%w: message length %d exceeds the %d bytes left", ErrDecrypt, msgLen, len(rest))
	}
	return rest[:msgLen:msgLen], rest[msgLen:], nil
}

// Encrypt builds the encrypted reply envelope
// <xml><Encrypt/><MsgSignature/><TimeStamp/><Nonce/></xml> for a plaintext
// reply, with a fresh random 16-byte prefix from crypto/rand. timestamp and
// nonce are the values the reply is signed with; replying with those of the
// request is usual. They must be printable ASCII, as WeChat's are: an XML
// parser would change control characters such as CR, and the signature with
// them.
func (c *Crypto) Encrypt(plaintext []byte, timestamp, nonce string) ([]byte, error) {
	return c.encrypt(plaintext, timestamp, nonce, c.appID)
}

// encrypt does the work of Encrypt with the ReceiveId given, which a reply
// repeats from the callback it answers.
func (c *Crypto) encrypt(plaintext []byte, timestamp, nonce string, receiveID []byte) ([]byte, error) {
	encrypted, sig, err := c.sealReply(plaintext, timestamp, nonce, receiveID)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(encrypted)+len(timestamp)+len(nonce)+160)
	out = append(out, "<xml><Encrypt><![CDATA["...)
	out = append(out, encrypted...)
	out = append(out, "]]></Encrypt><MsgSignature><![CDATA["...)
	out = append(out, sig[:]...)
	out = append(out, "]]></MsgSignature><TimeStamp>"...)
	out = appendEscaped(out, timestamp)
	out = append(out, "</TimeStamp><Nonce><![CDATA["...)
	out = appendCDATA(out, nonce)
	out = append(out, "]]></Nonce></xml>"...)
	return out, nil
}

// sealReply encrypts a reply for receiveID and signs it with timestamp and
// nonce, the part that the XML and the JSON reply envelopes share.
func (c *Crypto) sealReply(plaintext []byte, timestamp, nonce string, receiveID []byte) (string, [2 * sha1.Size]byte, error) {
	var sig [2 * sha1.Size]byte
	if !printableASCII(timestamp) || !printableASCII(nonce) {
		return "", sig, errors.New("wechatevent: reply timestamp and nonce must be printable ASCII")
	}
	encrypted, err := c.seal(plaintext, receiveID)
	if err != nil {
		return "", sig, err
	}
	sign(&sig, c.token, timestamp, nonce, encrypted)
	return encrypted, sig, nil
}

// Seal encrypts msg the way WeChat encrypts what it sends, for the Crypto's
// ReceiveId (the appID of NewCrypto) and with a fresh random prefix, and signs
// it with timestamp and nonce. encrypted is the base64 text that goes into
// <Encrypt> of a callback envelope (or, for WeCom's URL verification, into
// the echostr parameter); msgSignature is sha1(sort(token, timestamp, nonce,
// encrypted)) in lower-case hex, the msg_signature that goes with it.
//
// Seal is the lower half of Encrypt, for code that plays WeChat's side, such
// as the wechateventtest package; an endpoint needs Decrypt and Encrypt only.
func (c *Crypto) Seal(msg []byte, timestamp, nonce string) (encrypted, msgSignature string, err error) {
	encrypted, err = c.seal(msg, c.appID)
	if err != nil {
		return "", "", err
	}
	var sig [2 * sha1.Size]byte
	sign(&sig, c.token, timestamp, nonce, encrypted)
	return encrypted, string(sig[:]), nil
}

// seal encrypts one message and returns the base64 text for <Encrypt>.
func (c *Crypto) seal(msg, receiveID []byte) (string, error) {
	if uint64(len(msg)) > math.MaxUint32 {
		return "", fmt.Errorf("wechatevent: reply of %d bytes is too long to encrypt", len(msg))
	}
	size := randomLen + lenFieldLen + len(msg) + len(receiveID)
	pad := padBlock - size%padBlock
	buf := make([]byte, size+pad)
	r := c.rand
	if r == nil {
		r = rand.Reader
	}
	if _, err := io.ReadFull(r, buf[:randomLen]); err != nil {
		return "", fmt.Errorf("wechatevent: reading random prefix: %w", err)
	}
	binary.BigEndian.PutUint32(buf[randomLen:], uint32(len(msg)))
	n := copy(buf[randomLen+lenFieldLen:], msg)
	copy(buf[randomLen+lenFieldLen+n:], receiveID)
	for i := size; i < len(buf); i++ {
		buf[i] = byte(pad)
	}
	cipher.NewCBCEncrypter(c.block, c.iv[:]).CryptBlocks(buf, buf)
	return base64.StdEncoding.EncodeToString(buf), nil
}

func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}

// appendEscaped appends s as XML character data.
func appendEscaped(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '<':
			dst = append(dst, "&lt;"...)
		case '>':
			dst = append(dst, "&gt;"...)
		case '&':
			dst = append(dst, "&amp;"...)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// appendCDATA appends s for use inside a CDATA section, splitting any "]]>"
// across two sections so that s cannot end the section early.
func appendCDATA(dst []byte, s string) []byte {
	// Most values hold no ']' at all, and IndexByte finds that fastest.
	if strings.IndexByte(s, ']') < 0 {
		return append(dst, s...)
	}
	for {
		i := strings.Index(s, "]]>")
		if i < 0 {
			return append(dst, s...)
		}
		dst = append(dst, s[:i+2]...)
		dst = append(dst, "]]><![CDATA["...)
		s = s[i+2:]
	}
}
