package jsonread

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wechatevent/wechatevent/internal/elem"
)

// flat renders elements as name=value lines indented by depth, to compare.
func flat(t *elem.Table) []string {
	out := make([]string, t.Len())
	for i := range out {
		out[i] = strings.Repeat(" ", depth(t, i)) + t.Name(i) + "=" + t.Value(i)
	}
	return out
}

// flatKinds is flat with each element's kind.
func flatKinds(t *elem.Table, kinds []Kind) []string {
	out := flat(t)
	for i := range out {
		out[i] += "/" + "OASNBZ"[kinds[i]:kinds[i]+1]
	}
	return out
}

func depth(t *elem.Table, i int) int {
	d := 0
	for p := t.Elems[i].Parent; p > 0; p = t.Elems[p].Parent {
		d++
	}
	return d
}

func TestReadShapes(t *testing.T) {
	var r elem.Table
	src := "\xef\xbb\xbf {\"a\": \"x\", \"n\": -12.5e+3, \"id\": 3705115058471208928, \"t\": true, \"f\": false, \"z\": null," +
		"\"o\": {\"p\": {\"q\": 1}}, \"l\": [1, {\"k\": \"v\"}, null, [2, 3]], \"e\": [], \"eo\": {}}\n"
	require.NoError(t, Read(&r, src))
	assert.Equal(t, []string{
		"=",
		"a=x",
		"n=-12.5e+3",
		"id=3705115058471208928",
		"t=true",
		"f=false",
		"o=",
		" p=",
		"  q=1",
		"l=1",
		"l=",
		" k=v",
		"l=2",
		"l=3",
		"eo=",
	}, flat(&r))
	assert.Empty(t, r.Buf, "nothing to decode")
	for i, e := range r.Elems {
		assert.False(t, e.Value.InBuf() || e.Name.InBuf(), "element %d is a span of the body", i)
		assert.Zero(t, e.Local)
	}
	assert.Equal(t, int32(-1), r.Elems[0].Parent)
}

func TestReadEscapes(t *testing.T) {
	var r elem.Table
	require.NoError(t, Read(&r, `{"k\u0065y": "a\"b\\c\/d\b\f\n\r\t\u00e9\u4e2d\ud83d\ude00 \ud800x \udc00 \ud800\u0041"}`))
	require.Equal(t, 2, r.Len())
	assert.Equal(t, "key", r.Name(1))
	assert.Equal(t, "a\"b\\c/d\b\f\n\r\té中😀 \uFFFDx \uFFFD \uFFFDA", r.Value(1))
	assert.True(t, r.Elems[1].Name.InBuf() && r.Elems[1].Value.InBuf())
}

func TestReadKeepsBytes(t *testing.T) {
	var r elem.Table
	require.NoError(t, Read(&r, "{\"a\": \"\xff\x01\t\xe4\xb8\"}"))
	assert.Equal(t, "\xff\x01\t\xe4\xb8", r.Value(1))
}

func TestReadErrors(t *testing.T) {
	for _, c := range []struct {
		in  string
		off int
	}{
		{``, 0},
		{`   `, 3},
		{`[]`, 0},
		{`"s"`, 0},
		{`1`, 0},
		{`null`, 0},
		{`{`, 1},
		{`{"a"`, 4},
		{`{"a":`, 5},
		{`{"a":1`, 6},
		{`{"a":1,}`, 7},
		{`{"a":[1,]}`, 8},
		{`{"a":[1 2]}`, 8},
		{`{"a":1 "b":2}`, 7},
		{`{"a":1}{}`, 7},
		{`{"a":1} x`, 8},
		{`{"a" 1}`, 5},
		{`{a:1}`, 1},
		{`{"a":01}`, 6},
		{`{"a":-}`, 5},
		{`{"a":1.}`, 5},
		{`{"a":1e}`, 5},
		{`{"a":tru}`, 5},
		{`{"a":nul}`, 5},
		{`{"a":"x}`, 5},
		{`{"a":"x\`, 5},
		{`{"a":"\x"}`, 6},
		{`{"a":"\u12g4"}`, 6},
		{`{"a":[}`, 6},
		{`{"a":{]}`, 6},
		{`{"a":1]`, 6},
		{`{,}`, 1},
		{`{"a":,}`, 5},
	} {
		var r elem.Table
		err := Read(&r, c.in)
		var e *Error
		if assert.ErrorAs(t, err, &e, "%q", c.in) {
			assert.Equal(t, c.off, e.Offset, "%q: %v", c.in, err)
		}
	}
}

func TestReadLimits(t *testing.T) {
	var r elem.Table
	deep := `{"a":` + strings.Repeat("[", 63) + strings.Repeat("]", 63) + "}"
	require.NoError(t, Read(&r, deep))
	deeper := `{"a":` + strings.Repeat("[", 64) + strings.Repeat("]", 64) + "}"
	var e *Error
	require.ErrorAs(t, Read(&r, deeper), &e)
	assert.Equal(t, 5+63, e.Offset) // the 64th bracket

	name := strings.Repeat("k", 256)
	require.NoError(t, Read(&r, `{"`+name+`":1}`))
	require.ErrorAs(t, Read(&r, `{"`+name+`k":1}`), &e)
	assert.Equal(t, 1, e.Offset)

	items := strings.TrimSuffix(strings.Repeat("1,", elem.MaxElements-1), ",")
	require.NoError(t, Read(&r, `{"a":[`+items+`]}`))
	require.ErrorAs(t, Read(&r, `{"a":[`+items+`,1]}`), &e)
}

// TestReadNesting: after an object or array closes, the members and items
// that follow belong where they did before it opened, at every depth.
func TestReadNesting(t *testing.T) {
	var r elem.Table
	require.NoError(t, Read(&r, `{"a":[{"b":[[{"c":1}],2],"d":3},[4,{"e":5}],6],"f":{"g":[7],"h":8},"i":9}`))
	assert.Equal(t, []string{
		"=",
		"a=",
		" b=",
		"  c=1",
		" b=2",
		" d=3",
		"a=4",
		"a=",
		" e=5",
		"a=6",
		"f=",
		" g=7",
		" h=8",
		"i=9",
	}, flat(&r))

	// Objects and arrays alternating to the deepest nesting allowed: x's
	// object and p-1 objects named k, each an item of the array k of the one
	// before, the innermost array holding an array holding 0; then a member
	// m of each object on the way out.
	const p = (elem.MaxDepth - 2) / 2
	src := `{"x":` + strings.Repeat(`{"k":[`, p) + "[0]" + strings.Repeat(`],"m":1}`, p) + `,"y":2}`
	require.NoError(t, Read(&r, src))
	require.Equal(t, 2*p+3, r.Len())
	want := []string{"x/0"}
	for i := 2; i <= p; i++ {
		want = append(want, "k/"+strconv.Itoa(i-1))
	}
	want = append(want, "k=0/"+strconv.Itoa(p))
	for j := 1; j <= p; j++ {
		want = append(want, "m=1/"+strconv.Itoa(p+1-j))
	}
	want = append(want, "y=2/0")
	var got []string
	for i := 1; i < r.Len(); i++ {
		v := ""
		if r.Value(i) != "" {
			v = "=" + r.Value(i)
		}
		got = append(got, r.Name(i)+v+"/"+strconv.Itoa(int(r.Elems[i].Parent)))
	}
	assert.Equal(t, want, got)
	require.Error(t, Read(&r, `{"x":`+strings.Repeat(`{"k":[`, p)+"[[0]]"+strings.Repeat(`],"m":1}`, p)+`}`), "one level more")
}

func TestReadMembers(t *testing.T) {
	var r elem.Table
	var kinds []Kind
	require.NoError(t, ReadMembers(&r, `{"a": [1, [2], null], "b": null, "c": [], "d": {"e": "x", "f": true}}`, &kinds))
	assert.Equal(t, []string{
		"=/O",
		"a=/A",
		" =1/N",
		" =/A",
		"  =2/N",
		" =/Z",
		"b=/Z",
		"c=/A",
		"d=/O",
		" e=x/S",
		" f=true/B",
	}, flatKinds(&r, kinds))
}

// Reading into a table that has grown once allocates nothing, escapes
// included: names and values are spans of the body or of the table's buffer.
func TestReadAllocatesNothing(t *testing.T) {
	src := `{"ToUserName":"gh_1","CreateTime":1714112445,"List":[{"a":"x\u00e9\n"},{"a":true}],"o":{"p":null}}`
	var r elem.Table
	require.NoError(t, Read(&r, src))
	allocs := testing.AllocsPerRun(100, func() {
		if err := Read(&r, src); err != nil {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs)
}

const benchBody = `{
    "ToUserName": "gh_3a8c7d9e1f20",
    "FromUserName": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
    "CreateTime": 1700000000,
    "MsgType": "event",
    "Event": "subscribe",
    "EventKey": "qrscene_123",
    "Ticket": "gQH47joAAAAAAAAAASxodHRwOi8vd2VpeGlu"
}`

// BenchmarkRead measures the reader alone on a flat body, into a reused
// table.
func BenchmarkRead(b *testing.B) {
	var t elem.Table
	b.ReportAllocs()
	b.SetBytes(int64(len(benchBody)))
	for i := 0; i < b.N; i++ {
		if err := Read(&t, benchBody); err != nil {
			b.Fatal(err)
		}
	}
}

// outcome is what one read produced: the elements and buffer, or the error.
type outcome struct {
	Elems []elem.Elem
	Buf   string
	Err   error
}

// readWith reads src into a table with room for junk elements, filled with
// junk first so that every field of every element must be written, by the
// state machine alone (general) or with members. Every key must be the one
// rule's key of its name.
func readWith(tb testing.TB, src string, room int, general bool) outcome {
	tb.Helper()
	tab := elem.Table{Elems: make([]elem.Elem, room)}
	for i := range tab.Elems {
		tab.Elems[i] = elem.Elem{Name: elem.Span{Off: 7, Len: 9}, Value: elem.Span{Off: 3, Len: 1}, Parent: 99, Local: 5, Key: elem.Key{A: 1, B: 2}}
	}
	r := reader{t: &tab, general: general}
	if err := r.read(src); err != nil {
		return outcome{Err: err}
	}
	for i := range tab.Elems {
		require.Equal(tb, elem.KeyOf(tab.Name(i)), tab.Elems[i].Key, "key of %q", tab.Name(i))
	}
	return outcome{Elems: tab.Elems, Buf: string(tab.Buf)}
}

// requireSameRead requires that reading src with members gives what the
// state machine alone gives, into an empty table (which members leaves to
// the machine to grow), a small one that grows along the way, and a large
// one.
func requireSameRead(tb testing.TB, src string) {
	tb.Helper()
	want := readWith(tb, src, 0, true)
	for _, room := range []int{0, 3, 64} {
		require.Equal(tb, want, readWith(tb, src, room, false), "room %d: %q", room, src)
	}
}

// jsonFixtures returns every JSON fixture of the repository.
func jsonFixtures(tb testing.TB) []string {
	var out []string
	err := filepath.WalkDir(filepath.Join("..", "..", "testdata"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".json") {
			return err
		}
		b, err := os.ReadFile(path)
		out = append(out, string(b))
		return err
	})
	require.NoError(tb, err)
	require.Greater(tb, len(out), 50)
	return out
}

// variants returns body in the layouts and spellings that take members off
// its usual path at different places: compact, indented by tabs or by two
// spaces, CRLF line breaks, space before colons, escapes, signed and
// fractional numbers, nulls.
func variants(body string) []string {
	out := []string{body}
	var b bytes.Buffer
	if json.Compact(&b, []byte(body)) == nil {
		compact := b.String()
		out = append(out, compact, strings.ReplaceAll(compact, ",", ", "), strings.ReplaceAll(compact, ":", ": "))
		for _, indent := range []string{"\t", "  ", "        "} {
			b.Reset()
			if json.Indent(&b, []byte(compact), "", indent) == nil {
				out = append(out, b.String())
			}
		}
	}
	for _, r := range [][2]string{
		{"\n", "\r\n"}, {`": `, `" : `}, {`": `, `":  `}, {"_", `\u005f`}, {"e", `\/`},
		{": 1", ": -1"}, {": 1", ": 1.5"}, {": 1", ": 1e3"}, {": 1", ": 01"}, {": 1", ": null"},
		{": \"", ": true, \"x\": \""}, {",", " ,"}, {",\n", ",\n\n"}, {"\"", "\"\x00\xff"},
	} {
		out = append(out, strings.ReplaceAll(body, r[0], r[1]))
	}
	return out
}

// TestMembersAgreeWithGeneralPath reads every JSON fixture, in variants and
// cut short at every byte, with and without members, and requires identical
// tables and errors.
func TestMembersAgreeWithGeneralPath(t *testing.T) {
	for _, body := range jsonFixtures(t) {
		for _, v := range variants(body) {
			requireSameRead(t, v)
		}
		for n := range body {
			requireSameRead(t, body[:n])
		}
	}
	for _, src := range []string{
		benchBody, `{"a":"b"}`, `{"":1}`, `{"a":null,"b":null}`, `{"a":0,"b":-0,"c":9}`,
		`{"` + strings.Repeat("k", elem.MaxNameLen) + `":1,"` + strings.Repeat("k", elem.MaxNameLen+1) + `":2}`,
		`{"a":"` + strings.Repeat("x", 100) + `"}`, `{"a":123456789012345678901234567890}`,
		"{\n    \"a\": 1,\n        \"b\": 2,\n\"c\": 3,\n    \t\"d\": 4}",
	} {
		requireSameRead(t, src)
	}
	items := strings.Repeat(`"a":1,`, elem.MaxElements)
	requireSameRead(t, `{`+items+`"b":2}`)
	requireSameRead(t, `{`+strings.TrimSuffix(strings.Repeat(`"a":1,`, elem.MaxElements-1), ",")+`}`)
}

// FuzzMembers reads arbitrary bodies with and without members and requires
// identical tables, keys included, and identical errors: members must accept
// exactly what the state machine accepts, the same way.
func FuzzMembers(f *testing.F) {
	for _, body := range jsonFixtures(f) {
		f.Add(body)
	}
	for _, body := range []string{benchBody, `{"a":"b","c":1,"d":true,"e":false,"f":null}`, "{\"a\": 1,\n  \"b\": \"x\"}"} {
		f.Add(body)
	}
	f.Fuzz(func(t *testing.T, body string) {
		requireSameRead(t, body)
	})
}
