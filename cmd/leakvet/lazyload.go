package main

import (
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"sync"
	"sync/atomic"

	"github.com/leakvet/leakvet/analyzers"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// A lazy load lists the packages (go list, no parsing) and leaves
// parsing and type-checking each package to the analysis: an analyzer,
// typecheck, that every analyzer of the run requires, parses and
// type-checks a package once its imports are type-checked, and the
// checks run on it as soon as that is done. A dependency's syntax and
// type information are dropped once its analyzers are done
// (analyzers.ReleaseSyntax), so the run holds the syntax of the packages
// in flight and of the packages given, not of every package of the
// program at once, as a load by go/packages does before any analysis
// starts.
//
// Each package is parsed and type-checked as go/packages does it
// (packages.LoadAllSyntax): its compiled Go files, parsed once each for
// all the packages that compile them, type-checked into a package of
// the listing's path and name, with every types.Info map, the sizes of
// the target and the language version of its module. A package that
// does not parse or type-check is not analysed lazily: the run stops,
// and everything is loaded by go/packages and analysed again, so that
// errors are reported as before.
type lazyLoader struct {
	fset    *token.FileSet
	byTypes map[*types.Package]*packages.Package

	// files holds the files parsed, by name, until every package that
	// compiles the file has taken it.
	filesMu sync.Mutex
	files   map[string]*lazyFile

	failed   atomic.Bool
	failedMu sync.Mutex
	why      string // the first error
}

type lazyFile struct {
	once  sync.Once
	f     *ast.File
	err   error
	users int // packages still to take it
}

var errLazyFailed = errors.New("a package did not load")

// lazyLine is what -v prints after a lazy load.
const lazyLine = "packages parsed and type-checked during the analysis"

// loadLazily lists the packages for a lazy load. It returns the
// packages to analyse, or nil and why a lazy load is not possible:
// user-defined resources (they are checked against every loaded
// package before the analysis), or packages that do not list without
// errors. listed, when not nil, is a listing made by the fact cache
// with the same configuration.
func loadLazily(patterns []string, opts options, listed []*packages.Package) ([]*packages.Package, *lazyLoader, string) {
	if len(analyzers.CheckResources(func(string) *types.Package { return nil })) > 0 {
		return nil, nil, "user-defined resources"
	}
	if listed == nil {
		var err error
		listed, err = packages.Load(listConfig(opts), patterns...)
		if err != nil || len(listed) == 0 {
			return nil, nil, "listing failed"
		}
	}
	lz := &lazyLoader{fset: token.NewFileSet(), byTypes: map[*types.Package]*packages.Package{}, files: map[string]*lazyFile{}}
	why := ""
	packages.Visit(listed, nil, func(p *packages.Package) {
		switch {
		case why != "":
			return
		case len(p.Errors) > 0:
			why = p.ID + " does not list"
			return
		case p.TypesSizes == nil || p.Name == "":
			why = p.ID + " has no sizes or name"
			return
		}
		p.Fset = lz.fset
		if p.PkgPath == "unsafe" {
			p.Types = types.Unsafe
			p.Syntax = []*ast.File{}
			p.TypesInfo = newTypesInfo()
			return
		}
		p.Types = types.NewPackage(p.PkgPath, p.Name)
		lz.byTypes[p.Types] = p
		for _, name := range p.CompiledGoFiles {
			f := lz.files[name]
			if f == nil {
				f = new(lazyFile)
				lz.files[name] = f
			}
			f.users++
		}
	})
	if why != "" {
		return nil, nil, why
	}
	return coveredByTestVariants(listed), lz, ""
}

// listConfig is the configuration of a listing: what a lazy load and
// the fact cache's keys need, without parsing.
func listConfig(opts options) *packages.Config {
	cfg := &packages.Config{
		Mode:  packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports | packages.NeedDeps | packages.NeedModule | packages.NeedTypesSizes,
		Tests: opts.tests,
	}
	if opts.tags != "" {
		cfg.BuildFlags = []string{"-tags=" + opts.tags}
	}
	return cfg
}

// newTypesInfo returns the type information go/packages records for a
// package loaded with its syntax.
func newTypesInfo() *types.Info {
	return newTypesInfoFor(nil)
}

// Entries the type checker records per thousand bytes of code (a file's
// bytes less its comments), about the median over the packages of group
// 4 of the real-world corpus and their dependencies, the standard
// library's included: the type of each expression (110), the uses (55)
// and definitions (12) of identifiers, scopes (9), selections (8) and
// implicit objects (2.5).
const (
	typesPerKB      = 110
	usesPerKB       = 55
	defsPerKB       = 12
	scopesPerKB     = 9
	selectionsPerKB = 8
	implicitsPerKB  = 2.5
)

// newTypesInfoFor returns the type information go/packages records for
// a package loaded with its syntax, its maps sized for what type-checking
// files will record in them: a map grown entry by entry rehashes
// everything it holds at each doubling, which cost the type checker about
// 1.4 s of a 30 s cold run of group 4 with tests.
func newTypesInfoFor(files []*ast.File) *types.Info {
	code := 0
	for _, f := range files {
		code += int(f.FileEnd - f.FileStart)
		for _, cg := range f.Comments {
			code -= int(cg.End() - cg.Pos())
		}
	}
	kb := float64(max(code, 0)) / 1000
	size := func(perKB float64) int { return int(kb * perKB) }
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue, size(typesPerKB)),
		Defs:         make(map[*ast.Ident]types.Object, size(defsPerKB)),
		Uses:         make(map[*ast.Ident]types.Object, size(usesPerKB)),
		Implicits:    make(map[ast.Node]types.Object, size(implicitsPerKB)),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope, size(scopesPerKB)),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection, size(selectionsPerKB)),
		FileVersions: make(map[*ast.File]string, len(files)),
	}
}

// fail records why the lazy load failed, and stops it.
func (lz *lazyLoader) fail(why string) {
	lz.failedMu.Lock()
	if lz.why == "" {
		lz.why = why
	}
	lz.failedMu.Unlock()
	lz.failed.Store(true)
}

// Failed reports whether a package did not parse or type-check, and why
// (false for a nil loader).
func (lz *lazyLoader) Failed() (bool, string) {
	if lz == nil || !lz.failed.Load() {
		return false, ""
	}
	lz.failedMu.Lock()
	defer lz.failedMu.Unlock()
	return true, lz.why
}

// parse returns the file name parsed, parsing it if no package did
// before; the last package to take it drops it from the loader.
func (lz *lazyLoader) parse(name string) (*ast.File, error) {
	lz.filesMu.Lock()
	f := lz.files[name]
	lz.filesMu.Unlock()
	f.once.Do(func() {
		src, err := os.ReadFile(name)
		if err != nil {
			f.err = err
			return
		}
		f.f, f.err = parseFile(lz.fset, name, src)
	})
	lz.filesMu.Lock()
	if f.users--; f.users == 0 {
		delete(lz.files, name)
	}
	lz.filesMu.Unlock()
	return f.f, f.err
}

// typecheck parses and type-checks the package of pass, whose imports
// are type-checked (typecheck declares a fact type, so it runs on a
// package's imports first).
func (lz *lazyLoader) typecheck(pass *analysis.Pass) (any, error) {
	if lz.failed.Load() {
		return nil, errLazyFailed
	}
	p := lz.byTypes[pass.Pkg]
	if p == nil {
		return nil, nil // unsafe
	}
	files := make([]*ast.File, 0, len(p.CompiledGoFiles))
	for _, name := range p.CompiledGoFiles {
		f, err := lz.parse(name)
		if err != nil {
			lz.fail(err.Error())
			return nil, errLazyFailed
		}
		files = append(files, f)
	}
	var typeErr error
	conf := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			imp := p.Imports[path]
			if imp == nil || imp.Types == nil || !imp.Types.Complete() {
				return nil, fmt.Errorf("%s: no types for import %q", p.ID, path)
			}
			return imp.Types, nil
		}),
		Error: func(err error) {
			if typeErr == nil {
				typeErr = err
			}
		},
		Sizes: p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		conf.GoVersion = "go" + p.Module.GoVersion
	}
	info := newTypesInfoFor(files)
	err := types.NewChecker(conf, lz.fset, p.Types, info).Files(files)
	if typeErr == nil {
		typeErr = err
	}
	if typeErr != nil {
		lz.fail(typeErr.Error())
		return nil, errLazyFailed
	}
	// The analyzers' passes on p, made once this one is done, read them.
	p.Syntax, p.TypesInfo = files, info
	return nil, nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// typecheckedFact is never exported: a fact type makes typecheck run on
// a package's imports before the package.
type typecheckedFact struct{}

func (*typecheckedFact) AFact() {}

func (*typecheckedFact) String() string { return "typecheckedFact" }

// wrap returns copies of the analyzers of a run, and of everything they
// require, that each require typecheck, whose Run hands the original
// Run a pass whose ResultOf is keyed by the originals.
func (lz *lazyLoader) wrap(run []*analysis.Analyzer) []*analysis.Analyzer {
	pre := &analysis.Analyzer{
		Name:      "typecheck",
		Doc:       "parse and type-check a package once its imports are type-checked",
		Run:       lz.typecheck,
		FactTypes: []analysis.Fact{(*typecheckedFact)(nil)},
	}
	return copyAnalyzers(run, pre, func(orig *analysis.Analyzer, pass *analysis.Pass) (any, error) {
		return orig.Run(pass)
	})
}
