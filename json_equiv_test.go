package wechatevent

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// jsonNumber is a value that JSON can carry as a number without changing
// its text.
var jsonNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// xmlToJSON writes the JSON form of an XML body, the way WeChat shapes its
// JSON pushes: the root's children are the top-level keys, an element with
// children an object, adjacent elements of one name an array, any other
// element its text, as a number where the text is one (asNumbers) and as a
// string otherwise. The text is the XML scanner's, so CDATA and trimming have
// been applied; bytes that are not valid UTF-8 are kept as they are.
// jsonForm is one JSON form of an XML fixture, named for its subtest.
type jsonForm struct {
	name string
	body []byte
}

// jsonForms returns both JSON forms of the XML fixture file: scalars as
// strings, and as numbers where they are ones.
func jsonForms(t *testing.T, file string, body []byte) []jsonForm {
	t.Helper()
	return []jsonForm{
		{file + "/strings", xmlToJSON(t, body, false)},
		{file + "/numbers", xmlToJSON(t, body, true)},
	}
}

func xmlToJSON(t *testing.T, body []byte, asNumbers bool) []byte {
	t.Helper()
	tab, err := scanXML(unsafe.String(unsafe.SliceData(body), len(body)))
	require.NoError(t, err)
	kids := make([][]int, tab.Len())
	for i := 1; i < tab.Len(); i++ {
		kids[tab.Elems[i].Parent] = append(kids[tab.Elems[i].Parent], i)
	}
	var out []byte
	var value func(i int)
	object := func(i int) {
		out = append(out, '{')
		ks := kids[i]
		for j := 0; j < len(ks); {
			name := tab.LocalName(ks[j])
			k := j + 1
			for k < len(ks) && tab.LocalName(ks[k]) == name {
				k++
			}
			if j > 0 {
				out = append(out, ',')
			}
			out = appendJSONText(out, name)
			out = append(out, ':')
			if k-j == 1 {
				value(ks[j])
			} else {
				out = append(out, '[')
				for m := j; m < k; m++ {
					if m > j {
						out = append(out, ',')
					}
					value(ks[m])
				}
				out = append(out, ']')
			}
			j = k
		}
		out = append(out, '}')
	}
	value = func(i int) {
		switch text := tab.Value(i); {
		case len(kids[i]) > 0:
			object(i)
		case asNumbers && jsonNumber.MatchString(text):
			out = append(out, text...)
		default:
			out = appendJSONText(out, text)
		}
	}
	object(0)
	return out
}

// appendJSONText appends s as a JSON string, escaping only what JSON requires,
// so that invalid UTF-8 reaches the reader as it is.
func appendJSONText(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			dst = append(dst, '\\', c)
		case c < 0x20:
			dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		default:
			dst = append(dst, c)
		}
	}
	return append(dst, '"')
}

// TestJSONFormsOfXMLFixtures: the JSON form of every XML fixture with an
// expected value decodes to the same value, field by field, with scalars
// written as strings and again as numbers where they are numbers.
func TestJSONFormsOfXMLFixtures(t *testing.T) {
	n := 0
	for _, cases := range [][]catalogCase{catalogSamples, freshSamples} {
		for _, tc := range cases {
			if tc.err != nil {
				continue
			}
			body, err := os.ReadFile(fixturePath(tc.file))
			require.NoError(t, err)
			for _, form := range jsonForms(t, tc.file, body) {
				js := form.body
				t.Run(form.name, func(t *testing.T) {
					got, err := Parse(js)
					require.NoError(t, err, "%s", js)
					if tc.check != nil {
						u, ok := got.(*UnknownEvent)
						require.Truef(t, ok, "parsed to %T, want *UnknownEvent", got)
						assert.Equal(t, js, u.Raw)
						tc.check(t, u)
						return
					}
					require.IsType(t, tc.want, got)
					assert.Equal(t, tc.want, got, "%s", js)
				})
				n++
			}
		}
	}
	assert.Greater(t, n, 200, "every fixture has its JSON form")
}

// The converter itself: a nested, repeated and escaped body.
func TestXMLToJSON(t *testing.T) {
	body := []byte("<xml><A>1</A><B><C>x\"y</C><C><![CDATA[ z ]]></C></B><D>\x01</D><n:E>0.5</n:E></xml>")
	assert.Equal(t, `{"A":"1","B":{"C":["x\"y"," z "]},"D":"\u0001","E":"0.5"}`, string(xmlToJSON(t, body, false)))
	assert.Equal(t, `{"A":1,"B":{"C":["x\"y"," z "]},"D":"\u0001","E":0.5}`, string(xmlToJSON(t, body, true)))
	assert.True(t, strings.HasPrefix(string(xmlToJSON(t, []byte("<xml/>"), true)), "{}"))
}
