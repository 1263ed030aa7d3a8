package wechatevent

import (
	"bytes"
	"encoding"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The field check of TestFixtures: every fixture that parses to a registered
// type is read a second time, by the standard library's tokenizers, into a
// tree of elements, and the tree is compared with the parsed value through
// the value's xml tags. It asks two things:
//
//   - every leaf element with text is modelled by a field of the type, so
//     that nothing a fixture carries is silently dropped (fieldCheckExcuses
//     lists the few that are, and why);
//   - every field holds what its elements say, by the package's field rules:
//     strings equal (in XML, once white space at either end is dropped: the
//     Token API does not say which text was CDATA, whose white space Parse
//     keeps), numbers, booleans and times parse to the same value (an
//     element that is not one is a finding: the field would lose it), a list
//     type reads the text to the same list, a slice has one item per
//     occurrence, a field filled more than once holds the last, and a field
//     no element reaches is zero.
//
// A new event's fields therefore need no table row: its one fixture checks
// every field it carries.

// fnode is an element of a fixture as the standard library reads it: its
// name (a JSON key), its own text, and its children in order. A JSON array
// is its key repeated, a nested object a wrapper, as in package elem.
type fnode struct {
	name string
	text string
	kids []*fnode
}

// isJSONFixture reports whether Parse reads body as JSON: its first byte
// after an optional BOM and white space is '{'.
func isJSONFixture(body []byte) bool {
	b := bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(b) > 0 && b[0] == '{'
}

// xmlTree reads an XML body with encoding/xml's tokens. Characters that XML
// 1.0 forbids, which Parse keeps and encoding/xml refuses, are read as
// U+FFFD here and in the values compared (see sameText).
func xmlTree(body []byte) (*fnode, error) {
	d := xml.NewDecoder(bytes.NewReader([]byte(strings.Map(xmlSafe, string(body)))))
	var root *fnode
	var open []*fnode
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &fnode{name: tok.Name.Local}
			if len(open) == 0 {
				root = n
			} else {
				top := open[len(open)-1]
				top.kids = append(top.kids, n)
			}
			open = append(open, n)
		case xml.EndElement:
			open = open[:len(open)-1]
		case xml.CharData:
			if len(open) > 0 {
				open[len(open)-1].text += string(tok)
			}
		}
	}
	if root == nil {
		return nil, fmt.Errorf("no root element")
	}
	return root, nil
}

// xmlSafe maps the characters XML 1.0 forbids to U+FFFD.
func xmlSafe(r rune) rune {
	switch {
	case r == '\t' || r == '\n' || r == '\r', r >= 0x20 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return r
	}
	return '\uFFFD'
}

// jsonTree reads a JSON body with encoding/json's tokens: the top-level
// object is the root, null is no element, a number is its text as written.
func jsonTree(body []byte) (*fnode, error) {
	d := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))))
	d.UseNumber()
	holder := &fnode{}
	if err := jsonValue(d, "", holder); err != nil {
		return nil, err
	}
	if len(holder.kids) != 1 {
		return nil, fmt.Errorf("the body is not one JSON object")
	}
	return holder.kids[0], nil
}

// jsonValue reads the next value, named name, as children of parent.
func jsonValue(d *json.Decoder, name string, parent *fnode) error {
	tok, err := d.Token()
	if err != nil {
		return err
	}
	switch v := tok.(type) {
	case json.Delim:
		if v == '[' {
			for d.More() {
				if err := jsonValue(d, name, parent); err != nil {
					return err
				}
			}
			_, err = d.Token()
			return err
		}
		n := &fnode{name: name}
		parent.kids = append(parent.kids, n)
		for d.More() {
			key, err := d.Token()
			if err != nil {
				return err
			}
			if err := jsonValue(d, key.(string), n); err != nil {
				return err
			}
		}
		_, err = d.Token()
		return err
	case nil:
		return nil
	case string:
		parent.kids = append(parent.kids, &fnode{name: name, text: v})
	case json.Number:
		parent.kids = append(parent.kids, &fnode{name: name, text: v.String()})
	case bool:
		parent.kids = append(parent.kids, &fnode{name: name, text: strconv.FormatBool(v)})
	}
	return nil
}

// fixtureTree reads body into elements with the tokenizer of its syntax.
func fixtureTree(body []byte) (root *fnode, isJSON bool, err error) {
	if isJSONFixture(body) {
		root, err = jsonTree(body)
		return root, true, err
	}
	root, err = xmlTree(body)
	return root, false, err
}

// tagField is a field of a struct as its xml tags describe it: the element
// paths it is filled from (the tag's and its aliases'), and its embedding
// depth, as a path belongs to its shallowest fields.
type tagField struct {
	name     string // the Go field name, for messages
	index    []int
	paths    [][]string
	depth    int
	chardata bool
}

// tagFields lists the fields of struct type t that elements fill, with the
// fields of embedded structs promoted, as in encoding/xml.
func tagFields(t reflect.Type) []tagField {
	var out []tagField
	var walk func(t reflect.Type, index []int, depth int)
	walk = func(t reflect.Type, index []int, depth int) {
		for i := range t.NumField() {
			sf := t.Field(i)
			tag, hasTag := sf.Tag.Lookup("xml")
			name, opts, _ := strings.Cut(tag, ",")
			at := append(slices.Clone(index), i)
			switch {
			case tag == "-" || sf.Name == "XMLName":
				continue
			case sf.Anonymous && name == "" && sf.Type.Kind() == reflect.Struct:
				walk(sf.Type, at, depth+1)
				continue
			case !sf.IsExported():
				continue
			}
			f := tagField{name: sf.Name, index: at, depth: depth}
			if opts == "chardata" || opts == "cdata" {
				f.chardata = true
				out = append(out, f)
				continue
			}
			if !hasTag || name == "" {
				name = sf.Name
			}
			if i := strings.LastIndexByte(name, ' '); i >= 0 {
				name = name[i+1:] // a namespace before the name is not matched
			}
			path := strings.Split(name, ">")
			f.paths = append(f.paths, path)
			if a := sf.Tag.Get("alias"); a != "" {
				for _, alt := range strings.Split(a, ",") {
					if strings.Contains(alt, ">") { // a whole path; a leading ">" is a child of the struct's element
						f.paths = append(f.paths, strings.Split(strings.TrimPrefix(alt, ">"), ">"))
					} else { // another spelling of the last name
						f.paths = append(f.paths, append(slices.Clone(path[:len(path)-1]), alt))
					}
				}
			}
			out = append(out, f)
		}
	}
	walk(t, nil, 0)
	return out
}

// finding is one thing the field check found: an element no field models,
// or a field that disagrees with its elements.
type finding struct {
	at    string // the element path, A>B>C; "" for a field no element fills
	field string // the Go field, Event.A.B[1]; "" for an element no field models
	msg   string
}

func (f finding) String() string {
	switch {
	case f.field == "":
		return "element " + f.at + " " + f.msg
	case f.at == "":
		return f.field + " " + f.msg
	}
	return f.at + " (" + f.field + ") " + f.msg
}

// fieldCheck is one comparison of a parsed value with a fixture's elements.
type fieldCheck struct {
	found []finding
	// reached holds, per leaf value an element fills, the element: the last
	// of a repeated one, as Parse keeps the last.
	reached map[valueKey]reachedLeaf
	order   []valueKey               // reached's keys in document order
	items   map[valueKey]*sliceItems // the elements counted per slice
	lists   []*sliceItems            // items' values in document order
}

// valueKey names one value inside the parsed struct.
type valueKey struct {
	addr uintptr
	typ  reflect.Type
}

func valueKeyOf(v reflect.Value) valueKey { return valueKey{v.Addr().Pointer(), v.Type()} }

type reachedLeaf struct {
	v           reflect.Value
	text        string
	at, goField string
}

type sliceItems struct {
	v           reflect.Value
	n           int
	at, goField string
}

// checkFields compares the parsed value ev, a pointer to a struct, with the
// elements under root, and returns what disagrees.
func checkFields(ev any, root *fnode, isJSON bool) []finding {
	c := &fieldCheck{reached: map[valueKey]reachedLeaf{}, items: map[valueKey]*sliceItems{}}
	v := reflect.ValueOf(ev).Elem()
	name := v.Type().Name()
	c.element(v, root, "", name)
	for _, k := range c.order {
		r := c.reached[k]
		if msg := agrees(r.v, r.text, isJSON); msg != "" {
			c.found = append(c.found, finding{r.at, r.goField, msg})
		}
	}
	for _, s := range c.lists {
		if s.v.Len() != s.n {
			c.found = append(c.found, finding{s.at, s.goField, fmt.Sprintf("has %d items for %d elements", s.v.Len(), s.n)})
		}
	}
	c.unreachedAreZero(v, name)
	return c.found
}

// wrapped walks the children of element n, whose fields are fields of the
// struct v, prefix being the names from v's own element down to n.
func (c *fieldCheck) wrapped(v reflect.Value, fields []tagField, prefix []string, n *fnode, path, goPath string) {
	for _, kid := range n.kids {
		p := append(slices.Clone(prefix), kid.name)
		at := strings.TrimPrefix(path+">"+kid.name, ">")
		var exact, deeper []tagField // fields of kid itself, and of elements inside it
		minDepth := math.MaxInt
		for _, f := range fields {
			if slices.ContainsFunc(f.paths, func(fp []string) bool { return slices.Equal(fp, p) }) {
				exact = append(exact, f)
				minDepth = min(minDepth, f.depth)
			}
			if slices.ContainsFunc(f.paths, func(fp []string) bool { return len(fp) > len(p) && slices.Equal(fp[:len(p)], p) }) {
				deeper = append(deeper, f)
			}
		}
		kidsDone := false
		for _, f := range exact {
			if f.depth == minDepth { // a path belongs to its shallowest fields, as in encoding/xml
				kidsDone = c.element(v.FieldByIndex(f.index), kid, at, goPath+"."+f.name) || kidsDone
			}
		}
		if len(deeper) > 0 {
			c.wrapped(v, deeper, p, kid, at, goPath)
			kidsDone = true
		}
		switch {
		case len(exact) == 0 && len(kid.kids) == 0 && strings.TrimSpace(kid.text) != "":
			c.found = append(c.found, finding{at: at, msg: "is not modelled by any field"})
		case !kidsDone && len(kid.kids) > 0:
			c.leaves(kid, at)
		}
	}
}

// leaves records every leaf with text under n as not modelled.
func (c *fieldCheck) leaves(n *fnode, path string) {
	for _, kid := range n.kids {
		at := path + ">" + kid.name
		if len(kid.kids) == 0 && strings.TrimSpace(kid.text) != "" {
			c.found = append(c.found, finding{at: at, msg: "is not modelled by any field"})
		}
		c.leaves(kid, at)
	}
}

// element fills in what element n says about the field value v. It reports
// whether v took n's children.
func (c *fieldCheck) element(v reflect.Value, n *fnode, path, goPath string) bool {
	switch {
	case isLeafType(v.Type()):
		k := valueKeyOf(v)
		if _, ok := c.reached[k]; !ok {
			c.order = append(c.order, k)
		}
		c.reached[k] = reachedLeaf{v: v, text: n.text, at: path, goField: goPath}
		return false
	case v.Kind() == reflect.Pointer:
		if v.IsNil() {
			c.found = append(c.found, finding{path, goPath, "is nil, though the element is present"})
			return true
		}
		return c.element(v.Elem(), n, path, goPath)
	case v.Kind() == reflect.Slice:
		k := valueKeyOf(v)
		s := c.items[k]
		if s == nil {
			s = &sliceItems{v: v, at: path, goField: goPath}
			c.items[k] = s
			c.lists = append(c.lists, s)
		}
		i := s.n
		s.n++
		if i >= v.Len() {
			return true // the count check reports it
		}
		return c.element(v.Index(i), n, path, fmt.Sprintf("%s[%d]", goPath, i))
	case v.Kind() == reflect.Struct:
		fields := tagFields(v.Type())
		for _, f := range fields {
			if f.chardata {
				c.element(v.FieldByIndex(f.index), &fnode{text: n.text}, path, goPath+"."+f.name)
			}
		}
		c.wrapped(v, fields, nil, n, path, goPath)
		return true
	}
	c.found = append(c.found, finding{path, goPath, "has a type the check does not know: " + v.Type().String()})
	return true
}

// isLeafType reports whether a value of type t is filled from one text.
func isLeafType(t reflect.Type) bool {
	if t == reflect.TypeOf(time.Time{}) || reflect.PointerTo(t).Implements(reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()) {
		return true
	}
	switch t.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return true
	case reflect.Slice:
		return t.Elem().Kind() == reflect.Uint8
	}
	return false
}

// agrees says how v disagrees with the element text it was filled from, or
// "" when it agrees, by the field rules of the package documentation.
func agrees(v reflect.Value, text string, isJSON bool) string {
	t := strings.TrimSpace(text)
	wrong := func(want any) string {
		return fmt.Sprintf("holds %#v, the element %q says %#v", v.Interface(), text, want)
	}
	lost := func(what string) string {
		return fmt.Sprintf("holds %#v: the element %q is not %s, and the field loses it", v.Interface(), text, what)
	}
	switch {
	case v.Type() == reflect.TypeOf(time.Time{}):
		var want time.Time
		if n, ok := wholeNumber(t, 64); ok {
			want = time.Unix(n, 0)
		} else if tm, err := time.Parse(time.RFC3339, t); err == nil {
			want = tm
		} else if t != "" {
			return lost("UNIX seconds")
		}
		if !v.Interface().(time.Time).Equal(want) {
			return wrong(want)
		}
		return ""
	case reflect.PointerTo(v.Type()).Implements(reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()):
		want := reflect.New(v.Type())
		_ = want.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(text))
		if !reflect.DeepEqual(v.Interface(), want.Elem().Interface()) {
			return wrong(want.Elem().Interface())
		}
		return ""
	}
	switch v.Kind() {
	case reflect.String:
		if !sameText(v.String(), text, isJSON) {
			return wrong(text)
		}
	case reflect.Slice: // []byte
		if !sameText(string(v.Bytes()), text, isJSON) {
			return wrong(text)
		}
	case reflect.Bool:
		want, err := strconv.ParseBool(t)
		if err != nil && t != "" {
			return lost("a boolean")
		}
		if v.Bool() != want {
			return wrong(want)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		want, ok := wholeNumber(t, v.Type().Bits())
		if !ok && t != "" {
			return lost("a number an " + v.Type().String() + " holds")
		}
		if v.Int() != want {
			return wrong(want)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		want, err := strconv.ParseUint(t, 10, v.Type().Bits())
		if err != nil && t != "" {
			return lost("a number a " + v.Type().String() + " holds")
		}
		if v.Uint() != want {
			return wrong(want)
		}
	case reflect.Float32, reflect.Float64:
		want, err := strconv.ParseFloat(t, v.Type().Bits())
		if err != nil && t != "" {
			return lost("a number")
		}
		if v.Float() != want {
			return wrong(want)
		}
	}
	return ""
}

// sameText compares a string field with its element's text: exactly in
// JSON; in XML once white space at either end is dropped from both, and
// with the characters XML forbids read as U+FFFD, as xmlTree reads them.
func sameText(got, text string, isJSON bool) bool {
	if isJSON {
		return got == text
	}
	return strings.TrimSpace(strings.Map(xmlSafe, got)) == strings.TrimSpace(text)
}

// wholeNumber reads t as an integer of the given size, written as digits or
// as a whole number with a fraction ("1700000000.0"), as Parse accepts.
func wholeNumber(t string, bits int) (int64, bool) {
	if n, err := strconv.ParseInt(t, 10, bits); err == nil {
		return n, true
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f != math.Trunc(f) || f < -math.Ldexp(1, bits-1) || f >= math.Ldexp(1, bits-1) {
		return 0, false
	}
	return int64(f), true
}

// unreachedAreZero reports every leaf value of v that no element reached
// and that is not zero: a value Parse took from somewhere else.
func (c *fieldCheck) unreachedAreZero(v reflect.Value, goPath string) {
	switch {
	case isLeafType(v.Type()):
		if _, ok := c.reached[valueKeyOf(v)]; !ok && !v.IsZero() {
			c.found = append(c.found, finding{field: goPath, msg: fmt.Sprintf("holds %#v, though no element fills it", v.Interface())})
		}
	case v.Kind() == reflect.Pointer:
		if !v.IsNil() {
			c.unreachedAreZero(v.Elem(), goPath)
		}
	case v.Kind() == reflect.Slice:
		for i := range v.Len() {
			c.unreachedAreZero(v.Index(i), fmt.Sprintf("%s[%d]", goPath, i))
		}
	case v.Kind() == reflect.Struct:
		for _, f := range tagFields(v.Type()) {
			c.unreachedAreZero(v.FieldByIndex(f.index), goPath+"."+f.name)
		}
	}
}

// assertFixtureFields runs the field check on one fixture and the value it
// parsed to, leaving out what fieldCheckExcuses excuses.
func assertFixtureFields(t *testing.T, file string, body []byte, ev Event) {
	t.Helper()
	if _, ok := ev.(*UnknownEvent); ok {
		return
	}
	for _, f := range fixtureFindings(t, file, body, ev) {
		if excuseFor(file, f) == nil {
			t.Errorf("%s, parsed to %T: %s", file, ev, f)
		}
	}
}

func fixtureFindings(t *testing.T, file string, body []byte, ev Event) []finding {
	t.Helper()
	root, isJSON, err := fixtureTree(body)
	require.NoError(t, err, "the standard library cannot read %s", file)
	return checkFields(ev, root, isJSON)
}

// fieldExcuse lets findings of the field check pass: those of one fixture
// (file), one element path (at) and one Go field name (field, without the
// struct it is in), where set. Every excuse says why, and must still be
// needed (TestFieldCheckExcusesAreUsed).
type fieldExcuse struct {
	file, at, field string
	why             string
}

var fieldCheckExcuses = []fieldExcuse{
	{file: "mp/click.xml", at: "Unknown>Deep",
		why: "the fixture shows that an element no field names is skipped, with all it holds"},
	{at: "Encrypt",
		why: "the ciphertext a 兼容模式 body carries beside its plain fields: Handler decrypts it before parsing, and no parsed value holds it"},
	{field: "MemChangeList",
		why: "derive splits comma-separated member lists and drops the empty text of the <MemChangeList> wrapper, so items and elements do not pair up one to one; the tables of wecom_test.go check the list"},
}

// excuseFor returns the excuse that lets f, found in file, pass, or nil.
func excuseFor(file string, f finding) *fieldExcuse {
	field := f.field
	if i := strings.LastIndexByte(field, '.'); i >= 0 {
		field = field[i+1:]
	}
	field, _, _ = strings.Cut(field, "[")
	for i, e := range fieldCheckExcuses {
		if (e.file == "" || e.file == file) && (e.at == "" || e.at == f.at) && (e.field == "" || e.field == field) {
			return &fieldCheckExcuses[i]
		}
	}
	return nil
}

// TestFieldCheckExcusesAreUsed: every excuse still lets some finding of a
// fixture pass, so that none outlives the gap it was written for.
func TestFieldCheckExcusesAreUsed(t *testing.T) {
	used := map[*fieldExcuse]bool{}
	for _, tf := range typedFixtures(t) {
		rel, _ := filepath.Rel("testdata", tf.path)
		file := filepath.ToSlash(rel)
		for _, f := range fixtureFindings(t, file, tf.body, tf.ev) {
			if e := excuseFor(file, f); e != nil {
				used[e] = true
			}
		}
	}
	for i, e := range fieldCheckExcuses {
		assert.Truef(t, used[&fieldCheckExcuses[i]], "no fixture needs the excuse %+v", e)
	}
}

// checkedEvent has a field of every kind the field check compares.
type checkedEvent struct {
	Envelope
	Name    string        `xml:"Name"`
	Count   int           `xml:"Count"`
	Ratio   float64       `xml:"Ratio"`
	On      bool          `xml:"On"`
	Size    uint32        `xml:"Size"`
	When    time.Time     `xml:"When"`
	Tags    []string      `xml:"Tags>Tag"`
	Items   []checkedItem `xml:"List>Item" alias:"Items>Item"`
	Extra   *checkedItem  `xml:"Extra"`
	IDs     Int64List     `xml:"IDs"`
	Note    string        `xml:"Note"`
	Derived string        `xml:"-"`
}

type checkedItem struct {
	Key   string  `xml:"Key" alias:"key"`
	Score float64 `xml:"Score"`
}

const checkedXML = `<xml><ToUserName>gh_1</ToUserName><CreateTime>1700000000</CreateTime>
<MsgType>event</MsgType><Event>checked</Event>
<Name><![CDATA[ padded ]]></Name><Count> 7 </Count><Ratio>0.5</Ratio><On>1</On><Size>9</Size><When>1700000001.0</When>
<Tags><Tag>a</Tag><Tag>b</Tag></Tags>
<List><Item><Key>k1</Key><Score>1.5</Score></Item></List><Items><Item><key>k2</key></Item></Items>
<Extra><Key>x</Key></Extra><IDs>1, 2,3</IDs><Empty/>
</xml>`

const checkedJSON = `{"ToUserName":"gh_1","CreateTime":1700000000,"MsgType":"event","Event":"checked",
"Name":" padded ","Count":7,"Ratio":0.5,"On":true,"Size":9,"When":1700000001,
"Tags":{"Tag":["a","b"]},"List":{"Item":[{"Key":"k1","Score":1.5}]},"Items":{"Item":{"key":"k2"}},
"Extra":{"Key":"x"},"IDs":"1, 2,3","Note":null}`

// parseChecked parses body as a checkedEvent and returns it with the
// elements the field check compares it with.
func parseChecked(t *testing.T, body string) (*checkedEvent, *fnode, bool) {
	t.Helper()
	p := NewParser()
	p.RegisterEvent("checked", func() Event { return new(checkedEvent) })
	ev, err := p.Parse([]byte(body))
	require.NoError(t, err)
	require.IsType(t, &checkedEvent{}, ev)
	root, isJSON, err := fixtureTree([]byte(body))
	require.NoError(t, err)
	return ev.(*checkedEvent), root, isJSON
}

// findingPlaces lists where each finding is, as element path | Go field.
func findingPlaces(found []finding) []string {
	var out []string
	for _, f := range found {
		out = append(out, f.at+" | "+f.field)
	}
	return out
}

func TestFieldCheckAgreesWithParse(t *testing.T) {
	for _, body := range []string{checkedXML, checkedJSON} {
		ev, root, isJSON := parseChecked(t, body)
		require.Len(t, ev.Items, 2, "both spellings of the list are read")
		assert.Empty(t, checkFields(ev, root, isJSON), "JSON %v", isJSON)
	}
}

func TestFieldCheckFindsUnmodelledElements(t *testing.T) {
	body := strings.Replace(checkedXML, "<Empty/>",
		"<Surplus>s</Surplus><Wrapper><Inner>1</Inner></Wrapper><List><Item><Junk>j</Junk></Item></List><Blank> </Blank>", 1)
	ev, root, isJSON := parseChecked(t, body)
	found := checkFields(ev, root, isJSON)
	assert.Equal(t, []string{"Surplus | ", "Wrapper>Inner | ", "List>Item>Junk | "}, findingPlaces(found))
	assert.Equal(t, "element Surplus is not modelled by any field", found[0].String())
}

func TestFieldCheckFindsWrongValues(t *testing.T) {
	ev, root, isJSON := parseChecked(t, checkedXML)
	ev.Count = 8
	ev.On = false
	ev.When = time.Unix(1700000002, 0)
	ev.Tags = ev.Tags[:1]
	ev.Items[1].Key = "k3"
	ev.IDs = Int64List{1, 2}
	ev.Note = "invented"
	ev.Derived = "a field no element fills may hold anything"
	found := checkFields(ev, root, isJSON)
	assert.Equal(t, []string{
		"Count | checkedEvent.Count",
		"On | checkedEvent.On",
		"When | checkedEvent.When",
		"Items>Item>key | checkedEvent.Items[1].Key",
		"IDs | checkedEvent.IDs",
		"Tags>Tag | checkedEvent.Tags",
		" | checkedEvent.Note",
	}, findingPlaces(found))
	assert.Equal(t, `Count (checkedEvent.Count) holds 8, the element " 7 " says 7`, found[0].String())

	ev, root, isJSON = parseChecked(t, checkedXML)
	ev.Extra = nil
	assert.Equal(t, []string{"Extra | checkedEvent.Extra"}, findingPlaces(checkFields(ev, root, isJSON)))
}

func TestFieldCheckFindsLostNumbers(t *testing.T) {
	body := strings.NewReplacer("<Count> 7 </Count>", "<Count>seven</Count>", "<Size>9</Size>", "<Size>-9</Size>",
		"<On>1</On>", "<On>yes</On>").Replace(checkedXML)
	ev, root, isJSON := parseChecked(t, body)
	found := checkFields(ev, root, isJSON)
	assert.Equal(t, []string{"Count | checkedEvent.Count", "On | checkedEvent.On", "Size | checkedEvent.Size"}, findingPlaces(found))
	assert.Contains(t, found[0].String(), "is not a number an int holds")
}

// In XML the check cannot tell CDATA from text, so white space at either end
// is not compared; in JSON every byte is.
func TestFieldCheckStringsBySyntax(t *testing.T) {
	ev, root, isJSON := parseChecked(t, checkedXML)
	ev.Name = "padded"
	assert.Empty(t, checkFields(ev, root, isJSON))
	ev.Name = "pad"
	assert.Equal(t, []string{"Name | checkedEvent.Name"}, findingPlaces(checkFields(ev, root, isJSON)))

	ev, root, isJSON = parseChecked(t, checkedJSON)
	ev.Name = "padded"
	assert.Equal(t, []string{"Name | checkedEvent.Name"}, findingPlaces(checkFields(ev, root, isJSON)))
}
