package wechatevent

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// nameExceptions are fields whose Go name cannot follow their element's name,
// keyed "GoName tag", each with the reason.
var nameExceptions = map[string]string{
	"Pictures SendPicsInfo>PicList>item":  "fixed by API.md; the items of PicList are pictures",
	"RecordCreateTime create_time":        "CreateTime would hide Envelope.CreateTime",
	"RefundCreateTime create_time":        "CreateTime would hide Envelope.CreateTime",
	"ComplaintEvent complaint_info>event": "Event would hide Envelope.Event",
	"AccountEvent account_info>event":     "Event would hide Envelope.Event",
	"WithdrawEvent withdraw_info>event":   "Event would hide Envelope.Event",
	"WxaAppID appid":                      "the push also carries AppId (the platform's), so AppID is taken",
}

// badInitialisms are spellings that Go names must write in capitals
// (MediaId -> MediaID), found where the next rune starts a new word.
var badInitialisms = []string{"Id", "Url", "Uri", "Html", "Json", "Api", "Uuid", "Xml"}

// checkFieldName reports why a field's Go name does not follow its xml tag
// by API.md's rule: the element name (or, for a path, any element of it, or an
// alias of the last one) without underscores, compared case-insensitively, a
// plural "s" allowed on slices, and initialisms in capitals.
func checkFieldName(f reflect.StructField) string {
	tag := strings.Split(f.Tag.Get("xml"), ",")[0]
	if tag == "" {
		tag = f.Name
	}
	if _, ok := nameExceptions[f.Name+" "+tag]; ok {
		return ""
	}
	for _, bad := range badInitialisms {
		for i := strings.Index(f.Name, bad); i >= 0; {
			after := i + len(bad)
			if after == len(f.Name) || unicode.IsUpper(rune(f.Name[after])) || unicode.IsDigit(rune(f.Name[after])) {
				return fmt.Sprintf("%s: write %q in capitals", f.Name, bad)
			}
			next := strings.Index(f.Name[after:], bad)
			if next < 0 {
				break
			}
			i = after + next
		}
	}
	path := strings.Split(tag, ">")
	candidates := append([]string{}, path...)
	if a := f.Tag.Get("alias"); a != "" {
		candidates = append(candidates, strings.Split(a, ",")...)
	}
	for _, c := range candidates {
		c = strings.ReplaceAll(c, "_", "")
		if strings.EqualFold(f.Name, c) || (f.Type.Kind() == reflect.Slice && strings.EqualFold(f.Name, c+"s")) {
			return ""
		}
	}
	return fmt.Sprintf("%s: does not match xml:%q", f.Name, tag)
}

// walkFields calls fn for every tagged field of t and of the struct types it
// embeds or nests, each struct type once.
func walkFields(t reflect.Type, seen map[reflect.Type]bool, fn func(owner reflect.Type, f reflect.StructField)) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || t == reflect.TypeOf(time.Time{}) || seen[t] {
		return
	}
	seen[t] = true
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() || f.Tag.Get("xml") == "-" {
			continue
		}
		if f.Anonymous && f.Tag.Get("xml") == "" {
			walkFields(f.Type, seen, fn)
			continue
		}
		fn(t, f)
		walkFields(f.Type, seen, fn)
	}
}

// TestBuiltinFieldNames checks every field of every built-in type, nested
// types included, against its xml tag.
func TestBuiltinFieldNames(t *testing.T) {
	seen := map[reflect.Type]bool{}
	fields := 0
	var problems []string
	for _, table := range builtinTables {
		for _, b := range table {
			walkFields(reflect.TypeOf(b.new()), seen, func(owner reflect.Type, f reflect.StructField) {
				fields++
				if p := checkFieldName(f); p != "" {
					problems = append(problems, owner.Name()+"."+p)
				}
			})
		}
	}
	sort.Strings(problems)
	assert.Empty(t, problems)
	assert.Greater(t, fields, 300, "the walk must reach the fields of every type")
	for key := range nameExceptions {
		assert.Truef(t, exceptionUsed(key), "exception %q matches no field", key)
	}
}

func exceptionUsed(key string) bool {
	used := false
	for _, table := range builtinTables {
		for _, b := range table {
			walkFields(reflect.TypeOf(b.new()), map[reflect.Type]bool{}, func(_ reflect.Type, f reflect.StructField) {
				if f.Name+" "+strings.Split(f.Tag.Get("xml"), ",")[0] == key {
					used = true
				}
			})
		}
	}
	return used
}

// TestCheckFieldNameRejects shows the rule failing on names that break it.
func TestCheckFieldNameRejects(t *testing.T) {
	type sample struct {
		MediaId   string   `xml:"MediaId"`
		PicUrl    string   `xml:"PicUrl"`
		Wrong     string   `xml:"Other"`
		Spelled   string   `xml:"A>B"`
		Good      string   `xml:"good"`
		PublishID int64    `xml:"Info>publish_id"`
		Items     []string `xml:"item"`
		Item      string   `xml:"items"`
		AppID     string   `xml:"appid" alias:"AppId"`
		FileMd5   string   `xml:"FileMd5"`
		FailIdx   []int    `xml:"fail_idx"`
	}
	typ := reflect.TypeOf(sample{})
	got := map[string]bool{}
	for i := 0; i < typ.NumField(); i++ {
		got[typ.Field(i).Name] = checkFieldName(typ.Field(i)) == ""
	}
	require.Len(t, got, 11)
	assert.Equal(t, map[string]bool{
		"MediaId": false, "PicUrl": false, "Wrong": false, "Spelled": false, "Item": false,
		"Good": true, "PublishID": true, "Items": true, "AppID": true, "FileMd5": true, "FailIdx": true,
	}, got)
}
