package interop

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestInstalledPackagesMatchPins(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(Dir(), "package.json"))
	require.NoError(t, err)
	var pkg struct{ Dependencies map[string]string }
	require.NoError(t, json.Unmarshal(raw, &pkg))
	require.NotEmpty(t, pkg.Dependencies)

	out := strings.TrimSpace(string(Run(t, nil, "version.js")))
	got := map[string]string{}
	for _, line := range strings.Split(out, "\n") {
		name, version, ok := strings.Cut(line, " ")
		require.True(t, ok, line)
		got[name] = version
	}
	assert.Equal(t, pkg.Dependencies, got)
}
