package lifetime

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/errpath"
	"github.com/leakvet/leakvet/analyzers/internal/mention"
	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// role is how a value relates to the tracked resource.
type role uint8

const (
	// roleWhole is the acquired resource itself.
	roleWhole role = iota
	// rolePart is a field of the resource through which it is released
	// (the Body of an *http.Response, the Process of an *exec.Cmd).
	rolePart
	// roleCell is a local variable's cell (an Alloc) that holds the whole or
	// the part; loads from it give back what was stored.
	roleCell
	// roleContainer is a local aggregate (struct, array, slice) that holds
	// the resource. What happens to the container happens to the resource.
	roleContainer
	// roleCloser is a function value whose call releases the resource:
	// a method value (resp.Body.Close) or a closure that releases.
	roleCloser
	// roleCapture is a closure that captures the resource without being
	// known to release it on every path.
	roleCapture
)

type tracked struct {
	role  role
	inner role   // for roleCell: the role of what the cell holds
	field string // for rolePart (and a cell holding one): which field
	keeps bool   // for roleCapture: the closure keeps (transfers) the value
	// drains, for roleCapture: calling the closure reads the released
	// part to its end on every path (a deferred io.Copy(io.Discard,
	// resp.Body)).
	drains bool
}

type returnedAs struct {
	index     int
	kind      string
	container bool // a wrapper holding the resource, not the resource
}

type eventKind uint8

const (
	evRelease eventKind = iota + 1
	evTransfer
	// evPending*: the duty is discharged or not depending on the error
	// that a callee returns (see When).
	evPendingSuccess
	evPendingFailure
	// evContain: the resource went into a local collection; a loop that
	// acquires again no longer overwrites it.
	evContain
	// evDrain: the released part was read to its end (io.ReadAll of a
	// response body); a leak after it is of the drained category.
	evDrain
	// evLend: a local collection holding the resource went to a callee
	// that may only look at it (see lent).
	evLend
)

type event struct {
	kind eventKind
	err  ssa.Value // the callee's error result, for pending events
	// owedAtExit: a return reached before the outcome is tested still
	// owes the resource.
	owedAtExit bool
	// wrapped, for a pending success: where the callee succeeds, the
	// wrapper it returns holds the resource, which stays owed through it.
	wrapped bool
	// releases, for a pending event: where the callee discharges the
	// duty, it has released the resource rather than kept it.
	releases bool
}

// ownUse reports whether the event is the resource's own use rather than
// a hand-off: reading it to its end, or a method that releases it when it
// fails (rows.Next).
func (ev event) ownUse() bool { return ev.kind == evDrain || ev.owedAtExit }

// tracker follows one resource through one function.
type tracker struct {
	e    *engine
	fn   *ssa.Function
	kind *resource.Kind
	root ssa.Value

	values map[ssa.Value]tracked
	events map[ssa.Instruction]event
	// cancelGo holds the goroutines started with a function literal
	// that cancels the acquisition's context (cancelReleases).
	cancelGo map[*ssa.Go]bool
	// nilMeansNone holds values that are nil exactly when there is no
	// resource to release (the resource itself, its body, their merges).
	nilMeansNone map[ssa.Value]bool
	// errOf holds the acquisition's error result and its merges: when it is
	// non-nil the resource is nil (the error convention).
	errOf map[ssa.Value]bool
	// returned records, per Return that hands the resource to the caller,
	// which result carries it and as what.
	returned map[*ssa.Return]returnedAs
	work     []ssa.Value
	// param: the value is the function's parameter, walked for the
	// function's summary (what it does with what its caller owns).
	param bool
	// drainedAtStart: the resource comes from a callee that read its
	// released part to the end before returning it (OwnedResult.Drained).
	drainedAtStart bool
	// dynType: the concrete type of the acquired interface value, when
	// the knowledge table decides it (resource.DynamicType).
	dynType string
	// acqBlock: the block of the acquisition (nil for a parameter's walk).
	acqBlock *ssa.BasicBlock
	// startDec: for a parameter's walk, the branch conditions decided from
	// the entry on (the caller's constant flags, flags.go).
	startDec decisions
	// eofErrs holds the error results of reads of the released part that
	// return the kind's EOFError only at its end (Kind.EOFReads).
	eofErrs map[ssa.Value]bool
	// failedReads holds the error results of reads of a bounded wrapper of
	// the released part whose non-nil error is the part's own failure
	// (Kind.BoundedReaders, Kind.FailedReads).
	failedReads map[ssa.Value]bool
	// replaces holds the stores into the released field of the resource
	// (`resp.Body = zr`), with the field's name: where the stored value
	// does not hold the part that was there, the part is dropped
	// (replaced).
	replaces map[*ssa.Store]string
	// heldVia records, for a local holder (a variable's cell, a local
	// aggregate, a slice the function made), the stores (or setter calls,
	// storesIntoReceiver) that put the resource in it; heldUnknown the
	// holders that came to hold it some other way. A deferred closure over the holder releases only what
	// the holder holds when it runs (deferredCovers).
	heldVia     map[ssa.Value][]ssa.Instruction
	heldUnknown map[ssa.Value]bool
}

func newTracker(e *engine, fn *ssa.Function, kind *resource.Kind) *tracker {
	return &tracker{
		e: e, fn: fn, kind: kind,
		values:       map[ssa.Value]tracked{},
		events:       map[ssa.Instruction]event{},
		nilMeansNone: map[ssa.Value]bool{},
		errOf:        map[ssa.Value]bool{},
		returned:     map[*ssa.Return]returnedAs{},
	}
}

func (t *tracker) add(v ssa.Value, tr tracked) {
	if v != nil && (tr.role == roleContainer || tr.role == roleCell) {
		if t.heldUnknown == nil {
			t.heldUnknown = map[ssa.Value]bool{}
		}
		t.heldUnknown[v] = true
	}
	t.addNew(v, tr)
}

// addVia adds the holder v, which via (a store or a setter call) has
// just put the resource in.
func (t *tracker) addVia(v ssa.Value, tr tracked, via ssa.Instruction) {
	if v == nil {
		return
	}
	if t.heldVia == nil {
		t.heldVia = map[ssa.Value][]ssa.Instruction{}
	}
	if !slices.Contains(t.heldVia[v], via) {
		t.heldVia[v] = append(t.heldVia[v], via)
	}
	t.addNew(v, tr)
}

func (t *tracker) addNew(v ssa.Value, tr tracked) {
	if v == nil {
		return
	}
	if _, ok := t.values[v]; ok {
		return
	}
	t.values[v] = tr
	if tr.role == rolePart || tr.role == roleWhole {
		t.nilMeansNone[v] = true
	}
	t.work = append(t.work, v)
}

func (t *tracker) setEvent(instr ssa.Instruction, ev event) {
	if old, ok := t.events[instr]; ok && old.kind <= ev.kind && old.kind != 0 {
		return // a release or transfer already decided this instruction
	}
	t.events[instr] = ev
}

// addErr records the acquisition's error value and the merges it flows into.
func (t *tracker) addErr(v ssa.Value) {
	if v == nil || t.errOf[v] {
		return
	}
	t.errOf[v] = true
	if refs := v.Referrers(); refs != nil {
		for _, r := range *refs {
			switch r := r.(type) {
			case *ssa.Phi:
				t.addErr(r)
			case *ssa.Call:
				// A guard that takes the error and returns one
				// (`if db.AddError(err) == nil { defer rows.Close() }`,
				// errors.Join, a project's wrap helper): where its result
				// is non-nil the acquisition may have failed, and nothing
				// proves the resource exists there.
				if slices.Contains(r.Call.Args, v) && !errpath.IsNonNil(r) {
					if res := r.Call.Signature().Results(); res.Len() > 0 && isError(res.At(res.Len()-1).Type()) {
						t.addErr(outcomeResult(r))
					}
				}
			case *ssa.Store:
				// err is a variable in memory (a named result captured by
				// a deferred closure, or the enclosing function's variable
				// that a closure assigns): its loads that can only see
				// this store carry the same error.
				if r.Val != v {
					break
				}
				switch addr := r.Addr.(type) {
				case *ssa.Alloc, *ssa.FreeVar:
					for _, ld := range loadsSeeing(addr, r) {
						t.addErr(ld)
					}
				}
			}
		}
	}
}

// loadsSeeing returns the loads of alloc (a local variable's cell, or a
// captured one) that no other store can reach
// after st: in st's block after it, or in blocks st's block dominates with
// no other store to alloc on the dominator path.
func loadsSeeing(alloc ssa.Value, st *ssa.Store) []ssa.Value {
	storesIn := map[*ssa.BasicBlock][]*ssa.Store{}
	var loads []*ssa.UnOp
	for _, r := range *alloc.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr == alloc {
				storesIn[r.Block()] = append(storesIn[r.Block()], r)
			}
		case *ssa.UnOp:
			if r.Op == token.MUL {
				loads = append(loads, r)
			}
		}
	}
	index := func(instr ssa.Instruction) int {
		for i, in := range instr.Block().Instrs {
			if in == instr {
				return i
			}
		}
		return -1
	}
	sb, si := st.Block(), index(st)
	var out []ssa.Value
	for _, ld := range loads {
		lb, li := ld.Block(), index(ld)
		if !sb.Dominates(lb) || lb == sb && li < si {
			continue
		}
		clean := true
		for b := lb; clean; b = b.Idom() {
			for _, other := range storesIn[b] {
				oi := index(other)
				switch {
				case other == st:
				case b == sb && b == lb && oi > si && oi < li,
					b == sb && b != lb && oi > si,
					b == lb && b != sb && oi < li,
					b != sb && b != lb:
					clean = false
				}
			}
			if b == sb {
				break
			}
		}
		if clean {
			out = append(out, ld)
		}
	}
	// A load the store does not dominate still carries its value on every
	// path through the store when no other store can come between them
	// (`f, err = open(...)` retried in a branch, err captured by a
	// deferred closure, then `if err != nil` after the branch): the paths
	// that skip the store do not hold what its acquisition acquired. That
	// holds only where the store follows the value it stores in the same
	// block, so that every path from the acquisition passes it.
	if def, ok := st.Val.(ssa.Instruction); ok && def.Block() == sb {
		for _, ld := range loadsOnlyAfter(alloc, st) {
			if !slices.Contains(out, ssa.Value(ld)) {
				out = append(out, ld)
			}
		}
	}
	return out
}

// loadsOnlyAfter returns the loads of alloc that some path from st reaches
// with no other store to alloc between them and that no path from st
// reaches past another store (st itself again, around a loop, included).
func loadsOnlyAfter(alloc ssa.Value, st *ssa.Store) []ssa.Value {
	// A closure that shares the variable may assign it wherever it is
	// called; one that is only deferred runs after every load here.
	for _, r := range *alloc.Referrers() {
		mc, ok := r.(*ssa.MakeClosure)
		if !ok {
			continue
		}
		for _, u := range *mc.Referrers() {
			if d, ok := u.(*ssa.Defer); !ok || d.Call.Value != mc {
				return nil
			}
		}
	}
	type state struct {
		b     *ssa.BasicBlock
		dirty bool
	}
	clean, dirty := map[*ssa.UnOp]bool{}, map[*ssa.UnOp]bool{}
	seen := map[state]bool{}
	var work []state
	// scan walks instrs of b from start with the given state and queues
	// the successors with the state at the block's end.
	scan := func(b *ssa.BasicBlock, start int, d bool) {
		for _, in := range b.Instrs[start:] {
			switch in := in.(type) {
			case *ssa.Store:
				if in.Addr == alloc {
					d = true
				}
			case *ssa.UnOp:
				if in.Op == token.MUL && in.X == alloc {
					if d {
						dirty[in] = true
					} else {
						clean[in] = true
					}
				}
			}
		}
		for _, succ := range b.Succs {
			if s := (state{succ, d}); !seen[s] {
				seen[s] = true
				work = append(work, s)
			}
		}
	}
	sb := st.Block()
	for i, in := range sb.Instrs {
		if in == st {
			scan(sb, i+1, false)
			break
		}
	}
	for len(work) > 0 {
		s := work[len(work)-1]
		work = work[:len(work)-1]
		scan(s.b, 0, s.dirty)
	}
	var out []ssa.Value
	for _, r := range *alloc.Referrers() {
		if ld, ok := r.(*ssa.UnOp); ok && clean[ld] && !dirty[ld] {
			out = append(out, ld)
		}
	}
	return out
}

// run propagates from the root until no new aliases appear.
func (t *tracker) run() {
	for len(t.work) > 0 {
		v := t.work[len(t.work)-1]
		t.work = t.work[:len(t.work)-1]
		tr := t.values[v]
		refs := v.Referrers()
		if refs == nil {
			continue
		}
		for _, instr := range *refs {
			t.use(v, tr, instr)
		}
	}
}

func (t *tracker) use(v ssa.Value, tr tracked, instr ssa.Instruction) {
	switch u := instr.(type) {
	case *ssa.Phi, *ssa.ChangeType, *ssa.Convert, *ssa.MakeInterface, *ssa.ChangeInterface, *ssa.TypeAssert:
		for c := range ssanav.Copies(u) {
			t.add(c, tr)
		}
	case *ssa.Slice:
		if tr.role == roleContainer {
			t.add(u, tr)
		}
	case *ssa.IndexAddr:
		if _, isSlice := u.X.Type().Underlying().(*types.Slice); isSlice && tr.role == roleContainer && u.X == v && !onlyStoredTo(u) {
			// Reading the collection's elements (a cleanup loop that waits
			// for or closes each one): they are being dealt with.
			t.setEvent(u, event{kind: evTransfer})
		}
	case *ssa.FieldAddr:
		f, embedded := t.field(u.X.Type(), u.Field)
		switch {
		case tr.role == roleContainer && t.holdsRoot(u):
			// A slice field of a local aggregate that collects the
			// resources (w.cmds = append(w.cmds, cmd)): reading it reads
			// the collection.
			for _, r := range *u.Referrers() {
				if ld, ok := r.(*ssa.UnOp); ok && ld.Op == token.MUL {
					t.add(ld, tracked{role: roleContainer})
				}
			}
		case tr.role == roleWhole && t.kind.HasField(f):
			for _, r := range *u.Referrers() {
				if ld, ok := r.(*ssa.UnOp); ok && ld.Op == token.MUL {
					t.add(ld, tracked{role: rolePart, field: f})
				}
				if st, ok := r.(*ssa.Store); ok && st.Addr == u && !t.param {
					if t.replaces == nil {
						t.replaces = map[*ssa.Store]string{}
					}
					t.replaces[st] = f
				}
			}
		case tr.role == roleWhole && embedded:
			// A promoted method (c.Close on *net.UDPConn) is called on the
			// embedded field's address: that is the resource too.
			t.add(u, tr)
			for _, r := range *u.Referrers() {
				if ld, ok := r.(*ssa.UnOp); ok && ld.Op == token.MUL {
					t.add(ld, tr)
				}
			}
		case tr.role == roleContainer && embedded && t.e.hasReleaseMethod(elemOf(u.Type())):
			// A wrapper's release promoted from an embedded field
			// (sconn.Close() on an *ssh.ServerConn, which embeds its
			// Conn) is called on that field's value: releasing it
			// releases the wrapper.
			for _, r := range *u.Referrers() {
				if ld, ok := r.(*ssa.UnOp); ok && ld.Op == token.MUL {
					t.add(ld, tracked{role: roleContainer})
				}
			}
		}
	case *ssa.Field:
		f, embedded := t.field(u.X.Type(), u.Field)
		switch {
		case tr.role == roleWhole && t.kind.HasField(f):
			t.add(u, tracked{role: rolePart, field: f})
		case tr.role == roleWhole && embedded:
			t.add(u, tr)
		case tr.role == roleContainer && embedded && t.e.hasReleaseMethod(u.Type()):
			t.add(u, tracked{role: roleContainer}) // as for FieldAddr
		}
	case *ssa.UnOp:
		switch {
		case u.Op == token.MUL && tr.role == roleCell:
			t.add(u, tracked{role: tr.inner, field: tr.field})
		case u.Op == token.MUL && tr.role == roleContainer:
			t.add(u, tr) // the aggregate's value still holds the resource
		case u.Op == token.MUL && tr.role == roleWhole && t.e.hasReleaseMethod(u.Type()):
			// The struct a pointer resource points to, loaded to call a
			// release method with a value receiver (p.Close() on a
			// *pair whose Close is declared on pair): the copy shares
			// what the struct holds, so it is the resource too.
			t.add(u, tr)
		}
	case *ssa.Select:
		for _, st := range u.States {
			if st.Send == v {
				t.setEvent(u, event{kind: evTransfer})
			}
		}
	case *ssa.Store:
		if u.Val != v {
			return // storing into the cell or the resource: not a flow of v
		}
		t.store(u, tr)
	case *ssa.MapUpdate:
		if u.Value == v || u.Key == v {
			t.setEvent(u, event{kind: evTransfer})
		}
	case *ssa.Send:
		if u.X == v {
			t.setEvent(u, event{kind: evTransfer})
		}
	case *ssa.Return:
		for i, r := range u.Results {
			if r != v || tr.role == roleContainer && returnsConstant(r) {
				continue
			}
			t.setEvent(u, event{kind: evTransfer})
			switch {
			case tr.role == roleWhole && t.releasableAs(t.fn.Signature.Results().At(i).Type()):
				t.returned[u] = returnedAs{index: i, kind: t.kind.ID}
			case tr.role == roleWhole && len(t.kind.UsedBy) > 0 && isInteger(t.fn.Signature.Results().At(i).Type()):
				// A raw descriptor returned as a number (an open helper
				// returning uintptr(fd)): the caller owns it.
				t.returned[u] = returnedAs{index: i, kind: t.kind.ID}
			case tr.role == roleContainer && t.embedsKind(t.fn.Signature.Results().At(i).Type()):
				// A wrapper that embeds the resource's type (a client's
				// Response embedding *http.Response): the caller
				// releases it through the promoted fields, as the
				// resource itself.
				t.returned[u] = returnedAs{index: i, kind: t.kind.ID}
			case tr.role == roleContainer && t.e.hasReleaseMethod(v.Type()):
				// A wrapper that holds the resource and can release it:
				// the caller owns the wrapper.
				t.returned[u] = returnedAs{index: i, kind: closerKind, container: true}
			}
		}
	case *ssa.MakeClosure:
		t.closure(u, v, tr)
	case ssa.CallInstruction:
		t.call(u, v, tr)
	}
}

// replaced reports whether instr stores into the resource's released
// field a value that does not hold the part that was there (a gzip reader
// whose Close does not close the body it reads, a buffer of what was
// read, nil): from there on nothing reachable releases that part. A value
// the walk follows (the part itself, a wrapper built around it, a
// closure that captures it) keeps it.
func (t *tracker) replaced(instr ssa.Instruction) (string, bool) {
	st, ok := instr.(*ssa.Store)
	if !ok {
		return "", false
	}
	f, ok := t.replaces[st]
	if !ok {
		return "", false
	}
	if _, held := t.values[st.Val]; held {
		return "", false
	}
	if t.partKept(st, f) {
		return "", false
	}
	return f, true
}

// partKept reports whether the part in field f, read before the store st
// replaces it, is still used from that read: captured by a closure (a
// deferred cleanup that closes it), or used after the store (handed on,
// asserted to a connection, closed). The part is then dealt with where it
// is used, and the replacement drops nothing.
func (t *tracker) partKept(st *ssa.Store, f string) bool {
	for v, tr := range t.values {
		if tr.role != rolePart || tr.field != f || v == st.Val {
			continue
		}
		ld, ok := v.(*ssa.UnOp)
		if !ok || ld.Block() == nil || !ld.Block().Dominates(st.Block()) {
			continue
		}
		uses := *ld.Referrers()
		for _, r := range *ld.Referrers() {
			// A variable a closure captures holds it in a cell: the
			// cell's uses are the part's.
			if c, ok := r.(*ssa.Store); ok && c.Val == ssa.Value(ld) {
				if cell, ok := c.Addr.(*ssa.Alloc); ok {
					uses = append(uses, *cell.Referrers()...)
				}
			}
		}
		for _, r := range uses {
			if _, ok := r.(*ssa.MakeClosure); ok {
				return true
			}
			if after(st, r) {
				return true
			}
		}
	}
	return false
}

// after reports whether instruction r comes after st on every path that
// reaches it: later in st's block, or in a block st's block dominates.
func after(st *ssa.Store, r ssa.Instruction) bool {
	rb := r.Block()
	if rb == nil {
		return false
	}
	if rb == st.Block() {
		return slices.Index(rb.Instrs, r) > slices.Index(rb.Instrs, ssa.Instruction(st))
	}
	return st.Block().Dominates(rb)
}

// field returns the name of field index of the struct typ (or *typ)
// points to, and whether it is embedded.
func (t *tracker) field(typ types.Type, index int) (string, bool) {
	if p, ok := typ.Underlying().(*types.Pointer); ok {
		typ = p.Elem()
	}
	if s, ok := typ.Underlying().(*types.Struct); ok && index < s.NumFields() {
		return s.Field(index).Name(), s.Field(index).Anonymous()
	}
	return "", false
}

// embedsKind reports whether typ is a struct (or a pointer to one) with
// an embedded field of the kind's type.
func (t *tracker) embedsKind(typ types.Type) bool {
	if t.kind.Type == "" {
		return false
	}
	if p, ok := typ.Underlying().(*types.Pointer); ok {
		typ = p.Elem()
	}
	st, ok := typ.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if f := st.Field(i); f.Anonymous() && types.TypeString(f.Type(), nil) == t.kind.Type {
			return true
		}
	}
	return false
}

// releasableAs reports whether a caller that receives the resource as a
// value of type typ can release it: typ is the kind's type or has one of
// its release methods. A resource converted to a type without one is not
// the caller's to release (pgx's QueryRow returns its rows as a Row,
// whose Scan closes them).
func (t *tracker) releasableAs(typ types.Type) bool {
	if t.kind.Type != "" && types.TypeString(typ, nil) == t.kind.Type {
		return true
	}
	if terms := unionTerms(typ); len(terms) > 0 {
		// A type parameter constrained to a union of types
		// (`T *os.File | *LockedFile`, returned as any(f).(T)): the
		// caller can release it when it can release every term.
		for _, term := range terms {
			if term.Tilde() || !t.releasableAs(term.Type()) {
				return false
			}
		}
		return true
	}
	for _, r := range t.kind.Release {
		obj, _, _ := types.LookupFieldOrMethod(typ, true, nil, r)
		if _, ok := obj.(*types.Func); ok {
			return true
		}
	}
	return false
}

// unionTerms returns the terms of the union that constrains typ, a type
// parameter whose constraint is exactly one union; nil otherwise.
func unionTerms(typ types.Type) []*types.Term {
	tp, ok := types.Unalias(typ).(*types.TypeParam)
	if !ok {
		return nil
	}
	iface, ok := tp.Constraint().Underlying().(*types.Interface)
	if !ok || iface.NumEmbeddeds() != 1 || iface.NumExplicitMethods() != 0 {
		return nil
	}
	u, ok := iface.EmbeddedType(0).(*types.Union)
	if !ok {
		return nil
	}
	terms := make([]*types.Term, u.Len())
	for i := range terms {
		terms[i] = u.Term(i)
	}
	return terms
}

// store handles `*addr = v`.
func (t *tracker) store(s *ssa.Store, tr tracked) {
	if alloc, ok := s.Addr.(*ssa.Alloc); ok && tr.role != roleCell && resultSlot(t.fn, alloc) {
		// A function with deferred calls and unnamed results stores
		// each return's values in slots, runs the deferred calls and
		// returns what it loads back in the same block: that return,
		// and no other, hands back what this store put there.
		for _, ld := range loadsSeeing(alloc, s) {
			t.add(ld, tr)
		}
		return
	}
	if alloc, ok := s.Addr.(*ssa.Alloc); ok && tr.role != roleCell {
		// Assignment to a local variable's cell (captured or address-taken).
		inner := tr.role
		if inner == roleCloser && onlyReadCell(alloc) {
			// `closeConn = func() { c.Close() }; defer closeConn()`: a
			// load that can only see this store calls the closer.
			for _, ld := range loadsSeeing(alloc, s) {
				t.add(ld, tracked{role: roleCloser})
			}
		}
		if inner == roleContainer || inner == roleCloser || inner == roleCapture {
			t.addVia(alloc, tracked{role: roleContainer}, s)
			return
		}
		t.addVia(alloc, tracked{role: roleCell, inner: inner, field: tr.field}, s)
		return
	}
	if sl := madeSliceOf(s.Addr); sl != nil {
		// `conns := make([]net.Conn, n); ...; conns[i] = c`: a slice the
		// function made holds it, followed like a collection that append
		// fills (returned, stored, or dropped on an error path).
		t.addVia(sl, tracked{role: roleContainer}, s)
		t.setEvent(s, event{kind: evContain})
		return
	}
	if base := localBase(s.Addr); base != nil {
		t.addVia(base, tracked{role: roleContainer}, s)
		for _, ld := range sameElementLoads(s) {
			// `c[i] = conn; defer c[i].Close()`: the element read back is
			// the resource stored there.
			t.add(ld, tr)
		}
		for _, ld := range t.e.sameFieldLoads(s) {
			// `db.file = f; ...; db.file.Close()`: the field read back
			// is the resource stored there.
			t.add(ld, tr)
		}
		return
	}
	if cell := cellOfLocalAggregate(s.Addr); cell != nil {
		t.addVia(cell, tracked{role: roleCell, inner: roleContainer}, s)
		for _, ld := range t.e.sameFieldLoads(s) {
			// The same through the variable that holds the struct
			// (captured by the server's handler).
			t.add(ld, tr)
		}
		return
	}
	// A field, element or global that outlives the call now owns it.
	t.setEvent(s, event{kind: evTransfer})
}

// resultSlot reports whether alloc is one of the slots in which fn, a
// function with deferred calls whose results have no names, keeps the
// values of a return statement while the deferred calls run: a local
// that only stores write and whose every load is a result of a return.
// Only the source's return statements write such a slot, each followed
// in its block by the loads its return hands back.
func resultSlot(fn *ssa.Function, alloc *ssa.Alloc) bool {
	if fn.Recover == nil || alloc.Heap || alloc.Comment != "" || namedResults(fn) || alloc.Parent() != fn {
		return false
	}
	for _, r := range *alloc.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != alloc {
				return false
			}
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false
			}
			for _, u := range *r.Referrers() {
				if _, ok := u.(*ssa.Return); !ok {
					return false
				}
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// onlyReadCell reports whether the variable whose cell is alloc is
// assigned only in its own function, by plain stores: its address goes
// nowhere else, and the closures that share it only read it.
func onlyReadCell(alloc *ssa.Alloc) bool {
	for _, r := range *alloc.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != alloc {
				return false
			}
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false
			}
		case *ssa.MakeClosure:
			if !readOnlyCapture(r, alloc) {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// sameElementLoads returns the loads of the element of a local array that
// s stores into, read back with the same index after s: s is the only
// store into the array's elements and the index is computed in a block
// that dominates s, which dominates each load, so the latest run of s
// before a load stored there with the same index.
func sameElementLoads(s *ssa.Store) []ssa.Value {
	ia, ok := s.Addr.(*ssa.IndexAddr)
	if !ok {
		return nil
	}
	arr, ok := ia.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	if ptr, ok := arr.Type().Underlying().(*types.Pointer); !ok {
		return nil
	} else if _, ok := ptr.Elem().Underlying().(*types.Array); !ok {
		return nil
	}
	idx, ok := ia.Index.(ssa.Instruction)
	if !ok || !idx.Block().Dominates(s.Block()) {
		return nil
	}
	var loads []ssa.Value
	for _, r := range *arr.Referrers() {
		switch r := r.(type) {
		case *ssa.IndexAddr:
			if r == ia {
				for _, u := range *r.Referrers() {
					if u != s {
						return nil
					}
				}
				continue
			}
			for _, u := range *r.Referrers() {
				ld, ok := u.(*ssa.UnOp)
				if !ok || ld.Op != token.MUL {
					return nil
				}
				if r.Index == ia.Index && before(s, ld) {
					loads = append(loads, ld)
				}
			}
		case *ssa.MakeClosure:
			if !readOnlyElements(r, arr) {
				return nil
			}
		case *ssa.DebugRef:
		default:
			return nil // the array escapes whole: anything may write it
		}
	}
	return loads
}

// readOnlyElements reports whether the closure mc makes only loads
// elements of the array it captures as arr.
func readOnlyElements(mc *ssa.MakeClosure, arr ssa.Value) bool {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return false
	}
	for i, b := range mc.Bindings {
		if b != arr {
			continue
		}
		for _, r := range *fn.FreeVars[i].Referrers() {
			switch r := r.(type) {
			case *ssa.IndexAddr:
				for _, u := range *r.Referrers() {
					if ld, ok := u.(*ssa.UnOp); !ok || ld.Op != token.MUL {
						return false
					}
				}
			case *ssa.DebugRef:
			default:
				return false
			}
		}
	}
	return true
}

// madeSliceOf returns the slice that addr addresses an element of, when
// the function made it with make: its backing array is new, shared with
// nothing until the slice itself goes somewhere. A length that is a
// constant makes the array a local allocation and the slice a slicing of
// it.
func madeSliceOf(addr ssa.Value) ssa.Value {
	ia, ok := addr.(*ssa.IndexAddr)
	if !ok {
		return nil
	}
	switch x := ia.X.(type) {
	case *ssa.MakeSlice:
		return x
	case *ssa.Slice:
		if madeArray(x) != nil {
			return x
		}
	}
	return nil
}

// madeArray returns the array that make allocated for the slice s, of a
// constant length, or nil.
func madeArray(s *ssa.Slice) *ssa.Alloc {
	a, ok := s.X.(*ssa.Alloc)
	if !ok || a.Comment != "makeslice" || s.Low != nil || s.Max != nil {
		return nil
	}
	if s.High != nil {
		if _, ok := s.High.(*ssa.Const); !ok {
			return nil
		}
	}
	return a
}

// madeLen returns the length the slice v was made with, when the function
// made it: make's length argument, or the constant length of the array
// behind it.
func madeLen(v ssa.Value) (ssa.Value, int64, bool) {
	switch v := v.(type) {
	case *ssa.MakeSlice:
		if c, ok := v.Len.(*ssa.Const); ok && c.Value != nil {
			n, exact := constant.Int64Val(constant.ToInt(c.Value))
			return nil, n, exact
		}
		return v.Len, 0, true
	case *ssa.Slice:
		// make([]T, n) of a constant n is new([n]T)[:n].
		if a := madeArray(v); a != nil {
			if c, ok := v.High.(*ssa.Const); ok && c.Value != nil {
				n, exact := constant.Int64Val(constant.ToInt(c.Value))
				return nil, n, exact
			}
			if arr, ok := a.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Array); ok {
				return nil, arr.Len(), true
			}
		}
	}
	return nil, 0, false
}

// onlyStoredTo reports whether the element address ia is only written
// through (`conns[i] = c`), not read.
func onlyStoredTo(ia *ssa.IndexAddr) bool {
	refs := ia.Referrers()
	if refs == nil || len(*refs) == 0 {
		return false
	}
	for _, r := range *refs {
		if st, ok := r.(*ssa.Store); !ok || st.Addr != ia {
			return false
		}
	}
	return true
}

// localBase returns the local allocation that addr points into through
// field and element selections, or nil.
func localBase(addr ssa.Value) *ssa.Alloc {
	for {
		switch a := addr.(type) {
		case *ssa.FieldAddr:
			addr = a.X
		case *ssa.IndexAddr:
			if _, ok := a.X.Type().Underlying().(*types.Slice); ok {
				// A slice may share its backing array with anything.
				if sl, ok := a.X.(*ssa.Slice); ok {
					addr = sl.X
					continue
				}
				return nil
			}
			addr = a.X
		case *ssa.Alloc:
			return a
		default:
			return nil
		}
	}
}

// holdsRoot reports whether the field that fa addresses is a slice of the
// root's type.
func (t *tracker) holdsRoot(fa *ssa.FieldAddr) bool {
	if t.root == nil {
		return false
	}
	sl, ok := fa.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Slice)
	return ok && types.Identical(sl.Elem(), t.root.Type())
}

// closure handles a function literal or method value that captures v.
func (t *tracker) closure(mc *ssa.MakeClosure, v ssa.Value, tr tracked) {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok || tr.role == roleContainer {
		// A closure over a collection of resources (a deferred cleanup
		// that ranges over it) is trusted to deal with them.
		t.add(mc, tracked{role: roleCapture, keeps: true})
		return
	}
	if strings.HasSuffix(fn.Name(), "$bound") {
		// A method value: x.Close binds x.
		method := strings.TrimSuffix(fn.Name(), "$bound")
		if t.releasesBy(tr, method) {
			t.add(mc, tracked{role: roleCloser})
		} else {
			t.add(mc, tracked{role: roleCapture})
		}
		return
	}
	for i, b := range mc.Bindings {
		if b != v || i >= len(fn.FreeVars) {
			continue
		}
		eff, some := t.e.effectOn(fn, fn.FreeVars[i], t.kind, tr)
		switch {
		case eff.When == Always && eff.Releases, some:
			t.add(mc, tracked{role: roleCloser})
		case eff.When == Always:
			t.add(mc, tracked{role: roleCapture, keeps: true})
		default:
			t.add(mc, tracked{role: roleCapture, drains: t.e.drainsCaptured(fn, fn.FreeVars[i], t.kind, tr)})
		}
		return
	}
}

// releasesBy reports whether calling method on a value tracked as tr
// releases the resource.
func (t *tracker) releasesBy(tr tracked, method string) bool {
	switch tr.role {
	case roleWhole:
		return t.kind.ReleasesVia("", method)
	case rolePart:
		return t.kind.ReleasesVia(tr.field, method)
	case roleContainer:
		return t.e.table.IsReleaseName(method)
	}
	return false
}

// releasesOnFailure records a call of method on a value tracked as tr
// that releases the resource when it fails (rows.Next returning false):
// the duty then rests on the call's outcome. It reports whether it did.
func (t *tracker) releasesOnFailure(instr ssa.CallInstruction, tr tracked, method string) bool {
	var ok bool
	switch tr.role {
	case roleWhole:
		ok = t.kind.ReleasesOnFailureVia("", method)
	case rolePart:
		ok = t.kind.ReleasesOnFailureVia(tr.field, method)
	}
	if !ok {
		return false
	}
	if outcome := outcomeResult(instr); outcome != nil {
		t.setEvent(instr, event{kind: evPendingFailure, err: outcome, owedAtExit: true})
	}
	return true
}

func (t *tracker) call(instr ssa.CallInstruction, v ssa.Value, tr tracked) {
	c := instr.Common()
	_, isGo := instr.(*ssa.Go)

	if c.Value == v {
		// Calling the tracked value itself, or invoking a method on it.
		if c.IsInvoke() {
			if t.releasesBy(tr, c.Method.Name()) {
				t.setEvent(instr, event{kind: evRelease})
			} else if !t.releasesOnFailure(instr, tr, c.Method.Name()) {
				t.readsToEOF(instr, c.Method, tr)
			}
			return
		}
		switch {
		case tr.role == roleCloser:
			t.setEvent(instr, event{kind: evRelease})
		case isGo && (tr.role == roleCapture || tr.role == roleContainer):
			t.setEvent(instr, event{kind: evTransfer}) // the goroutine owns what it captures
		case tr.role == roleCapture && tr.keeps:
			t.setEvent(instr, event{kind: evTransfer})
		case tr.role == roleCapture && tr.drains && !isGo:
			// A function literal in sight that reads the body to its
			// end (deferred: at every return after the defer).
			t.setEvent(instr, event{kind: evDrain})
		}
		return
	}

	callee := c.StaticCallee()
	for i, a := range c.Args {
		if a != v {
			continue
		}
		if isGo {
			if !t.goroutineIgnores(c, callee, i, tr) {
				t.setEvent(instr, event{kind: evTransfer})
			}
			return
		}
		if b, ok := c.Value.(*ssa.Builtin); ok {
			if b.Name() == "append" {
				// A local collection now holds it: the collection is
				// followed like any aggregate (returned, stored, or
				// dropped on an error path).
				if val, ok := instr.(ssa.Value); ok {
					t.add(val, tracked{role: roleContainer})
					t.setEvent(instr, event{kind: evContain})
				}
			}
			continue
		}
		if fn := ssanav.CalleeFunc(c); fn != nil {
			if tr.role == rolePart && slices.Contains(t.kind.DrainFuncs, fn.Origin().FullName()) {
				t.setEvent(instr, event{kind: evDrain})
				continue
			}
			if tr.role == rolePart && slices.Contains(t.kind.BoundedReaders, fn.Origin().FullName()) {
				t.boundedReads(instr)
			}
			if t.readsToEOF(instr, fn, tr) {
				continue
			}
			if slices.Contains(t.kind.ReleaseFuncs, fn.Origin().FullName()) && (tr.role == roleWhole || tr.role == rolePart) {
				t.setEvent(instr, event{kind: evRelease})
				continue
			}
			if t.e.table.IsOwner(fn) {
				t.setEvent(instr, event{kind: evTransfer})
				continue
			}
			if i == 0 && c.Signature().Recv() != nil && t.releasesOnFailure(instr, tr, fn.Name()) {
				continue
			}
		}
		t.argument(instr, c, callee, i, tr)
		if _, decided := t.events[instr]; !decided && callee != nil && t.drainedBy(callee, i, tr) {
			t.setEvent(instr, event{kind: evDrain})
		}
	}
}

// drainedBy reports whether passing a value tracked as tr as argument i
// of callee reads the released part to its end: the callee's summary
// says it drains that parameter.
func (t *tracker) drainedBy(callee *ssa.Function, i int, tr tracked) bool {
	if len(t.kind.DrainFuncs) == 0 || tr.role != rolePart && tr.role != roleWhole {
		return false
	}
	s, _ := t.e.summaryOf(originOf(callee))
	return s.drains(i)
}

// boundedReads records the error results of the FailedReads reads of the
// reader that instr, a call of a BoundedReaders entry on the released
// part, returns (`io.ReadAll(io.LimitReader(resp.Body, n))`).
func (t *tracker) boundedReads(instr ssa.CallInstruction) {
	call, ok := instr.(*ssa.Call)
	if !ok {
		return
	}
	for _, r := range *call.Referrers() {
		rc, ok := r.(*ssa.Call)
		if !ok || rc.Call.IsInvoke() || !slices.Contains(rc.Call.Args, ssa.Value(call)) {
			continue
		}
		fn := ssanav.CalleeFunc(rc.Common())
		if fn == nil || !slices.Contains(t.kind.FailedReads, fn.Origin().FullName()) {
			continue
		}
		if errv := outcomeResult(rc); errv != nil && isError(errv.Type()) {
			if t.failedReads == nil {
				t.failedReads = map[ssa.Value]bool{}
			}
			t.failedReads[errv] = true
		}
	}
}

// readsToEOF records a call of fn, an EOFReads entry of the kind, on the
// released part: where its error equals the kind's EOFError, the part was
// read to its end. It reports whether it did.
func (t *tracker) readsToEOF(instr ssa.CallInstruction, fn *types.Func, tr tracked) bool {
	if fn == nil || tr.role != rolePart || !slices.Contains(t.kind.EOFReads, fn.Origin().FullName()) {
		return false
	}
	call, ok := instr.(*ssa.Call)
	if !ok {
		return false
	}
	if errv := outcomeResult(call); errv != nil && isError(errv.Type()) {
		if t.eofErrs == nil {
			t.eofErrs = map[ssa.Value]bool{}
		}
		t.eofErrs[errv] = true
	}
	return true
}

// argument decides what passing v as argument i of the call does.
func (t *tracker) argument(instr ssa.CallInstruction, c *ssa.CallCommon, callee *ssa.Function, i int, tr tracked) {
	sig := c.Signature()
	isRecv := !c.IsInvoke() && sig.Recv() != nil && i == 0
	var ptype types.Type
	switch {
	case isRecv:
		ptype = sig.Recv().Type()
	default:
		j := i
		if !c.IsInvoke() && sig.Recv() != nil {
			j--
		}
		ptype = paramType(sig, j)
	}

	if isRecv && callee != nil {
		name := callee.Name()
		if callee.Object() != nil {
			name = callee.Object().Name()
		}
		if t.releasesBy(tr, name) {
			t.setEvent(instr, event{kind: evRelease})
			return
		}
		if (tr.role == rolePart || tr.role == roleWhole) && t.e.table.KindOfType(ptype) != nil {
			// Other methods of a resource type (Next, Scan, Read) do not
			// release it, whatever their bodies do with the receiver, unless
			// their summary says they always release it (a closeBody helper
			// method in the resource's own package). An unexported method,
			// only callable in that package, is trusted to keep it too
			// (pgxpool's getPoolRows hands the connection to the rows).
			if s, _ := t.e.summaryOf(originOf(callee)); s != nil {
				switch eff := s.param(0); {
				case eff.When == Always && eff.Releases:
					t.setEvent(instr, event{kind: evRelease})
				case eff.When == Always && callee.Object() != nil && !callee.Object().Exported():
					t.setEvent(instr, event{kind: evTransfer})
				}
			}
			return
		}
	}

	if tr.role == roleCapture && !tr.keeps && callee != nil {
		if fn, _ := callee.Object().(*types.Func); resource.RunsSubtest(fn) {
			// A subtest literal that neither keeps nor releases what it
			// captures: the caller still owes it.
			return
		}
	}
	if tr.role == roleCloser || tr.role == roleCapture || tr.role == roleCell {
		// A function value or a variable's address handed to someone else:
		// they may call it or keep it.
		t.setEvent(instr, event{kind: evTransfer})
		return
	}
	if callee != nil {
		if fn, _ := callee.Object().(*types.Func); mention.Only(fn, ptype) {
			if mention.Carries(fn) {
				// reflect.ValueOf(file): the Value holds the resource,
				// and hands it over where it is handed on.
				t.resultsMayHold(instr)
			}
			return // printed, logged or formatted: mentioned, not released
		}
	}
	if tr.role == roleContainer && isRecv && mention.Carrier(ptype) {
		// A method of the carrier (v.Kind(), v.Elem(), v.Interface()):
		// it looks at the resource, or gives it back in what it returns.
		t.resultsMayHold(instr)
		return
	}
	if len(t.kind.UsedBy) > 0 && (tr.role == roleWhole || tr.role == rolePart) {
		t.untypedArgument(instr, c, callee, i)
		return
	}
	if tr.role == roleContainer && isRecv && callee != nil && t.e.hasReleaseMethod(ptype) {
		// A method of the wrapper itself (tlsConn.Handshake): the wrapper
		// stays here unless the method's summary says otherwise.
		if s, _ := t.e.summaryOf(originOf(callee)); s != nil {
			if eff := s.param(0); eff.When == Always {
				t.setEvent(instr, event{kind: map[bool]eventKind{true: evRelease, false: evTransfer}[eff.Releases]})
				return
			}
		}
		// A method that builds something around the wrapper
		// (ln.newLocalServer()): what it returns may hold the resource,
		// but only where it succeeds ((&Transport{Conn: c}).Listen()
		// leaves the connection to its caller when it fails).
		if t.handsOutOtherResource(instr) {
			return
		}
		t.resultsMayHold(instr)
		if outcome := outcomeResult(instr); outcome != nil {
			t.setEvent(instr, event{kind: evPendingSuccess, err: outcome})
		}
		return
	}
	if tr.role == roleContainer && callee == nil && t.lendsCollection(c, i) {
		t.setEvent(instr, event{kind: evLend})
		return
	}
	if tr.role == roleContainer {
		if callee != nil {
			switch l := t.e.lentTo(originOf(callee), i); {
			case l.keeps:
				// Kept, perhaps in what the call returns (a constructor
				// given a struct value that holds the resource,
				// `wrap(pipeConn{cmd, r, w})`): its results may hold
				// it, for a resource acquired after the call
				// (cmd.Start() once the command is wrapped).
				t.resultsMayHold(instr)
			case l.releases:
				// A function of this package that releases what the
				// aggregate holds (ls.teardown()).
				t.setEvent(instr, event{kind: evRelease})
				return
			default:
				// Lent to a function of this package that keeps nothing
				// of it (handshake(c)): it stays here, and is dropped
				// with it if this path drops it.
				return
			}
		}
		t.setEvent(instr, event{kind: evTransfer})
		return
	}
	if callee == nil {
		// An interface method or a function value: nothing is known of what
		// it does with an interface-typed argument (a test hook that starts
		// a profile keeps its writer), or with one of a type it can release
		// (a cache behind an interface that takes a reference-counted file).
		if t.e.closable(ptype) || isTypeParam(ptype) || isInterface(ptype) || t.e.hasReleaseMethod(ptype) {
			t.setEvent(instr, event{kind: evTransfer})
		}
		return
	}
	origin := originOf(callee)
	declType := ptype
	if params := origin.Signature; params != nil {
		if isRecv {
			declType = params.Recv().Type()
		} else {
			j := i
			if params.Recv() != nil && !c.IsInvoke() {
				j--
			}
			declType = paramType(params, j)
		}
	}
	if !t.e.closable(declType) {
		if isInterface(declType) && !isEmptyInterface(declType) && (t.e.seenToKeep(origin, i) || t.e.keptGlobally(origin, i)) {
			// A setter of this package that stores the value behind an
			// interface without a release method (p.SetInput(f) taking an
			// io.Reader): the holder now owns it. So does a setter of
			// another package that keeps it in a package-level variable
			// (logrus.SetOutput(f)).
			t.setEvent(instr, event{kind: evTransfer})
			return
		}
		if isEmptyInterface(declType) || isTypeParam(declType) {
			// The callee cannot be summarised for this parameter (it could
			// keep the value in a container of its own): trust it.
			t.setEvent(instr, event{kind: evTransfer})
			return
		}
		if !t.e.hasReleaseMethod(declType) {
			return
		}
		// A wrapper handed to a function of its own kind of code
		// (ls.teardown(), closeSession(s), sendRPC(conn) releasing it
		// when it fails, newPipeline(conn) keeping it): its summary
		// decides, as for a table type below; without one it is a use.
		if s, _ := t.e.summaryOf(origin); s.param(i).When == Never {
			return
		}
	}

	if _, isDefer := instr.(*ssa.Defer); isDefer && callee.Parent() == t.fn && !isRecv && i < len(callee.Params) {
		// A deferred function literal given the resource as an argument
		// (`defer func(c net.Conn) { if err != nil { c.Close() } }(conn)`)
		// is trusted as a captured one is: it releases on the paths it
		// chooses, typically those that return an error.
		if eff, some := t.e.effectOn(callee, callee.Params[i], t.kind, tr); eff.When == Always && eff.Releases || some {
			t.setEvent(instr, event{kind: evRelease})
			return
		}
	}
	sum, known := t.e.summaryOf(origin)
	if !known {
		t.setEvent(instr, event{kind: evTransfer})
		return
	}
	eff := sum.param(i)
	if fe, ok := t.e.flaggedEffect(origin, c, i); ok {
		eff = fe
	}
	wrapped := false
	if !eff.Releases && (eff.When == Always || eff.When == OnSuccess) {
		// A constructor that keeps the resource inside the wrapper it
		// returns: the wrapper now holds it, and whoever gets the wrapper
		// owns both.
		if w := wrapperResult(instr, t.e); w != nil {
			t.add(w, tracked{role: roleContainer})
			wrapped = true
			if eff.When == Always {
				// Kept or released on every path: where no wrapper
				// comes back (`if pc := wrap(c); pc == nil`), the
				// callee has released it.
				t.nilMeansNone[w] = true
				if eff.NotOnFailure {
					// Where the call fails, the callee has released
					// the resource: its error marks the path as one
					// with nothing to release.
					if errv := outcomeResult(instr); errv != nil && isError(errv.Type()) {
						t.addErr(errv)
					}
				}
				return
			}
		}
	}
	if !eff.Releases && eff.When == Always && !isRecv && !c.IsInvoke() && sig.Recv() != nil && len(c.Args) > 0 {
		if base, ok := c.Args[0].(*ssa.Alloc); ok && callee.Pkg == t.e.pkg && storesIntoReceiver(origin, i) {
			// A setter of this package that stores the resource in a
			// field of its receiver, a value this function allocated
			// (`w := &WL{}; w.setSegment(seg)`): the receiver holds it
			// as after `w.segment = seg`, and is followed as a local
			// holder (returned, stored, or dropped on an error path).
			t.addVia(base, tracked{role: roleContainer}, instr)
			return
		}
	}
	switch eff.When {
	case Always:
		if eff.Releases {
			t.setEvent(instr, event{kind: evRelease})
		} else {
			t.setEvent(instr, event{kind: evTransfer})
		}
	case OnSuccess, OnFailure:
		errv := outcomeResult(instr)
		if errv == nil {
			t.setEvent(instr, event{kind: evTransfer})
			return
		}
		k := evPendingSuccess
		if eff.When == OnFailure {
			k = evPendingFailure
		}
		t.setEvent(instr, event{kind: k, err: errv, wrapped: wrapped && eff.When == OnSuccess, releases: eff.Releases})
	}
}

func paramType(sig *types.Signature, j int) types.Type {
	n := sig.Params().Len()
	if j < 0 || n == 0 {
		return nil
	}
	if j >= n {
		j = n - 1
	}
	pt := sig.Params().At(j).Type()
	return pt
}

// outcomeResult returns the value of the call's last result when it
// reports success or failure (an error, or a bool), or nil.
func outcomeResult(instr ssa.CallInstruction) ssa.Value {
	call, ok := instr.(*ssa.Call)
	if !ok {
		return nil
	}
	res := call.Common().Signature().Results()
	if res.Len() == 0 || !isOutcome(res.At(res.Len()-1).Type()) {
		return nil
	}
	if res.Len() == 1 {
		return call
	}
	for _, r := range *call.Referrers() {
		if ex, ok := r.(*ssa.Extract); ok && ex.Index == res.Len()-1 {
			return ex
		}
	}
	return nil
}

// isOutcome reports whether a last result of type t says whether the
// call succeeded: an error (nil is success) or a bool (true is success).
func isOutcome(t types.Type) bool {
	if isError(t) || isErrorPointer(t) {
		return true
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// isErrorPointer reports whether t is a pointer to a named type that
// implements error (*ErrorDetail): a function's last result of such a
// type reports failure as an error does, nil for success.
func isErrorPointer(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	if _, named := types.Unalias(p.Elem()).(*types.Named); !named {
		return false
	}
	return types.Implements(t, types.Universe.Lookup("error").Type().Underlying().(*types.Interface))
}

func isEmptyInterface(t types.Type) bool {
	if t == nil {
		return false
	}
	if s, ok := t.(*types.Slice); ok {
		t = s.Elem() // ...any
	}
	i, ok := t.Underlying().(*types.Interface)
	return ok && i.NumMethods() == 0
}

func isInterface(t types.Type) bool {
	if t == nil {
		return false
	}
	if s, ok := t.(*types.Slice); ok {
		t = s.Elem()
	}
	return types.IsInterface(t)
}

func isTypeParam(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.TypeParam)
	return ok
}

// originOf returns the generic function fn instantiates, or fn.
func originOf(fn *ssa.Function) *ssa.Function {
	if o := fn.Origin(); o != nil {
		return o
	}
	return fn
}

// resultsMayHold tracks the results of a call that received a local
// aggregate holding the resource, when their types can hold it (pointers,
// structs, interfaces), as aggregates holding it too.
func (t *tracker) resultsMayHold(instr ssa.CallInstruction) {
	call, ok := instr.(*ssa.Call)
	if !ok {
		return
	}
	res := call.Common().Signature().Results()
	canHold := func(typ types.Type) bool {
		if isError(typ) {
			return false
		}
		switch typ.Underlying().(type) {
		case *types.Pointer, *types.Struct, *types.Interface:
			return true
		}
		return false
	}
	if res.Len() == 1 {
		if canHold(res.At(0).Type()) {
			t.add(call, tracked{role: roleContainer})
		}
		return
	}
	for _, r := range *call.Referrers() {
		if ex, ok := r.(*ssa.Extract); ok && canHold(res.At(ex.Index).Type()) {
			t.add(ex, tracked{role: roleContainer})
		}
	}
}

// wrapperResult returns the call's first result when its type can release
// what it holds (it has a Close-like method), or nil.
func wrapperResult(instr ssa.CallInstruction, e *engine) ssa.Value {
	call, ok := instr.(*ssa.Call)
	if !ok {
		return nil
	}
	res := call.Common().Signature().Results()
	if res.Len() == 0 || !e.hasReleaseMethod(res.At(0).Type()) {
		return nil
	}
	if res.Len() == 1 {
		return call
	}
	for _, r := range *call.Referrers() {
		if ex, ok := r.(*ssa.Extract); ok && ex.Index == 0 {
			return ex
		}
	}
	return nil
}

// goroutineIgnores reports whether `go f(..., v, ...)` starts a function
// that is known to neither release nor keep v: the goroutine does not take
// ownership, so the duty stays here (`go s.handle(conn)` where handle
// never closes conn).
func (t *tracker) goroutineIgnores(c *ssa.CallCommon, callee *ssa.Function, i int, tr tracked) bool {
	if callee == nil || c.IsInvoke() || callee.Synthetic != "" || (tr.role != roleWhole && tr.role != rolePart) {
		return false
	}
	origin := originOf(callee)
	var decl types.Type
	if sig := origin.Signature; sig.Recv() != nil {
		if i == 0 {
			decl = sig.Recv().Type()
		} else {
			decl = paramType(sig, i-1)
		}
	} else {
		decl = paramType(sig, i)
	}
	if !t.e.closable(decl) {
		return false
	}
	if origin.Pkg != t.e.pkg {
		return false // no body here to be sure of
	}
	sum, known := t.e.summaryOf(origin)
	return known && sum.param(i).When == Never
}

// elemOf gives the type a pointer type points to (t itself otherwise).
func elemOf(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}
