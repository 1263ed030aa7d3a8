package jsonread

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var lim = Limits{Depth: 64, Elements: 1 << 14, NameLen: 256}

// flat renders elements as name=value lines with their parents, to compare.
func flat(es []Elem) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = strings.Repeat(" ", depth(es, i)) + e.Name + "=" + e.Value + "/" + "OSNBAZ"[e.Kind:e.Kind+1]
	}
	return out
}

func depth(es []Elem, i int) int {
	d := 0
	for p := es[i].Parent; p > 0; p = es[p].Parent {
		d++
	}
	return d
}

func TestReadShapes(t *testing.T) {
	var r Reader
	src := "\xef\xbb\xbf {\"a\": \"x\", \"n\": -12.5e+3, \"id\": 3705115058471208928, \"t\": true, \"f\": false, \"z\": null," +
		"\"o\": {\"p\": {\"q\": 1}}, \"l\": [1, {\"k\": \"v\"}, null, [2, 3]], \"e\": [], \"eo\": {}}\n"
	require.NoError(t, r.Read(src, lim))
	assert.Equal(t, []string{
		"=/O",
		"a=x/S",
		"n=-12.5e+3/N",
		"id=3705115058471208928/N",
		"t=true/B",
		"f=false/B",
		"o=/O",
		" p=/O",
		"  q=1/N",
		"l=1/N",
		"l=/O",
		" k=v/S",
		"l=2/N",
		"l=3/N",
		"eo=/O",
	}, flat(r.Elems))
}

func TestReadEscapes(t *testing.T) {
	var r Reader
	require.NoError(t, r.Read(`{"k\u0065y": "a\"b\\c\/d\b\f\n\r\t\u00e9\u4e2d\ud83d\ude00 \ud800x \udc00 \ud800\u0041"}`, lim))
	require.Len(t, r.Elems, 2)
	assert.Equal(t, "key", r.Elems[1].Name)
	assert.Equal(t, "a\"b\\c/d\b\f\n\r\té中😀 \uFFFDx \uFFFD \uFFFDA", r.Elems[1].Value)
}

func TestReadKeepsBytes(t *testing.T) {
	var r Reader
	require.NoError(t, r.Read("{\"a\": \"\xff\x01\t\xe4\xb8\"}", lim))
	assert.Equal(t, "\xff\x01\t\xe4\xb8", r.Elems[1].Value)
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
		var r Reader
		err := r.Read(c.in, lim)
		var e *Error
		if assert.ErrorAs(t, err, &e, "%q", c.in) {
			assert.Equal(t, c.off, e.Offset, "%q: %v", c.in, err)
		}
	}
}

func TestReadLimits(t *testing.T) {
	var r Reader
	deep := `{"a":` + strings.Repeat("[", 63) + strings.Repeat("]", 63) + "}"
	require.NoError(t, r.Read(deep, lim))
	deeper := `{"a":` + strings.Repeat("[", 64) + strings.Repeat("]", 64) + "}"
	var e *Error
	require.ErrorAs(t, r.Read(deeper, lim), &e)
	assert.Equal(t, 5+63, e.Offset) // the 64th bracket

	name := strings.Repeat("k", 256)
	require.NoError(t, r.Read(`{"`+name+`":1}`, lim))
	require.ErrorAs(t, r.Read(`{"`+name+`k":1}`, lim), &e)
	assert.Equal(t, 1, e.Offset)

	items := strings.TrimSuffix(strings.Repeat("1,", lim.Elements-1), ",")
	require.NoError(t, r.Read(`{"a":[`+items+`]}`, lim))
	require.ErrorAs(t, r.Read(`{"a":[`+items+`,1]}`, lim), &e)
}

func TestReadMembers(t *testing.T) {
	r := Reader{Members: true}
	require.NoError(t, r.Read(`{"a": [1, [2], null], "b": null, "c": []}`, lim))
	assert.Equal(t, []string{
		"=/O",
		"a=/A",
		" =1/N",
		" =/A",
		"  =2/N",
		" =/Z",
		"b=/Z",
		"c=/A",
	}, flat(r.Elems))
}
