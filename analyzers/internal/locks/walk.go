package locks

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/report"
	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// assumptions are the branch conditions decided on a path, by key: a
// later branch on the same condition follows the same edge, so
// `if locking { mu.Lock() } ... if locking { mu.Unlock() }` has no path
// that locks and skips the unlock.
type assumptions map[key]bool

func (as assumptions) with(k key, v bool) assumptions {
	out := make(assumptions, len(as)+1)
	for k, v := range as {
		out[k] = v
	}
	out[k] = v
	return out
}

func (as assumptions) without(k key) assumptions {
	out := make(assumptions, len(as))
	for k2, v := range as {
		if k2 != k {
			out[k2] = v
		}
	}
	return out
}

// condKey is the key of a branch condition and the edge it selects when
// the key's value is true (a negation flips it).
func condKey(fn *ssa.Function, v ssa.Value) (key, bool) {
	pos := true
	for {
		u, ok := v.(*ssa.UnOp)
		if !ok || u.Op != token.NOT {
			break
		}
		v, pos = u.X, !pos
	}
	return keyOf(fn, v), pos
}

// decidedByOtherConstant returns the value of cond, a comparison of a
// value with a constant (`code == "A"`, `kind != 2`, negations
// included), when the path has already decided that the same value
// equals another constant: a value equal to one constant is unequal to
// every other, so `if code == "A" { ... } if code == "B" { ... }` has no
// path through both bodies.
func decidedByOtherConstant(fn *ssa.Function, cond ssa.Value, as assumptions) (bool, bool) {
	neg := false
	for {
		u, ok := cond.(*ssa.UnOp)
		if !ok || u.Op != token.NOT {
			break
		}
		cond, neg = u.X, !neg
	}
	bin, ok := cond.(*ssa.BinOp)
	if !ok || (bin.Op != token.EQL && bin.Op != token.NEQ) {
		return false, false
	}
	x, c := bin.X, bin.Y
	if _, isConst := x.(*ssa.Const); isConst {
		x, c = c, x
	}
	if _, isConst := c.(*ssa.Const); !isConst {
		return false, false
	}
	xk, ck := keyOf(fn, x), keyOf(fn, c)
	if xk == "" || !strings.HasPrefix(ck, "c:") {
		return false, false
	}
	for k, v := range as {
		other, ok := equalTo(k, v, xk)
		if !ok || other == ck || !strings.HasPrefix(other, "c:") {
			continue
		}
		// x equals another constant: x == c is false.
		eq := false
		if bin.Op == token.NEQ {
			eq = !eq
		}
		return eq != neg, true
	}
	return false, false
}

// equalTo returns the constant key that the decided condition k, of
// value v, says the value of key x equals: (x==c) true or (x!=c) false,
// either way round.
func equalTo(k key, v bool, x key) (key, bool) {
	for _, op := range []string{"==", "!="} {
		if (op == "==") != v {
			continue
		}
		if rest, ok := strings.CutPrefix(k, "("+x+op); ok && strings.HasSuffix(rest, ")") {
			return rest[:len(rest)-1], true
		}
		if rest, ok := strings.CutSuffix(k, op+x+")"); ok && strings.HasPrefix(rest, "(") {
			return rest[1:], true
		}
	}
	return "", false
}

// dominatingConds returns the conditions every path to b has decided: an
// If whose edge alone leads into the region that contains b.
func dominatingConds(fn *ssa.Function, b *ssa.BasicBlock) assumptions {
	as := assumptions{}
	for d := b; d.Idom() != nil; d = d.Idom() {
		p := d.Idom()
		cond, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		k, pos := condKey(fn, cond.Cond)
		if k == "" {
			continue
		}
		t, f := p.Succs[0], p.Succs[1]
		switch {
		case t != f && len(t.Preds) == 1 && t.Dominates(b):
			as[k] = pos
		case t != f && len(f.Preds) == 1 && f.Dominates(b):
			as[k] = !pos
		}
	}
	return as
}

// lockWalk is the walk from one acquisition over the paths that hold it.
type lockWalk struct {
	fn       *ssa.Function
	origin   event
	leaks    []*ssa.Return
	leakAs   []assumptions // the conditions decided on the path to each leak
	freeAs   []assumptions // the conditions decided on the path to each release
	released bool
	passed   bool
	doubles  []event
	seen     map[*ssa.BasicBlock]bool
}

// conflicts reports whether acquiring in mode read blocks while the lock
// is held in mode held: only two read locks coexist.
func conflicts(held, read bool) bool { return !(held && read) }

func (a *checker) walk(w *lockWalk, b *ssa.BasicBlock, from int, as assumptions, covered bool) {
	owner := ownerOf(w.origin.key)
	k := w.origin.key
	for j := from; j < len(b.Instrs); j++ {
		in := b.Instrs[j]
		if in == w.origin.instr {
			// Around a loop to the acquisition itself, still held: the
			// next iteration locks the same mutex again when its address
			// does not change from one iteration to the next.
			if w.origin.kind == evAcquire && conflicts(w.origin.read, w.origin.read) && loopInvariant(w.origin) {
				w.doubles = append(w.doubles, w.origin)
			}
			return
		}
		for _, ev := range a.eventsOf(w.fn, in) {
			if ev.key != k {
				if (ev.kind == evRelease || ev.kind == evDeferRelease) && ev.read == w.origin.read && a.handleMayHold(w.fn, k, ev.key) {
					// Released through a handle that may hold the
					// lock's owner: perhaps this lock.
					w.passed = true
					return
				}
				continue
			}
			switch ev.kind {
			case evRelease:
				if ev.read == w.origin.read {
					w.released = true
					w.freeAs = append(w.freeAs, as)
				} else {
					w.passed = true
				}
				return
			case evDeferRelease:
				if ev.read != w.origin.read {
					w.passed = true
					return
				}
				// Released when the function returns: held until then,
				// so a later acquisition still deadlocks.
				w.released, covered = true, true
			case evAcquire, evLocks:
				if conflicts(w.origin.read, ev.read) || a.writerOf(w.origin) != nil && !goroutineLocal(w.origin) {
					if !failsAfter(b, j) {
						w.doubles = append(w.doubles, ev)
					}
					return
				}
			case evTryAcquire:
				// A TryLock of the mutex this path holds in a mode it
				// conflicts with fails: the mutex is not reentrant, so
				// its true edge is no path from here.
				if call, ok := in.(*ssa.Call); ok && conflicts(w.origin.read, ev.read) {
					if ck := keyOf(w.fn, call); ck != "" {
						as = as.with(ck, false)
					}
				}
			case evPassed:
				w.passed = true
				return
			}
		}
		if a.releasesMutex(w.fn, w.origin, in) {
			w.passed = true
			return
		}
		if failsTest(in) {
			return // the test has failed: no passing run goes on from here
		}
		if alloc, ok := in.(*ssa.Alloc); ok && rootedAt(k, keyOf(w.fn, alloc)) {
			return // round a loop to a new variable: another mutex
		}
		switch in := in.(type) {
		case *ssa.Store:
			// The variable the lock is reached through takes another
			// value (`e = newEntry()`): from here its name is another
			// mutex's, and the one held has none. Storing back what it
			// holds (`return e` into a named result's cell) changes
			// nothing.
			if ak := keyOf(w.fn, in.Addr); ak != "" && rootedAt(k, ak+".*") && keyOf(w.fn, in.Val) != ak+".*" {
				return
			}
			// A flag set in the mutex's owner (`rs.closemuScanHold =
			// true`) records that the lock is kept on purpose, for a later
			// method of the owner to release.
			if c, ok := in.Val.(*ssa.Const); ok && owner != "" && isBool(c.Type()) && strings.HasPrefix(keyOf(w.fn, in.Addr), owner+".") {
				covered = true
			}
		case *ssa.Return:
			if !covered {
				w.leaks = append(w.leaks, in)
				w.leakAs = append(w.leakAs, as)
			}
			return
		case *ssa.Panic:
			return
		case *ssa.If:
			if next := constEdge(b); next != nil {
				a.step(w, b, next, as, covered)
				return
			}
			// A branch on a parameter whose callers all pass constants
			// takes only the edges those constants allow.
			tOK, fOK, tAs, fAs := a.callerEdges(w.fn, b, as)
			if !tOK || !fOK {
				if tOK {
					a.step(w, b, b.Succs[0], tAs, covered)
				}
				if fOK {
					a.step(w, b, b.Succs[1], fAs, covered)
				}
				return
			}
			ck, pos := condKey(w.fn, in.Cond)
			if v, ok := as[ck]; ok && ck != "" {
				next := b.Succs[1]
				if v == pos {
					next = b.Succs[0]
				}
				a.step(w, b, next, as, covered)
				return
			}
			if v, ok := decidedByOtherConstant(w.fn, in.Cond, as); ok {
				next := b.Succs[1]
				if v {
					next = b.Succs[0]
				}
				a.step(w, b, next, as, covered)
				return
			}
			if ck == "" {
				a.step(w, b, b.Succs[0], tAs, covered)
				a.step(w, b, b.Succs[1], fAs, covered)
				return
			}
			a.step(w, b, b.Succs[0], tAs.with(ck, pos), covered)
			a.step(w, b, b.Succs[1], fAs.with(ck, !pos), covered)
			return
		}
		if a.blocksForever(in) {
			return
		}
	}
	for _, s := range b.Succs {
		a.step(w, b, s, as, covered)
	}
}

// failsAfter reports whether the path from instruction j of b goes on,
// with no branch, to fail the test (`t.Fatalf("got %d", s.Len())` under
// the lock Len takes): an acquisition there runs only on a path a
// passing test does not take.
func failsAfter(b *ssa.BasicBlock, j int) bool {
	for range 4 {
		for _, in := range b.Instrs[j:] {
			if failsTest(in) || stopsTest(in) {
				return true
			}
		}
		if len(b.Succs) != 1 {
			return false
		}
		b, j = b.Succs[0], 0
	}
	return false
}

// constEdge returns the only successor a block ending in `if CONST`
// can take (`if false { return }` is no path), or nil.
func constEdge(b *ssa.BasicBlock) *ssa.BasicBlock {
	cond, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return nil
	}
	c, ok := cond.Cond.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Bool {
		return nil
	}
	if constant.BoolVal(c.Value) {
		return b.Succs[0]
	}
	return b.Succs[1]
}

// rootedAt reports whether the key k names root or something reached
// from it.
func rootedAt(k, root key) bool {
	return root != "" && (k == root || strings.HasPrefix(k, root+"."))
}

// ownerOf is the key of the value a field lock belongs to ("p0" for
// "p0.mu"), or "".
func ownerOf(k key) key {
	if i := strings.LastIndex(k, "."); i > 0 {
		return k[:i]
	}
	return ""
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

func (a *checker) step(w *lockWalk, from, b *ssa.BasicBlock, as assumptions, covered bool) {
	if w.seen[b] {
		return
	}
	w.seen[b] = true
	a.walk(w, b, 0, throughPhis(w.fn, from, b, as), covered)
}

// throughPhis carries the conditions decided on a path across the edge
// from→to: a boolean φ of to takes the value that comes in on that edge,
// so `for done := false; !done; { ... if !done { mu.Unlock() } }` leaves
// the loop on the edge where done was found true. A φ whose incoming
// value is not decided loses what was assumed of it.
func throughPhis(fn *ssa.Function, from, to *ssa.BasicBlock, as assumptions) assumptions {
	edge := ssanav.PredIndex(to, from)
	if edge < 0 {
		return as
	}
	out := as
	for _, in := range to.Instrs {
		phi, ok := in.(*ssa.Phi)
		if !ok {
			break
		}
		if !isBool(phi.Type()) {
			continue
		}
		pk := keyOf(fn, phi)
		v, known := false, false
		switch x := phi.Edges[edge].(type) {
		case *ssa.Const:
			if x.Value != nil {
				v, known = constant.BoolVal(x.Value), true
			}
		default:
			if ck, pos := condKey(fn, x); ck != "" {
				if d, ok := as[ck]; ok {
					v, known = d == pos, true
				}
			}
		}
		_, had := out[pk]
		switch {
		case known:
			out = out.with(pk, v)
		case had:
			out = out.without(pk)
		}
	}
	return out
}

// checkLocks walks every acquisition in fn.
func (a *checker) checkLocks(fn *ssa.Function) {
	reported := map[ssa.Instruction]bool{}
	for _, b := range fn.Blocks {
		for i, in := range b.Instrs {
			call, ok := in.(*ssa.Call)
			if !ok {
				continue
			}
			for _, ev := range a.eventsOf(fn, in) {
				if ev.key == "" {
					continue
				}
				switch ev.kind {
				case evAcquire:
					w := &lockWalk{fn: fn, origin: ev, seen: map[*ssa.BasicBlock]bool{}}
					a.walk(w, b, i+1, dominatingConds(fn, b), false)
					a.reportWalk(w, reported)
				case evTryAcquire:
					// Held only on the edge where it returned true.
					cond, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
					if !ok {
						continue
					}
					ck, pos := condKey(fn, cond.Cond)
					if ck != keyOf(fn, call) {
						continue
					}
					held := b.Succs[0]
					if !pos {
						held = b.Succs[1]
					}
					if len(held.Preds) != 1 {
						continue
					}
					w := &lockWalk{fn: fn, origin: ev, seen: map[*ssa.BasicBlock]bool{held: true}}
					a.walk(w, held, 0, dominatingConds(fn, held), false)
					a.reportWalk(w, reported)
				}
			}
		}
	}
}

func (a *checker) reportWalk(w *lockWalk, reported map[ssa.Instruction]bool) {
	fn, origin := w.fn, w.origin
	for _, d := range w.doubles {
		if reported[d.instr] || unlockHandedOut(fn, origin.key) || a.releasedByMaker(fn, origin.key, origin.read) {
			continue
		}
		reported[d.instr] = true
		a.reportDouble(fn, origin, d)
	}
	if len(w.leaks) == 0 || !w.released || w.passed || isMain(fn) || a.deferredBefore(fn, origin) || escapes(fn, origin.key) || returnsOwner(fn, origin.key, w.leaks) || (conditionalHelper(fn, origin.key, w.leaks) || resultTellsHeld(fn, w)) && (a.usedAsHelper(fn, origin) || a.resultPassedOn(fn)) {
		return
	}
	if a.enteredHolding(fn, origin.key, origin.read) {
		return // the function's caller holds the lock; so does its return
	}
	if a.takenAgainByTest(w) {
		return // a run that left it held would hang its own test
	}
	a.reportLeak(fn, origin, w.leaks[0])
}

// escapes reports whether the mutex's address itself leaves the
// expressions that lock and unlock it: returned, stored, sent, merged
// with another value or boxed. Whoever receives it may release the lock
// (a function returning the lock it holds to its caller).
func escapes(fn *ssa.Function, k key) bool {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			v, ok := in.(ssa.Value)
			if !ok {
				continue
			}
			if vk := keyOf(fn, v); vk != k {
				// The mutex's owner merged into a loop variable: the
				// lock moves with it (hand-over-hand locking up a tree).
				if vk != "" && strings.HasPrefix(k, vk+".") {
					for _, r := range *v.Referrers() {
						if _, ok := r.(*ssa.Phi); ok {
							return true
						}
					}
				}
				continue
			}
			for _, r := range *v.Referrers() {
				switch r := r.(type) {
				case *ssa.Phi, *ssa.Return, *ssa.Send, *ssa.MakeInterface, *ssa.MapUpdate:
					return true
				case *ssa.Store:
					if r.Val == v {
						return true
					}
				}
			}
		}
	}
	return false
}

// returnsOwner reports whether every return that keeps the lock k
// returns the value the mutex belongs to and no other return does (`s.Lock();
// if ok { return s, nil }; s.Unlock(); return nil, err`): the caller is
// handed the owner locked, and releasing it is the caller's part,
// whatever the owner's value (a loop variable, a value looked up again).
// A function that returns the owner whether or not it holds the lock
// (`return b` from a builder on both paths) tells its caller nothing.
func returnsOwner(fn *ssa.Function, k key, leaks []*ssa.Return) bool {
	leaking := map[*ssa.Return]bool{}
	for _, r := range leaks {
		if !returnsPrefixOf(fn, r, k) {
			return false
		}
		leaking[r] = true
	}
	for _, b := range fn.Blocks {
		if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && !leaking[r] && returnsPrefixOf(fn, r, k) {
			return false
		}
	}
	return true
}

// returnsPrefixOf reports whether r returns a value the lock k is reached
// from.
func returnsPrefixOf(fn *ssa.Function, r *ssa.Return, k key) bool {
	for _, x := range r.Results {
		vk := keyOf(fn, ssanav.StoredResult(x))
		if vk != "" && !strings.HasPrefix(vk, "c:") && strings.HasPrefix(k, vk+".") {
			return true
		}
	}
	return false
}

// deferredBefore reports whether a deferred release of the lock is
// registered where the acquisition cannot reach it (before it, or on
// another branch): a cleanup written first, guarded by flags of its own.
func (a *checker) deferredBefore(fn *ssa.Function, origin event) bool {
	ob := origin.instr.Block()
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if _, ok := in.(*ssa.Defer); !ok {
				continue
			}
			for _, ev := range a.eventsOf(fn, in) {
				if ev.kind != evDeferRelease || ev.key != origin.key {
					continue
				}
				if b == ob {
					if indexOf(b, in) < indexOf(b, origin.instr) {
						return true
					}
					continue
				}
				if !ssanav.Reaches(ob, b) {
					return true
				}
			}
		}
	}
	return false
}

func indexOf(b *ssa.BasicBlock, in ssa.Instruction) int {
	for i, x := range b.Instrs {
		if x == in {
			return i
		}
	}
	return -1
}

// isMain reports whether fn is package main's main: the process ends when
// it returns, and a lock held then blocks nobody.
func isMain(fn *ssa.Function) bool {
	return fn.Parent() == nil && fn.Name() == "main" && fn.Signature.Recv() == nil && fn.Pkg != nil && fn.Pkg.Pkg.Name() == "main"
}

// conditionalHelper reports whether fn returns holding a lock its caller
// can name only on returns its results tell apart from the others (true
// against false, nil against non-nil): a conditional lock helper whose
// caller unlocks when it says it locked.
func conditionalHelper(fn *ssa.Function, k key, leaks []*ssa.Return) bool {
	if !visible(k) || fn.Signature.Results().Len() == 0 {
		return false
	}
	leaking := map[*ssa.Return]bool{}
	for _, r := range leaks {
		leaking[r] = true
	}
	var others []*ssa.Return
	for _, b := range fn.Blocks {
		if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && !leaking[r] {
			others = append(others, r)
		}
	}
	if len(others) == 0 {
		return false
	}
	for i := 0; i < fn.Signature.Results().Len(); i++ {
		if distinct(fn, leaks, others, i) {
			return true
		}
	}
	return false
}

// resultTellsHeld reports whether a boolean result of fn says whether
// the lock is held though one return serves both cases (`c, ok :=
// begin(); if !ok { mu.Unlock() }; return c, ok`): every path that
// returns holding the lock decided that result one way and every path
// that released it decided it the other way.
func resultTellsHeld(fn *ssa.Function, w *lockWalk) bool {
	if !visible(w.origin.key) || len(w.leaks) == 0 || len(w.freeAs) == 0 {
		return false
	}
	for i := 0; i < fn.Signature.Results().Len(); i++ {
		if !isBool(fn.Signature.Results().At(i).Type()) {
			continue
		}
		k, pos, held, ok := decidedAlike(fn, w, i)
		if !ok {
			continue
		}
		free := true
		for _, as := range w.freeAs {
			if v, ok := as[k]; !ok || (v == pos) == held {
				free = false
			}
		}
		if free {
			return true
		}
	}
	return false
}

// decidedAlike returns the condition every leaking path returns as
// result i (its key and polarity) and the value they all decided for
// that result, when they agree.
func decidedAlike(fn *ssa.Function, w *lockWalk, i int) (k key, pos, held, ok bool) {
	for j, r := range w.leaks {
		if i >= len(r.Results) {
			return "", false, false, false
		}
		rk, rpos := condKey(fn, ssanav.StoredResult(r.Results[i]))
		v, decided := w.leakAs[j][rk]
		if rk == "" || !decided {
			return "", false, false, false
		}
		if j == 0 {
			k, pos, held = rk, rpos, v == rpos
			continue
		}
		if rk != k || rpos != pos || (v == rpos) != held {
			return "", false, false, false
		}
	}
	return k, pos, held, true
}

// distinct reports whether result i says "locked" on every leaking
// return and "not locked" on every other: true against false, a non-nil
// value against nil, or a nil error (success) against a non-nil one.
func distinct(fn *ssa.Function, leaks, others []*ssa.Return, i int) bool {
	t := fn.Signature.Results().At(i).Type()
	isErr := types.Identical(t, types.Universe.Lookup("error").Type())
	// class is "true", "false", "nil", "nonnil" or "" (unknown).
	class := func(v ssa.Value) string {
		v = ssanav.StoredResult(v)
		c, ok := v.(*ssa.Const)
		switch {
		case ok && c.IsNil():
			return "nil"
		case ok && c.Value != nil && c.Value.String() == "true":
			return "true"
		case ok && c.Value != nil && c.Value.String() == "false":
			return "false"
		case isErr && !ok:
			return "nonnil" // an error value on a return that also unlocks
		}
		if _, ok := v.(*ssa.Alloc); ok {
			return "nonnil"
		}
		return ""
	}
	all := func(rs []*ssa.Return, want string) bool {
		for _, r := range rs {
			if i >= len(r.Results) || class(r.Results[i]) != want {
				return false
			}
		}
		return true
	}
	if isErr {
		return all(leaks, "nil") && all(others, "nonnil")
	}
	return all(leaks, "true") && all(others, "false") || all(others, "nil") && !all(leaks, "nil") && nonNilAll(leaks, i)
}

// nonNilAll reports whether no leaking return returns a nil constant at i.
func nonNilAll(leaks []*ssa.Return, i int) bool {
	for _, r := range leaks {
		if i >= len(r.Results) {
			return false
		}
		if c, ok := ssanav.StoredResult(r.Results[i]).(*ssa.Const); ok && c.IsNil() {
			return false
		}
	}
	return true
}

// usedAsHelper backs a conditional lock helper with its callers: it is
// one when it is exported (its callers may be anywhere) or when a caller
// in the package releases the lock after calling it. An unexported
// function no caller unlocks after just forgets an Unlock.
func (a *checker) usedAsHelper(fn *ssa.Function, origin event) bool {
	if obj := fn.Object(); obj != nil && obj.Exported() {
		return true
	}
	for _, caller := range a.funcs {
		for _, b := range caller.Blocks {
			for _, in := range b.Instrs {
				call, ok := in.(*ssa.Call)
				if !ok || call.Call.StaticCallee() != fn {
					continue
				}
				args := make([]key, len(call.Call.Args))
				for i, x := range call.Call.Args {
					args[i] = keyOf(caller, x)
				}
				k := rebase(origin.key, args, nil)
				if k != "" && a.releasedIn(caller, k, origin.read) {
					return true
				}
			}
		}
	}
	return false
}

// releasedIn reports whether fn releases the lock k anywhere.
func (a *checker) releasedIn(fn *ssa.Function, k key, read bool) bool {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			for _, ev := range a.eventsOf(fn, in) {
				if ev.key == k && ev.read == read && (ev.kind == evRelease || ev.kind == evDeferRelease) {
					return true
				}
			}
		}
	}
	return false
}

// acquiredIn reports whether fn acquires the lock k anywhere, in either
// mode.
func (a *checker) acquiredIn(fn *ssa.Function, k key) bool {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			for _, ev := range a.eventsOf(fn, in) {
				if ev.key == k && (ev.kind == evAcquire || ev.kind == evTryAcquire || ev.kind == evLocks) {
					return true
				}
			}
		}
	}
	return false
}

// lockText renders the lock an event names: the receiver of the sync
// call (`s.mu`), or the call of a helper whose summary says so.
func (a *checker) lockText(ev event) string {
	var lparen token.Pos
	switch in := ev.instr.(type) {
	case ssa.CallInstruction:
		lparen = in.Common().Pos()
	}
	call := ssanav.CallAt(a.pass, lparen)
	if call == nil {
		return "the lock"
	}
	if ev.via == nil {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return types.ExprString(sel.X)
		}
		return "the lock"
	}
	return "the lock " + types.ExprString(call.Fun) + " takes"
}

func (a *checker) callRange(in ssa.Instruction) (token.Pos, token.Pos) {
	if ci, ok := in.(ssa.CallInstruction); ok {
		if call := ssanav.CallAt(a.pass, ci.Common().Pos()); call != nil {
			return call.Pos(), call.End()
		}
	}
	return in.Pos(), token.NoPos
}

func (a *checker) line(p token.Pos) int { return a.pass.Fset.Position(p).Line }

func returnPos(fn *ssa.Function, r *ssa.Return) token.Pos {
	if r.Pos().IsValid() {
		return r.Pos()
	}
	if fd, ok := fn.Syntax().(*ast.FuncDecl); ok && fd.Body != nil {
		return fd.Body.Rbrace
	}
	if fl, ok := fn.Syntax().(*ast.FuncLit); ok {
		return fl.Body.Rbrace
	}
	return token.NoPos
}

func (a *checker) reportLeak(fn *ssa.Function, origin event, ret *ssa.Return) {
	pos, end := a.callRange(origin.instr)
	text := a.lockText(origin)
	state := "locked"
	if origin.read {
		state = "read-locked"
	}
	rp := returnPos(fn, ret)
	msg := fmt.Sprintf("%s is still %s when returning at line %d: every later Lock of it blocks forever", text, state, a.line(rp))
	a.findings = append(a.findings, report.Diagnostic{
		Pos: pos, End: end, Category: "lock", Message: msg,
		Related: rp, RelatedText: "returns holding " + text,
		Fix: a.deferFix(fn, origin),
	})
}

func (a *checker) reportDouble(fn *ssa.Function, origin, second event) {
	pos, end := a.callRange(second.instr)
	text := a.lockText(origin)
	held := "locked"
	if origin.read {
		held = "read-locked"
	}
	first, _ := a.callRange(origin.instr)
	var msg string
	if second.instr == origin.instr {
		msg = fmt.Sprintf("%s is still %s when the loop comes back to this acquisition on a path that skips its release: locking it again blocks the goroutine forever", text, held)
		a.findings = append(a.findings, report.Diagnostic{
			Pos: pos, End: end, Category: "doublelock", Message: msg,
		})
		return
	}
	if origin.read && second.read {
		again := "read-locking it again"
		if second.via != nil {
			callee := second.via.Name()
			if call := ssanav.CallAt(a.pass, second.instr.(ssa.CallInstruction).Common().Pos()); call != nil {
				callee = types.ExprString(call.Fun)
			}
			again = callee + " read-locks it again"
		}
		w := a.writerOf(origin)
		msg = fmt.Sprintf("%s is already read-locked at line %d on this path: %s, and a Lock of it waiting in between (line %d) blocks both forever", text, a.line(first), again, a.line(w.Pos()))
		a.findings = append(a.findings, report.Diagnostic{
			Pos: pos, End: end, Category: "doublelock", Message: msg,
			Related: first, RelatedText: text + " read-locked here",
		})
		return
	}
	if second.via != nil {
		callee := second.via.Name()
		if call := ssanav.CallAt(a.pass, second.instr.(ssa.CallInstruction).Common().Pos()); call != nil {
			callee = types.ExprString(call.Fun)
		}
		msg = fmt.Sprintf("%s is already %s at line %d on this path, and %s locks it again: the goroutine blocks forever", text, held, a.line(first), callee)
	} else {
		again := "locking it again"
		switch {
		case origin.read && !second.read:
			again = "locking it for writing"
		case !origin.read && second.read:
			again = "read-locking it"
		}
		msg = fmt.Sprintf("%s is already %s at line %d on this path: %s blocks the goroutine forever", text, held, a.line(first), again)
	}
	a.findings = append(a.findings, report.Diagnostic{
		Pos: pos, End: end, Category: "doublelock", Message: msg,
		Related: first, RelatedText: text + " " + held + " here",
	})
}
