package wechatevent

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goBlock is one fenced Go code block of a Markdown file.
type goBlock struct {
	file string
	line int // of the opening fence
	code string
}

// goBlocks returns every ```go block of a Markdown text.
func goBlocks(file, text string) []goBlock {
	var blocks []goBlock
	var cur *goBlock
	var code strings.Builder
	for i, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case cur == nil && trimmed == "```go":
			cur = &goBlock{file: file, line: i + 1}
			code.Reset()
		case cur != nil && trimmed == "```":
			cur.code = code.String()
			blocks = append(blocks, *cur)
			cur = nil
		case cur != nil:
			code.WriteString(line)
			code.WriteByte('\n')
		}
	}
	return blocks
}

// readmeImports are the packages a README snippet may use without importing.
var readmeImports = []string{
	"context", "errors", "fmt", "io", "log", "net/http", "net/http/httptest", "os", "strings", "time",
	"github.com/wechatevent/wechatevent",
	"github.com/wechatevent/wechatevent/wechateventtest",
}

// readmeFree are the names that snippets use as given: the request body,
// the account's settings, a handler and your own functions. A snippet that
// uses any other undeclared name fails to compile.
const readmeFree = `
var (
	body                                                []byte
	token, encodingAESKey, appID, key, suiteID          string
	signature, timestamp, nonce, msgSignature           string
	handler                                             http.Handler
	handle, fn func(context.Context, wechatevent.Event) (wechatevent.Reply, error)
	store  interface{ IsAuthorised(context.Context, string) (bool, error) }
)
`

// moduleImports are the packages a snippet of another module of this
// repository may use without importing, by the directory of that module.
var moduleImports = map[string][]string{
	"redisstore": {"github.com/redis/go-redis/v9"},
}

const modulePath = "github.com/wechatevent/wechatevent"

// snippetImports takes the import lines a block starts with off its code
// and tells the directory of the module to check it in: "." for this one,
// or the directory of another module of the repository it imports.
func snippetImports(code string) (imports []string, dir, rest string) {
	dir = "."
	lines := strings.SplitAfter(code, "\n")
	i := 0
	for ; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		path, ok := strings.CutPrefix(line, "import ")
		if !ok {
			if line == "" {
				continue
			}
			break
		}
		path = strings.Trim(strings.TrimSpace(path), `"`)
		imports = append(imports, path)
		if sub, ok := strings.CutPrefix(path, modulePath+"/"); ok {
			top, _, _ := strings.Cut(sub, "/")
			// Another module: its go.mod is there, or it is one this
			// repository documents before it is in the tree.
			_, known := moduleImports[top]
			if _, err := os.Stat(filepath.Join(top, "go.mod")); err == nil || known {
				dir = top
			}
		}
	}
	return imports, dir, strings.Join(lines[i:], "")
}

func dirExists(dir string) bool {
	fi, err := os.Stat(dir)
	return err == nil && fi.IsDir()
}

// snippetSource turns a block into a Go file: top-level declarations as
// they are, anything else as the body of a function that may return an
// error.
func snippetSource(code string, imports []string) string {
	var b strings.Builder
	b.WriteString("package readme\n\nimport (\n")
	for _, p := range append(append([]string(nil), readmeImports...), imports...) {
		fmt.Fprintf(&b, "\t%q\n", p)
	}
	b.WriteString(")\n")
	b.WriteString(readmeFree)
	decls := "package readme\n" + code
	if _, err := parser.ParseFile(token.NewFileSet(), "", decls, 0); err == nil {
		b.WriteString(code)
	} else {
		b.WriteString("\nfunc _() error {\n" + code + "\nreturn nil\n}\n")
	}
	return b.String()
}

var (
	readmeImporterOnce sync.Once
	readmeImporter     types.Importer
	moduleImporters    = map[string]types.Importer{}
)

// moduleImporter returns an importer for snippets of the module in dir and
// makes go/build resolve imports there until the returned func is called:
// the source importer runs the go command in build.Default.Dir, whatever
// directory the snippet claims to be in.
func moduleImporter(fset *token.FileSet, dir string) (types.Importer, func()) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	saved := build.Default.Dir
	build.Default.Dir = abs
	imp, ok := moduleImporters[dir]
	if !ok {
		imp = importer.ForCompiler(fset, "source", nil)
		moduleImporters[dir] = imp
	}
	return imp, func() { build.Default.Dir = saved }
}

// checkSnippet type-checks one block as the compiler would, except that
// unused variables and imports, which a snippet leaves for the reader, are
// allowed.
func checkSnippet(fset *token.FileSet, name, code string) []error {
	readmeImporterOnce.Do(func() { readmeImporter = importer.ForCompiler(fset, "source", nil) })
	imports, dir, code := snippetImports(code)
	imp := readmeImporter
	if dir != "." {
		// A snippet of another module: its imports resolve from there.
		imports = append(imports, moduleImports[dir]...)
		name = filepath.Join(dir, name)
		var restore func()
		imp, restore = moduleImporter(fset, dir)
		defer restore()
	}
	src := snippetSource(code, imports)
	f, err := parser.ParseFile(fset, name, src, parser.AllErrors)
	if err != nil {
		return []error{err}
	}
	var errs []error
	conf := types.Config{Importer: imp, Error: func(err error) {
		if te, ok := err.(types.Error); ok && te.Soft && isUnusedError(te.Msg) {
			return
		}
		errs = append(errs, err)
	}}
	_, _ = conf.Check("readme", fset, []*ast.File{f}, nil)
	return errs
}

func isUnusedError(msg string) bool {
	return strings.Contains(msg, "declared and not used") || strings.Contains(msg, "declared but not used") ||
		strings.Contains(msg, "imported and not used")
}

// TestREADMECodeCompiles compiles every Go block of README.md and of every
// README-*.md, so that a documented function that does not exist, or a
// changed signature, fails the tests.
func TestREADMECodeCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the standard library from source")
	}
	files, err := filepath.Glob("README-*.md")
	require.NoError(t, err)
	files = append([]string{"README.md"}, files...)
	fset := token.NewFileSet()
	n := 0
	for _, file := range files {
		text, err := os.ReadFile(file)
		require.NoError(t, err)
		for _, b := range goBlocks(file, string(text)) {
			n++
			name := fmt.Sprintf("%s:%d", b.file, b.line)
			if _, dir, _ := snippetImports(b.code); !dirExists(dir) {
				t.Logf("Go block at %s not checked: module %s/ is not in this tree", name, dir)
				continue
			}
			for _, err := range checkSnippet(fset, name, b.code) {
				t.Errorf("Go block at %s does not compile: %v", name, err)
			}
		}
	}
	assert.GreaterOrEqual(t, n, 5, "README.md has Go blocks")
}

// TestREADMECodeCheckCatches shows that the check refuses what does not
// compile and accepts what does.
func TestREADMECodeCheckCatches(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the standard library from source")
	}
	fset := token.NewFileSet()
	bad := map[string]string{
		"missing function": "reply := replyXML(ev)\n",
		"missing API":      "r := wechatevent.NewTextReplyy(nil, \"hi\")\n",
		"old signature": "h, err := wechatevent.NewHandler(token, func(ctx context.Context, ev wechatevent.Event) ([]byte, error) {\n" +
			"\treturn nil, nil\n})\n",
		"wrong argument": "r := wechatevent.NewTextReply(nil, 42)\n",
		"syntax":         "if x {\n",
	}
	for name, code := range bad {
		assert.NotEmpty(t, checkSnippet(fset, name, code), name)
	}
	good := map[string]string{
		"statements":   "ev, err := wechatevent.Parse(body)\nif err != nil {\n\treturn err\n}\nr := wechatevent.NewTextReply(ev, \"hi\")\n",
		"declarations": "type T struct{ wechatevent.Envelope }\n\nfunc (t *T) Name() string { return t.FromUserName }\n",
	}
	for name, code := range good {
		assert.Empty(t, checkSnippet(fset, name, code), name)
	}
	blocks := goBlocks("x.md", "text\n```go\na := 1\n```\n```sh\nls\n```\n  ```go\nb := 2\n  ```\n")
	require.Len(t, blocks, 2)
	assert.Equal(t, "a := 1\n", blocks[0].code)
	assert.Equal(t, 2, blocks[0].line)
	assert.Equal(t, "b := 2\n", blocks[1].code)
}
