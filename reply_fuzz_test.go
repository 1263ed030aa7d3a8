package wechatevent

import (
	"errors"
	"testing"
)

// FuzzMarshalReply marshals a text reply with arbitrary content and
// envelope, in XML and JSON, and requires that Parse reads back exactly
// what was written, or that the reply is refused with ErrReply because
// WeChat would refuse it.
func FuzzMarshalReply(f *testing.F) {
	for _, s := range hostile {
		f.Add("o9AgO5Kd5ggOC-bXrbNODIiE3bGY", "gh_97417a04a28d", s)
	}
	f.Add("", "", "")
	f.Add("]]>", "<&", "\x00\xff\xfe invalid UTF-8")
	f.Fuzz(func(t *testing.T, to, from, content string) {
		r := &TextReply{ToUserName: to, FromUserName: from, CreateTime: created, Content: content}
		for _, marshal := range []func(Reply) ([]byte, error){MarshalReply, MarshalReplyJSON} {
			out, err := marshal(r)
			if content == "" || len(content) > MaxReplyTextBytes {
				if !errors.Is(err, ErrReply) || out != nil {
					t.Fatalf("content of %d bytes: got %q, %v; want ErrReply", len(content), out, err)
				}
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			ev, err := Parse(out)
			if err != nil {
				t.Fatalf("%q: %v", out, err)
			}
			msg, ok := ev.(*TextMessage)
			if !ok {
				t.Fatalf("%q: got %T", out, ev)
			}
			if msg.Content != content || msg.ToUserName != to || msg.FromUserName != from || !msg.CreateTime.Equal(created) {
				t.Fatalf("round trip of %q changed it: %+v", out, msg.Envelope)
			}
		}
	})
}
