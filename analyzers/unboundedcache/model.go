package unboundedcache

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/report"
	"golang.org/x/tools/go/analysis"
)

// containerKind is what grows: the three shapes the check understands.
type containerKind int

const (
	noContainer containerKind = iota
	mapContainer
	sliceContainer
	syncMapContainer
)

func (k containerKind) String() string {
	switch k {
	case mapContainer:
		return "map"
	case sliceContainer:
		return "slice"
	case syncMapContainer:
		return "sync.Map"
	}
	return "value"
}

func kindOf(t types.Type) containerKind {
	if t == nil {
		return noContainer
	}
	if isSyncMap(t) {
		return syncMapContainer
	}
	switch t.Underlying().(type) {
	case *types.Map:
		return mapContainer
	case *types.Slice:
		return sliceContainer
	}
	return noContainer
}

// isSyncMap reports whether t is sync.Map or *sync.Map.
func isSyncMap(t types.Type) bool {
	return isNamed(deref(t), "sync", "Map")
}

func isNamed(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

func deref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// holdsContainer reports whether a value of type t is a container or a
// struct (or pointer to one) with a container within depth fields.
func holdsContainer(t types.Type, depth int) bool {
	if kindOf(t) != noContainer {
		return true
	}
	if depth == 0 {
		return false
	}
	st, ok := deref(t).Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if holdsContainer(f.Type(), depth-1) {
			return true
		}
	}
	return false
}

// isPkgVar reports whether v is a package-level variable (of any package).
func isPkgVar(v *types.Var) bool {
	if v == nil || v.IsField() || v.Pkg() == nil {
		return false
	}
	return v.Pkg().Scope().Lookup(v.Name()) == v
}

// ref names a container or a value holding containers: a root variable
// (package-level, or a parameter of the function being summarised) and a
// field path from it.
type ref struct {
	root   *types.Var
	fields []*types.Var
}

type refKey struct {
	root *types.Var
	path string
}

func (r ref) key() refKey { return refKey{r.root, r.path()} }

func (r ref) path() string {
	names := make([]string, len(r.fields))
	for i, f := range r.fields {
		names[i] = f.Name()
	}
	return strings.Join(names, ".")
}

func (r ref) same(o ref) bool { return r.key() == o.key() }

func (r ref) typ() types.Type {
	if len(r.fields) == 0 {
		return r.root.Type()
	}
	return r.fields[len(r.fields)-1].Type()
}

// display is the container's name as users write it.
func (r ref) display(local bool) string {
	s := r.root.Name()
	if !local && r.root.Pkg() != nil {
		s = r.root.Pkg().Name() + "." + s
	}
	if p := r.path(); p != "" {
		s += "." + p
	}
	return s
}

// write is one statement that makes a container grow: m[k] = v, m[k]++,
// s = append(s, v), or m.Store/LoadOrStore/Swap(k, v).
type write struct {
	site   *fnode // function holding the statement
	pos    token.Pos
	local  ref // the container as the statement names it
	ref    ref // the container as named in the outermost function of via
	kind   containerKind
	key    ast.Expr   // nil for append
	values []ast.Expr // stored or appended values
	guards []ast.Expr // conditions of the if statements around the write
	// anchor is the position of the write's SSA instruction (see rawWrite).
	anchor token.Pos
	inLoop bool // in an endless for loop of its function
	// deferred: the write is in a function literal that outlives the
	// call (a handler a constructor returns), so it happens at run time
	// whoever made the literal.
	deferred bool
	// via is the chain of calls through which a parameter-rooted write
	// reaches ref: via[0] is in the outermost function, the last one
	// calls into site's declaration.
	via []*callSite
}

// repeats reports whether the write repeats for the life of the process
// even though its outermost function runs once: it sits (or its first
// call does) in an endless loop, as in main's accept loop.
func (w *write) repeats() bool {
	if len(w.via) > 0 {
		return w.via[0].inLoop
	}
	return w.inLoop
}

// outer is the function whose code makes the container grow.
func (w *write) outer() *fnode {
	if len(w.via) > 0 && w.via[0].caller != nil {
		return w.via[0].caller
	}
	if len(w.via) > 0 {
		return w.via[0].callee
	}
	return w.site
}

func (w *write) outerPos() token.Pos {
	if len(w.via) > 0 && w.via[0].call != nil {
		return w.via[0].call.Pos()
	}
	return w.pos
}

// through is the function the outermost one calls to write, if any.
func (w *write) through() *fnode {
	if len(w.via) > 0 && w.via[0].caller != nil {
		return w.via[0].callee
	}
	return nil
}

// subject is what a write's bound depends on: the map key, or the one
// appended value.
func (w *write) subject() ast.Expr {
	if w.key == nil && len(w.values) == 1 {
		return w.values[0]
	}
	return w.key
}

func diagnosticAt(pos token.Pos, msg string) report.Diagnostic {
	return report.Diagnostic{Pos: pos, Category: category, Message: msg}
}

func reportDiag(pass *analysis.Pass, d report.Diagnostic) { report.Report(pass, d) }
