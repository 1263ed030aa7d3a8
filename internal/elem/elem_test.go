package elem

import (
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// build makes the table of <xml><a:B>x</a:B><C>&amp;</C></xml> as the XML
// reader would: names in the body, the decoded "&" in Buf.
func build(t *Table) {
	const src = "<xml><a:B>x</a:B><C>&amp;</C></xml>"
	t.Reset(src)
	root := t.Add(SrcSpan(1, 4), 0, Span{}, -1)
	t.Add(SrcSpan(6, 9), 2, SrcSpan(10, 11), root)
	t.Add(SrcSpan(18, 19), 0, t.AppendBuf("&"), root)
}

func TestTableAccessors(t *testing.T) {
	var tab Table
	build(&tab)
	require.Equal(t, 3, tab.Len())
	assert.Equal(t, "xml", tab.Name(0))
	assert.Equal(t, "a:B", tab.Name(1))
	assert.Equal(t, "B", tab.LocalName(1))
	assert.Equal(t, "C", tab.LocalName(2))
	assert.Equal(t, "", tab.Value(0))
	assert.Equal(t, "x", tab.Value(1))
	assert.Equal(t, "&", tab.Value(2))
	assert.False(t, tab.Elems[1].Value.InBuf())
	assert.True(t, tab.Elems[2].Value.InBuf())
	assert.True(t, tab.HasChildren(0))
	assert.False(t, tab.HasChildren(1))
	assert.False(t, tab.HasChildren(2))
	assert.Equal(t, int32(-1), tab.Elems[0].Parent)
}

func TestBufSpanCoversAppendedText(t *testing.T) {
	var tab Table
	tab.Reset("body")
	tab.Buf = append(tab.Buf, "junk"...)
	start := len(tab.Buf)
	tab.Buf = append(tab.Buf, "joined"...)
	s := tab.BufSpan(start)
	assert.Equal(t, "joined", tab.Str(s))
	assert.Equal(t, "body", tab.Str(SrcSpan(0, 4)))
	assert.Equal(t, "od", tab.Str(SrcSpan(1, 3)))
}

func TestStrOutOfRangeIsEmpty(t *testing.T) {
	var tab Table
	tab.Reset("abc")
	tab.AppendBuf("xy")
	for _, s := range []Span{
		SrcSpan(2, 4), {Off: 1 << 30, Len: 1}, {Off: 3, Len: 1 << 31},
		{Off: inBuf | 1, Len: 2}, {Off: inBuf | 5, Len: 1}, {Off: inBuf, Len: 1<<32 - 1},
	} {
		assert.Equal(t, "", tab.Str(s), "%+v", s)
	}
	assert.Equal(t, "", tab.Str(Span{}))
	assert.Equal(t, "y", tab.Str(Span{Off: inBuf | 1, Len: 1}))
}

func TestLocalBeyondNameIsWholeName(t *testing.T) {
	var tab Table
	tab.Reset("<ab>")
	tab.Add(SrcSpan(1, 3), 9, Span{}, -1)
	assert.Equal(t, "ab", tab.LocalName(0))
}

func TestCloneSharesNothing(t *testing.T) {
	tab := Get()
	build(tab)
	body := "<xml><a:B>x</a:B><C>&amp;</C></xml>"
	c := tab.Clone(string([]byte(body)))
	require.NotSame(t, &c.Elems[0], &tab.Elems[0])
	Put(tab)
	other := Get()
	other.Reset("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")
	other.Add(SrcSpan(0, 3), 0, other.AppendBuf("?"), -1)
	assert.Equal(t, "x", c.Value(1))
	assert.Equal(t, "&", c.Value(2))
	assert.Equal(t, "B", c.LocalName(1))
	Put(other)
}

func TestResetKeepsMemory(t *testing.T) {
	tab := Get()
	build(tab)
	elems, buf := cap(tab.Elems), cap(tab.Buf)
	tab.Reset("")
	assert.Equal(t, 0, tab.Len())
	assert.Empty(t, tab.Buf)
	assert.Equal(t, elems, cap(tab.Elems))
	assert.Equal(t, buf, cap(tab.Buf))
	Put(tab)
}

func TestPutKeepsLargeTables(t *testing.T) {
	tab := &Table{}
	for i := 0; i < MaxElements; i++ {
		tab.Add(Span{}, 0, Span{}, int32(i-1))
	}
	c := cap(tab.Elems)
	Put(tab)
	assert.Equal(t, c, cap(tab.Elems), "a table at the element limit stays poolable")
	assert.Equal(t, "", tab.Src)
	huge := &Table{Buf: make([]byte, 0, 2*maxPooledBuf)}
	Put(huge)
	assert.Nil(t, huge.Buf, "an outsized buffer is let go")
}

func TestSpanOf(t *testing.T) {
	var tab Table
	tab.Reset("<xml><A>v</A></xml>")
	s := tab.SpanOf(tab.Src[8:9])
	assert.Equal(t, SrcSpan(8, 9), s)
	other := string([]byte("v"))
	c := tab.SpanOf(other)
	assert.True(t, c.InBuf())
	assert.Equal(t, "v", tab.Str(c))
	assert.Equal(t, Span{}, tab.SpanOf(""))
	assert.Equal(t, SrcSpan(0, 19), tab.SpanOf(tab.Src))
}

// TestKeyAtIsKeyOf: the readers' key from words is the one rule's key, for
// every length around the word boundaries, whatever follows the name.
func TestKeyAtIsKeyOf(t *testing.T) {
	const src = "ABCDEFGHIJKLMNOPQRSTUVWXYZ\x00\xff><\"abcdefgh"
	at := unsafe.Pointer(unsafe.StringData(src))
	for off := 0; off < 4; off++ {
		for n := 1; n <= 24; n++ {
			assert.Equal(t, KeyOf(src[off:off+n]), KeyAt(at, off, n), "off %d, n %d", off, n)
		}
	}
	assert.NotEqual(t, KeyOf("ToUserNamf"), KeyOf("ToUserName"))
}
