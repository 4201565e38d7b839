package lifetime

import (
	"go/constant"
	"go/token"
	"slices"

	"github.com/leakvet/leakvet/analyzers/internal/errpath"
	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// duty is what the function owes on a path.
type duty uint8

const (
	owed duty = iota
	// pendingSuccess: discharged if the pending error is nil.
	pendingSuccess
	// pendingFailure: discharged if the pending error is non-nil.
	pendingFailure
	// released: the resource was released on this path. The walk goes on
	// only to see which returns hand the released value back to the caller
	// (a client that closes the body and returns the response for its
	// status): such a function does not return an owned resource.
	released
	// lent: the resource went, inside a local collection, to a callee
	// that may only look at it (a retry policy given the responses so
	// far). The walk goes on only to see which returns hand the resource
	// itself to the caller: those make it an owned result.
	lent
)

type pathState struct {
	duty      duty
	contained bool // the resource sits in a local collection
	// again: the acquiring call ran once more while this resource sat in a
	// collection; the root's SSA values (and its error) now denote the new
	// one, so they no longer say anything about this one.
	again bool
	err   ssa.Value
	// owedAtExit: a return reached while the duty is pending still owes
	// it (the rows of `return rows.Next(), nil` are open when Next was
	// true).
	owedAtExit bool
	// risky: since the acquisition, this path has run a call that can fail
	// or panic while the resource was owed.
	risky bool
	// drained: the resource's released part was read to its end.
	drained bool
	// dec: branch conditions this path has decided (decided.go).
	dec decisions
	// wrapped: the pending callee returns a wrapper that holds the
	// resource where it succeeds (event.wrapped).
	wrapped bool
	// replacedBy: a store on this path put into the resource's released
	// field a value that does not hold the part (tracker.replaced): a
	// return that hands the resource on hands on the replacement, and
	// the part stays owed here.
	replacedBy *ssa.Store
}

// exit is a way out of the function on which the resource is still owed.
type exit struct {
	ret     *ssa.Return // nil when the loop comes back to the acquisition
	pos     token.Pos
	loop    bool
	drained bool // the released part was read to its end on the path
	// replaced names the released field that a store at pos overwrote
	// with a value that does not hold the part (tracker.replaced), before
	// ret hands the resource on.
	replaced string
}

// outcome summarises all paths from the start point.
type outcome struct {
	leaks []exit
	// successLeak and failureLeak say whether some leaking return returns
	// a nil error (success) or a non-nil one (failure); unknownLeak when
	// the error's nil-ness at the return is not known.
	successLeak, failureLeak, unknownLeak bool
	pendingExit                           bool
	// undeferred holds releases that are not deferred although a call ran
	// between the acquisition and them (strict mode's finding).
	undeferred []ssa.Instruction
	// deferred holds deferred releases.
	deferred []ssa.Instruction
	// returnedOwed holds the returns that hand the resource, still owed,
	// to the caller: only those make a result owned.
	returnedOwed []ssa.Instruction
	// returnedReleased holds the returns that hand the resource back after
	// it was released on the path to them.
	returnedReleased []*ssa.Return
	// returnedDrained and returnedUndrained hold the returns of
	// returnedOwed that some path reaches after (without) reading the
	// released part to its end.
	returnedDrained, returnedUndrained []ssa.Instruction
}

// paths explores every path from instruction index start of block b (the
// root's definition, or the entry for parameters) and reports the exits
// reached while the resource is still owed.
func (t *tracker) paths(b *ssa.BasicBlock, start int, rootInstr ssa.Instruction) outcome {
	var out outcome
	type key struct {
		b     *ssa.BasicBlock
		state pathState
	}
	seen := map[key]bool{}
	type item struct {
		b     *ssa.BasicBlock
		start int
		st    pathState
	}
	var first pathState
	if rootInstr == nil {
		first.dec = t.startDec
	}
	if rootInstr != nil {
		first.dec = t.dominatingDecisions(b)
		first.drained = t.drainedAtStart
	}
	stack := []item{{b, start, first}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		st := it.st
		done := false
		for _, instr := range it.b.Instrs[it.start:] {
			if st.duty == released {
				switch in := instr.(type) {
				case *ssa.Return:
					if _, ok := t.returned[in]; ok && !slices.Contains(out.returnedReleased, in) {
						out.returnedReleased = append(out.returnedReleased, in)
					}
					done = true
				case *ssa.Panic:
					done = true
				}
				if done || instr == rootInstr {
					done = true
					break
				}
				continue
			}
			if st.duty == lent {
				if done = t.lentStep(instr, rootInstr, &out); done {
					break
				}
				continue
			}
			if rootInstr != nil && instr == rootInstr && it.start == 0 && !st.again {
				if st.duty == owed && st.contained {
					// The earlier resource lives on in the collection: follow
					// it past the next acquisition (an error there may drop
					// the whole collection).
					st.again = true
					continue
				}
				if st.duty == owed {
					out.leaks = append(out.leaks, exit{pos: rootInstr.Pos(), loop: true, drained: st.drained})
				}
				done = true
				break
			}
			if st.again && instr == rootInstr {
				continue
			}
			if _, ok := t.replaced(instr); ok && st.duty == owed && !st.again && st.replacedBy == nil {
				st.replacedBy = instr.(*ssa.Store)
			}
			if ev, ok := t.events[instr]; ok {
				switch ev.kind {
				case evRelease:
					done = true
					if _, isDefer := instr.(*ssa.Defer); isDefer {
						out.deferred = appendOnce(out.deferred, instr)
					} else if st.risky && st.duty == owed {
						out.undeferred = appendOnce(out.undeferred, instr)
					}
					if len(t.returned) > 0 {
						// Follow on: does a return hand the released
						// resource back?
						st, done = pathState{duty: released, dec: st.dec}, false
						continue
					}
				case evTransfer:
					done = true
					if ret, ok := instr.(*ssa.Return); ok && st.duty == owed && st.replacedBy != nil {
						// The response goes back holding the
						// replacement: the part it held is dropped.
						f, _ := t.replaced(st.replacedBy)
						out.leaks = append(out.leaks, exit{ret: ret, pos: st.replacedBy.Pos(), drained: st.drained, replaced: f})
						out.unknownLeak = true
						break
					}
					if ret, ok := instr.(*ssa.Return); ok && st.duty == owed {
						out.returnedOwed = appendOnce(out.returnedOwed, ret)
						if st.drained {
							out.returnedDrained = appendOnce(out.returnedDrained, ret)
						} else {
							out.returnedUndrained = appendOnce(out.returnedUndrained, ret)
						}
					}
					if ret, ok := instr.(*ssa.Return); ok && st.duty == pendingSuccess && returnsPending(ret, st.err) {
						// `return (&T{Conn: c}).Listen()`: what is returned
						// holds the resource only where the call succeeded;
						// its failure is handed on with the resource in
						// nobody's hands.
						out.leaks = append(out.leaks, exit{ret: ret, pos: ret.Pos(), drained: st.drained})
						out.failureLeak = true
					}
				case evPendingSuccess:
					st = pathState{duty: pendingSuccess, contained: st.contained, again: st.again, err: ev.err, risky: st.risky, owedAtExit: ev.owedAtExit, drained: st.drained, dec: st.dec, wrapped: ev.wrapped}
				case evPendingFailure:
					st = pathState{duty: pendingFailure, contained: st.contained, again: st.again, err: ev.err, risky: st.risky, owedAtExit: ev.owedAtExit, drained: st.drained, dec: st.dec}
				case evLend:
					done = true
					if st.duty == owed && len(t.returned) > 0 {
						st, done = pathState{duty: lent, dec: st.dec}, false
					}
				case evContain:
					st.contained = true
				case evDrain:
					st.drained = true
				}
				if done {
					break
				}
			} else if call, ok := instr.(*ssa.Call); ok && t.e.failsTest(call.Common()) {
				// The test has failed on this path (t.Errorf, then return
				// or continue): what it leaves open is no leak of the
				// test as it passes.
				done = true
				break
			} else if ok && ssanav.EndsProcess(call.Common()) {
				// `log.Fatal().Err(err).Msg(...)`: the process ends here,
				// and what it holds with it.
				done = true
				break
			} else if success, known := assertedOutcome(call, st); ok && known {
				// `assert.False(t, rows.Next())`: past the assertion the
				// pending outcome is the asserted one, or the test has
				// failed.
				next, alive := resolve(st, success)
				if !alive {
					done = true
					break
				}
				st = next
			} else if ok && st.duty == owed && !st.again && t.expectsOwnError(call.Common()) {
				// `rows, err := db.Query(q); require.Error(t, err)`: past
				// the assertion either the test has failed or the
				// acquisition did, and then there is no resource.
				done = true
				break
			} else if ok && st.duty == owed && !st.risky {
				if _, builtin := call.Call.Value.(*ssa.Builtin); !builtin {
					st.risky = true
				}
			}
			switch in := instr.(type) {
			case *ssa.Return:
				switch {
				case st.duty == owed, st.owedAtExit && st.duty != released:
					out.leaks = append(out.leaks, exit{ret: in, pos: in.Pos(), drained: st.drained})
					switch errNilness(in) {
					case 1:
						out.failureLeak = true
					case 0:
						out.successLeak = true
					default:
						out.unknownLeak = true
					}
				case st.duty == pendingSuccess && returnsPending(in, st.err):
					// `return scanAll(rows)`: the callee discharges the
					// duty only when it succeeds, and its failure is
					// what this return hands on.
					out.leaks = append(out.leaks, exit{ret: in, pos: in.Pos()})
					out.failureLeak = true
				default:
					out.pendingExit = true
				}
				done = true
			case *ssa.Panic:
				done = true
			}
			if done {
				break
			}
		}
		if done {
			continue
		}
		succs := it.b.Succs
		if iff, ok := it.b.Instrs[len(it.b.Instrs)-1].(*ssa.If); ok && len(succs) == 2 {
			for i, s := range succs {
				next, alive := t.edge(iff, i == 0, st)
				if !alive {
					continue
				}
				next.dec = t.entering(t.branched(next.dec, iff.Cond, i == 0), it.b, s)
				k := key{s, next}
				if !seen[k] {
					seen[k] = true
					stack = append(stack, item{s, 0, next})
				}
			}
			continue
		}
		for _, s := range succs {
			next := st
			next.dec = t.entering(st.dec, it.b, s)
			k := key{s, next}
			if !seen[k] {
				seen[k] = true
				stack = append(stack, item{s, 0, next})
			}
		}
	}
	return out
}

// assertedOutcome reports whether call (when not nil) asserts the bool
// outcome that the path's pending duty waits on (`assert.False(t,
// rows.Next())`, `require.True(t, ok)`, gotest.tools' `assert.Assert(t,
// !ok)`), and whether that outcome is success on a passing run: past the
// call, the other value is the run of a test that has already failed.
func assertedOutcome(call *ssa.Call, st pathState) (success, known bool) {
	if call == nil || (st.duty != pendingSuccess && st.duty != pendingFailure) || st.err == nil || call.Call.IsInvoke() {
		return false, false
	}
	fn := ssanav.CalleeFunc(call.Common())
	if arg, want, ok := resource.AssertsBool(fn); ok && arg < len(call.Call.Args) {
		return boolIs(call.Call.Args[arg], st.err, want)
	}
	if arg, ok := resource.ComparisonAssert(fn); ok && arg < len(call.Call.Args) {
		if mi, ok := call.Call.Args[arg].(*ssa.MakeInterface); ok {
			return boolIs(mi.X, st.err, true)
		}
	}
	return false, false
}

// boolIs reports whether a is v or !v, and so the value of v where a is
// want.
func boolIs(a, v ssa.Value, want bool) (value, known bool) {
	switch {
	case a == v:
		return want, true
	case isNot(a, v):
		return !want, true
	}
	return false, false
}

// expectsOwnError reports whether call is an assertion that fails the test
// when one of its arguments, an error of this acquisition, is nil.
func (t *tracker) expectsOwnError(call *ssa.CallCommon) bool {
	for _, a := range call.Args {
		if t.errOf[a] && t.e.expectsError(call, a) {
			return true
		}
		if mi, ok := a.(*ssa.MakeInterface); ok {
			a = mi.X
		}
		if inner, ok := a.(*ssa.Call); ok {
			// assert.Check(t, is.Error(err, msg)): the error sits in
			// the comparison.
			for _, ia := range inner.Call.Args {
				if t.errOf[ia] && t.e.expectsError(call, ia) {
					return true
				}
			}
		}
	}
	return false
}

// edge applies the knowledge that the If's condition is taken (or not) to
// the path state. alive is false when the resource cannot exist (or was
// discharged) on that edge.
func (t *tracker) edge(iff *ssa.If, taken bool, st pathState) (pathState, bool) {
	cond := iff.Cond
	if alive, known := t.decidedEdge(&st.dec, cond, taken); known && !alive {
		return st, false // `if didOpen`, where this path set the flag
	}
	if val, ok := t.e.decidedByRows(t.fn, cond); ok && val != taken {
		return st, false // `if tc.wantCode != 0`, where no row of the table sets it
	}
	if t.atEOF(cond, taken) {
		// `if err != io.EOF { t.Fatal(err) }` after io.ReadFull of the
		// body: past it, the body was read to its end.
		st.drained = true
	}
	if t.readFailed(cond, taken) {
		// `if err != nil { return err }` after
		// io.ReadAll(io.LimitReader(resp.Body, n)): the body's own read
		// failed, and with it the connection.
		st.drained = true
	}
	if !taken && ssanav.ReceivesFromNeverClosed(cond) {
		return st, false // `for range ticker.C` does not end
	}
	if !taken && st.duty == owed && t.closedByHolder(cond) {
		// `for ch := range chans` over ssh.NewServerConn's channel of
		// new channels: it ends once the library closes the connection.
		st.duty = released
		return st, true
	}
	if !taken && st.duty == owed && !st.again && t.assertsOwnType(cond) {
		return st, false // `if tx, ok := ex.(*Tx); ok`: ex holds the resource
	}
	// A bool outcome tested directly: `if ok`, `if !ok`.
	if st.duty != owed {
		success, known := false, false
		switch {
		case cond == st.err:
			success, known = taken, true
		case isNot(cond, st.err):
			success, known = !taken, true
		}
		if known {
			return resolve(st, success)
		}
	}
	if t.afterOwnerClosed(cond, taken) {
		return st, false // `if s.closed { return errClosed }`: a call after Close
	}
	if st.duty == owed && t.param && alreadyDone(cond, taken) {
		// `if c.closed.Swap(true) { return }`: an earlier call set the
		// once-only flag and released what the caller handed in.
		return st, false
	}
	if !taken && t.e.failsTestWhenFalse(cond) || taken && isNotOf(cond, t.e.failsTestWhenFalse) {
		// `if !assert.NoError(t, err) { return }`: the test has failed
		// on this edge.
		return st, false
	}
	if (st.duty == owed || st.duty == pendingSuccess || st.duty == pendingFailure) && st.contained && !taken && t.loopsOverCollection(cond) {
		// The loop over the collection that holds the resource ends here
		// without an iteration: impossible, the collection is not empty.
		// (An iteration reads the elements, which deals with them.) So
		// too while a later error may still discharge it (rows whose
		// Next was called).
		return st, false
	}
	if st.duty == owed && !st.again && taken && t.errorPredicate(cond) {
		// `if os.IsNotExist(err)`: true only for a non-nil error, when the
		// resource is nil.
		return st, false
	}
	cmp, ok := cond.(*ssa.BinOp)
	if !ok || (cmp.Op != token.EQL && cmp.Op != token.NEQ) {
		return st, true
	}
	if st.duty == owed && !st.again && (cmp.Op == token.EQL) == taken && (t.holdsNothingAt(cmp.X, cmp.Y) || t.holdsNothingAt(cmp.Y, cmp.X)) {
		return st, false // `if resp.StatusCode == http.StatusNoContent`: no body
	}
	if st.duty == owed && !st.again && (cmp.Op == token.EQL) == taken && (t.errOf[cmp.X] && errpath.IsNonNil(cmp.Y) || t.errOf[cmp.Y] && errpath.IsNonNil(cmp.X)) {
		// `if err == io.EOF { return }`: the acquisition's error equals a
		// non-nil error (a sentinel), so the acquisition failed here and
		// left no resource.
		return st, false
	}
	var v ssa.Value
	switch {
	case isNil(cmp.Y):
		v = cmp.X
	case isNil(cmp.X):
		v = cmp.Y
	case st.duty == owed && t.nilMeansNone[cmp.X] && isGlobalLoad(cmp.Y),
		st.duty == owed && t.nilMeansNone[cmp.Y] && isGlobalLoad(cmp.X):
		// `if f != os.Stdout { f.Close() }`: where the value equals a
		// package-level one, it is not the resource acquired here.
		if (cmp.Op == token.EQL) == taken {
			return st, false
		}
		return st, true
	default:
		return st, true
	}
	// isNilHere: on this edge, v == nil.
	isNilHere := (cmp.Op == token.EQL) == taken
	if isNilHere && (neverNil(v) || t.setAfterAcquisition(v, iff.Block())) {
		return st, false // `cf := conn.Close; if cf != nil { cf() }`: no such edge
	}
	if !isNilHere && errpath.IsNil(v) {
		return st, false // `if err := tc.Handshake(); err != nil` after tls.Dial: no such edge
	}
	if st.duty == owed && !st.again && !isNilHere && t.failsOnlyOffType(v) {
		return st, false // `port, err := listenerPort(ln)` on a TCP listener: no such edge
	}
	switch {
	case st.duty == owed && !st.again && t.nilMeansNone[v] && isNilHere:
		return st, false
	case st.duty == owed && !st.again && t.errOf[v] && !isNilHere:
		return st, false
	case st.duty != owed && (v == st.err || ssanav.StoredResult(v) == st.err):
		// The outcome read back from the variable it was assigned to
		// (a named result, kept in memory because a defer may read it).
		return resolve(st, isNilHere)
	}
	return st, true
}

// atEOF reports whether, on the edge of cond that is taken (or not), the
// error of a read of the released part (an EOFReads entry) equals the
// kind's EOFError (`err == io.EOF`, `errors.Is(err, io.EOF)`): the part
// was read to its end.
func (t *tracker) atEOF(cond ssa.Value, taken bool) bool {
	if len(t.eofErrs) == 0 {
		return false
	}
	if call, ok := cond.(*ssa.Call); ok && taken {
		// errors.Is(err, io.EOF)
		err, target, ok := errpath.Match(&call.Call)
		return ok && t.eofErrs[err] && t.isEOFError(target)
	}
	if u, ok := cond.(*ssa.UnOp); ok && u.Op == token.NOT {
		return t.atEOF(u.X, !taken)
	}
	cmp, ok := cond.(*ssa.BinOp)
	if !ok || (cmp.Op != token.EQL && cmp.Op != token.NEQ) || (cmp.Op == token.EQL) != taken {
		return false
	}
	return t.eofErrs[cmp.X] && t.isEOFError(cmp.Y) || t.eofErrs[cmp.Y] && t.isEOFError(cmp.X)
}

// readFailed reports whether, on the edge of cond that is taken (or not),
// the error of a read of a bounded wrapper of the released part
// (tracker.failedReads) is not nil.
func (t *tracker) readFailed(cond ssa.Value, taken bool) bool {
	for errv := range t.failedReads {
		if nonNil, ok := nonNilEdge(cond, errv); ok && (nonNil == 0) == taken {
			return true
		}
	}
	return false
}

// isEOFError reports whether v is a load of the kind's EOFError.
func (t *tracker) isEOFError(v ssa.Value) bool {
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return false
	}
	g, ok := u.X.(*ssa.Global)
	if !ok || g.Pkg == nil {
		return false
	}
	return t.kind.EOFError != "" && g.Pkg.Pkg.Path()+"."+g.Name() == t.kind.EOFError
}

// loopsOverCollection reports whether cond is the test of a loop over the
// elements of a collection that holds the resource: `i < len(c)`, as a
// range loop over a slice or a counted loop compiles, for a collection
// that append fills (it is empty until it holds the resource); for a
// slice the function made, also `i < n` with n the length it was made
// with, and `i >= 0` counting down from the last element.
func (t *tracker) loopsOverCollection(cond ssa.Value) bool {
	cmp, ok := cond.(*ssa.BinOp)
	if !ok {
		return false
	}
	var c ssa.Value
	switch cmp.Op {
	case token.LSS:
		if l := lenArg(cmp.Y); l != nil {
			c = l
		} else {
			c = t.madeWithLen(cmp.Y)
		}
	case token.GEQ:
		c = t.countsDownFromLast(cmp)
	}
	if c == nil {
		return false
	}
	if _, _, made := madeLen(c); made && t.acqBlock != nil && t.inLoopOf(cmp.Block(), t.acqBlock) {
		// A slice made with its length, filled by index in this very
		// loop: the loop ends once it went round, holding what it
		// stored.
		return false
	}
	tr, ok := t.values[c]
	return ok && tr.role == roleContainer
}

// lenArg returns c when v is `len(c)`.
func lenArg(v ssa.Value) ssa.Value {
	n, ok := v.(*ssa.Call)
	if !ok || len(n.Call.Args) != 1 {
		return nil
	}
	if b, ok := n.Call.Value.(*ssa.Builtin); !ok || b.Name() != "len" {
		return nil
	}
	return n.Call.Args[0]
}

// madeWithLen returns the tracked collection, a slice the function made,
// whose length is n: the same value make was given, or the same constant.
func (t *tracker) madeWithLen(n ssa.Value) ssa.Value {
	nc, isConst := n.(*ssa.Const)
	for v, tr := range t.values {
		if tr.role != roleContainer {
			continue
		}
		lv, ln, ok := madeLen(v)
		if !ok {
			continue
		}
		if lv != nil && sameLength(lv, n) {
			return v
		}
		if lv == nil && isConst && nc.Value != nil {
			if k, exact := constant.Int64Val(constant.ToInt(nc.Value)); exact && k == ln {
				return v
			}
		}
	}
	return nil
}

// sameLength reports whether a and b are the same value: one SSA value,
// or two loads of a variable assigned once that function literals only
// read (`P := runtime.GOMAXPROCS(0)` shared with a goroutine).
func sameLength(a, b ssa.Value) bool {
	if a == b {
		return true
	}
	la, ok := a.(*ssa.UnOp)
	if !ok || la.Op != token.MUL {
		return false
	}
	lb, ok := b.(*ssa.UnOp)
	if !ok || lb.Op != token.MUL || la.X != lb.X {
		return false
	}
	cell, ok := la.X.(*ssa.Alloc)
	if !ok || !onlyReadCell(cell) {
		return false
	}
	stores := 0
	for _, r := range *cell.Referrers() {
		if _, ok := r.(*ssa.Store); ok {
			stores++
		}
	}
	return stores == 1
}

// countsDownFromLast returns the collection c when cmp is `i >= 0` for a
// loop counter i that starts at `len(c) - 1` (or the made length less
// one) and only decreases.
func (t *tracker) countsDownFromLast(cmp *ssa.BinOp) ssa.Value {
	if k, ok := cmp.Y.(*ssa.Const); !ok || k.Value == nil || constant.Sign(k.Value) != 0 {
		return nil
	}
	phi, ok := cmp.X.(*ssa.Phi)
	if !ok {
		return nil
	}
	var c ssa.Value
	for _, e := range phi.Edges {
		sub, ok := e.(*ssa.BinOp)
		if !ok || sub.Op != token.SUB {
			return nil
		}
		one, ok := sub.Y.(*ssa.Const)
		if !ok || one.Value == nil || constant.Compare(one.Value, token.NEQ, constant.MakeInt64(1)) {
			return nil
		}
		if sub.X == phi {
			continue // i--
		}
		var start ssa.Value
		if l := lenArg(sub.X); l != nil {
			start = l
		} else {
			start = t.madeWithLen(sub.X)
		}
		if start == nil || (c != nil && c != start) {
			return nil
		}
		c = start
	}
	return c
}

// inLoopOf reports whether block b is in the loop that header heads: the
// loop's body reaches b and b reaches the header back.
func (t *tracker) inLoopOf(header, b *ssa.BasicBlock) bool {
	if len(header.Succs) == 0 {
		return false
	}
	return blockReaches(header.Succs[0], b, header) && blockReaches(b, header, nil)
}

// blockReaches reports whether from reaches to through the control flow
// graph without passing through stop (nil: anywhere).
func blockReaches(from, to, stop *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{}
	work := []*ssa.BasicBlock{from}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if b == to {
			return true
		}
		if seen[b] || b == stop {
			continue
		}
		seen[b] = true
		work = append(work, b.Succs...)
	}
	return false
}

// resolve settles a pending duty once the callee's outcome is known.
func resolve(st pathState, success bool) (pathState, bool) {
	if st.duty == pendingSuccess && success && st.wrapped {
		// Kept by the wrapper the callee returned: owed through it.
		return pathState{risky: st.risky, contained: st.contained, again: st.again, drained: st.drained, dec: st.dec}, true
	}
	if (st.duty == pendingSuccess) == success {
		return st, false // discharged on this edge
	}
	return pathState{risky: st.risky, contained: st.contained, again: st.again, drained: st.drained, dec: st.dec}, true
}

func appendOnce(list []ssa.Instruction, instr ssa.Instruction) []ssa.Instruction {
	for _, x := range list {
		if x == instr {
			return list
		}
	}
	return append(list, instr)
}

func isNot(cond, v ssa.Value) bool {
	u, ok := cond.(*ssa.UnOp)
	return ok && u.Op == token.NOT && u.X == v
}

func isNil(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.Value == nil
}

// returnsPending reports whether ret returns the pending callee's outcome
// as its own last result.
func returnsPending(ret *ssa.Return, outcome ssa.Value) bool {
	if outcome == nil || len(ret.Results) == 0 {
		return false
	}
	return ssanav.StoredResult(ret.Results[len(ret.Results)-1]) == outcome
}

// errNilness says whether the return's last result is an error that is
// nil (0), non-nil (1), or unknown (-1). Functions without an error result
// count as success.
func errNilness(ret *ssa.Return) int {
	if len(ret.Results) == 0 {
		return 0
	}
	last := ssanav.StoredResult(ret.Results[len(ret.Results)-1])
	if !isOutcome(last.Type()) {
		return 0
	}
	if !isError(last.Type()) && !isErrorPointer(last.Type()) {
		// A bool outcome: true is success.
		if c, ok := last.(*ssa.Const); ok && c.Value != nil {
			if constant.BoolVal(c.Value) {
				return 0
			}
			return 1
		}
		return -1
	}
	switch errpath.At(ret.Block(), last) {
	case errpath.Nil:
		return 0
	case errpath.NonNil:
		return 1
	}
	return -1
}

func isGlobalLoad(v ssa.Value) bool {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		_, ok := u.X.(*ssa.Global)
		return ok
	}
	return false
}

// errorPredicate reports whether cond is, on the acquisition's error, a
// call of a predicate that is true only for non-nil errors (or, for an
// error predicate of the program, once the running test has failed), or
// the ok of a comma-ok type assertion (`if ne, ok := err.(net.Error); ok`,
// a case of a type switch), which fails on a nil interface.
func (t *tracker) errorPredicate(cond ssa.Value) bool {
	if ex, ok := cond.(*ssa.Extract); ok && ex.Index == 1 {
		ta, ok := ex.Tuple.(*ssa.TypeAssert)
		return ok && ta.CommaOk && t.errOf[ta.X]
	}
	call, ok := cond.(*ssa.Call)
	if !ok {
		return false
	}
	err, ok := t.e.predicateArg(&call.Call)
	return ok && t.errOf[err]
}

// neverNil reports whether v cannot be nil by construction: a function, a
// method value or closure, a new allocation, an interface made from a
// concrete value (non-nil even when that value is a nil pointer).
func neverNil(v ssa.Value) bool {
	switch v.(type) {
	case *ssa.Function, *ssa.MakeClosure, *ssa.Alloc, *ssa.MakeInterface:
		return true
	}
	return false
}

// setAfterAcquisition reports whether, at the end of block at, v cannot be
// nil on any path from the acquisition: v merges values (a variable set
// to a method value or a function literal on the branch that acquires,
// nil on the others), each edge into the merge that a path from the
// acquisition can take carries a value that is never nil, and every path
// from the acquisition to at passes the merge.
func (t *tracker) setAfterAcquisition(v ssa.Value, at *ssa.BasicBlock) bool {
	phi, ok := v.(*ssa.Phi)
	if !ok || t.acqBlock == nil || at == t.acqBlock {
		return false
	}
	reach := map[*ssa.BasicBlock]bool{t.acqBlock: true}
	work := []*ssa.BasicBlock{t.acqBlock}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		for _, s := range b.Succs {
			if !reach[s] {
				reach[s] = true
				work = append(work, s)
			}
		}
	}
	pb := phi.Block()
	for i, e := range phi.Edges {
		if reach[pb.Preds[i]] && !neverNil(e) {
			return false
		}
	}
	// Around the merge: no path from the acquisition reaches at without
	// passing it.
	seen := map[*ssa.BasicBlock]bool{pb: true}
	work = append(work[:0], t.acqBlock.Succs...)
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[b] {
			continue
		}
		if b == at {
			return false
		}
		seen[b] = true
		work = append(work, b.Succs...)
	}
	return true
}

// holdsNothingAt reports whether field is the resource's EmptyField, read
// from the resource itself, and value one of its EmptyValues: where they
// are equal, there is nothing to release.
func (t *tracker) holdsNothingAt(field, value ssa.Value) bool {
	k := t.kind
	c, ok := value.(*ssa.Const)
	if k.EmptyField == "" || !ok || c.Value == nil || c.Value.Kind() != constant.Int {
		return false
	}
	n, exact := constant.Int64Val(c.Value)
	if !exact || !slices.Contains(k.EmptyValues, n) {
		return false
	}
	ld, ok := field.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return false
	}
	fa, ok := ld.X.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	if tr, ok := t.values[fa.X]; !ok || tr.role != roleWhole {
		return false
	}
	name, _ := t.field(fa.X.Type(), fa.Field)
	return name == k.EmptyField
}

// isNotOf reports whether cond is !x for an x that pred accepts.
func isNotOf(cond ssa.Value, pred func(ssa.Value) bool) bool {
	u, ok := cond.(*ssa.UnOp)
	return ok && u.Op == token.NOT && pred(u.X)
}

// alreadyDone reports whether the edge of a condition is the one where a
// once-only guard (resource.OneShotGuard) found its flag already set:
// Swap(true) returned true, CompareAndSwap from the zero value failed.
func alreadyDone(cond ssa.Value, taken bool) bool {
	if u, ok := cond.(*ssa.UnOp); ok && u.Op == token.NOT {
		return alreadyDone(u.X, !taken)
	}
	call, ok := cond.(*ssa.Call)
	if !ok {
		return false
	}
	already, ok := resource.OneShotGuard(ssanav.CalleeFunc(call.Common()))
	if !ok {
		return false
	}
	args := call.Common().Args // the flag's address first: all are static calls
	switch len(args) {
	case 2: // (*Bool).Swap(flag, true)
		if !isConstBool(args[1], true) {
			return false
		}
	case 3: // CompareAndSwap(flag, old, new): from the zero value to another
		if _, ok := args[2].(*ssa.Const); !ok || !isZeroConst(args[1]) || isZeroConst(args[2]) {
			return false
		}
	default:
		return false
	}
	return taken == already
}

func isConstBool(v ssa.Value, want bool) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.Value != nil && c.Value.Kind() == constant.Bool && constant.BoolVal(c.Value) == want
}

func isZeroConst(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	if !ok {
		return false
	}
	if c.Value == nil {
		return true
	}
	switch c.Value.Kind() {
	case constant.Bool:
		return !constant.BoolVal(c.Value)
	case constant.Int:
		return constant.Sign(c.Value) == 0
	}
	return false
}
