package bind

import (
	"encoding/xml"
	"reflect"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wechatevent/wechatevent/internal/elem"
	"github.com/wechatevent/wechatevent/internal/xmlread"
)

// fill reads body as XML and fills v, a pointer to a struct.
func fill(t *testing.T, body string, v any) {
	t.Helper()
	var r xmlread.Reader
	var tab elem.Table
	require.NoError(t, r.Read(&tab, body))
	p, err := For(reflect.TypeOf(v).Elem())
	require.NoError(t, err)
	var b Binder
	b.Fill(p, &tab, reflect.ValueOf(v).UnsafePointer(), false)
}

type (
	parityItem struct {
		N   int    `xml:"N"`
		Tag string `xml:"Tag"`
	}
	parityInner struct {
		A string `xml:"A"`
		B int    `xml:"B"`
	}
	parityEmbedded struct {
		Shared string `xml:"Shared"`
		Deep   string `xml:"Deep"`
	}
	parityAll struct {
		parityEmbedded
		XMLName  xml.Name     `xml:"xml"`
		Deep     string       `xml:"Deep"` // shallower than the embedded Deep: wins
		Str      string       `xml:"Str"`
		Bytes    []byte       `xml:"Bytes"`
		Empty    []byte       `xml:"Empty"`
		Absent   []byte       `xml:"Absent"`
		Int      int          `xml:"Int"`
		Int8     int8         `xml:"Int8"`
		Uint16   uint16       `xml:"Uint16"`
		Float    float64      `xml:"Float"`
		Bool     bool         `xml:"Bool"`
		Path     string       `xml:"Outer>Inner>Leaf"`
		Strings  []string     `xml:"List>S"`
		Items    []parityItem `xml:"Items>Item"`
		Inner    parityInner  `xml:"Inner"`
		Ptr      *parityInner `xml:"Ptr"`
		PtrInt   *int         `xml:"PtrInt"`
		Untagged string
		Last     string `xml:"Last"`
		Skipped  string `xml:"-"`
		private  string
	}
	parityText struct {
		Text  string `xml:",chardata"`
		Child string `xml:"Child"`
	}
	parityCDATA struct {
		Code  parityCode  `xml:"Code"`
		Chars parityChars `xml:"Chars"`
	}
	parityCode struct {
		Value string `xml:",cdata"`
	}
	parityChars struct {
		Value []byte `xml:",chardata"`
	}
)

// TestParityWithEncodingXML fills the same structs from the same bodies with
// encoding/xml and with the binder, and requires the same values. The bodies
// keep their values free of surrounding white space, which the binder trims
// by the field rules and encoding/xml keeps.
func TestParityWithEncodingXML(t *testing.T) {
	cases := []struct {
		name string
		body string
		new  func() any
	}{
		{"every kind", `<xml><Str>s &amp; t</Str><Bytes>raw<![CDATA[<b>]]></Bytes><Empty></Empty><Int>-42</Int><Int8>7</Int8>` +
			`<Uint16>65535</Uint16><Float>1.5</Float><Bool>true</Bool><Outer><Inner><Leaf>deep</Leaf></Inner></Outer>` +
			`<List><S>a</S><S>b</S></List><List><S>c</S></List><Items><Item><N>1</N><Tag>x</Tag></Item><Item><N>2</N></Item></Items>` +
			`<Inner><A>ia</A><B>9</B></Inner><Ptr><A>pa</A></Ptr><PtrInt>5</PtrInt><Untagged>u</Untagged><Shared>sh</Shared>` +
			`<Deep>top</Deep><Last>1</Last><Last>2</Last><Unknown><Str>not me</Str></Unknown><Skipped>no</Skipped><private>no</private></xml>`,
			func() any { return new(parityAll) }},
		{"namespaces and attributes", `<xml xmlns:w="urn:x"><w:Str a="1">prefixed</w:Str><Int b='2'>3</Int></xml>`, func() any { return new(parityAll) }},
		{"chardata of a wrapper", `<xml>before<Child>c</Child>after</xml>`, func() any { return new(parityText) }},
		{"cdata and chardata fields", `<xml><Code><![CDATA[if a<b {}]]></Code><Chars>x&lt;y</Chars></xml>`, func() any { return new(parityCDATA) }},
		{"repeated wrapper", `<xml><Items><Item><N>1</N></Item></Items><Other/><Items><Item><N>2</N></Item><Item><N>3</N></Item></Items></xml>`, func() any { return new(parityAll) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want, got := c.new(), c.new()
			require.NoError(t, xml.Unmarshal([]byte(c.body), want))
			fill(t, c.body, got)
			clearXMLName(want)
			assert.Equal(t, want, got)
		})
	}
}

func clearXMLName(v any) {
	if f := reflect.ValueOf(v).Elem().FieldByName("XMLName"); f.IsValid() {
		f.Set(reflect.Zero(f.Type()))
	}
}

// TestFieldRules checks the rules where the binder departs from
// encoding/xml on purpose: trimmed plain text, lenient numbers and times.
func TestFieldRules(t *testing.T) {
	type rules struct {
		Trim    string    `xml:"Trim"`
		CDATA   string    `xml:"CDATA"`
		Num     int       `xml:"Num"`
		Frac    int64     `xml:"Frac"`
		Bad     int       `xml:"Bad"`
		Over    int8      `xml:"Over"`
		Neg     uint      `xml:"Neg"`
		Created time.Time `xml:"Created"`
		RFC     time.Time `xml:"RFC"`
		NaN     float64   `xml:"NaN"`
		One     bool      `xml:"One"`
	}
	var v rules
	fill(t, "<xml><Trim>\n  x y \n</Trim><CDATA> <![CDATA[ kept ]]> </CDATA><Num><![CDATA[ 12 ]]></Num><Frac>1700000000.0</Frac>"+
		"<Bad>12a</Bad><Over>300</Over><Neg>-1</Neg><Created> 1700000000 </Created><RFC>2024-01-02T03:04:05Z</RFC><NaN>NaN</NaN><One>1</One></xml>", &v)
	assert.Equal(t, rules{Trim: "x y", CDATA: " kept ", Num: 12, Frac: 1700000000, Created: time.Unix(1700000000, 0),
		RFC: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC), One: true}, v)
}

// TestFillCopiesValues: with own false, no stored string aliases the body
// or the table's buffer, whether the body is copied whole (at most
// maxWhole bytes) or value by value.
func TestFillCopiesValues(t *testing.T) {
	type s struct {
		A string `xml:"A"`
		B []byte `xml:"B"`
		C string `xml:"C"`
	}
	for _, pad := range []int{0, maxWhole} {
		body := []byte("<xml><A>alpha</A><B>beta</B><C>a&amp;b</C><P>" + strings.Repeat("p", pad) + "</P></xml>")
		var r xmlread.Reader
		var tab elem.Table
		require.NoError(t, r.Read(&tab, unsafe.String(&body[0], len(body))))
		require.NotEmpty(t, tab.Buf, "the entity's value lives in the buffer")
		p, err := For(reflect.TypeOf(s{}))
		require.NoError(t, err)
		var b Binder
		var w s
		b.Fill(p, &tab, unsafe.Pointer(&w), false)
		for i := range body {
			body[i] = 'z'
		}
		for i := range tab.Buf {
			tab.Buf[i] = 'z'
		}
		assert.Equal(t, s{A: "alpha", B: []byte("beta"), C: "a&b"}, w, "body of %d bytes", len(body))
	}
}

// TestUnsupportedFieldsFail: a tag or type the binder cannot honour fails
// plan building, naming the type and field.
func TestUnsupportedFieldsFail(t *testing.T) {
	type attr struct {
		ID string `xml:"id,attr"`
	}
	type anyField struct {
		Rest []string `xml:",any"`
	}
	type inner struct {
		Raw string `xml:",innerxml"`
	}
	type comment struct {
		C string `xml:",comment"`
	}
	type mapField struct {
		M map[string]string `xml:"M"`
	}
	type funcField struct {
		F func()
	}
	type ifaceField struct {
		I any `xml:"I"`
	}
	type unmarshaler struct {
		U customXML `xml:"U"`
	}
	type nested struct {
		Inner struct {
			C chan int `xml:"C"`
		} `xml:"Inner"`
	}
	type emptyPath struct {
		E string `xml:"A>>B"`
	}
	for _, c := range []struct {
		v     any
		field string
	}{
		{attr{}, "ID"}, {anyField{}, "Rest"}, {inner{}, "Raw"}, {comment{}, "C"}, {mapField{}, "M"}, {funcField{}, "F"},
		{ifaceField{}, "I"}, {unmarshaler{}, "U"}, {nested{}, "C"}, {emptyPath{}, "E"},
	} {
		_, err := For(reflect.TypeOf(c.v))
		if assert.Error(t, err, "%T", c.v) {
			assert.Contains(t, err.Error(), "."+c.field+":", "%T", c.v)
		}
	}
	_, err := For(reflect.TypeOf(0))
	assert.Error(t, err)
}

type customXML struct{}

func (*customXML) UnmarshalXML(*xml.Decoder, xml.StartElement) error { return nil }

// TestFillSkipsMalformedTables: a table no reader makes (an element whose
// parent is not open, a span beyond the body) is skipped, never a panic.
func TestFillSkipsMalformedTables(t *testing.T) {
	type s struct {
		A string `xml:"A"`
		B string `xml:"W>B"`
	}
	tab := elem.Table{Src: "<xml><A>a</A><W><B>b</B></W></xml>"}
	tab.Add(elem.SrcSpan(1, 4), 0, elem.Span{}, -1)
	tab.Add(elem.SrcSpan(6, 7), 0, elem.SrcSpan(8, 9), 0)
	tab.Add(elem.SrcSpan(14, 15), 0, elem.Span{}, 0)
	tab.Add(elem.SrcSpan(17, 18), 0, elem.Span{Off: 1000, Len: 5}, 2)
	tab.Add(elem.SrcSpan(6, 7), 0, elem.SrcSpan(8, 9), 7) // parent after itself
	p, err := For(reflect.TypeOf(s{}))
	require.NoError(t, err)
	var v s
	var b Binder
	require.NotPanics(t, func() { b.Fill(p, &tab, unsafe.Pointer(&v), false) })
	assert.Equal(t, s{A: "a"}, v)
}

func TestParseIntRule(t *testing.T) {
	for in, want := range map[string]int64{"1": 1, " 2 ": 2, "3.0": 3, "3.5": 0, "x": 0, "": 0, "-7": -7, "9223372036854775807": 1<<63 - 1} {
		got, _ := ParseInt(in, 64)
		assert.Equal(t, want, got, "%q", in)
	}
	got, ok := ParseInt("128", 8)
	assert.False(t, ok)
	assert.Zero(t, got)
}

func TestPlansAreCached(t *testing.T) {
	type s struct {
		A string `xml:"A"`
	}
	a, err := For(reflect.TypeOf(s{}))
	require.NoError(t, err)
	b, err := For(reflect.TypeOf(s{}))
	require.NoError(t, err)
	assert.Same(t, a, b)
	assert.Equal(t, reflect.TypeOf(s{}), a.Type())
	assert.True(t, strings.HasSuffix(a.Type().Name(), "s"))
}

// FuzzRun fills arbitrary bodies into a struct of every field kind with and
// without run, the loop most elements take, and requires the same values.
func FuzzRun(f *testing.F) {
	for _, body := range []string{
		`<xml><Str>s</Str><Int>-42</Int><Int8>300</Int8><Uint16>7</Uint16><Bool>1</Bool><Last>x</Last></xml>`,
		`<xml><Int> 12 </Int><Str><![CDATA[a]]></Str><Deep>d</Deep><Shared>s</Shared><Unknown>u</Unknown><Str>again</Str></xml>`,
		`<xml><Items><Item><N>1</N><Tag>x</Tag></Item><Item><Tag>y</Tag><N>2</N></Item></Items><List><S>a</S><S>b</S></List></xml>`,
		`<xml><Inner><A>ia</A><B>9</B></Inner><Ptr><A>pa</A><B>1.0</B></Ptr><PtrInt>5</PtrInt><Bytes>b</Bytes></xml>`,
		`<xml><a:Str>p</a:Str><Float>1e3</Float><Int>99999999999999999999</Int><Int8>-128</Int8></xml>`,
	} {
		f.Add(body)
	}
	p, err := For(reflect.TypeOf(parityAll{}))
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, body string) {
		var r xmlread.Reader
		var tab elem.Table
		if r.Read(&tab, body) != nil {
			return
		}
		var fast, general parityAll
		var b Binder
		b.Fill(p, &tab, unsafe.Pointer(&fast), false)
		b.general = true
		b.Fill(p, &tab, unsafe.Pointer(&general), false)
		require.Equal(t, general, fast)
	})
}
