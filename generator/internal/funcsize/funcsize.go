// Package funcsize measures function length over Go source, so the
// project's "small functions" rule (none over 60 lines, p90 at most 30) is
// a number a test checks rather than an impression.
package funcsize

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Func is one function or method and its length in lines, from the line of
// "func" to the line of the closing brace.
type Func struct {
	Pos   string // file:line
	Name  string // Recv.Name for methods
	Lines int
}

// Dir measures every function declared in the non-test .go files under
// root, longest first (ties by position).
func Dir(root string) ([]Func, error) {
	var out []Func
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		out = append(out, funcs(fset, f)...)
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Lines != out[j].Lines {
			return out[i].Lines > out[j].Lines
		}
		return out[i].Pos < out[j].Pos
	})
	return out, err
}

func funcs(fset *token.FileSet, f *ast.File) []Func {
	var out []Func
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		start, end := fset.Position(fd.Pos()), fset.Position(fd.End())
		name := fd.Name.Name
		if fd.Recv != nil && len(fd.Recv.List) > 0 {
			name = recvName(fd.Recv.List[0].Type) + "." + name
		}
		out = append(out, Func{Pos: filepath.ToSlash(start.Filename) + ":" + strconv.Itoa(start.Line), Name: name, Lines: end.Line - start.Line + 1})
	}
	return out
}

func recvName(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.StarExpr:
		return recvName(t.X)
	case *ast.IndexExpr:
		return recvName(t.X)
	case *ast.IndexListExpr:
		return recvName(t.X)
	case *ast.Ident:
		return t.Name
	}
	return "?"
}

// Percentile returns the length at or below which p percent of fs lie
// (nearest rank), for fs sorted longest first as Dir returns them.
func Percentile(fs []Func, p int) int {
	if len(fs) == 0 {
		return 0
	}
	rank := (p*len(fs) + 99) / 100 // 1-based rank from the shortest
	return fs[len(fs)-rank].Lines
}
