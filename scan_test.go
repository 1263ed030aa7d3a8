package wechatevent

import (
	"github.com/wechatevent/wechatevent/internal/elem"
	"github.com/wechatevent/wechatevent/internal/xmlread"
)

// scanXML reads an XML body into a table of its own, as Parse reads it.
func scanXML(src string) (*elem.Table, error) {
	var r xmlread.Reader
	t := &elem.Table{}
	return t, readXML(&r, t, src)
}
