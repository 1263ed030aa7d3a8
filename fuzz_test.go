package wechatevent

import (
	"bytes"
	"encoding/xml"
	"errors"
	"github.com/wechatevent/wechatevent/internal/bind"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// fuzzDoc is the oracle struct of FuzzParse: our decoder and encoding/xml
// fill it from the same tags, and must agree on every field.
type fuzzDoc struct {
	ToUserName string     `xml:"ToUserName"`
	Content    string     `xml:"Content"`
	CreateTime int64      `xml:"CreateTime"`
	Scale      int32      `xml:"Scale"`
	Count      uint16     `xml:"Count"`
	Latitude   float64    `xml:"Latitude"`
	Flag       bool       `xml:"Flag"`
	Label      string     `xml:"Info>Label"`
	Depth      int        `xml:"Info>Deep>Depth"`
	Items      []fuzzItem `xml:"List>item"`
	Tags       []string   `xml:"Tag"`
	Nested     fuzzItem   `xml:"Nested"`
	Ptr        *fuzzItem  `xml:"Ptr"`
}

type fuzzItem struct {
	Name string  `xml:"Name"`
	N    int     `xml:"N"`
	F    float32 `xml:"F"`
}

// fuzzSeeds are bodies that reach the corners of the scanner: every fixture
// under testdata/, the benchmark bodies and the quirks of real traffic.
var fuzzSeeds = []string{
	benchFlat, benchNested, benchText, benchUnknown, benchMalformed,
	"<xml><ToUserName>a</ToUserName><Content> x <![CDATA[ y ]]> z </Content></xml>",
	"\xef\xbb\xbf<?xml version=\"1.0\"?>\r\n<xml>\r\n<Content><![CDATA[a\r\nb]]></Content><CreateTime> 12 </CreateTime></xml>",
	"<xml><Content><![CDATA[a]]]]><![CDATA[>b]]></Content><Scale><![CDATA[5]]></Scale></xml>",
	"<xml><Info><Label>l</Label><Deep><Depth>3</Depth></Deep></Info><Info><Label>m</Label></Info></xml>",
	"<xml><List><item><Name>a</Name><N>1</N><F>1.5</F></item><item><Name>b</Name></item></List><List><item/></List></xml>",
	"<xml><Tag>a</Tag><Tag/><Tag> b </Tag><Nested><Name>n</Name></Nested><Nested><N>2</N></Nested><Ptr><N>7</N></Ptr></xml>",
	"<xml><Content>a &amp; b &lt;c&gt; &#x4e2d;&#25991; &quot;&apos;</Content><Flag> true </Flag><Latitude>23.137466</Latitude></xml>",
	"<xml a=\"1\" b='2'><x:Content xmlns:x=\"urn:x\">p</x:Content><!-- c --><?pi x?><Count>65535</Count></xml>",
	"<!DOCTYPE xml [<!ENTITY e \"E\">]><xml><Content>&e;</Content></xml>",
	"<xml><Content>\x02\x1d\xff</Content></xml>",
	"<xml><Content>a<b>X</b>c</Content></xml><!-- trailing -->\n",
	"<xml><CreateTime>1700000000.0</CreateTime><Scale>99999999999</Scale><Latitude>NaN</Latitude></xml>",
	"<xml><Content>a</Content></xml><xml/>",
}

// addFixtureSeeds adds every file under testdata/ except the fuzz corpus,
// which the fuzzing engine reads itself.
func addFixtureSeeds(f *testing.F) {
	err := filepath.WalkDir("testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path == filepath.Join("testdata", "fuzz") {
			return filepath.SkipDir
		}
		if d.IsDir() {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f.Add(b)
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		f.Fatal(err)
	}
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
}

// decodeInto scans body and fills v, a pointer to a struct, by its plan, as
// Parse does once it knows the type.
func decodeInto(body []byte, v any) error {
	t, err := scanXML(string(body))
	if err != nil {
		return err
	}
	rv := reflect.ValueOf(v)
	plan, err := bind.For(rv.Elem().Type())
	if err != nil {
		return err
	}
	var b bind.Binder
	b.Fill(plan, t, rv.UnsafePointer(), false)
	return nil
}

// normText applies the documented differences between a value we keep and
// the one encoding/xml keeps: encoding/xml turns CR LF and CR into LF, we
// keep the bytes; we drop white space outside CDATA at both ends, encoding/xml
// keeps it. Both sides are normalised the same way.
func normText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.TrimSpace(s)
}

// FuzzParse checks the invariants of Parse on any input, and compares our
// decoder with encoding/xml on every input both accept.
func FuzzParse(f *testing.F) {
	addFixtureSeeds(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		ev, err := Parse(body)
		if (ev == nil) == (err == nil) {
			t.Fatalf("Parse returned event %T and error %v: want exactly one", ev, err)
		}
		var se *SyntaxError
		if err != nil && !errors.As(err, &se) && !errors.Is(err, ErrMissingMsgType) && !errors.Is(err, ErrTooLarge) {
			t.Fatalf("Parse returned an error of no documented kind: %v", err)
		}

		var ours, theirs fuzzDoc
		oerr := decodeInto(body, &ours)
		dec := xml.NewDecoder(bytes.NewReader(body))
		xerr := dec.Decode(&theirs)
		if xerr != nil {
			return // encoding/xml refuses it; where we accept, we are deliberately more tolerant
		}
		if oerr != nil {
			if !errors.As(oerr, &se) {
				t.Fatalf("decode error of no documented kind: %v", oerr)
			}
			if !deliberatelyStricter(se, dec.InputOffset()) {
				t.Fatalf("encoding/xml accepts what we refuse: %v", oerr)
			}
			return
		}
		compareDocs(t, &ours, &theirs)
	})
}

// deliberatelyStricter reports whether a syntax error that encoding/xml does
// not raise is one of the classes where we refuse on purpose. rootEnd is
// where encoding/xml stopped reading: it ignores everything after the root
// element, we refuse a second root and text after it.
func deliberatelyStricter(se *SyntaxError, rootEnd int64) bool {
	if int64(se.Offset) >= rootEnd {
		return true
	}
	for _, msg := range []string{
		"text outside the root element",            // encoding/xml skips text before the root
		"CDATA outside the root element",           // likewise
		"DOCTYPE",                                  // a DOCTYPE is allowed only before the root, and read more simply
		"malformed markup after '<!'",              // encoding/xml accepts any "<!...>" directive
		"undefined or invalid reference",           // encoding/xml turns a surrogate reference into U+FFFD
		"malformed character or entity reference",  // references longer than 16 bytes, such as "&#x000000000041;"
		"expected white space before an attribute", // encoding/xml reads a="1"b="2"
		"nested too deeply",                        // limits that no real callback reaches
		"too many elements",
		"name too long",
	} {
		if strings.Contains(se.Msg, msg) {
			return true
		}
	}
	return false
}

func compareDocs(t *testing.T, ours, theirs *fuzzDoc) {
	t.Helper()
	eqText := func(field, o, x string) {
		if normText(o) != normText(x) {
			t.Fatalf("%s: ours %q, encoding/xml %q", field, o, x)
		}
	}
	eqItem := func(field string, o, x fuzzItem) {
		eqText(field+".Name", o.Name, x.Name)
		if o.N != x.N {
			t.Fatalf("%s.N: ours %d, encoding/xml %d", field, o.N, x.N)
		}
		if !sameFloat(float64(o.F), float64(x.F)) {
			t.Fatalf("%s.F: ours %v, encoding/xml %v", field, o.F, x.F)
		}
	}
	eqText("ToUserName", ours.ToUserName, theirs.ToUserName)
	eqText("Content", ours.Content, theirs.Content)
	eqText("Label", ours.Label, theirs.Label)
	if ours.CreateTime != theirs.CreateTime || ours.Scale != theirs.Scale || ours.Count != theirs.Count || ours.Depth != theirs.Depth {
		t.Fatalf("integers: ours %d %d %d %d, encoding/xml %d %d %d %d",
			ours.CreateTime, ours.Scale, ours.Count, ours.Depth,
			theirs.CreateTime, theirs.Scale, theirs.Count, theirs.Depth)
	}
	if !sameFloat(ours.Latitude, theirs.Latitude) {
		t.Fatalf("Latitude: ours %v, encoding/xml %v", ours.Latitude, theirs.Latitude)
	}
	if ours.Flag != theirs.Flag {
		t.Fatalf("Flag: ours %v, encoding/xml %v", ours.Flag, theirs.Flag)
	}
	if len(ours.Items) != len(theirs.Items) || len(ours.Tags) != len(theirs.Tags) {
		t.Fatalf("slices: ours %d items %d tags, encoding/xml %d items %d tags",
			len(ours.Items), len(ours.Tags), len(theirs.Items), len(theirs.Tags))
	}
	for i := range ours.Items {
		eqItem("Items", ours.Items[i], theirs.Items[i])
	}
	for i := range ours.Tags {
		eqText("Tags", ours.Tags[i], theirs.Tags[i])
	}
	eqItem("Nested", ours.Nested, theirs.Nested)
	if (ours.Ptr == nil) != (theirs.Ptr == nil) {
		t.Fatalf("Ptr: ours %v, encoding/xml %v", ours.Ptr, theirs.Ptr)
	}
	if ours.Ptr != nil {
		eqItem("Ptr", *ours.Ptr, *theirs.Ptr)
	}
}

// sameFloat compares floats by the documented rule: a value encoding/xml
// reads as NaN or an infinity is 0 for us, as is every text that is not a
// finite number.
func sameFloat(o, x float64) bool {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return o == 0
	}
	return o == x
}

// FuzzScan checks the scanner alone: on any input it returns nodes or an
// error; the nodes form a tree in document order; and when encoding/xml's
// tokenizer reads the same root element, the element names, their nesting
// and their text agree.
func FuzzScan(f *testing.F) {
	addFixtureSeeds(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		tab, err := scanXML(string(body))
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Offset < 0 || se.Offset > len(body) {
				t.Fatalf("scan error %v: want a *SyntaxError with an offset inside the body", err)
			}
			return
		}
		if tab.Len() == 0 || tab.Elems[0].Parent != -1 {
			t.Fatalf("no root element: %+v", tab.Elems)
		}
		for i, e := range tab.Elems[1:] {
			if e.Parent < 0 || int(e.Parent) > i {
				t.Fatalf("element %d (%s) has parent %d", i+1, tab.Name(i+1), e.Parent)
			}
		}
		names, texts, ok := tokenTree(body)
		if !ok {
			return // encoding/xml refuses the root element: we are more tolerant there
		}
		if len(names) != tab.Len() {
			t.Fatalf("ours %d elements, encoding/xml %d", tab.Len(), len(names))
		}
		for i := range tab.Elems {
			if name := tab.Name(i); name != names[i] {
				t.Fatalf("element %d: ours %q, encoding/xml %q", i, name, names[i])
			}
			if text := tab.Value(i); normText(text) != normText(texts[i]) {
				t.Fatalf("text of element %d <%s>: ours %q, encoding/xml %q", i, tab.Name(i), text, texts[i])
			}
		}
	})
}

// tokenTree reads the first root element with encoding/xml's tokenizer and
// returns the names and text of its elements in document order; ok is false
// when encoding/xml refuses any of it.
func tokenTree(body []byte) (names, texts []string, ok bool) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	var stack []int
	for {
		tok, err := dec.RawToken()
		if err != nil {
			return nil, nil, false
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			name := tok.Name.Local
			if tok.Name.Space != "" {
				name = tok.Name.Space + ":" + name
			}
			names = append(names, name)
			texts = append(texts, "")
			stack = append(stack, len(names)-1)
		case xml.EndElement:
			if len(stack) == 0 {
				return nil, nil, false
			}
			if name := tok.Name.Local; tok.Name.Space != "" && tok.Name.Space+":"+name != names[stack[len(stack)-1]] ||
				tok.Name.Space == "" && name != names[stack[len(stack)-1]] {
				return nil, nil, false // RawToken does not match end tags; Token would refuse this
			}
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				return names, texts, true
			}
		case xml.CharData:
			if len(stack) > 0 {
				texts[stack[len(stack)-1]] += string(tok)
			}
		}
	}
}
