package wechatevent

import (
	"errors"
	"github.com/wechatevent/wechatevent/internal/elem"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// outcome is what a hostile input must end in.
type outcome int

const (
	wantEvent outcome = iota
	wantSyntax
	wantTooLarge
	wantMissing // a well-formed body that is no callback
)

// hostileCase is one hostile input. Bodies are built by a function because
// several are megabytes long. scanOnly cases exceed MaxBodySize, which Parse
// refuses up front, so they go to the scanner directly.
type hostileCase struct {
	name     string
	body     func() string
	want     outcome
	scanOnly bool
	check    func(t *testing.T, ev Event) // extra checks on the event, for wantEvent
}

// justUnder is how much a body may take so that it stays under MaxBodySize
// with the few dozen bytes around it.
const justUnder = MaxBodySize - 256

func textBody(content string) string {
	return "<xml><MsgType>text</MsgType><Content>" + content + "</Content></xml>"
}

func repeatTo(s string, size int) string { return strings.Repeat(s, size/len(s)) }

// contentIs returns a check that the event is a TextMessage with the content.
func contentIs(want string) func(t *testing.T, ev Event) {
	return func(t *testing.T, ev Event) {
		m, ok := ev.(*TextMessage)
		require.True(t, ok, "type %T", ev)
		assert.Equal(t, want, m.Content)
	}
}

// expandsNothing checks that no entity text and no file content reached the
// event: the DOCTYPE was skipped, not read.
func expandsNothing(t *testing.T, ev Event) {
	m, ok := ev.(*TextMessage)
	require.True(t, ok, "type %T", ev)
	assert.Equal(t, "ok", m.Content)
	for _, leak := range []string{"EVIL", "lol", "root:", "daemon:"} {
		assert.NotContains(t, m.Content, leak)
		assert.NotContains(t, m.FromUserName, leak)
	}
}

var billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
`

var hostileCases = []hostileCase{
	// Entities and DTDs: nothing is defined, expanded or read.
	{name: "internal entity", want: wantSyntax, body: func() string {
		return `<!DOCTYPE xml [<!ENTITY x "EVIL">]>` + textBody("&x;")
	}},
	{name: "billion laughs", want: wantSyntax, body: func() string { return billionLaughs + textBody("&lol9;") }},
	{name: "billion laughs unreferenced", want: wantEvent, check: expandsNothing, body: func() string {
		return billionLaughs + textBody("ok")
	}},
	{name: "external entity", want: wantSyntax, body: func() string {
		return `<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` + textBody("&xxe;")
	}},
	{name: "external entity unreferenced", want: wantEvent, check: expandsNothing, body: func() string {
		return `<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` + textBody("ok")
	}},
	{name: "parameter entity", want: wantEvent, check: expandsNothing, body: func() string {
		return `<!DOCTYPE xml [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>` + textBody("ok")
	}},
	{name: "external DTD", want: wantEvent, check: expandsNothing, body: func() string {
		return `<!DOCTYPE xml SYSTEM "http://attacker.example/x.dtd">` + textBody("ok")
	}},
	{name: "entity in the sender", want: wantSyntax, body: func() string {
		return `<!DOCTYPE xml [<!ENTITY xxe SYSTEM "/etc/passwd">]><xml><MsgType>text</MsgType><FromUserName>&xxe;</FromUserName></xml>`
	}},
	{name: "DOCTYPE inside the root", want: wantSyntax, body: func() string {
		return `<xml><!DOCTYPE x [<!ENTITY a "b">]><MsgType>text</MsgType></xml>`
	}},
	{name: "undefined entity", want: wantSyntax, body: func() string { return textBody("a&nbsp;b") }},

	// Nesting: a depth limit, no recursion, whatever the depth.
	{name: "deep nesting closed", want: wantSyntax, body: func() string {
		n := justUnder / 7
		return "<xml>" + strings.Repeat("<a>", n) + strings.Repeat("</a>", n) + "</xml>"
	}},
	{name: "deep nesting unclosed", want: wantSyntax, body: func() string { return "<xml>" + repeatTo("<a>", justUnder) }},
	{name: "million levels closed", want: wantSyntax, scanOnly: true, body: func() string {
		return "<xml>" + strings.Repeat("<a>", 1e6) + strings.Repeat("</a>", 1e6) + "</xml>"
	}},
	{name: "million levels unclosed", want: wantSyntax, scanOnly: true, body: func() string { return strings.Repeat("<a>", 1e6) }},
	{name: "depth at the limit", want: wantEvent, body: func() string {
		return "<xml><MsgType>text</MsgType>" + strings.Repeat("<a>", elem.MaxDepth-1) + strings.Repeat("</a>", elem.MaxDepth-1) + "</xml>"
	}},
	{name: "many elements", want: wantSyntax, body: func() string {
		return "<xml><MsgType>text</MsgType>" + repeatTo("<a/>", justUnder) + "</xml>"
	}},

	// Unclosed everything.
	{name: "unclosed root", want: wantSyntax, body: func() string { return "<xml><MsgType>text</MsgType>" }},
	{name: "unclosed nest", want: wantSyntax, body: func() string { return "<xml><a><b><c>" }},
	{name: "unclosed start tag", want: wantSyntax, body: func() string { return "<xml><Content a='1'" }},
	{name: "unclosed attribute", want: wantSyntax, body: func() string { return `<xml><Content a="` + repeatTo("x", justUnder) }},
	{name: "unclosed CDATA", want: wantSyntax, body: func() string { return "<xml><Content><![CDATA[" + repeatTo("x", justUnder) }},
	{name: "unclosed comment", want: wantSyntax, body: func() string { return "<xml><!-- " + repeatTo("x", justUnder) }},
	{name: "unclosed PI", want: wantSyntax, body: func() string { return "<xml><?pi " + repeatTo("x", justUnder) }},
	{name: "unclosed DOCTYPE", want: wantSyntax, body: func() string { return "<!DOCTYPE [" + repeatTo("[", justUnder) }},
	{name: "unclosed DOCTYPE string", want: wantSyntax, body: func() string { return `<!DOCTYPE x "` + repeatTo("x", justUnder) }},
	{name: "unclosed reference", want: wantSyntax, body: func() string { return "<xml><Content>&amp" + repeatTo("x", justUnder) }},
	{name: "mismatched end tag", want: wantSyntax, body: func() string { return "<xml><Content>a</Encrypt></xml>" }},
	{name: "end tag only", want: wantSyntax, body: func() string { return "</xml>" }},
	{name: "empty body", want: wantSyntax, body: func() string { return "" }},
	{name: "white space only", want: wantSyntax, body: func() string { return repeatTo(" \r\n\t", justUnder) }},

	// Sizes: names, values and attribute values of megabytes.
	{name: "name just under the limit", want: wantSyntax, body: func() string {
		return "<xml><" + repeatTo("a", justUnder) + ">x</a></xml>"
	}},
	{name: "name of 8 MB", want: wantSyntax, scanOnly: true, body: func() string { return "<" + strings.Repeat("a", 8<<20) + ">" }},
	{name: "end tag name of 8 MB", want: wantSyntax, scanOnly: true, body: func() string {
		return "<xml></" + strings.Repeat("a", 8<<20) + ">"
	}},
	{name: "value just under the limit", want: wantEvent, check: contentIs(repeatTo("x", justUnder)), body: func() string {
		return textBody(repeatTo("x", justUnder))
	}},
	{name: "CDATA just under the limit", want: wantEvent, check: contentIs(repeatTo("x", justUnder)), body: func() string {
		return textBody("<![CDATA[" + repeatTo("x", justUnder) + "]]>")
	}},
	{name: "value of 8 MB", want: wantEvent, scanOnly: true, body: func() string {
		return "<xml><Content>" + strings.Repeat("x", 8<<20) + "</Content></xml>"
	}},
	{name: "attribute just under the limit", want: wantEvent, check: contentIs("ok"), body: func() string {
		return `<xml a="` + repeatTo("x", justUnder) + `"><MsgType>text</MsgType><Content>ok</Content></xml>`
	}},
	{name: "attribute of 8 MB", want: wantEvent, scanOnly: true, body: func() string {
		return `<xml a="` + strings.Repeat("x", 8<<20) + `"></xml>`
	}},
	{name: "many attributes", want: wantEvent, check: contentIs("ok"), body: func() string {
		return "<xml" + repeatTo(` a="1"`, justUnder) + "><MsgType>text</MsgType><Content>ok</Content></xml>"
	}},
	{name: "body over MaxBodySize", want: wantTooLarge, body: func() string { return textBody(strings.Repeat("x", MaxBodySize)) }},

	// Runs of markup starts.
	{name: "run of <", want: wantSyntax, body: func() string { return "<xml>" + repeatTo("<", justUnder) }},
	{name: "run of &", want: wantSyntax, body: func() string { return textBody(repeatTo("&", justUnder)) }},
	{name: "run of &#", want: wantSyntax, body: func() string { return textBody(repeatTo("&#", justUnder)) }},
	{name: "run of CDATA starts", want: wantSyntax, body: func() string { return textBody(repeatTo("<![CDATA[", justUnder)) }},
	{name: "run of ]", want: wantEvent, check: contentIs(repeatTo("]", justUnder)), body: func() string {
		return textBody("<![CDATA[" + repeatTo("]", justUnder) + "]]>")
	}},
	{name: "run of comment starts", want: wantSyntax, body: func() string { return "<xml>" + repeatTo("<!--", justUnder) }},
	{name: "run of PI starts", want: wantSyntax, body: func() string { return "<xml>" + repeatTo("<?", justUnder) }},
	{name: "run of <!", want: wantSyntax, body: func() string { return "<xml>" + repeatTo("<!", justUnder) }},
	{name: "run of </", want: wantSyntax, body: func() string { return "<xml>" + repeatTo("</", justUnder) }},
	{name: "run of quotes in a tag", want: wantSyntax, body: func() string { return "<xml " + repeatTo(`"'`, justUnder) }},

	// A value in many pieces costs time and memory linear in its length.
	{name: "CDATA sections in a row", want: wantEvent, check: contentIs(repeatTo("x", justUnder/13)), body: func() string {
		return textBody(repeatTo("<![CDATA[x]]>", justUnder))
	}},
	{name: "text between comments", want: wantEvent, check: contentIs(repeatTo("x", justUnder/8)), body: func() string {
		return textBody(repeatTo("x<!---->", justUnder))
	}},
	{name: "white space between comments", want: wantEvent, check: contentIs("x" + repeatTo(" x", 2*(justUnder/9))), body: func() string {
		return textBody("x" + repeatTo(" <!---->x", justUnder))
	}},
	{name: "entities between comments", want: wantEvent, check: contentIs(repeatTo("&", justUnder/12)), body: func() string {
		return textBody(repeatTo("&amp;<!---->", justUnder))
	}},
	{name: "text around children", want: wantEvent, check: contentIs(strings.Repeat("x", elem.MaxElements-3)), body: func() string {
		return textBody(strings.Repeat("x<a/>", elem.MaxElements-3))
	}},

	// Characters: tolerated in text, refused where XML has no place for them.
	{name: "invalid UTF-8 in text", want: wantEvent, check: contentIs("\xff\xfe\xc3"), body: func() string { return textBody("\xff\xfe\xc3") }},
	{name: "invalid UTF-8 in a name", want: wantEvent, body: func() string {
		return "<xml><\xff\xfe>x</\xff\xfe><MsgType>text</MsgType></xml>"
	}},
	{name: "NUL in text", want: wantEvent, check: contentIs("a\x00b"), body: func() string { return textBody("a\x00b") }},
	{name: "NUL in a name", want: wantSyntax, body: func() string { return "<xml><a\x00b>x</a\x00b></xml>" }},
	{name: "NUL bytes only", want: wantSyntax, body: func() string { return repeatTo("\x00", justUnder) }},
	{name: "control characters", want: wantEvent, check: contentIs("\x01\x02\x1d\x7f"), body: func() string {
		return textBody("<![CDATA[\x01\x02\x1d\x7f]]>")
	}},
	{name: "reference to NUL", want: wantSyntax, body: func() string { return textBody("&#0;") }},
	{name: "reference to a surrogate", want: wantSyntax, body: func() string { return textBody("&#xD800;") }},
	{name: "reference beyond Unicode", want: wantSyntax, body: func() string { return textBody("&#x110000;") }},
	{name: "reference to U+FFFE", want: wantSyntax, body: func() string { return textBody("&#xFFFE;") }},
	{name: "reference of 20 digits", want: wantSyntax, body: func() string { return textBody("&#99999999999999999999;") }},
	{name: "reference without digits", want: wantSyntax, body: func() string { return textBody("&#x;") }},
	{name: "valid references", want: wantEvent, check: contentIs("中文<&>\"'"), body: func() string {
		return textBody("&#x4e2d;&#25991;&lt;&amp;&gt;&quot;&apos;")
	}},

	// Numbers: out of range or malformed reads as zero; the event still parses.
	{name: "huge numbers", want: wantEvent, body: func() string {
		return "<xml><MsgType>location</MsgType><CreateTime>99999999999999999999</CreateTime><MsgId>1e400</MsgId>" +
			"<Location_X>1e999</Location_X><Location_Y>-1e999</Location_Y><Scale>" + strings.Repeat("9", 1<<16) + "</Scale></xml>"
	}, check: func(t *testing.T, ev Event) {
		m, ok := ev.(*LocationMessage)
		require.True(t, ok, "type %T", ev)
		assert.True(t, m.CreateTime.IsZero())
		assert.Zero(t, m.MsgID)
		assert.Zero(t, m.LocationX)
		assert.Zero(t, m.LocationY)
		assert.Zero(t, m.Scale)
	}},
	{name: "negative and fractional numbers", want: wantEvent, body: func() string {
		return "<xml><MsgType>text</MsgType><CreateTime>1700000000.0</CreateTime><MsgId>-1</MsgId></xml>"
	}, check: func(t *testing.T, ev Event) {
		m, ok := ev.(*TextMessage)
		require.True(t, ok, "type %T", ev)
		assert.Equal(t, int64(1700000000), m.CreateTime.Unix())
		assert.Equal(t, int64(-1), m.MsgID)
	}},

	// Roots: exactly one.
	{name: "two roots", want: wantSyntax, body: func() string { return textBody("a") + textBody("b") }},
	{name: "text after the root", want: wantSyntax, body: func() string { return textBody("a") + "GARBAGE" }},
	{name: "text before the root", want: wantSyntax, body: func() string { return "GARBAGE" + textBody("a") }},
	{name: "CDATA before the root", want: wantSyntax, body: func() string { return "<![CDATA[x]]>" + textBody("a") }},
	{name: "comment and space after the root", want: wantEvent, check: contentIs("a"), body: func() string {
		return textBody("a") + "\r\n<!-- end -->\n"
	}},
	{name: "no MsgType", want: wantMissing, body: func() string { return "<xml><Content>a</Content></xml>" }},
}

// hostileBodies caches the built bodies, which several tests share.
var hostileBodies = map[string]string{}

func (c hostileCase) get() string {
	b, ok := hostileBodies[c.name]
	if !ok {
		b = c.body()
		hostileBodies[c.name] = b
	}
	return b
}

// allocBound is the most a parse of n bytes may allocate: a few copies of
// the input (the body, an UnknownEvent's Raw, values built from pieces) and
// the node table, whose size the element limit caps.
func allocBound(n int) uint64 { return uint64(4*n) + 4<<20 }

// TestHostileInputs runs every hostile input through Parse (or the scanner,
// beyond MaxBodySize) and checks the outcome and the memory it took.
func TestHostileInputs(t *testing.T) {
	for _, c := range hostileCases {
		t.Run(c.name, func(t *testing.T) {
			body := c.get()
			if !c.scanOnly {
				require.True(t, c.want == wantTooLarge || len(body) <= MaxBodySize, "body of %d bytes is over MaxBodySize", len(body))
			}
			var ev Event
			var err error
			alloc := allocated(func() {
				if c.scanOnly {
					_, err = scanXML(body)
				} else {
					ev, err = Parse([]byte(body))
				}
			})
			assert.LessOrEqual(t, alloc, allocBound(len(body)), "allocated %d bytes for a body of %d", alloc, len(body))
			switch c.want {
			case wantEvent:
				require.NoError(t, err)
				if !c.scanOnly {
					require.NotNil(t, ev)
				}
				if c.check != nil {
					c.check(t, ev)
				}
			case wantSyntax:
				require.Error(t, err)
				assert.Nil(t, ev)
				assert.ErrorIs(t, err, ErrSyntax)
				var se *SyntaxError
				require.ErrorAs(t, err, &se)
				assert.True(t, se.Offset >= 0 && se.Offset <= len(body), "offset %d outside the body", se.Offset)
			case wantTooLarge:
				assert.Nil(t, ev)
				assert.ErrorIs(t, err, ErrTooLarge)
			case wantMissing:
				assert.Nil(t, ev)
				assert.ErrorIs(t, err, ErrMissingMsgType)
			}
		})
	}
}

// allocated returns the bytes f allocates on the heap. Tests of this file
// do not run in parallel, so nothing else allocates meanwhile to speak of.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestHostileNoRecursion checks that a million levels of nesting, closed or
// not, do not grow the goroutine stack: the scanner keeps no stack of its
// own whose depth the input controls.
func TestHostileNoRecursion(t *testing.T) {
	for _, name := range []string{"million levels closed", "million levels unclosed"} {
		var body string
		for _, c := range hostileCases {
			if c.name == name {
				body = c.get()
			}
		}
		require.NotEmpty(t, body, name)
		stack := make(chan uint64)
		go func() {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := scanXML(body)
			runtime.ReadMemStats(&after)
			assert.ErrorIs(t, err, ErrSyntax)
			stack <- after.StackInuse - min(after.StackInuse, before.StackInuse)
		}()
		assert.Less(t, <-stack, uint64(64<<10), "%s: stack grew", name)
	}
}

// BenchmarkHostile measures the time each hostile input takes: linear in its
// size, so no input under MaxBodySize takes long.
func BenchmarkHostile(b *testing.B) {
	for _, c := range hostileCases {
		body := c.get()
		data := []byte(body)
		b.Run(strings.ReplaceAll(c.name, " ", "_"), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for i := 0; i < b.N; i++ {
				var err error
				if c.scanOnly {
					_, err = scanXML(body)
				} else {
					_, err = Parse(data)
				}
				if (err == nil) != (c.want == wantEvent) {
					b.Fatal(errors.New("unexpected outcome"), err)
				}
			}
		})
	}
}
