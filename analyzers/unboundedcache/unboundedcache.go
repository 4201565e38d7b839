package unboundedcache

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/checkdoc"
	"github.com/leakvet/leakvet/analyzers/internal/config"
	"github.com/leakvet/leakvet/analyzers/internal/entrypoints"
	"github.com/leakvet/leakvet/analyzers/internal/lazyssa"
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
	Requires:  []*analysis.Analyzer{config.Analyzer, noreturn.Analyzer, lifespan.Analyzer, entrypoints.Analyzer, lazyssa.Analyzer},
	Run:       report.Guard(run),
	FactTypes: []analysis.Fact{(*growOnly)(nil), (*growsWith)(nil)},
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
	c.resolveFieldAliases()
	c.resolveWrites()
	if !c.judgeable() {
		return nil, nil
	}
	c.applyLifespan()
	c.computeContexts()
	c.computeShrinks()
	c.exportFacts()
	c.report()
	c.exportGrowsWith()
	c.reportImportedCalls()
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
		if obj.Pkg() == nil || obj.Pkg() == pass.Pkg {
			continue
		}
		switch o := obj.(type) {
		case *types.Var:
			if isPkgVar(o) && pass.ImportObjectFact(o, new(growOnly)) {
				return true
			}
		case *types.Func:
			if pass.ImportObjectFact(o, new(growsWith)) {
				return true
			}
		}
	}
	return false
}

// judgeable reports whether the walk found anything the later phases
// could report or record in a fact: a write to a package-level container
// or to one reached from a parameter (a write to a local container is
// neither reported nor passed to callers), a call of another
// package's function with a growsWith fact, or an exported package-level
// variable holding a container (a growOnly fact, writes by other
// packages). Without any of these the package is left before lifespan is
// asked when its functions run.
func (c *checker) judgeable() bool {
	if len(c.importedCalls) > 0 {
		return true
	}
	for _, n := range c.nodes {
		for _, w := range n.writes {
			if _, isParam := c.paramOf[w.ref.root]; isParam || isPkgVar(w.ref.root) {
				return true
			}
		}
	}
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		v, ok := scope.Lookup(name).(*types.Var)
		if ok && v.Exported() && !isTestPos(c.pass, v.Pos()) && (holdsContainer(v.Type(), 3) || len(containerPaths(v.Type(), 2)) > 0) {
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
			if !c.shrunk(r) && !c.sizeGuarded(r) {
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

// growsWith is exported for an exported package-level function whose
// parameter keys (or is appended to) a package-level container of its
// package that nothing there shrinks, when nothing in the package shows
// the parameter to be traffic: the function is silent where it is
// declared, and a package that calls it with traffic (a request's data, a
// counter, the clock) is reported at the call.
type growsWith struct {
	Param     int    // the parameter's index
	Container string // the container as other packages name it: "cache.lastSeen"
	Kind      string // "map", "slice" or "sync.Map"
}

// AFact marks growsWith as an analysis fact.
func (*growsWith) AFact() {}

func (f *growsWith) String() string {
	return fmt.Sprintf("growsWith(%d, %s %s)", f.Param, f.Kind, f.Container)
}

// importedCall is a call of another package's function with a growsWith
// fact.
type importedCall struct {
	node   *fnode
	fn     *types.Func
	call   *ast.CallExpr
	fact   growsWith
	inLoop bool
}

// exportGrowsWith finds the writes that are silent only because their
// data is an exported function's own parameter without evidence of
// traffic, and records the function.
func (c *checker) exportGrowsWith() {
	if c.pass.Pkg.Name() == "main" {
		return
	}
	for _, n := range c.nodes {
		if n.kind != declNode || !n.external || n.obj == nil || n.decl.Recv != nil || !n.obj.Exported() {
			continue
		}
		for _, w := range n.writes {
			r := w.ref
			if !isPkgVar(r.root) || r.root.Pkg() != c.pass.Pkg || isTestPos(c.pass, r.root.Pos()) || c.shrunk(r) || c.sizeGuarded(r) || c.reported[r.key()] {
				continue
			}
			subject := w.key
			if w.kind == sliceContainer && len(w.values) == 1 {
				subject = w.values[0]
			}
			id, ok := ast.Unparen(subject).(*ast.Ident)
			if !ok {
				continue
			}
			v, ok := c.objOf(id).(*types.Var)
			p, isParam := c.paramOf[v]
			if !ok || !isParam || p.node != n || p.index < 0 || c.trafficParam(n, v) {
				continue
			}
			if n.sig.Variadic() && p.index == n.sig.Params().Len()-1 {
				continue
			}
			c.assumeTraffic = true
			c.resetClassMemos()
			_, grows := c.unboundedWrite(w)
			c.assumeTraffic = false
			c.resetClassMemos()
			if !grows {
				continue
			}
			c.pass.ExportObjectFact(n.obj, &growsWith{Param: p.index, Container: c.pass.Pkg.Name() + "." + r.display(true), Kind: kindOf(r.typ()).String()})
			break
		}
	}
}

// resetClassMemos forgets the classes judged so far, which depend on
// assumeTraffic.
func (c *checker) resetClassMemos() {
	c.paramMemo = map[paramRef]*class{}
	c.localMemo = map[*types.Var]*class{}
	c.returnMemo = map[*fnode]*class{}
}

// reportImportedCalls reports calls made at run time that pass traffic
// to a parameter another package's function grows a container with.
func (c *checker) reportImportedCalls() {
	done := map[*types.Func]bool{}
	for _, ic := range c.importedCalls {
		if done[ic.fn] || ic.fact.Param >= len(ic.call.Args) {
			continue
		}
		deferred := false
		for n := ic.node; n.kind == litNode; n = n.parent {
			if n.lk == litDetached && !n.goCall {
				deferred = true
			}
		}
		if !ic.node.runtime && !deferred && !ic.inLoop {
			continue
		}
		arg := ic.call.Args[ic.fact.Param]
		cl := c.classify(ic.node, arg, nil, 0)
		if cl.level != unboundedDomain || cl.fresh {
			continue
		}
		done[ic.fn] = true
		who := ic.node.name() + " through " + ic.fn.Pkg().Name() + "." + ic.fn.Name()
		src := sourceText(cl, arg)
		var msg string
		switch ic.fact.Kind {
		case "slice":
			msg = fmt.Sprintf("package-level slice %s grows without bound: %s appends values from %s to it and nothing removes elements; cap its length or %s",
				ic.fact.Container, who, src, boundedAlternative)
		case "sync.Map":
			msg = fmt.Sprintf("package-level sync.Map %s grows without bound: %s stores keys from %s in it and nothing deletes from it; %s",
				ic.fact.Container, who, src, boundedAlternative)
		default:
			msg = fmt.Sprintf("package-level map %s grows without bound: %s writes it with keys from %s and nothing deletes from it; %s",
				ic.fact.Container, who, src, boundedAlternative)
		}
		d := diagnosticAt(ic.call.Pos(), msg)
		d.Related = ic.fn.Pos()
		d.RelatedText = "declared here"
		reportDiag(c.pass, d)
	}
}

// reportable reports whether a container could be reported at all:
// nothing in the package shrinks it, it is not declared in a test file,
// and one declared in another package grows only there (its growOnly
// fact). Writes to other containers are not judged.
func (c *checker) reportable(r ref) bool {
	if c.shrunk(r) {
		return false
	}
	if r.root.Pkg() == c.pass.Pkg {
		return !isTestPos(c.pass, r.root.Pos())
	}
	var fact growOnly
	return c.pass.ImportObjectFact(r.root, &fact) && slices.Contains(fact.Paths, r.path())
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
			if !isPkgVar(w.ref.root) || !n.runtime && !w.deferred && !w.repeats() || !c.reportable(w.ref) {
				continue
			}
			if c.sizeGuarded(w.ref) && c.coveredBySizeGuard(w) {
				continue // capped by the size check before it
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
		if !c.reportable(ext.ref) || c.sizeGuarded(ext.ref) {
			continue
		}
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
		local := r.root.Pkg() == c.pass.Pkg
		c.reported[r.key()] = true
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
