package wechatevent

import (
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func jsonText(content string) string { return `{"MsgType":"text","Content":` + content + `}` }

// jsonHostileCase is a hostile JSON body, what Parse must answer, and for a
// syntax error the offset it must name (-1: anywhere in the body).
type jsonHostileCase struct {
	name  string
	body  func() string
	want  outcome
	at    int
	check func(t *testing.T, ev Event)
}

var jsonHostileCases = []jsonHostileCase{
	{name: "million [", want: wantSyntax, at: len(`{"a":`) + 63, body: func() string { return `{"a":` + strings.Repeat("[", 1_000_000) }},
	{name: "million [ closed", want: wantSyntax, at: len(`{"a":`) + 63, body: func() string {
		return `{"a":` + strings.Repeat("[", 500_000) + strings.Repeat("]", 500_000) + "}"
	}},
	{name: "million {", want: wantSyntax, at: 1, body: func() string { return strings.Repeat("{", 1_000_000) }},
	{name: "deep objects", want: wantSyntax, at: 64 * len(`{"a":`), body: func() string { return strings.Repeat(`{"a":`, 200_000) }},
	{name: "megabyte string", want: wantEvent, body: func() string { return jsonText(`"` + strings.Repeat("x", justUnder) + `"`) },
		check: func(t *testing.T, ev Event) { assert.Len(t, ev.(*TextMessage).Content, justUnder) }},
	{name: "megabyte number into a string", want: wantEvent, body: func() string { return jsonText(strings.Repeat("7", justUnder)) },
		check: func(t *testing.T, ev Event) {
			assert.Equal(t, strings.Repeat("7", justUnder), ev.(*TextMessage).Content)
		}},
	{name: "megabyte number into an int", want: wantEvent, body: func() string {
		return `{"MsgType":"text","MsgId":` + strings.Repeat("9", justUnder) + `}`
	}, check: func(t *testing.T, ev Event) { assert.Zero(t, ev.(*TextMessage).MsgID) }},
	{name: "megabyte fraction", want: wantEvent, body: func() string {
		return `{"MsgType":"location","Location_X":0.` + strings.Repeat("1", justUnder) + `}`
	}, check: func(t *testing.T, ev Event) { assert.InDelta(t, 0.111, ev.(*LocationMessage).LocationX, 0.001) }},
	{name: "unterminated string", want: wantSyntax, at: len(`{"MsgType":"text","Content":`), body: func() string {
		return jsonText(`"` + strings.Repeat("x", justUnder))[:justUnder]
	}},
	{name: "unterminated escape run", want: wantSyntax, at: len(`{"MsgType":"text","Content":`), body: func() string {
		return `{"MsgType":"text","Content":"` + strings.Repeat(`\\`, justUnder/2)
	}},
	{name: "\\u run", want: wantEvent, body: func() string { return jsonText(`"` + repeatTo(`\u4e2d`, justUnder) + `"`) },
		check: func(t *testing.T, ev Event) {
			assert.Equal(t, strings.Repeat("中", justUnder/6), ev.(*TextMessage).Content)
		}},
	{name: "lone surrogate run", want: wantEvent, body: func() string { return jsonText(`"` + repeatTo(`\ud800`, justUnder) + `"`) },
		check: func(t *testing.T, ev Event) {
			assert.Equal(t, strings.Repeat("\uFFFD", justUnder/6), ev.(*TextMessage).Content)
		}},
	{name: "broken \\u at the end", want: wantSyntax, at: -1, body: func() string { return jsonText(`"` + repeatTo(`\u4e2d`, justUnder) + `\u4e`) }},
	{name: "megabyte key", want: wantSyntax, at: 1, body: func() string { return `{"` + strings.Repeat("k", justUnder) + `":1}` }},
	{name: "too many members", want: wantSyntax, at: -1, body: func() string { return "{" + strings.TrimSuffix(repeatTo(`"a":1,`, justUnder), ",") + "}" }},
	{name: "too many items", want: wantSyntax, at: -1, body: func() string { return `{"a":[` + strings.TrimSuffix(repeatTo("1,", justUnder), ",") + "]}" }},
	{name: "million nulls", want: wantMissing, body: func() string { return `{"a":[` + strings.TrimSuffix(repeatTo("null,", justUnder), ",") + "]}" }},
	{name: "million empty arrays", want: wantMissing, body: func() string { return `{"a":[` + strings.TrimSuffix(repeatTo("[],", justUnder), ",") + "]}" }},
	{name: "trailing garbage after a megabyte", want: wantSyntax, at: -1, body: func() string { return jsonText(`"`+strings.Repeat("x", justUnder)+`"`) + "x" }},
	{name: "over MaxBodySize", want: wantTooLarge, body: func() string { return jsonText(`"` + strings.Repeat("x", MaxBodySize) + `"`) }},
}

// TestJSONHostileInputs: every hostile body ends as it must, within a few
// copies of its size in memory.
func TestJSONHostileInputs(t *testing.T) {
	for _, c := range jsonHostileCases {
		t.Run(c.name, func(t *testing.T) {
			body := []byte(c.body())
			var ev Event
			var err error
			alloc := allocated(func() { ev, err = Parse(body) })
			assert.LessOrEqual(t, alloc, allocBound(len(body)), "allocated %d bytes for a body of %d", alloc, len(body))
			switch c.want {
			case wantEvent:
				require.NoError(t, err)
				if c.check != nil {
					c.check(t, ev)
				}
			case wantSyntax:
				assert.Nil(t, ev)
				var se *SyntaxError
				require.ErrorAs(t, err, &se)
				assert.ErrorIs(t, err, ErrSyntax)
				if c.at >= 0 {
					assert.Equal(t, c.at, se.Offset, "%v", err)
				} else {
					assert.True(t, se.Offset >= 0 && se.Offset <= len(body), "offset %d outside the body", se.Offset)
				}
				assert.Contains(t, err.Error(), "JSON syntax error")
			case wantTooLarge:
				assert.ErrorIs(t, err, ErrTooLarge)
			case wantMissing:
				assert.ErrorIs(t, err, ErrMissingMsgType)
			}
		})
	}
}

// TestJSONHostileNoRecursion: the reader keeps its nesting in a fixed array,
// so a million brackets do not grow the goroutine stack.
func TestJSONHostileNoRecursion(t *testing.T) {
	body := []byte(`{"a":` + repeatTo(`[{"a":`, justUnder))
	grown := make(chan uint64)
	go func() {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := Parse(body)
		runtime.ReadMemStats(&after)
		assert.ErrorIs(t, err, ErrSyntax)
		grown <- after.StackInuse - min(after.StackInuse, before.StackInuse)
	}()
	assert.Less(t, <-grown, uint64(64<<10))
}

// BenchmarkJSONHostile measures each hostile body: time linear in its size.
func BenchmarkJSONHostile(b *testing.B) {
	for _, c := range jsonHostileCases {
		data := []byte(c.body())
		b.Run(strings.ReplaceAll(c.name, " ", "_"), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for i := 0; i < b.N; i++ {
				if _, err := Parse(data); (err == nil) != (c.want == wantEvent) {
					b.Fatal(errors.New("unexpected outcome"), err)
				}
			}
		})
	}
}
