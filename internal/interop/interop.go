// Package interop runs WeChat libraries written by others, from the npm
// registry, against wechatevent in tests: clients that sign, encrypt and
// decrypt the way real deployments do, and endpoints that wechatevent's tools
// must work against.
//
// The packages are pinned in package.json beside this file and installed with
// npm ci into node_modules there. Locally, a test that needs them is skipped
// when node or node_modules is missing; under CI (CI=true) it fails instead,
// so a missing install step cannot pass unnoticed.
package interop

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// Dir is the directory holding package.json, node_modules and the scripts.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(file)
}

// Require skips t (or, under CI, fails it) unless node and the installed npm
// packages are present.
func Require(t testing.TB) {
	t.Helper()
	missing := ""
	if _, err := exec.LookPath("node"); err != nil {
		missing = "node is not installed"
	} else if _, err := os.Stat(filepath.Join(Dir(), "node_modules")); err != nil {
		missing = "npm packages are not installed (npm ci in internal/interop)"
	}
	if missing == "" {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("interop: %s", missing)
	}
	t.Skipf("interop: %s", missing)
}

// Command returns a command that runs the node script at path (relative to
// Dir unless absolute) with args, resolving packages from Dir's node_modules.
func Command(script string, args ...string) *exec.Cmd {
	if !filepath.IsAbs(script) {
		script = filepath.Join(Dir(), script)
	}
	cmd := exec.Command("node", append([]string{script}, args...)...)
	cmd.Dir = Dir()
	cmd.Env = append(os.Environ(), "NODE_PATH="+filepath.Join(Dir(), "node_modules"))
	return cmd
}

// Run runs a node script to completion with stdin as its standard input and
// returns its standard output, failing t with the script's standard error
// when it exits non-zero.
func Run(t testing.TB, stdin []byte, script string, args ...string) []byte {
	t.Helper()
	Require(t)
	cmd := Command(script, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("interop: node %s: %v\n%s", script, err, stderr.String())
	}
	return stdout.Bytes()
}
