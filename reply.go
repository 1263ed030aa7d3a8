package wechatevent

import "fmt"

// Reply is a passive reply (被动回复): the body of the answer to a callback,
// which WeChat shows the user as the account's message. The function given
// to NewHandler returns one; the Handler encodes it in the data format of the
// push, encrypts it in security mode and sends it.
//
// The reply types of this package and RawReply implement Reply. A type of
// your own can too: each method appends one encoding of the reply to dst and
// returns the extended slice, as strconv.AppendInt does, so that a whole
// answer is built in one buffer.
type Reply interface {
	// AppendXML appends the XML body of the reply, <xml>…</xml>, to dst.
	// It returns dst unchanged and an error matching ErrReply for a reply
	// WeChat would refuse.
	AppendXML(dst []byte) ([]byte, error)

	// AppendJSON appends the JSON body of the reply to dst, for a push in
	// JSON (小程序 with 数据格式 JSON), with the error rule of AppendXML.
	AppendJSON(dst []byte) ([]byte, error)
}

// RawReply is a reply sent as it is, in both formats: for a reply type this
// package does not have, or a body built elsewhere. The Handler still
// encrypts it in security mode, except for the two bodies that mean "no
// reply", "success" and the empty one, which WeChat takes in the clear.
type RawReply []byte

// AppendXML appends r unchanged.
func (r RawReply) AppendXML(dst []byte) ([]byte, error) { return append(dst, r...), nil }

// AppendJSON appends r unchanged.
func (r RawReply) AppendJSON(dst []byte) ([]byte, error) { return append(dst, r...), nil }

// MarshalReply returns the XML body of r, <xml><ToUserName/>…</xml>, as the
// Handler sends it for an XML push before any encryption. It fails with an
// error matching ErrReply for a reply WeChat would refuse, and for a nil r.
func MarshalReply(r Reply) ([]byte, error) {
	if r == nil {
		return nil, errNilReply
	}
	return marshalled(r.AppendXML(make([]byte, 0, replySize(r))))
}

// MarshalReplyJSON returns the JSON body of r, as the Handler sends it for a
// JSON push, with the error rules of MarshalReply.
func MarshalReplyJSON(r Reply) ([]byte, error) {
	if r == nil {
		return nil, errNilReply
	}
	return marshalled(r.AppendJSON(make([]byte, 0, replySize(r))))
}

// marshalled returns no bytes with an error.
func marshalled(b []byte, err error) ([]byte, error) {
	if err != nil {
		return nil, err
	}
	return b, nil
}

var errNilReply = fmt.Errorf("%w: nil Reply", ErrReply)

// replySize is the buffer to start from: enough for either encoding of the
// reply types of this package, so that marshalling allocates once.
func replySize(r Reply) int {
	if s, ok := r.(interface{ encodedSize() int }); ok {
		return s.encodedSize()
	}
	return 512
}
