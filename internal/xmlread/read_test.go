package xmlread

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wechatevent/wechatevent/internal/elem"
)

// flat is a table as plain strings, for comparing two reads.
type flat struct {
	Name, Local, Value string
	Parent             int32
}

func read(t testing.TB, src string, general bool) ([]flat, error) {
	t.Helper()
	r := Reader{general: general}
	var tab elem.Table
	if err := r.Read(&tab, src); err != nil {
		return nil, err
	}
	out := make([]flat, tab.Len())
	for i := range out {
		out[i] = flat{tab.Name(i), tab.LocalName(i), tab.Value(i), tab.Elems[i].Parent}
		// Whichever path made it, the key is the one rule's key of the local name.
		require.Equal(t, elem.KeyOf(tab.LocalName(i)), tab.Elems[i].Key, "key of <%s>", tab.Name(i))
	}
	return out, nil
}

// fixtureBodies returns the bodies of every XML fixture of the repository.
func fixtureBodies(t testing.TB) []string {
	var out []string
	for _, body := range fixtures(t) {
		out = append(out, body)
	}
	return out
}

// fixtures returns every XML fixture of the repository.
func fixtures(t testing.TB) map[string]string {
	out := map[string]string{}
	root := filepath.Join("..", "..", "testdata")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".xml") {
			return err
		}
		b, err := os.ReadFile(path)
		out[path] = string(b)
		return err
	})
	require.NoError(t, err)
	require.Greater(t, len(out), 100)
	return out
}

// TestFastAgreesWithGeneralPath reads every fixture, and variants that
// defeat the fast path halfway, with and without the fast loop, and requires
// identical tables and errors.
func TestFastAgreesWithGeneralPath(t *testing.T) {
	variants := func(body string) []string {
		return []string{body,
			strings.ReplaceAll(body, "]]></", "]]> </"),
			strings.ReplaceAll(body, "><", ">\r\n\t<"),
			strings.ReplaceAll(body, "</", "<!--c--></"),
			strings.ReplaceAll(body, "<![CDATA[", "&amp;<![CDATA["),
			body[:len(body)/2],
		}
	}
	for path, body := range fixtures(t) {
		for i, v := range variants(body) {
			fast, errFast := read(t, v, false)
			slow, errSlow := read(t, v, true)
			assert.Equal(t, errSlow, errFast, "%s variant %d", path, i)
			assert.Equal(t, slow, fast, "%s variant %d", path, i)
		}
	}
}

func TestValueRule(t *testing.T) {
	for body, want := range map[string]string{
		"<a>  x  </a>":                                  "x",
		"<a> <![CDATA[ x ]]> </a>":                      " x ",
		"<a>\n<![CDATA[x]]>\n<![CDATA[y]]>\n</a>":       "x\ny",
		"<a>x<!--c-->y</a>":                             "xy",
		"<a>x <!--c--> y</a>":                           "x  y",
		"<a>x<b/>y</a>":                                 "xy",
		"<a>&lt;&gt;&amp;&apos;&quot;&#65;&#x42;</a>":   `<>&'"AB`,
		"<a> &#32;x&#32; </a>":                          "x",
		"<a><![CDATA[]]></a>":                           "",
		"<a><![CDATA[]]>x</a>":                          "x",
		"<a>\x01\xff</a>":                               "\x01\xff",
		"<a>x<?pi?>y</a>":                               "xy",
		"\xef\xbb\xbf<?xml version='1.0'?>\n<a>v</a>\n": "v",
		"<!DOCTYPE a [<!ENTITY e 'x'>]><a>v</a>":        "v",
	} {
		got, err := read(t, body, false)
		require.NoError(t, err, "%q", body)
		assert.Equal(t, want, got[0].Value, "%q", body)
	}
}

func TestNames(t *testing.T) {
	got, err := read(t, `<xml><w:A x="1">v</w:A><a:b:c/><:d/><B /></xml>`, false)
	require.NoError(t, err)
	assert.Equal(t, []flat{
		{"xml", "xml", "", -1},
		{"w:A", "A", "v", 0},
		{"a:b:c", "a:b:c", "", 0},
		{":d", ":d", "", 0},
		{"B", "B", "", 0},
	}, got)
}

func TestErrors(t *testing.T) {
	for body, off := range map[string]int{
		"":                      0,
		"text":                  0,
		"<a>":                   3,
		"<a></b>":               3,
		"<a><![CDATA[x</a>":     3,
		"<a>&bogus;</a>":        3,
		"<a>&#0;</a>":           3,
		"<a><!-- x</a>":         3,
		"<a b></a>":             4,
		"<a></a><b/>":           7,
		"<a><a>" + "</a>":       10,
		"<1a/>":                 1,
		"<a>" + "<?x" + "</a>":  3,
		"</a>":                  0,
		"<a/>x":                 4,
		"<a><!DOCTYPE x></a>":   3,
		"<a " + "b='<'/>":       5,
		"<a>x</a  ":             9,
		"<a>" + "<![CDATA[x]]>": 16,
	} {
		_, err := read(t, body, false)
		var e *Error
		require.ErrorAs(t, err, &e, "%q", body)
		assert.Equal(t, off, e.Offset, "%q: %v", body, err)
	}
}

func TestLimits(t *testing.T) {
	deep := strings.Repeat("<a>", elem.MaxDepth) + strings.Repeat("</a>", elem.MaxDepth)
	_, err := read(t, deep, false)
	require.NoError(t, err)
	_, err = read(t, "<x>"+deep+"</x>", false)
	assert.ErrorContains(t, err, "nested too deeply")
	many := "<x>" + strings.Repeat("<a>1</a>", elem.MaxElements-1) + "</x>"
	_, err = read(t, many, false)
	require.NoError(t, err)
	_, err = read(t, "<x>"+strings.Repeat("<a>1</a>", elem.MaxElements)+"</x>", false)
	assert.ErrorContains(t, err, "too many elements")
	long := strings.Repeat("n", elem.MaxNameLen)
	_, err = read(t, "<"+long+"/>", false)
	require.NoError(t, err)
	_, err = read(t, "<"+long+"n/>", false)
	assert.ErrorContains(t, err, "name too long")
}

// FuzzFast reads arbitrary bodies with and without the fast loop and
// requires identical tables, keys included, and identical errors: the fast
// loop must accept exactly what the general path accepts, the same way.
func FuzzFast(f *testing.F) {
	for _, body := range fixtureBodies(f) {
		f.Add(body)
	}
	for _, body := range []string{
		"<xml><a>x</a></xml>", "<xml><ab>x</abc></xml>", "<xml><abcdefghijklmnopq>x</abcdefghijklmnopq></xml>",
		"<xml><ToUserName><![CDATA[a]]]></ToUserName></xml>", "<xml>\n        <A> x </A>\n</xml>",
		"<xml><a:b>x</a:b><Ab1>y</Ab1><_x>z</_x></xml>", "<xml><a>x</a ></xml>",
	} {
		f.Add(body)
	}
	f.Fuzz(func(t *testing.T, body string) {
		fast, errFast := read(t, body, false)
		slow, errSlow := read(t, body, true)
		require.Equal(t, errSlow, errFast)
		require.Equal(t, slow, fast)
	})
}
