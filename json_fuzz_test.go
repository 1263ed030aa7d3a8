package wechatevent

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fuzzJSONEvent is the type FuzzParseJSON decodes into; fuzzJSONMirror holds
// the same keys for encoding/json.
type fuzzJSONEvent struct {
	Envelope
	Str   string         `xml:"Str"`
	Int   int64          `xml:"Int"`
	Small int16          `xml:"Small"`
	U     uint32         `xml:"U"`
	F     float64        `xml:"F"`
	B     bool           `xml:"B"`
	Nest  fuzzJSONItem   `xml:"Nest"`
	Inner string         `xml:"Obj>Inner"`
	Items []fuzzJSONItem `xml:"Items"`
	Tags  []string       `xml:"Tags"`
	Ptr   *fuzzJSONItem  `xml:"Ptr"`
}

type fuzzJSONItem struct {
	A string `xml:"A" json:"A"`
	N int    `xml:"N" json:"N"`
}

type fuzzJSONMirror struct {
	CreateTime *int64
	Str        string
	Int        int64
	Small      int16
	U          uint32
	F          float64
	B          bool
	Nest       fuzzJSONItem
	Obj        struct{ Inner string }
	Items      []fuzzJSONItem
	Tags       []string
	Ptr        *fuzzJSONItem
}

// fuzzJSONKeys are the keys the mirror has, at any level. encoding/json
// matches keys case-insensitively and we do not; a key that differs from one
// of these in case only is outside the comparison.
var fuzzJSONKeys = []string{"CreateTime", "Str", "Int", "Small", "U", "F", "B", "Nest", "Obj", "Inner", "Items", "Tags", "Ptr", "A", "N", "MsgType", "Event"}

var fuzzJSONSeeds = []string{
	`{"Str":"a","Int":12,"Small":-3,"U":7,"F":1.5,"B":true,"Nest":{"A":"x","N":2},"Obj":{"Inner":"i"},"Items":[{"A":"p"},{"N":4}],"Tags":["t","u"],"Ptr":{"A":"q"}}`,
	`{"Str":"\u00e9\ud83d\ude00\/\n","Int":-9223372036854775808,"U":4294967295,"F":-0.0e-3,"Tags":[],"Ptr":null,"CreateTime":1714112445}`,
	`{"Str":null,"Items":[],"Nest":{},"Obj":{"Inner":null},"B":false,"F":1e308}`,
	"{\"Str\":\"\xff\xfe bad \xc3\"}",
	`{"Int":1e3,"Small":40000,"U":-1,"F":1e400,"Str":5}`,
	`{"Items":{"A":"one"},"Tags":"single"}`,
	`{"Str":"x",}`, `{"Str":"x"`, `{"Str":"x"}{}`, `["Str"]`, `"Str"`, ` {"a":[1,2,[3,[4]]]} `, "\xef\xbb\xbf{}",
	`{"a":"\ud800"}`, `{"a":"\u12"}`, `{"a":01}`, `{"a":-}`, `{"a":.5}`, `{"a":tru}`, `{"a" :  "b" , "c":{ } }`,
}

// jsonTolerated reports whether src holds, inside a string, a byte that JSON
// forbids there and that we keep as XML text is kept: a control character or
// a byte that is not valid UTF-8.
func jsonTolerated(src []byte) bool {
	in := false
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case !in && c == '"':
			in = true
		case in && c == '\\':
			i++
		case in && c == '"':
			in = false
		case in && c < 0x20:
			return true
		case in && c >= utf8.RuneSelf:
			r, n := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && n == 1 {
				return true
			}
			i += n
			continue
		}
		i++
	}
	return false
}

// jsonKeysComparable reports whether every object in src has distinct keys
// that are either one of fuzzJSONKeys exactly or none of them in another
// case: where a body repeats a key or spells one in another case, encoding/json
// and we differ on purpose (we keep every occurrence, and match exactly).
func jsonKeysComparable(src []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(src))
	type level struct {
		object bool
		keys   map[string]bool
		key    bool // the next token of an object is a key
	}
	var stack []level
	for {
		tok, err := dec.Token()
		if err != nil {
			return err.Error() == "EOF"
		}
		if len(stack) > 0 && stack[len(stack)-1].object && stack[len(stack)-1].key {
			top := &stack[len(stack)-1]
			if k, ok := tok.(string); ok {
				lk := strings.ToLower(k)
				if top.keys[lk] {
					return false
				}
				top.keys[lk] = true
				for _, want := range fuzzJSONKeys {
					if strings.EqualFold(k, want) && k != want {
						return false
					}
				}
				top.key = false
				continue
			}
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, level{object: true, keys: map[string]bool{}, key: true})
			continue
		case json.Delim('['):
			stack = append(stack, level{})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 && stack[len(stack)-1].object {
			stack[len(stack)-1].key = true
		}
	}
}

// asJSONString is s as encoding/json keeps it: each byte that is not valid
// UTF-8 replaced by U+FFFD.
func asJSONString(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r) // ranging turns each invalid byte into U+FFFD
	}
	return b.String()
}

var fuzzJSONParser = func() *Parser {
	p := NewParser()
	p.RegisterEvent("fuzz_json", newOf[fuzzJSONEvent])
	return p
}()

// FuzzParseJSON checks Parse on any JSON-looking input: exactly one of event
// and error; a syntax error where, and only where, encoding/json also finds
// the input malformed (save the limits, and the bytes we keep inside strings
// on purpose); and, with the input's members put into an event of a known
// type, the same field values as encoding/json by the documented rules
// wherever encoding/json accepts the input into a struct of the same keys.
func FuzzParseJSON(f *testing.F) {
	for _, s := range fuzzJSONSeeds {
		f.Add([]byte(s))
	}
	for _, dir := range []string{"channels", "miniprogram"} {
		files, err := filepath.Glob(filepath.Join("testdata", dir, "*.json"))
		if err != nil || len(files) == 0 {
			f.Fatalf("no JSON fixtures in testdata/%s: %v", dir, err)
		}
		for _, file := range files {
			b, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, body []byte) { checkParseJSON(t, body) })
}

// checkParseJSON is the body of FuzzParseJSON; it reports whether body
// reached the comparison with encoding/json.
func checkParseJSON(t *testing.T, body []byte) bool {
	ev, err := Parse(body)
	if (ev == nil) == (err == nil) {
		t.Fatalf("Parse returned event %T and error %v: want exactly one", ev, err)
	}
	var se *SyntaxError
	if err != nil && !errors.As(err, &se) && !errors.Is(err, ErrMissingMsgType) && !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Parse returned an error of no documented kind: %v", err)
	}
	if !isJSON(body) {
		return false
	}
	if se != nil && (se.Offset < 0 || se.Offset > len(body)) {
		t.Fatalf("syntax error offset %d outside the body of %d", se.Offset, len(body))
	}
	plain := bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	valid := json.Valid(plain)
	switch {
	case se != nil && valid && !jsonLimit(se):
		t.Fatalf("encoding/json accepts what we refuse: %v", err)
	case se == nil && !errors.Is(err, ErrTooLarge) && !valid && !jsonTolerated(plain):
		t.Fatalf("we accept what encoding/json refuses: %q", body)
	}
	if err != nil && !errors.Is(err, ErrMissingMsgType) || !valid {
		return false
	}

	// The differential: the input's members in an event of a known type.
	i := bytes.IndexByte(plain, '{')
	rest := bytes.TrimLeft(plain[i+1:], " \t\r\n")
	wrapped := []byte(`{"MsgType":"event","Event":"fuzz_json"`)
	if len(rest) > 0 && rest[0] != '}' {
		wrapped = append(wrapped, ',')
	}
	wrapped = append(wrapped, rest...)
	if !jsonKeysComparable(wrapped) || jsonTolerated(wrapped) {
		return false
	}
	var mirror fuzzJSONMirror
	if json.Unmarshal(wrapped, &mirror) != nil {
		return false // encoding/json refuses these values into these types; we are lenient there
	}
	got, err := fuzzJSONParser.Parse(wrapped)
	if err != nil {
		if errors.As(err, &se) && jsonLimit(se) {
			return false
		}
		t.Fatalf("Parse of the wrapped body: %v", err)
	}
	ours, ok := got.(*fuzzJSONEvent)
	if !ok {
		t.Fatalf("wrapped body parsed to %T", got)
	}
	compareJSONFuzz(t, ours, &mirror)
	return true
}

// The seeds reach the comparison, and the checks see a difference.
func TestParseJSONDifferential(t *testing.T) {
	compared := 0
	for _, s := range fuzzJSONSeeds {
		if checkParseJSON(t, []byte(s)) {
			compared++
		}
	}
	assert.GreaterOrEqual(t, compared, 3)
	var mirror fuzzJSONMirror
	require.NoError(t, json.Unmarshal([]byte(fuzzJSONSeeds[0]), &mirror))
	got, err := fuzzJSONParser.Parse([]byte(`{"MsgType":"event","Event":"fuzz_json",` + fuzzJSONSeeds[0][1:]))
	require.NoError(t, err)
	ours := got.(*fuzzJSONEvent)
	assert.Equal(t, "a", ours.Str)
	assert.Equal(t, []fuzzJSONItem{{A: "p"}, {N: 4}}, ours.Items)
	assert.Equal(t, mirror.Items, ours.Items)
	assert.Equal(t, mirror.Ptr, ours.Ptr)
}

// jsonLimit reports whether a syntax error is one of the limits, which
// encoding/json does not have.
func jsonLimit(se *SyntaxError) bool {
	for _, msg := range []string{"nested too deeply", "too many elements", "key too long"} {
		if strings.Contains(se.Msg, msg) {
			return true
		}
	}
	return false
}

func compareJSONFuzz(t *testing.T, ours *fuzzJSONEvent, m *fuzzJSONMirror) {
	t.Helper()
	eqStr := func(field, o, x string) {
		if asJSONString(o) != x {
			t.Fatalf("%s: ours %q, encoding/json %q", field, o, x)
		}
	}
	eqItem := func(field string, o, x fuzzJSONItem) {
		eqStr(field+".A", o.A, x.A)
		if o.N != x.N {
			t.Fatalf("%s.N: ours %d, encoding/json %d", field, o.N, x.N)
		}
	}
	if m.CreateTime == nil {
		if !ours.CreateTime.IsZero() {
			t.Fatalf("CreateTime: ours %v, encoding/json none", ours.CreateTime)
		}
	} else if ours.CreateTime.Unix() != *m.CreateTime {
		t.Fatalf("CreateTime: ours %d, encoding/json %d", ours.CreateTime.Unix(), *m.CreateTime)
	}
	eqStr("Str", ours.Str, m.Str)
	eqStr("Inner", ours.Inner, m.Obj.Inner)
	if ours.Int != m.Int || ours.Small != m.Small || ours.U != m.U || ours.B != m.B {
		t.Fatalf("scalars: ours %d %d %d %v, encoding/json %d %d %d %v", ours.Int, ours.Small, ours.U, ours.B, m.Int, m.Small, m.U, m.B)
	}
	if ours.F != m.F && !(math.IsNaN(ours.F) && math.IsNaN(m.F)) {
		t.Fatalf("F: ours %v, encoding/json %v", ours.F, m.F)
	}
	eqItem("Nest", ours.Nest, m.Nest)
	if len(ours.Items) != len(m.Items) || len(ours.Tags) != len(m.Tags) {
		t.Fatalf("slices: ours %d items %d tags, encoding/json %d items %d tags", len(ours.Items), len(ours.Tags), len(m.Items), len(m.Tags))
	}
	for i := range ours.Items {
		eqItem("Items", ours.Items[i], m.Items[i])
	}
	for i := range ours.Tags {
		eqStr("Tags", ours.Tags[i], m.Tags[i])
	}
	if (ours.Ptr == nil) != (m.Ptr == nil) {
		t.Fatalf("Ptr: ours %v, encoding/json %v", ours.Ptr, m.Ptr)
	}
	if ours.Ptr != nil {
		eqItem("Ptr", *ours.Ptr, *m.Ptr)
	}
}
