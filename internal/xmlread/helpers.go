package xmlread

import (
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/wechatevent/wechatevent/internal/elem"
)

func isSpace(b byte) bool { return spaceByte[b] }

// spaceByte marks XML white space; a table lookup is cheaper than four compares.
var spaceByte = [256]bool{' ': true, '\n': true, '\t': true, '\r': true}

// skipSpace returns the end of the run of white space starting at src[i].
// Indentation comes in runs of spaces, which it steps over a word at a time:
// in a word xor eight spaces, the spaces are the zero bytes, so the lowest
// set bit finds the first byte that is not a space.
func skipSpace(src string, i int) int {
	for i+8 <= len(src) {
		x := le64(src, i) ^ (lowBits * ' ')
		if x == 0 {
			i += 8
			continue
		}
		if i += bits.TrailingZeros64(x) >> 3; !spaceByte[src[i]] {
			return i
		}
		i++ // a line break or tab
	}
	for i < len(src) && spaceByte[src[i]] {
		i++
	}
	return i
}

func trimLeftSpace(s string) string {
	i := 0
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return s[i:]
}

func trimRightSpace(s string) string {
	i := len(s)
	for i > 0 && isSpace(s[i-1]) {
		i--
	}
	return s[:i]
}

// trim returns the bounds of src[start:end] without white space at either
// end: the rule for a lone piece of plain text.
func trim(src string, start, end int) (int, int) {
	for start < end && isSpace(src[start]) {
		start++
	}
	for end > start && isSpace(src[end-1]) {
		end--
	}
	return start, end
}

// local returns where the local part of a name starts. Like encoding/xml, a
// name with one inner colon has a prefix; any other name is all local.
// colon says whether the name holds a ':' at all, which the name's scan
// already found out.
func local(name string, colon bool) uint16 {
	if !colon {
		return 0
	}
	if i := strings.IndexByte(name, ':'); i > 0 && i < len(name)-1 && strings.IndexByte(name[i+1:], ':') < 0 {
		return uint16(i + 1)
	}
	return 0
}

// plainStartTag reads the usual start tag, "<name>" with no attributes, at
// src[i]=='<'. It returns the length of the name, where the tag ends and
// whether the name holds a ':', or a zero length for anything else, which
// startTag then reads or reports.
func plainStartTag(src string, i int) (name, end int, colon bool) {
	limit := min(len(src), i+2+elem.MaxNameLen) // room for the name and its '>'
	if i+1 >= limit || nameByte[src[i+1]]&nameStart == 0 {
		return 0, 0, false
	}
	p, colon := nameEnd(src, i+1, limit)
	if p >= limit || src[p] != '>' {
		return 0, 0, false
	}
	return p - i - 1, p + 1, colon
}

// nameEnd returns the end of the run of name bytes in src[p:limit] and
// whether the run holds a ':'. Most names are ASCII letters only; it steps
// over those eight at a time and reads any other byte with the table.
func nameEnd(src string, p, limit int) (int, bool) {
	for p+8 <= limit {
		m := asciiLetters(le64(src, p))
		if m != highBits {
			p += bits.TrailingZeros64(^m&highBits) >> 3
			break
		}
		p += 8
	}
	var seen uint8
	for p < limit {
		f := nameByte[src[p]]
		if f == 0 {
			break
		}
		seen |= f
		p++
	}
	return p, seen&nameColon != 0
}

const (
	highBits = 0x8080808080808080
	lowBits  = 0x0101010101010101
)

// asciiLetters returns the high bit of each byte of x set where that byte is
// an ASCII letter and clear elsewhere. With bit 5 and bit 7 cleared, letters
// are exactly the bytes in 'A'..'Z'; adding 0x3F and 0x25 to every byte,
// which never carries into the next, sets the high bit of those at or above
// 'A' and of those beyond 'Z'. Bytes with the high bit set are not letters.
func asciiLetters(x uint64) uint64 {
	y := x & (0x5F * lowBits)
	ge := y + 0x3F*lowBits // high bit: y >= 'A'
	gt := y + 0x25*lowBits // high bit: y > 'Z'
	return ge &^ gt &^ x & highBits
}

// cdataOpen is "<![CDATA" as a little-endian word, for a one-load test.
const cdataOpen = uint64('<') | uint64('!')<<8 | uint64('[')<<16 | uint64('C')<<24 |
	uint64('D')<<32 | uint64('A')<<40 | uint64('T')<<48 | uint64('A')<<56

// isCDATA reports whether src[p:] starts with "<![CDATA[".
func isCDATA(src string, p int) bool {
	return p+9 <= len(src) && le64(src, p) == cdataOpen && src[p+8] == '['
}

// cdataEnd returns the index of the first "]]>" at or after src[from], or -1.
func cdataEnd(src string, from int) int {
	for {
		k := strings.IndexByte(src[from:], ']')
		if k < 0 {
			return -1
		}
		p := from + k
		if p+2 < len(src) && src[p+1] == ']' && src[p+2] == '>' {
			return p
		}
		from = p + 1
	}
}

// plainEndTag returns the end of "</name>" at src[i]=='<', or -1 when the end
// tag there is not exactly that; endTag then reads it in full.
func plainEndTag(src string, i int, name string) int {
	e := i + 2 + len(name)
	if e >= len(src) || src[i+1] != '/' || src[e] != '>' || !hasAt(src, i+2, name) {
		return -1
	}
	return e + 1
}

// le64 reads src[p:p+8] as a little-endian word; the compiler turns it into
// one load. The caller ensures p+8 <= len(src).
func le64(src string, p int) uint64 {
	b := src[p : p+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// hasAt reports whether src[p:] starts with s. Names of 8 to 16 bytes, most
// of WeChat's, are compared with two overlapping word loads instead of a
// call to the runtime's memory compare.
func hasAt(src string, p int, s string) bool {
	n := len(s)
	if p+n > len(src) {
		return false
	}
	if n >= 8 && n <= 16 {
		return le64(src, p) == le64(s, 0) && le64(src, p+n-8) == le64(s, n-8)
	}
	return src[p:p+n] == s
}

// nameByte marks the bytes a name may contain: ASCII letters, digits, '_',
// '-', '.', ':' and every byte of a multi-byte UTF-8 sequence, which is taken
// as it comes. A table lookup per byte is the cheapest test of all; ':' is
// marked apart so that a name's scan also tells whether it has a prefix.
var nameByte = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '_' || c == '-' || c == '.' || c >= utf8.RuneSelf {
			t[c] = nameOther
		}
	}
	t[':'] = nameColon
	for c := 0; c < 256; c++ {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c == ':' || c >= utf8.RuneSelf {
			t[c] |= nameStart
		}
	}
	return t
}()

const (
	nameOther = 1 << iota
	nameColon
	nameStart // may start a name
)
