//go:build !race

package wechatevent

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestParseAllocations holds Parse to its allocation budget: the event and
// one arena for the values it keeps, plus one per nested struct or slice.
// The race detector allocates on its own, so it does not run there.
func TestParseAllocations(t *testing.T) {
	for _, c := range []struct {
		name string
		body string
		max  float64
	}{
		{"flat", benchFlat, 3},
		{"text", benchText, 3},
		{"nested", benchNested, 6},
		{"malformed", benchMalformed, 2},
	} {
		data := []byte(c.body)
		n := testing.AllocsPerRun(100, func() { _, _ = Parse(data) })
		assert.LessOrEqual(t, n, c.max, c.name)
	}
}
