package wechatevent

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	eventsBegin = "<!-- events:begin -->"
	eventsEnd   = "<!-- events:end -->"
)

// registryRows is what NewParser really registers: "element/key" -> Go type
// name, one per registration.
func registryRows() map[string]string {
	rows := map[string]string{}
	for _, e := range NewParser().entries() {
		rows[e.ns.String()+"/"+e.key] = e.typ.Name()
	}
	return rows
}

// updateREADME makes TestREADMEEventsTable write the rows the registry gives
// into README.md's events tables instead of comparing them: after adding a
// type and its fixture,
//
//	go test -run TestREADMEEventsTable -update .
var updateREADME = flag.Bool("update", false, "rewrite the rows of README.md's events tables from the registry")

// The events tables of the README, in the order they appear between the
// markers: the 公众号, 小程序, 开放平台 and 微信小店 types, WeCom's own, and
// the WeCom AI bot's.
const (
	tableGeneral = iota
	tableWeCom
	tableBot
	numTables
)

// elementOrder is the order of the element column within a table.
var elementOrder = map[namespace]int{nsMessage: 0, nsEvent: 1, nsInfo: 2, nsBot: 3}

// registryTables renders the rows of each events table from what NewParser
// registers. A registration belongs to the AI bot's table when it is in the
// bot's namespace, to WeCom's when every fixture that dispatches to it lies
// under testdata/wecom, and to the first table otherwise. Rows are ordered by
// element (MsgType, Event, InfoType, msgtype), then by normalised key, and
// show the key as registered.
func registryTables(t *testing.T) [numTables][]string {
	t.Helper()
	dirs := map[string]map[string]bool{} // registry key -> directories of its fixtures
	for _, f := range typedFixtures(t) {
		key := fixtureKey(f.ev)
		if dirs[key] == nil {
			dirs[key] = map[string]bool{}
		}
		dirs[key][filepath.Base(filepath.Dir(f.path))] = true
	}
	entries := NewParser().entries()
	sort.SliceStable(entries, func(i, j int) bool {
		if a, b := elementOrder[entries[i].ns], elementOrder[entries[j].ns]; a != b {
			return a < b
		}
		return entries[i].key < entries[j].key
	})
	var tables [numTables][]string
	for _, e := range entries {
		table := tableGeneral
		if d := dirs[e.ns.String()+"/"+e.key]; e.ns == nsBot {
			table = tableBot
		} else if len(d) == 1 && d["wecom"] {
			table = tableWeCom
		}
		tables[table] = append(tables[table], fmt.Sprintf("| `%s` | `%s` | `*%s` |", e.ns, e.spelling, e.typ.Name()))
	}
	return tables
}

// eventsTables finds the tables between the events markers of a README,
// each a header row "| Element | ...", a separator and rows, and returns
// the rows of each and a function that returns the README with other rows
// in their place.
func eventsTables(text string) ([numTables][]string, func([numTables][]string) string, error) {
	var rows [numTables][]string
	begin := strings.Index(text, eventsBegin)
	end := strings.Index(text, eventsEnd)
	if begin < 0 || end < begin {
		return rows, nil, fmt.Errorf("no %s ... %s section", eventsBegin, eventsEnd)
	}
	lines := strings.Split(text[begin:end], "\n")
	type span struct{ from, to int } // rows are lines[from:to]
	var spans []span
	for i := 0; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "| Element |") {
			continue
		}
		if len(spans) == numTables {
			return rows, nil, fmt.Errorf("more than %d tables", numTables)
		}
		if i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "| ---") {
			return rows, nil, fmt.Errorf("table header %q without a separator", lines[i])
		}
		s := span{i + 2, i + 2}
		for s.to < len(lines) && strings.HasPrefix(lines[s.to], "|") {
			s.to++
		}
		rows[len(spans)] = lines[s.from:s.to]
		spans = append(spans, s)
		i = s.to - 1
	}
	if len(spans) != numTables {
		return rows, nil, fmt.Errorf("%d tables, want %d", len(spans), numTables)
	}
	rewrite := func(with [numTables][]string) string {
		var out []string
		last := 0
		for k, s := range spans {
			out = append(append(out, lines[last:s.from]...), with[k]...)
			last = s.to
		}
		out = append(out, lines[last:]...)
		return text[:begin] + strings.Join(out, "\n") + text[end:]
	}
	return rows, rewrite, nil
}

// TestREADMEEventsTable fails when the README's tables and the registry
// disagree, in either direction: every registration is documented under the
// right element, with the type Parse really returns, in the table of its
// platform, and nothing else is. With -update it writes the rows instead.
func TestREADMEEventsTable(t *testing.T) {
	text, err := os.ReadFile("README.md")
	require.NoError(t, err)
	documented, rewrite, err := eventsTables(string(text))
	require.NoError(t, err)
	registered := registryTables(t)
	require.NotEmpty(t, registered[tableGeneral])
	require.NotEmpty(t, registered[tableWeCom])
	require.NotEmpty(t, registered[tableBot])
	if *updateREADME {
		require.NoError(t, os.WriteFile("README.md", []byte(rewrite(registered)), 0o644))
		return
	}
	const fix = "run go test -run TestREADMEEventsTable -update . to write the rows"
	for k := range registered {
		missing, extra := rowsNotIn(registered[k], documented[k]), rowsNotIn(documented[k], registered[k])
		assert.Emptyf(t, missing, "README.md's events table %d lacks these registrations; %s", k+1, fix)
		assert.Emptyf(t, extra, "README.md's events table %d has rows the registry does not give there; %s", k+1, fix)
		if len(missing) == 0 && len(extra) == 0 {
			assert.Equalf(t, registered[k], documented[k], "README.md's events table %d is out of order or lists a row twice; %s", k+1, fix)
		}
	}
}

// rowsNotIn returns the rows of a that b does not have.
func rowsNotIn(a, b []string) []string {
	in := map[string]bool{}
	for _, r := range b {
		in[r] = true
	}
	var out []string
	for _, r := range a {
		if !in[r] {
			out = append(out, r)
		}
	}
	return out
}

// TestREADMEEventsTableCatches shows that the comparison sees a missing row,
// a wrong type and a row in the wrong table, and that a rewrite puts the
// rows in place and leaves the prose around them.
func TestREADMEEventsTableCatches(t *testing.T) {
	head := "| Element | Value | Go type |\n| --- | --- | --- |\n"
	text := "intro\n" + eventsBegin + "\nprose\n\n" + head + "| `Event` | `SCAN` | `*ScanEvent` |\n\n### WeCom\n\n" +
		head + "\n### bot\n" + head + "| `msgtype` | `text` | `*AIBotTextMessage` |\n" + eventsEnd + "\noutro\n"
	rows, rewrite, err := eventsTables(text)
	require.NoError(t, err)
	assert.Equal(t, [numTables][]string{{"| `Event` | `SCAN` | `*ScanEvent` |"}, {}, {"| `msgtype` | `text` | `*AIBotTextMessage` |"}}, rows)
	assert.Equal(t, []string{"| `Event` | `b` | `*B` |"}, rowsNotIn([]string{"| `Event` | `a` | `*A` |", "| `Event` | `b` | `*B` |"}, []string{"| `Event` | `a` | `*A` |"}))

	registered := registryTables(t)
	assert.NotEqual(t, registered[tableGeneral], rows[tableGeneral], "a one-row table misses registrations")
	assert.Contains(t, registered[tableGeneral], "| `Event` | `SCAN` | `*ScanEvent` |")
	assert.NotContains(t, registered[tableGeneral], "| `Event` | `SCAN` | `*LocationEvent` |", "a wrong type is no registered row")
	assert.NotContains(t, registered[tableWeCom], "| `Event` | `SCAN` | `*ScanEvent` |", "a 公众号 event is not in the WeCom table")
	assert.Contains(t, registered[tableWeCom], "| `Event` | `change_contact/create_user` | `*CreateUserEvent` |")

	with := [numTables][]string{{"| `Event` | `a` | `*A` |", "| `Event` | `b` | `*B` |"}, {"| `Event` | `c` | `*C` |"}, nil}
	out := rewrite(with)
	got, _, err := eventsTables(out)
	require.NoError(t, err)
	assert.Equal(t, [numTables][]string{with[0], with[1], {}}, got)
	assert.True(t, strings.HasPrefix(out, "intro\n"+eventsBegin+"\nprose\n\n"+head+"| `Event` | `a` |"), out)
	assert.True(t, strings.HasSuffix(out, "### bot\n"+head+eventsEnd+"\noutro\n"), out)

	_, _, err = eventsTables("no markers")
	assert.Error(t, err)
	_, _, err = eventsTables(eventsBegin + "\n" + head + eventsEnd)
	assert.Error(t, err, "one table of three")
	_, _, err = eventsTables(eventsBegin + "\n| Element | Value | Go type |\n| `Event` | `SCAN` | `*ScanEvent` |\n" + eventsEnd)
	assert.Error(t, err, "a header without a separator")
}
