package goroutineleak

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// The flow model answers "who else can touch this channel?" for the whole
// package at once. Every SSA value that can carry a channel, a context, a
// cancel-shaped function or a pointer to one of those joins an equivalence
// class with every value it flows to (unification, in the manner of
// Steensgaard's points-to analysis): assignments, parameters, results,
// closures' captured variables, struct fields (one class per field, shared
// by every instance) and package variables. A class records the channel
// operations performed on its members anywhere in the package and whether
// code we cannot see may hold a member.
//
// Unification merges more than it must, which only ever adds operations
// and outside holders to a class; both make the checks say less, never
// more. Any value whose origin the model does not understand is marked as
// coming from outside.

type opKind uint8

const (
	opSend opKind = iota
	opRecv
	opClose
)

// op is one channel operation: a send or receive statement, one case of a
// select, a close (or a call of a context's cancel function, which closes
// its Done channel).
type op struct {
	kind  opKind
	instr ssa.Instruction
	// index is the select case, or -1.
	index int
	// ch is the channel operand (for a cancel call, the function value).
	ch ssa.Value
	// cancel marks a call of a cancel function rather than close(ch).
	cancel bool
	// virtual marks an operation that another package's function performs
	// on a channel passed to it, placed at the call; arg is the argument.
	virtual bool
	arg     int
	// count and must describe a virtual send: how many times (1 or
	// unbounded) and whether every run sends; ownErrors, that a run
	// without a send returned on its own call's error.
	count     int64
	must      bool
	ownErrors bool
	class     int32
}

type classInfo struct {
	// extSrc: a member may come from code the model does not see, which may
	// then also hold it and send on it; closer: that code may also close
	// it (the runtime sends on a timer's channel but never closes it).
	// escSend / escRecv: a member reaches unseen code with the right to
	// send or close / to receive.
	extSrc, closer, escSend, escRecv bool
	// retSend / retRecv: a member is returned by a function that code
	// outside the model may call, with the right to send / to receive.
	// finish folds them into escSend and escRecv; retOnly records that
	// nothing else lets a member out. Each call of such a function that
	// makes the channel hands its caller a channel of its own, so for
	// one call's channel those escapes are other calls' channels.
	retSend, retRecv, retOnly bool
	// pointee is the class of what members (pointers) point to; done is the
	// class of a context's Done channel; cancels is the Done class that
	// calling a member (a cancel function) closes. -1 when absent.
	pointee, done, cancels int32
	makes                  []*ssa.MakeChan
	hasNil                 bool
	isDone                 bool
	// within lists the Done classes of the contexts this Done class's
	// contexts derive from: closing one of those closes this one too, not
	// the other way round.
	within []int32
	ops    []*op
	// dynCalls are calls through a member function value; once the classes
	// are final they become close operations when the class cancels.
	dynCalls []ssa.CallInstruction
}

type flow struct {
	pkg        *ssa.Package
	tpkg       *types.Package
	closedMain bool // package main: nothing outside it can name its identifiers

	parent []int32
	info   []*classInfo

	ids     map[ssa.Value]int32
	fields  map[*types.Var]int32
	results map[*ssa.Function][]int32

	ops []*op
	// cancelKeys stands for the cancel function of each context
	// constructor call, so that its two results find each other.
	cancelKeys map[*ssa.CallCommon]int32
	// callSites lists the static call sites of each function, for the
	// capacity of channels made from a parameter.
	callSites map[*ssa.Function][]ssa.CallInstruction
	// summary returns what another package's function does with its
	// channel parameters, or nil.
	summary func(*ssa.Function) *startFact
	// fixed returns the value of a length fixed at compile time (len of
	// a slice literal or of a fixed table), or false.
	fixed func(ssa.Value) (int64, bool)
}

func newFlow(pkg *ssa.Package) *flow {
	return &flow{
		pkg:        pkg,
		tpkg:       pkg.Pkg,
		closedMain: pkg.Pkg.Name() == "main",
		ids:        make(map[ssa.Value]int32),
		fields:     make(map[*types.Var]int32),
		results:    make(map[*ssa.Function][]int32),
		callSites:  make(map[*ssa.Function][]ssa.CallInstruction),
		cancelKeys: make(map[*ssa.CallCommon]int32),
	}
}

func (f *flow) fresh() int32 {
	id := int32(len(f.parent))
	f.parent = append(f.parent, id)
	f.info = append(f.info, &classInfo{pointee: -1, done: -1, cancels: -1})
	return id
}

func (f *flow) find(x int32) int32 {
	for f.parent[x] != x {
		f.parent[x] = f.parent[f.parent[x]]
		x = f.parent[x]
	}
	return x
}

func (f *flow) class(x int32) *classInfo { return f.info[f.find(x)] }

// classOf returns the class of v once the classes are final, or -1 when
// the model never met v.
func (f *flow) classOf(v ssa.Value) int32 {
	id, ok := f.ids[v]
	if !ok {
		return -1
	}
	return f.find(id)
}

// union merges two classes and, recursively, what they link to.
func (f *flow) union(a, b int32) {
	type pair struct{ a, b int32 }
	work := []pair{{a, b}}
	for len(work) > 0 {
		p := work[len(work)-1]
		work = work[:len(work)-1]
		ra, rb := f.find(p.a), f.find(p.b)
		if ra == rb {
			continue
		}
		ia, ib := f.info[ra], f.info[rb]
		f.parent[rb] = ra
		f.info[rb] = nil
		ia.extSrc = ia.extSrc || ib.extSrc
		ia.closer = ia.closer || ib.closer
		ia.escSend = ia.escSend || ib.escSend
		ia.escRecv = ia.escRecv || ib.escRecv
		ia.retSend = ia.retSend || ib.retSend
		ia.retRecv = ia.retRecv || ib.retRecv
		ia.hasNil = ia.hasNil || ib.hasNil
		ia.isDone = ia.isDone || ib.isDone
		ia.makes = append(ia.makes, ib.makes...)
		ia.ops = append(ia.ops, ib.ops...)
		ia.dynCalls = append(ia.dynCalls, ib.dynCalls...)
		ia.within = append(ia.within, ib.within...)
		for _, l := range []struct{ x, y *int32 }{{&ia.pointee, &ib.pointee}, {&ia.done, &ib.done}, {&ia.cancels, &ib.cancels}} {
			switch {
			case *l.y < 0:
			case *l.x < 0:
				*l.x = *l.y
			default:
				work = append(work, pair{*l.x, *l.y})
			}
		}
	}
}

// link returns the class that the slot sel of x's class points to,
// creating it on first use.
func (f *flow) link(x int32, sel func(*classInfo) *int32) int32 {
	ci := f.class(x)
	if p := sel(ci); *p >= 0 {
		return *p
	}
	n := f.fresh()
	ci = f.class(x) // fresh may have grown the slices
	*sel(ci) = n
	return n
}

func (f *flow) pointee(x int32) int32 {
	return f.link(x, func(c *classInfo) *int32 { return &c.pointee })
}

func (f *flow) doneOf(x int32) int32 {
	d := f.link(x, func(c *classInfo) *int32 { return &c.done })
	f.class(d).isDone = true
	return d
}

func (f *flow) cancelsOf(x int32) int32 {
	d := f.link(x, func(c *classInfo) *int32 { return &c.cancels })
	f.class(d).isDone = true
	return d
}

// external returns a new class for a value that comes from code the model
// does not see (which may then still send on it, close it or receive from
// it).
func (f *flow) external() int32 {
	n := f.fresh()
	c := f.info[n]
	c.extSrc, c.closer = true, true
	return n
}

// shared returns a new class for memory that code the model does not see
// can read and write: what is stored there escapes, what is loaded comes
// from outside.
func (f *flow) shared() int32 {
	n := f.external()
	c := f.info[n]
	c.escSend, c.escRecv = true, true
	return n
}

// timer returns a new class for a channel the runtime sends on and never
// closes: a time.Ticker's or time.Timer's C, time.Tick, time.After.
func (f *flow) timer() int32 {
	n := f.fresh()
	f.info[n].extSrc = true
	return n
}

// isTimerField reports whether fv is the C field of time.Ticker or
// time.Timer.
func isTimerField(fv *types.Var) bool {
	if fv.Pkg() == nil || fv.Pkg().Path() != "time" || fv.Name() != "C" {
		return false
	}
	return true
}

// node returns the class id of v, creating it (and recording what v's kind
// implies about it) on first use.
func (f *flow) node(v ssa.Value) int32 {
	if id, ok := f.ids[v]; ok {
		return id
	}
	id := f.fresh()
	f.ids[v] = id
	switch v := v.(type) {
	case *ssa.Const:
		if v.IsNil() {
			if _, ok := v.Type().Underlying().(*types.Chan); ok {
				f.info[id].hasNil = true
			}
		}
	case *ssa.Global:
		if !f.ownedVar(v.Object()) {
			f.union(f.pointee(id), f.shared())
		}
	}
	return id
}

// ownedVar reports whether only this package can name obj (a package
// variable or a struct field): it is declared here and is unexported, or
// the package is main.
func (f *flow) ownedVar(obj types.Object) bool {
	if obj == nil || obj.Pkg() != f.tpkg {
		return false
	}
	return f.closedMain || !obj.Exported()
}

func (f *flow) fieldNode(fv *types.Var) int32 {
	if id, ok := f.fields[fv]; ok {
		return id
	}
	id := f.fresh()
	f.fields[fv] = id
	if isTimerField(fv) {
		f.union(id, f.timer())
	} else if !f.ownedVar(fv) {
		f.union(id, f.shared())
	}
	return id
}

func (f *flow) resultNode(fn *ssa.Function, i int) int32 {
	rs := f.results[fn]
	if rs == nil {
		n := fn.Signature.Results().Len()
		rs = make([]int32, n)
		for j := range rs {
			rs[j] = f.fresh()
		}
		f.results[fn] = rs
	}
	return rs[i]
}

// escape records that v reaches code the model does not see.
func (f *flow) escape(v ssa.Value) {
	if !tracked(v.Type()) {
		return
	}
	c := f.class(f.node(v))
	switch u := v.Type().Underlying().(type) {
	case *types.Chan:
		switch u.Dir() {
		case types.RecvOnly:
			c.escRecv = true
		case types.SendOnly:
			c.escSend = true
		default:
			c.escSend, c.escRecv = true, true
		}
	case *types.Interface:
		// Holding a context does not let anyone cancel it.
	default:
		c.escSend, c.escRecv = true, true
	}
}

func (f *flow) markExternal(v ssa.Value) {
	if tracked(v.Type()) {
		f.union(f.node(v), f.external())
	}
}

func (f *flow) addOp(o *op) { f.ops = append(f.ops, o) }

// tracked reports whether values of type t take part in the flow model.
func tracked(t types.Type) bool {
	for range 8 {
		switch u := t.Underlying().(type) {
		case *types.Chan:
			return true
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Signature:
			return u.Results().Len() == 0 && u.Params().Len() <= 1 && u.Recv() == nil
		case *types.Interface:
			return isContext(t)
		}
		return false
	}
	return false
}

func isContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// function adds fn's instructions to the model. open says whether code
// outside the model may call fn (its parameters then come from outside and
// its results leave).
func (f *flow) function(fn *ssa.Function, open bool) {
	if open {
		for _, p := range fn.Params {
			f.markExternal(p)
		}
		res := fn.Signature.Results()
		for i := 0; i < res.Len(); i++ {
			t := res.At(i).Type()
			if !tracked(t) {
				continue
			}
			c := f.class(f.resultNode(fn, i))
			switch u := t.Underlying().(type) {
			case *types.Chan:
				c.retRecv = c.retRecv || u.Dir() != types.SendOnly
				c.retSend = c.retSend || u.Dir() != types.RecvOnly
			case *types.Interface:
			default:
				c.escSend, c.escRecv = true, true
			}
		}
	}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			f.instr(fn, in)
		}
	}
}

func (f *flow) instr(fn *ssa.Function, in ssa.Instruction) {
	switch in := in.(type) {
	case *ssa.MakeChan:
		c := f.class(f.node(in))
		c.makes = append(c.makes, in)
	case *ssa.Alloc:
		// A new variable holds its zero value until stored to.
		if _, isChan := in.Type().(*types.Pointer).Elem().Underlying().(*types.Chan); isChan {
			f.class(f.pointee(f.node(in))).hasNil = true
		}
	case *ssa.FieldAddr:
		if tracked(in.Type()) {
			f.union(f.pointee(f.node(in)), f.fieldNode(fieldVar(in.X.Type(), in.Field)))
		}
	case *ssa.Field:
		if tracked(in.Type()) {
			f.union(f.node(in), f.fieldNode(fieldVar(in.X.Type(), in.Field)))
		}
	case *ssa.IndexAddr:
		if tracked(in.Type()) {
			f.union(f.pointee(f.node(in)), f.shared())
		}
	case *ssa.Convert:
		f.escape(in.X)
		f.markExternal(in)
	case *ssa.MultiConvert:
		f.escape(in.X)
		f.markExternal(in)
	case *ssa.UnOp:
		switch in.Op {
		case token.MUL:
			if tracked(in.Type()) {
				f.union(f.node(in), f.pointee(f.node(in.X)))
			}
		case token.ARROW:
			f.addOp(&op{kind: opRecv, instr: in, index: -1, ch: in.X})
			if !in.CommaOk {
				f.markExternal(in)
			}
		}
	case *ssa.Send:
		f.addOp(&op{kind: opSend, instr: in, index: -1, ch: in.Chan})
		f.escape(in.X)
	case *ssa.Select:
		for i, st := range in.States {
			k := opRecv
			if st.Dir == types.SendOnly {
				k = opSend
				f.escape(st.Send)
			}
			f.addOp(&op{kind: k, instr: in, index: i, ch: st.Chan})
		}
	case *ssa.Phi:
		if tracked(in.Type()) {
			n := f.node(in)
			for _, e := range in.Edges {
				f.union(n, f.node(e))
			}
		}
	case *ssa.ChangeType:
		if tracked(in.Type()) {
			f.union(f.node(in), f.node(in.X))
		}
	case *ssa.MakeInterface:
		f.escape(in.X)
	case *ssa.Extract:
		if tracked(in.Type()) {
			f.extract(in)
		}
	case *ssa.Return:
		for i, r := range in.Results {
			if tracked(r.Type()) {
				f.union(f.node(r), f.resultNode(fn, i))
			}
		}
	case *ssa.Store:
		if tracked(in.Val.Type()) {
			f.union(f.pointee(f.node(in.Addr)), f.node(in.Val))
		}
	case *ssa.MapUpdate:
		f.escape(in.Key)
		f.escape(in.Value)
	case *ssa.MakeClosure:
		callee := in.Fn.(*ssa.Function)
		for j, b := range in.Bindings {
			if tracked(b.Type()) && j < len(callee.FreeVars) {
				f.union(f.node(b), f.node(callee.FreeVars[j]))
			}
		}
		f.node(in)
	case *ssa.Call:
		f.call(fn, in, in.Common(), in)
	case *ssa.Go:
		f.call(fn, in, in.Common(), nil)
	case *ssa.Defer:
		f.call(fn, in, in.Common(), nil)
	case *ssa.Panic:
		f.escape(in.X)
	default:
		// Any other instruction yielding a tracked value (an element of a
		// slice or map, a type assertion, an interface conversion) yields
		// one of unknown origin.
		if v, ok := in.(ssa.Value); ok {
			if _, isTuple := v.Type().(*types.Tuple); !isTuple {
				f.markExternal(v)
			}
		}
	}
}

// fieldVar returns field i of the struct that t is or points to, as
// declared: every instance of a generic struct (Buffer[int], and the
// Buffer[T] of each method, whose receiver declares its own T) shares the
// declaration's field, so the channel Put sends on is the one Get returns.
func fieldVar(t types.Type, i int) *types.Var {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	return t.Underlying().(*types.Struct).Field(i).Origin()
}

func (f *flow) extract(in *ssa.Extract) {
	n := f.node(in)
	if call, ok := in.Tuple.(*ssa.Call); ok {
		c := call.Common()
		if callee := c.StaticCallee(); callee != nil && !c.IsInvoke() {
			if name, ok := contextFunc(callee); ok {
				f.contextResult(n, name, c, in.Index)
				return
			}
			if hasBody(callee) {
				f.union(n, f.resultNode(callee, in.Index))
				return
			}
		}
	}
	f.union(n, f.external())
}

// contextResult models the results of the context package's constructors:
// a derived context is done when its parent is done or its cancel function
// is called; a deadline or timeout makes it done eventually.
func (f *flow) contextResult(n int32, name string, c *ssa.CallCommon, index int) {
	var parent ssa.Value
	if len(c.Args) > 0 && isContext(c.Args[0].Type()) {
		parent = c.Args[0]
	}
	switch name {
	case "Background", "TODO", "WithoutCancel":
		f.doneOf(n)
	case "WithValue":
		if parent != nil {
			f.union(f.doneOf(n), f.doneOf(f.node(parent)))
		}
	case "WithCancel", "WithCancelCause", "WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause":
		if index == 0 {
			d := f.doneOf(n)
			if parent != nil {
				pd := f.doneOf(f.node(parent))
				c := f.class(d)
				c.within = append(c.within, pd)
			}
			if name != "WithCancel" && name != "WithCancelCause" {
				c := f.class(d)
				c.extSrc, c.closer = true, true
			}
			f.pairContext(c, d)
			return
		}
		f.pairCancel(c, n)
	default:
		f.union(n, f.external())
	}
}

// pairContext and pairCancel join a context constructor's two results
// through the call: the cancel function's class records the Done class.
func (f *flow) pairContext(c *ssa.CallCommon, done int32) {
	f.union(f.cancelsOf(f.callKey(c)), done)
}

func (f *flow) pairCancel(c *ssa.CallCommon, cancel int32) {
	f.union(cancel, f.callKey(c))
}

// callKey is a class standing for the cancel function of one context
// constructor call.
func (f *flow) callKey(c *ssa.CallCommon) int32 {
	if id, ok := f.cancelKeys[c]; ok {
		return id
	}
	id := f.fresh()
	f.cancelKeys[c] = id
	return id
}

func contextFunc(fn *ssa.Function) (string, bool) {
	if fn.Pkg == nil || fn.Pkg.Pkg.Path() != "context" || fn.Signature.Recv() != nil {
		return "", false
	}
	return fn.Name(), true
}

func hasBody(fn *ssa.Function) bool { return fn != nil && len(fn.Blocks) > 0 }

func (f *flow) call(fn *ssa.Function, in ssa.CallInstruction, c *ssa.CallCommon, result *ssa.Call) {
	if c.IsInvoke() {
		if result != nil && isContext(c.Value.Type()) && c.Method.Name() == "Done" {
			f.union(f.node(result), f.doneOf(f.node(c.Value)))
			return
		}
		for _, a := range c.Args {
			f.escape(a)
		}
		if result != nil {
			f.markExternal(result)
		}
		return
	}
	if b, ok := c.Value.(*ssa.Builtin); ok {
		switch b.Name() {
		case "close":
			f.addOp(&op{kind: opClose, instr: in, index: -1, ch: c.Args[0]})
		case "len", "cap":
		default:
			for _, a := range c.Args {
				f.escape(a)
			}
		}
		return
	}
	callee := c.StaticCallee()
	if callee != nil {
		if name, ok := contextFunc(callee); ok {
			if result != nil && tracked(result.Type()) {
				f.contextResult(f.node(result), name, c, 0)
			}
			for _, a := range c.Args {
				if !isContext(a.Type()) {
					f.escape(a)
				}
			}
			return
		}
		if callee.Pkg != nil && callee.Pkg.Pkg.Path() == "time" && (callee.Name() == "After" || callee.Name() == "Tick") && callee.Signature.Recv() == nil {
			if result != nil {
				f.union(f.node(result), f.timer())
			}
			return
		}
		if fact := f.summaryOf(callee); fact != nil {
			f.foreignCall(in, c, fact)
			return
		}
		if hasBody(callee) {
			f.callSites[callee] = append(f.callSites[callee], in)
			for i, a := range c.Args {
				if i < len(callee.Params) && tracked(a.Type()) {
					f.union(f.node(a), f.node(callee.Params[i]))
				}
			}
			if result != nil && tracked(result.Type()) {
				f.union(f.node(result), f.resultNode(callee, 0))
			}
			return
		}
	} else if tracked(c.Value.Type()) {
		// A call through a function value: a cancel function's call
		// closes its context's Done channel.
		ci := f.class(f.node(c.Value))
		ci.dynCalls = append(ci.dynCalls, in)
	}
	for _, a := range c.Args {
		f.escape(a)
	}
	if result != nil {
		f.markExternal(result)
	}
}

func (f *flow) summaryOf(fn *ssa.Function) *startFact {
	if f.summary == nil {
		return nil
	}
	return f.summary(fn)
}

// foreignCall models a call of another package's function from its
// summary: its channel parameters see the operations the summary lists;
// anything else passed escapes as usual.
func (f *flow) foreignCall(in ssa.CallInstruction, c *ssa.CallCommon, fact *startFact) {
	known := make(map[int]paramFact)
	for _, p := range fact.Params {
		if !p.Other {
			known[p.Index] = p
		}
	}
	for i, a := range c.Args {
		p, ok := known[i]
		if !ok || !tracked(a.Type()) {
			f.escape(a)
			continue
		}
		if p.Sends > 0 {
			n := int64(p.Sends)
			if n > 1 {
				n = unbounded
			}
			f.addOp(&op{kind: opSend, instr: in, index: -1, ch: a, virtual: true, arg: i, count: n, must: p.Must, ownErrors: p.OwnErrors})
		}
		if p.Recv {
			f.addOp(&op{kind: opRecv, instr: in, index: -1, ch: a, virtual: true, arg: i})
		}
		if p.Close {
			f.addOp(&op{kind: opClose, instr: in, index: -1, ch: a, virtual: true, arg: i})
		}
	}
	if call, ok := in.(*ssa.Call); ok {
		f.markExternal(call)
	}
}

// finish propagates outside access through links and turns calls of
// cancel functions into close operations, then resolves every operation's
// class.
func (f *flow) finish() {
	for id := range f.parent {
		if f.find(int32(id)) != int32(id) {
			continue
		}
		c := f.info[id]
		if c.retSend || c.retRecv {
			c.retOnly = !c.extSrc && !c.escSend && !c.escRecv
			c.escSend = c.escSend || c.retSend
			c.escRecv = c.escRecv || c.retRecv
		}
	}
	for changed := true; changed; {
		changed = false
		for id := range f.parent {
			if f.find(int32(id)) != int32(id) {
				continue
			}
			c := f.info[id]
			set := func(target int32, send, recv bool) {
				t := f.class(target)
				if !t.extSrc || !t.closer || (send && !t.escSend) || (recv && !t.escRecv) {
					t.extSrc, t.closer = true, true
					t.escSend = t.escSend || send
					t.escRecv = t.escRecv || recv
					changed = true
				}
			}
			if c.pointee >= 0 && (c.extSrc || c.escSend || c.escRecv) {
				set(c.pointee, true, true)
			}
			if c.done >= 0 && c.extSrc && c.closer {
				set(c.done, false, false)
			}
			if c.cancels >= 0 && c.escSend {
				set(c.cancels, false, false)
			}
		}
	}
	for id := range f.parent {
		if f.find(int32(id)) != int32(id) {
			continue
		}
		c := f.info[id]
		// Reached from unseen code after all (set above).
		c.retOnly = c.retOnly && !c.extSrc
		if c.cancels < 0 {
			continue
		}
		for _, call := range c.dynCalls {
			f.addOp(&op{kind: opClose, instr: call, index: -1, ch: call.Common().Value, cancel: true, class: c.cancels})
		}
	}
	for _, o := range f.ops {
		if o.cancel {
			o.class = f.find(o.class)
		} else {
			o.class = f.find(f.node(o.ch))
		}
		c := f.info[o.class]
		c.ops = append(c.ops, o)
	}
}

// capacity returns the buffer size of a make, following a size that is a
// parameter of a function only called from this package with constants;
// the length of a slice literal or of a fixed table counts as one.
func (f *flow) capacity(m *ssa.MakeChan, open map[*ssa.Function]bool) (int64, bool) {
	return f.constValue(m.Size, open, 0)
}

func (f *flow) constValue(v ssa.Value, open map[*ssa.Function]bool, depth int) (int64, bool) {
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value == nil || v.Value.Kind() != constant.Int {
			return 0, false
		}
		return v.Int64(), true
	case *ssa.Convert:
		return f.constValue(v.X, open, depth)
	case *ssa.Call:
		if f.fixed == nil {
			return 0, false
		}
		return f.fixed(v)
	case *ssa.Parameter:
		fn := v.Parent()
		if depth > 4 || open[fn] {
			return 0, false
		}
		idx := -1
		for i, p := range fn.Params {
			if p == v {
				idx = i
			}
		}
		sites := f.callSites[fn]
		if idx < 0 || len(sites) == 0 {
			return 0, false
		}
		var max int64
		for _, s := range sites {
			args := s.Common().Args
			if idx >= len(args) {
				return 0, false
			}
			n, ok := f.constValue(args[idx], open, depth+1)
			if !ok {
				return 0, false
			}
			if n > max {
				max = n
			}
		}
		return max, true
	}
	return 0, false
}
