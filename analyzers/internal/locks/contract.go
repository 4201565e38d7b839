package locks

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Three contracts under which a function returns holding a lock on
// purpose, none of which is a forgotten Unlock:
//
//   - it is entered holding the lock: on some path it releases the lock
//     before it takes it (`mu.Unlock(); wait(); mu.Lock()`), so a Lock in
//     it restores what its caller holds (enteredHolding);
//   - it hands the lock to a function of its package that releases that
//     mutex (`go ac.resetTransportAndUnlock()`) (releasesMutex);
//   - it is a conditional lock helper whose result its caller passes on
//     (`return db.beginTx()`): the object returned owns the lock
//     (resultPassedOn).

// enteredHolding reports whether some path from fn's entry releases the
// lock k (in mode read) before any acquisition of it.
func (a *checker) enteredHolding(fn *ssa.Function, k key, read bool) bool {
	return a.releaseComesFirst(fn, k, read, read, false)
}

// releaseComesFirst walks the paths from fn's entry to the first event on
// the lock k that is a release in mode rel or an acquisition in mode acq.
// With every set it reports whether all of them meet the release first
// (paths that meet neither count as meeting it); otherwise whether some
// path does.
func (a *checker) releaseComesFirst(fn *ssa.Function, k key, rel, acq, every bool) bool {
	if len(fn.Blocks) == 0 {
		return false
	}
	seen := map[*ssa.BasicBlock]bool{}
	var walk func(b *ssa.BasicBlock) bool
	walk = func(b *ssa.BasicBlock) bool {
		if seen[b] {
			return every
		}
		seen[b] = true
		for _, in := range b.Instrs {
			for _, ev := range a.eventsOf(fn, in) {
				if ev.key != k {
					continue
				}
				switch {
				case ev.read == rel && ev.kind == evRelease:
					return true
				case ev.read == acq && (ev.kind == evAcquire || ev.kind == evTryAcquire || ev.kind == evLocks):
					return false
				}
			}
		}
		for _, s := range b.Succs {
			if walk(s) != every {
				return !every
			}
		}
		return every
	}
	return walk(fn.Blocks[0])
}

// releasesMutex reports whether in calls or starts a function of the
// package, other than fn, that releases the mutex the event origin
// acquired (the same struct field or package-level variable) anywhere.
func (a *checker) releasesMutex(fn *ssa.Function, origin event, in ssa.Instruction) bool {
	var callee *ssa.Function
	switch c := in.(type) {
	case *ssa.Call:
		callee = c.Call.StaticCallee()
	case *ssa.Go:
		callee = c.Call.StaticCallee()
	}
	if callee == nil || callee == fn || callee.Pkg != fn.Pkg {
		return false
	}
	id := mutexIdentity(mutexAddr(origin))
	if id == nil {
		return false
	}
	for _, b := range callee.Blocks {
		for _, cin := range b.Instrs {
			for _, ev := range a.eventsOf(callee, cin) {
				if (ev.kind == evRelease || ev.kind == evDeferRelease) && ev.read == origin.read && mutexIdentity(mutexAddr(ev)) == id {
					return true
				}
			}
		}
	}
	return false
}

// resultPassedOn reports whether a caller of fn in the package returns
// fn's results to its own caller: the object fn returns together with the
// lock goes on, and whoever ends up with it releases the lock.
func (a *checker) resultPassedOn(fn *ssa.Function) bool {
	for _, caller := range a.funcs {
		for _, b := range caller.Blocks {
			for _, in := range b.Instrs {
				call, ok := in.(*ssa.Call)
				if !ok || call.Call.StaticCallee() != fn {
					continue
				}
				if returnedAsIs(call) {
					return true
				}
			}
		}
	}
	return false
}

// returnedAsIs reports whether v, or every result extracted from it, is
// returned directly.
func returnedAsIs(v ssa.Value) bool {
	refs := *v.Referrers()
	if len(refs) == 0 {
		return false
	}
	if _, ok := v.Type().(*types.Tuple); ok {
		for _, r := range refs {
			ex, ok := r.(*ssa.Extract)
			if !ok || !returnedAsIs(ex) {
				return false
			}
		}
		return true
	}
	for _, r := range refs {
		switch r := r.(type) {
		case *ssa.Return:
			return true
		case *ssa.Store:
			// Into a named result (`return db.beginTx()` in a function
			// with named results and a defer): returned when it is read
			// back for a return.
			if alloc, ok := r.Addr.(*ssa.Alloc); ok && r.Val == v && loadedForReturn(alloc) {
				return true
			}
		}
	}
	return false
}

// loadedForReturn reports whether a load of alloc is returned.
func loadedForReturn(alloc *ssa.Alloc) bool {
	for _, r := range *alloc.Referrers() {
		load, ok := r.(*ssa.UnOp)
		if !ok {
			continue
		}
		for _, lr := range *load.Referrers() {
			if _, ok := lr.(*ssa.Return); ok {
				return true
			}
		}
	}
	return false
}

// unlockHandedOut reports whether fn makes a method value of the lock k's
// release (`NotifyStarted: mu.Unlock`): whoever is given it releases the
// lock, so locking it again waits for them rather than for ever.
func unlockHandedOut(fn *ssa.Function, k key) bool {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			mc, ok := in.(*ssa.MakeClosure)
			if !ok || len(mc.Bindings) == 0 {
				continue
			}
			callee, ok := mc.Fn.(*ssa.Function)
			if !ok {
				continue
			}
			obj, _ := callee.Object().(*types.Func)
			if op, ok := syncOpOf(obj); ok && op.kind == opRelease && keyOf(fn, mc.Bindings[0]) == k {
				return true
			}
		}
	}
	return false
}

// releasedByMaker reports whether the lock k of the closure fn is a
// variable fn captures that the function making the closure releases and
// never acquires: the lock is handed from one goroutine to the other
// (taken here, released there), so taking it again here waits for that
// release rather than for ever.
func (a *checker) releasedByMaker(fn *ssa.Function, k key, read bool) bool {
	parent := fn.Parent()
	if parent == nil || !strings.HasPrefix(k, "fv") {
		return false
	}
	for _, b := range parent.Blocks {
		for _, in := range b.Instrs {
			mc, ok := in.(*ssa.MakeClosure)
			if !ok || mc.Fn != fn {
				continue
			}
			bindings := make([]key, len(mc.Bindings))
			for i, x := range mc.Bindings {
				bindings[i] = keyOf(parent, x)
			}
			pk := rebase(k, nil, bindings)
			if pk != "" && a.releasedIn(parent, pk, read) && !a.acquiredIn(parent, pk) {
				return true
			}
		}
	}
	return false
}
