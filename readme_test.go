package wechatevent

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	eventsBegin = "<!-- events:begin -->"
	eventsEnd   = "<!-- events:end -->"
)

// readmeRows reads the table between the events markers of a README: one
// "namespace/key" -> Go type name per row.
func readmeRows(text string) (map[string]string, error) {
	begin := strings.Index(text, eventsBegin)
	end := strings.Index(text, eventsEnd)
	if begin < 0 || end < begin {
		return nil, fmt.Errorf("no %s ... %s section", eventsBegin, eventsEnd)
	}
	rows := map[string]string{}
	for _, line := range strings.Split(text[begin+len(eventsBegin):end], "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "|") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		if len(cells) != 3 {
			return nil, fmt.Errorf("row %q: want 3 cells", line)
		}
		for i := range cells {
			cells[i] = strings.Trim(strings.TrimSpace(cells[i]), "`*")
		}
		if cells[0] == "Element" || strings.Trim(cells[0], "-: ") == "" {
			continue // header and separator
		}
		key := cells[0] + "/" + normKey(cells[1])
		if _, dup := rows[key]; dup {
			return nil, fmt.Errorf("row %q: listed twice", line)
		}
		rows[key] = cells[2]
	}
	return rows, nil
}

// registryRows is what NewParser really registers, in the form of readmeRows.
func registryRows() map[string]string {
	rows := map[string]string{}
	for _, e := range NewParser().entries() {
		rows[e.ns.String()+"/"+e.key] = e.typ.Name()
	}
	return rows
}

// TestREADMEEventsTable fails when the README's table and the registry
// disagree in either direction, so the table stays true.
func TestREADMEEventsTable(t *testing.T) {
	text, err := os.ReadFile("README.md")
	require.NoError(t, err)
	documented, err := readmeRows(string(text))
	require.NoError(t, err)
	registered := registryRows()
	require.NotEmpty(t, registered)
	for key, typ := range registered {
		doc, ok := documented[key]
		ns, value, _ := strings.Cut(key, "/")
		if assert.Truef(t, ok, "%s (%s) is registered but not in README.md; add the row\n| `%s` | `%s` | `*%s` |", key, typ, ns, value, typ) {
			assert.Equalf(t, typ, doc, "README.md names another type for %s", key)
		}
	}
	for key, typ := range documented {
		_, ok := registered[key]
		assert.Truef(t, ok, "%s (%s) is in README.md but not registered", key, typ)
	}
}

// TestREADMEEventsTableCatches shows that the comparison sees a missing row,
// an extra row and a wrong type.
func TestREADMEEventsTableCatches(t *testing.T) {
	good := eventsBegin + "\n| Element | Value | Go type |\n| --- | --- | --- |\n| `Event` | `SCAN` | `*ScanEvent` |\n" + eventsEnd
	rows, err := readmeRows(good)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"Event/scan": "ScanEvent"}, rows)
	registered := registryRows()
	assert.Less(t, len(rows), len(registered), "a one-row table must miss registrations")
	assert.Equal(t, registered["Event/scan"], rows["Event/scan"])
	assert.NotContains(t, registered, "Event/no_such_event")
	assert.NotEqual(t, registered["Event/click"], "ScanEvent")

	_, err = readmeRows("no markers")
	assert.Error(t, err)
	_, err = readmeRows(eventsBegin + "\n| `Event` | `SCAN` | `*ScanEvent` |\n| `Event` | `scan` | `*ScanEvent` |\n" + eventsEnd)
	assert.Error(t, err, "a value listed twice")
}
