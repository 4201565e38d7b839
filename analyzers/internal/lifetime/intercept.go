package lifetime

import (
	"go/token"
	"go/types"
	"slices"

	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"golang.org/x/tools/go/ssa"
)

// Responses of an HTTP mocking library that intercepts requests
// (resource.Interception): once a test turns interception on, the
// library's transport answers from the mocks in memory. The engine takes
// a response as held in memory when the request goes through that
// transport (the default client, a client the library intercepted, or
// the library's transport called directly), a call that turns
// interception on comes before the send on every path of the function,
// and nothing that may send requests to the network again can run
// between them: a function of the library that does, a helper of the
// package that calls one, a function of another package that imports the
// library, or an assignment of http.DefaultTransport.

// intercepted reports whether the response call returns (obj is the
// function it calls) comes from a mocking library's transport while
// interception is on and real networking off.
func (e *engine) intercepted(call *ssa.Call, obj *types.Func) bool {
	c := call.Common()
	if c.IsInvoke() || obj == nil {
		return false
	}
	var lib *resource.Interception
	var client ssa.Value
	if in, ok := resource.InterceptionTransport(obj); ok {
		lib = in
	} else if s, ok := resource.SenderOf(obj); ok {
		switch {
		case s.Client == -1:
		case s.Client >= 0 && s.Client < len(c.Args) && isDefaultClient(c.Args[s.Client]):
		case s.Client >= 0 && s.Client < len(c.Args):
			client = c.Args[s.Client]
		default:
			return false
		}
	} else {
		return false
	}
	if !e.seesInterception() {
		return false
	}
	fn := call.Parent()
	var on []ssa.Instruction
	clientDone := client == nil
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			ci, ok := instr.(*ssa.Call)
			if !ok || ci.Call.IsInvoke() || !before(ci, call) {
				continue
			}
			callee := ci.Call.StaticCallee()
			if callee == nil {
				continue
			}
			f, _ := callee.Object().(*types.Func)
			if in, ok := resource.InterceptionOn(f); ok && (lib == nil || in == lib) {
				on = append(on, ci)
			}
			if in, i, ok := resource.InterceptedClient(f); ok && client != nil && i < len(ci.Call.Args) && ci.Call.Args[i] == client {
				if lib == nil || in == lib {
					lib = in
					clientDone = true
				}
			}
		}
	}
	if !clientDone || len(on) == 0 {
		return false
	}
	if lib != nil && !slices.ContainsFunc(on, func(i ssa.Instruction) bool {
		f, _ := i.(*ssa.Call).Call.StaticCallee().Object().(*types.Func)
		in, _ := resource.InterceptionOn(f)
		return in == lib
	}) {
		return false
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if reaches(instr, call) && e.mayTurnOff(instr, 0, map[*ssa.Function]bool{}) {
				return false
			}
		}
	}
	return true
}

// seesInterception reports whether the package is a mocking library or
// imports one: only then can its functions turn interception on.
func (e *engine) seesInterception() bool {
	libs := resource.InterceptionPackages()
	if slices.Contains(libs, e.pass.Pkg.Path()) {
		return true
	}
	return slices.ContainsFunc(e.pass.Pkg.Imports(), func(p *types.Package) bool { return slices.Contains(libs, p.Path()) })
}

// isDefaultClient reports whether v is a load of http.DefaultClient.
func isDefaultClient(v ssa.Value) bool {
	ld, ok := v.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return false
	}
	g, ok := ld.X.(*ssa.Global)
	return ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "net/http" && g.Name() == "DefaultClient"
}

// maxOffDepth bounds how deep helpers are searched for a call that turns
// interception off; deeper, they are taken to make one.
const maxOffDepth = 4

// mayTurnOff reports whether instr may let requests of an intercepted
// client reach the network: a call of a function the table lists, of a
// function of the package (or a literal) that makes such a call, of a
// function of another package that imports a mocking library, starting
// such a goroutine, or an assignment of http.DefaultTransport, of a field
// of http.DefaultClient or of a field the table lists. A deferred call of the function itself runs
// after every send in it; one in a helper runs before the helper returns.
func (e *engine) mayTurnOff(instr ssa.Instruction, depth int, seen map[*ssa.Function]bool) bool {
	switch x := instr.(type) {
	case *ssa.Store:
		switch a := x.Addr.(type) {
		case *ssa.Global:
			return a.Pkg != nil && a.Pkg.Pkg.Path() == "net/http" && a.Name() == "DefaultTransport"
		case *ssa.FieldAddr:
			if isDefaultClient(a.X) {
				return true // the default client's transport replaced
			}
			ptr, ok := a.X.Type().Underlying().(*types.Pointer)
			if !ok {
				return false
			}
			named, ok := types.Unalias(ptr.Elem()).(*types.Named)
			if !ok || named.Obj().Pkg() == nil {
				return false
			}
			st, ok := named.Underlying().(*types.Struct)
			return ok && resource.InterceptionOffField(named.Obj().Pkg().Path()+"."+named.Obj().Name(), st.Field(a.Field).Name())
		}
		return false
	case *ssa.Defer:
		if depth == 0 {
			return false
		}
	case ssa.CallInstruction:
	default:
		return false
	}
	c := instr.(ssa.CallInstruction).Common()
	if c.IsInvoke() {
		return false
	}
	var callee *ssa.Function
	switch v := c.Value.(type) {
	case *ssa.Function:
		callee = v
	case *ssa.MakeClosure:
		callee, _ = v.Fn.(*ssa.Function)
	default:
		callee = c.StaticCallee()
	}
	if callee == nil {
		return false
	}
	callee = originOf(callee)
	if obj, ok := callee.Object().(*types.Func); ok {
		if resource.InterceptionOff(obj) {
			return true
		}
		if _, on := resource.InterceptionOn(obj); on {
			return false // it sets the library's transport, nothing else
		}
	}
	pkg := callee.Package()
	if callee.Pkg == nil && callee.Parent() != nil {
		pkg = callee.Parent().Package()
	}
	if pkg == nil {
		return false
	}
	if pkg == e.pkg {
		if seen[callee] || callee.Blocks == nil {
			return false
		}
		if depth >= maxOffDepth {
			return true
		}
		seen[callee] = true
		for _, b := range callee.Blocks {
			for _, in := range b.Instrs {
				if e.mayTurnOff(in, depth+1, seen) {
					return true
				}
			}
		}
		for _, anon := range callee.AnonFuncs {
			for _, b := range anon.Blocks {
				for _, in := range b.Instrs {
					if e.mayTurnOff(in, depth+1, seen) {
						return true
					}
				}
			}
		}
		return false
	}
	if slices.Contains(resource.InterceptionPackages(), pkg.Pkg.Path()) {
		return false // the library's own functions: the table lists those that do
	}
	if e.importsInterception(pkg.Pkg) {
		return true
	}
	// A function of the package handed to another package's function
	// (t.Run's test) may be called there.
	for _, a := range c.Args {
		var lit *ssa.Function
		switch v := a.(type) {
		case *ssa.Function:
			lit = v
		case *ssa.MakeClosure:
			lit, _ = v.Fn.(*ssa.Function)
		}
		if lit == nil || lit.Blocks == nil || seen[lit] || (lit.Pkg != e.pkg && (lit.Parent() == nil || lit.Parent().Pkg != e.pkg)) {
			continue
		}
		if depth >= maxOffDepth {
			return true
		}
		seen[lit] = true
		for _, b := range lit.Blocks {
			for _, in := range b.Instrs {
				if e.mayTurnOff(in, depth+1, seen) {
					return true
				}
			}
		}
	}
	return false
}

// importsInterception reports whether p imports a mocking library, directly
// or through other packages.
func (e *engine) importsInterception(p *types.Package) bool {
	libs := resource.InterceptionPackages()
	seen := map[*types.Package]bool{}
	var walk func(*types.Package) bool
	walk = func(q *types.Package) bool {
		if seen[q] {
			return false
		}
		seen[q] = true
		for _, imp := range q.Imports() {
			if slices.Contains(libs, imp.Path()) || walk(imp) {
				return true
			}
		}
		return false
	}
	return walk(p)
}
