package wechateventtest

import (
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"io"
	"sort"
	"strings"
)

// signature is WeChat's plain signature: the lower-case hex SHA-1 of token,
// timestamp and nonce, sorted and joined.
func signature(parts ...string) string {
	sorted := append([]string(nil), parts...)
	sort.Strings(sorted)
	sum := sha1.Sum([]byte(strings.Join(sorted, "")))
	return hex.EncodeToString(sum[:])
}

// isJSONBody reports whether body is JSON: its first byte other than white
// space, after an optional UTF-8 BOM, is '{'.
func isJSONBody(body []byte) bool {
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	body = bytes.TrimLeft(body, " \t\r\n")
	return len(body) > 0 && body[0] == '{'
}

// topLevel returns the text of the scalar fields directly under the root of
// an XML or JSON body, as far as the body can be read: a body that is not
// well-formed still gets sent, for tests of how an endpoint refuses it.
func topLevel(body []byte, isJSON bool) map[string]string {
	out := map[string]string{}
	if isJSON {
		var m map[string]json.RawMessage
		if json.Unmarshal(body, &m) != nil {
			return out
		}
		for k, raw := range m {
			var s string
			if json.Unmarshal(raw, &s) == nil {
				out[k] = s
			} else if len(raw) > 0 && raw[0] != '{' && raw[0] != '[' {
				out[k] = string(raw) // a number
			}
		}
		return out
	}
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	depth := 0
	var name string
	var text strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF || err != nil {
			return out
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 2 {
				name = t.Name.Local
				text.Reset()
			}
		case xml.CharData:
			if depth == 2 {
				text.Write(t)
			}
		case xml.EndElement:
			if depth == 2 {
				out[name] = strings.TrimSpace(text.String())
			}
			depth--
			if depth == 0 {
				return out
			}
		}
	}
}

// xmlObject writes fields as an <xml> element of CDATA children.
func xmlObject(fields [][2]string) []byte {
	var b bytes.Buffer
	b.WriteString("<xml>")
	for _, f := range fields {
		b.WriteString("<" + f[0] + "><![CDATA[")
		b.WriteString(strings.ReplaceAll(f[1], "]]>", "]]]]><![CDATA[>"))
		b.WriteString("]]></" + f[0] + ">")
	}
	b.WriteString("</xml>")
	return b.Bytes()
}

// jsonObject writes fields as a JSON object of strings, in their order.
func jsonObject(fields [][2]string) []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(f[0])
		v, _ := json.Marshal(f[1])
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes()
}
