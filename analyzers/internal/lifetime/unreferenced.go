package lifetime

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// unreferenced reports whether fn, a package-level function of this
// package that is neither exported nor a method (nor init or main), is
// named nowhere in the package as analysed (no call, no use as a value,
// no cgo //export or //go:linkname directive naming it, no identifier of
// its name in the package's files that the build leaves out, another
// platform's) but is named by the package's own _test.go files, which
// are not in the run (leakvet -test=false). Nothing outside the package
// can name it, so those tests are its only callers: it is a helper of
// tests in an ordinary file, and runsInTest counts it with the code of
// tests. A function named nowhere at all is dead code and stays as it is.
func (e *engine) unreferenced(fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Exported() || fn.Parent() != nil || fn.Signature.Recv() != nil || fn.Pkg != e.pkg || obj.Pkg() != e.pass.Pkg {
		return false
	}
	if name := obj.Name(); name == "init" || name == "main" || name == "_" {
		return false
	}
	refs := e.namedFuncs()
	return !refs.unknown && !refs.used[obj] && !refs.names[obj.Name()] && refs.inTests[obj.Name()]
}

// funcRefs holds what unreferenced needs of the whole package: the
// functions its files use, the names that its directives and its files
// out of the build mention, and the names that its own test files out of
// the run mention. unknown: a file out of the build could not be read or
// parsed, and may name anything.
type funcRefs struct {
	used    map[*types.Func]bool
	names   map[string]bool
	inTests map[string]bool
	unknown bool
}

func (e *engine) namedFuncs() *funcRefs {
	if e.funcRefs != nil {
		return e.funcRefs
	}
	r := &funcRefs{used: map[*types.Func]bool{}, names: map[string]bool{}, inTests: map[string]bool{}}
	e.funcRefs = r
	e.testFilesOutOfRun(r)
	for _, obj := range e.pass.TypesInfo.Uses {
		if f, ok := obj.(*types.Func); ok {
			r.used[f.Origin()] = true
		}
	}
	for _, f := range e.pass.Files {
		r.directives(f)
	}
	for _, name := range e.pass.IgnoredFiles {
		if !strings.HasSuffix(name, ".go") {
			continue
		}
		src, err := e.readFile(name)
		if err != nil {
			r.unknown = true
			return r
		}
		f, _ := parser.ParseFile(token.NewFileSet(), name, src, parser.ParseComments|parser.SkipObjectResolution)
		if f == nil {
			r.unknown = true
			return r
		}
		// A partial syntax tree still names what it names.
		r.directives(f)
		ast.Inspect(f, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				r.names[id.Name] = true
			}
			return true
		})
	}
	return r
}

// testFilesOutOfRun records in r.inTests the identifiers of the _test.go
// files of the package's own (not its external _test package) that lie
// in the directories of its files and are not among them: a run without
// tests leaves them out.
func (e *engine) testFilesOutOfRun(r *funcRefs) {
	inRun := map[string]bool{}
	dirs := map[string]bool{}
	for _, f := range e.pass.Files {
		name := e.pass.Fset.File(f.Pos()).Name()
		inRun[name] = true
		dirs[filepath.Dir(name)] = true
	}
	for dir := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, ent := range entries {
			name := filepath.Join(dir, ent.Name())
			if ent.IsDir() || !strings.HasSuffix(ent.Name(), "_test.go") || inRun[name] {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.SkipObjectResolution)
			if err != nil || f.Name.Name != e.pass.Pkg.Name() {
				continue
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					r.inTests[id.Name] = true
				}
				return true
			})
		}
	}
}

// directives records the names that f's cgo //export and //go:linkname
// directives mention: C code or another package calls them.
func (r *funcRefs) directives(f *ast.File) {
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			text := strings.TrimPrefix(c.Text, "//")
			if !strings.HasPrefix(text, "export ") && !strings.HasPrefix(text, "go:linkname ") {
				continue
			}
			for _, w := range strings.Fields(text)[1:] {
				r.names[w] = true
				if i := strings.LastIndexByte(w, '.'); i >= 0 {
					r.names[w[i+1:]] = true
				}
			}
		}
	}
}

// readFile reads a file of the package that the build leaves out.
func (e *engine) readFile(name string) ([]byte, error) {
	if e.pass.ReadFile != nil {
		return e.pass.ReadFile(name)
	}
	return os.ReadFile(name)
}
