package unboundedcache

import (
	_ "embed"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/checkdoc"
	"github.com/leakvet/leakvet/analyzers/internal/config"
	"github.com/leakvet/leakvet/analyzers/internal/entrypoints"
	"github.com/leakvet/leakvet/analyzers/internal/lifespan"
	"github.com/leakvet/leakvet/analyzers/internal/noreturn"
	"github.com/leakvet/leakvet/analyzers/internal/report"
	"golang.org/x/tools/go/analysis"
)

//go:embed doc.go
var doc string

// Analyzer reports package-level maps, slices and sync.Maps that grow
// from run-time code with keys from unbounded data and never shrink.
var Analyzer = &analysis.Analyzer{
	Name:      "unboundedcache",
	Doc:       checkdoc.Extract(doc, "unboundedcache"),
	URL:       "https://github.com/leakvet/leakvet/blob/main/docs/checks/unboundedcache.md",
	Requires:  []*analysis.Analyzer{config.Analyzer, noreturn.Analyzer, lifespan.Analyzer, entrypoints.Analyzer},
	Run:       report.Guard(run),
	FactTypes: []analysis.Fact{(*growOnly)(nil)},
}

// category is the stable name users filter on (//nolint:unboundedcache/unbounded).
const category = "unbounded"

// boundedAlternative is the advice every message ends with.
const boundedAlternative = "use a bounded LRU or TTL cache (github.com/hashicorp/golang-lru/v2/expirable)"

// growOnly is exported for an exported package-level variable whose
// containers nothing in its own package shrinks, so that a package writing
// them from request paths can be reported even though the declaration is
// out of its sight. Paths holds "" for the variable itself and "F" or "F.G"
// for containers in (exported) fields.
type growOnly struct {
	Paths []string
}

// AFact marks growOnly as an analysis fact.
func (*growOnly) AFact() {}

func (f *growOnly) String() string {
	quoted := make([]string, len(f.Paths))
	for i, p := range f.Paths {
		quoted[i] = "\"" + p + "\""
	}
	return "growOnly(" + strings.Join(quoted, ", ") + ")"
}

func run(pass *analysis.Pass) (any, error) {
	if !needed(pass) {
		return nil, nil
	}
	c := newChecker(pass)
	c.collect()
	c.computeContexts()
	c.computeShrinks()
	c.exportFacts()
	c.report()
	return nil, nil
}

// needed is the cheap exit: without a package-level variable that holds a
// container, declared here or imported with a growOnly fact, there is
// nothing to find and the package is not walked.
func needed(pass *analysis.Pass) bool {
	scope := pass.Pkg.Scope()
	for _, name := range scope.Names() {
		v, ok := scope.Lookup(name).(*types.Var)
		if ok && !isTestPos(pass, v.Pos()) && holdsContainer(v.Type(), 3) {
			return true
		}
	}
	for _, obj := range pass.TypesInfo.Uses {
		v, ok := obj.(*types.Var)
		if ok && v.Pkg() != nil && v.Pkg() != pass.Pkg && isPkgVar(v) && pass.ImportObjectFact(v, new(growOnly)) {
			return true
		}
	}
	return false
}

func isTestPos(pass *analysis.Pass, pos token.Pos) bool {
	f := pass.Fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// exportFacts records, for each exported package-level variable, the
// containers in it that nothing here shrinks.
func (c *checker) exportFacts() {
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		v, ok := scope.Lookup(name).(*types.Var)
		if !ok || !v.Exported() || isTestPos(c.pass, v.Pos()) {
			continue
		}
		var paths []string
		for _, fields := range containerPaths(v.Type(), 2) {
			r := ref{root: v, fields: fields}
			if !c.shrunk(r) {
				paths = append(paths, r.path())
			}
		}
		if len(paths) > 0 {
			slices.Sort(paths)
			c.pass.ExportObjectFact(v, &growOnly{Paths: paths})
		}
	}
}

// containerPaths lists the containers a value of type t holds: t itself,
// or exported fields of a struct (through pointers), to the given depth.
func containerPaths(t types.Type, depth int) [][]*types.Var {
	if kindOf(t) != noContainer {
		return [][]*types.Var{nil}
	}
	if depth == 0 {
		return nil
	}
	st, ok := deref(t).Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out [][]*types.Var
	for f := range st.Fields() {
		if !f.Exported() {
			continue
		}
		for _, sub := range containerPaths(f.Type(), depth-1) {
			out = append(out, append([]*types.Var{f}, sub...))
		}
	}
	return out
}

// candidate is one container with its unbounded run-time writes.
type candidate struct {
	ref    ref
	writes []*finding
}

type finding struct {
	w  *write
	cl class
}

func (c *checker) report() {
	byRef := map[refKey]*candidate{}
	var order []*candidate
	for _, n := range c.nodes {
		for _, w := range c.allWrites(n) {
			if !isPkgVar(w.ref.root) || !n.runtime && !w.deferred && !w.repeats() {
				continue
			}
			cl, ok := c.unboundedWrite(w)
			if !ok {
				continue
			}
			k := w.ref.key()
			cand := byRef[k]
			if cand == nil {
				cand = &candidate{ref: w.ref}
				byRef[k] = cand
				order = append(order, cand)
			}
			cand.writes = append(cand.writes, &finding{w: w, cl: cl})
		}
	}
	for _, ext := range c.externalWrites() {
		cl, ok := c.unboundedWrite(ext)
		if !ok {
			continue
		}
		k := ext.ref.key()
		cand := byRef[k]
		if cand == nil {
			cand = &candidate{ref: ext.ref}
			byRef[k] = cand
			order = append(order, cand)
		}
		cand.writes = append(cand.writes, &finding{w: ext, cl: cl})
	}

	for _, cand := range order {
		r := cand.ref
		if c.shrunk(r) {
			continue
		}
		local := r.root.Pkg() == c.pass.Pkg
		if local && isTestPos(c.pass, r.root.Pos()) {
			continue
		}
		if !local {
			var fact growOnly
			if !c.pass.ImportObjectFact(r.root, &fact) || !slices.Contains(fact.Paths, r.path()) {
				continue
			}
		}
		slices.SortFunc(cand.writes, func(a, b *finding) int { return int(a.w.outerPos() - b.w.outerPos()) })
		f := cand.writes[0]
		kind := kindOf(r.typ())
		msg := c.message(r, kind, f, local)
		d := diagnosticAt(r.root.Pos(), msg)
		if local {
			d.Related = f.w.outerPos()
			d.RelatedText = "written here"
			if f.w.deferred && !f.w.outer().runtime {
				d.Related = f.w.pos
			} else if f.w.through() != nil {
				d.RelatedText = "written here through " + f.w.through().name()
			}
		} else {
			// The declaration is in a dependency: report where this
			// package makes it grow, and point at the declaration.
			d = diagnosticAt(f.w.outerPos(), msg)
			d.Related = r.root.Pos()
			d.RelatedText = "declared here"
		}
		reportDiag(c.pass, d)
	}
}
