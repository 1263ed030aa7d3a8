package wechatevent

import (
	"errors"
	"strconv"
)

// The errors returned by this package. Each is matched with errors.Is; the
// returned error may wrap it with detail (a *SyntaxError carries the offset).
var (
	// ErrSyntax means the body is not well-formed XML: no root element,
	// unclosed or mismatched tags, truncated input, a malformed tag, CDATA
	// section, comment or reference, or a body beyond the scanner's limits.
	// For a JSON body it means malformed JSON: truncated, a trailing comma, a
	// second value, a top-level value that is no object, or a body beyond
	// the same limits.
	ErrSyntax = errors.New("wechatevent: syntax error")

	// ErrMissingMsgType means a well-formed body has neither a MsgType nor
	// an InfoType element at the top level, so it is no WeChat callback.
	ErrMissingMsgType = errors.New("wechatevent: body has no MsgType")

	// ErrTooLarge means a body is longer than allowed: MaxBodySize for
	// ParseReader, the body limit (WithBodyLimit) for a Handler.
	ErrTooLarge = errors.New("wechatevent: body too large")

	// ErrSignature means a signature or msg_signature does not match.
	ErrSignature = errors.New("wechatevent: signature mismatch")

	// ErrAppID means a decrypted message names an AppID other than the one
	// configured.
	ErrAppID = errors.New("wechatevent: AppID mismatch")

	// ErrDecrypt means the ciphertext is malformed: bad base64, a length that
	// is no multiple of the block size, bad padding or a bad layout.
	ErrDecrypt = errors.New("wechatevent: malformed ciphertext")

	// ErrAESKey means an EncodingAESKey is unusable: it must be 43 base64
	// characters decoding to a 32-byte AES key.
	ErrAESKey = errors.New("wechatevent: invalid EncodingAESKey")

	// ErrClaimLost means a DedupeStore found another delivery holding a key
	// when one whose claim had expired came to record its answer: the
	// callback may have reached the function twice.
	ErrClaimLost = errors.New("wechatevent: dedupe claim lost to another delivery")

	// ErrReply means a passive reply is one WeChat would refuse, such as a
	// news reply without articles or an image reply without a media ID.
	ErrReply = errors.New("wechatevent: reply WeChat would refuse")
)

// SyntaxError describes a malformed XML or JSON body. It matches ErrSyntax
// with errors.Is.
type SyntaxError struct {
	Offset int    // byte offset in the body where the problem was found
	Msg    string // what is wrong there

	json bool // the body was read as JSON
}

func syntaxError(offset int, msg string) *SyntaxError {
	return &SyntaxError{Offset: offset, Msg: msg}
}

// Error reports the problem and its byte offset.
func (e *SyntaxError) Error() string {
	format := "XML"
	if e.json {
		format = "JSON"
	}
	return "wechatevent: " + format + " syntax error at offset " + strconv.Itoa(e.Offset) + ": " + e.Msg
}

// Unwrap returns ErrSyntax, so errors.Is(err, ErrSyntax) holds.
func (e *SyntaxError) Unwrap() error { return ErrSyntax }
