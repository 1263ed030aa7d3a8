package bench

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
)

// bodies are the benchmark bodies of the library's own bench_test.go, read
// from that file so that both benchmarks measure exactly the same bytes.
var bodies = loadBodies("../bench_test.go", map[string]string{
	"flat":      "benchFlat",
	"nested":    "benchNested",
	"text":      "benchText",
	"unknown":   "benchUnknown",
	"malformed": "benchMalformed",
})

func loadBodies(file string, names map[string]string) map[string][]byte {
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		panic(err)
	}
	consts := map[string]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		if vs, ok := n.(*ast.ValueSpec); ok {
			for i, id := range vs.Names {
				if i < len(vs.Values) {
					if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						if s, err := strconv.Unquote(lit.Value); err == nil {
							consts[id.Name] = s
						}
					}
				}
			}
		}
		return true
	})
	out := map[string][]byte{}
	for c, name := range names {
		s, ok := consts[name]
		if !ok {
			panic("bench: " + file + " has no constant " + name)
		}
		out[c] = []byte(s)
	}
	return out
}
