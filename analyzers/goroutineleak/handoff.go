package goroutineleak

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// handoff checks goroutines that send results on channels their parent
// made and receives from: the single-result hand-off, the producer whose
// consumer may stop early, and several goroutines (started in a loop, or
// by several go statements) that all send to one channel. A goroutine
// leaks on any path on which the parent returns having received fewer
// values than the goroutines send, beyond what the buffer holds.
//
// Only channels whose every use is known qualify: made in the parent,
// received from only there, sent on only by the parent's goroutines, and
// never reaching code the model cannot see. Several goroutines sending on
// one channel are reported once, at the first go statement.
func (m *model) handoff(g *ssa.Go) *finding {
	self := m.starterOf(g)
	if self == nil {
		return nil
	}
	starters := m.startersIn(g.Parent())
	if f := m.handoffIn(g, self, starters, g.Parent(), g); f != nil {
		return f
	}
	// The goroutines may be started by a function the parent calls with
	// its channel, the receives left to the parent.
	if site := m.spawnSite(g.Parent()); site != nil {
		if f := m.handoffIn(g, self, starters, site.Parent(), site); f != nil {
			return f
		}
	}
	// The function that starts the goroutines may make their channels
	// and hand them back to each of its callers, which receive
	// ("events, errs := c.startReadLoop(r); for { select { case err :=
	// <-errs: ... case <-ctx.Done(): return } }"): every call makes new
	// channels, so each caller is a parent of its own.
	for _, site := range m.helperSites(g.Parent()) {
		m.maker = g.Parent()
		f := m.handoffIn(g, self, starters, site.Parent(), site)
		m.maker = nil
		if f != nil {
			// The leak is this caller's: it is reported at its call
			// (handoffIn words it so), where the other callers'
			// findings would differ.
			f.pos = site.Pos()
			return f
		}
	}
	return nil
}

// helperSites returns the calls of maker, a function of the package that
// starts goroutines and returns channels it makes, when each is the one
// call of maker in its function, by a plain call outside any loop: each
// call's function is the parent of the goroutines that call starts. Code
// the model cannot see may call maker too (it is exported, or used as a
// value): each of its calls makes channels of its own, which its caller
// receives from, not this one.
func (m *model) helperSites(maker *ssa.Function) []*ssa.Call {
	if maker.Parent() != nil || len(m.flow.callSites[maker]) == 0 || !m.returnsMadeChan(maker) {
		return nil
	}
	var sites []*ssa.Call
	seen := make(map[*ssa.Function]bool)
	for _, cs := range m.flow.callSites[maker] {
		site, ok := cs.(*ssa.Call)
		if !ok || site.Parent() == maker || seen[site.Parent()] || !m.instrReached(site) || inCycle(site.Block()) {
			return nil
		}
		seen[site.Parent()] = true
		sites = append(sites, site)
	}
	return sites
}

// returnsMadeChan reports whether fn returns a channel it makes.
func (m *model) returnsMadeChan(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		for _, r := range ret.Results {
			if madeChan(r) {
				return true
			}
		}
	}
	return false
}

// madeChan reports whether v is a channel made by make, directly or read
// from the variable (captured by a function literal) it was stored in once.
func madeChan(v ssa.Value) bool {
	if ct, ok := v.(*ssa.ChangeType); ok {
		v = ct.X // a direction added (chan T to <-chan T)
	}
	if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
		cell, ok := ld.X.(*ssa.Alloc)
		if !ok {
			return false
		}
		var stored ssa.Value
		for _, r := range *cell.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == cell {
				if stored != nil {
					return false
				}
				stored = st.Val
			}
		}
		v = stored
	}
	_, ok := v.(*ssa.MakeChan)
	return ok
}

// madeForCall reports whether mk is a function of the package that makes
// a channel and returns it, called only by parent, once per run of it (by
// a plain call outside any loop): each run of the parent gets a channel
// of its own, as if it made it ("done, run := job(); go run()").
func (m *model) madeForCall(mk, parent *ssa.Function) bool {
	if m.open[mk] || mk == parent || len(m.flow.callSites[mk]) != 1 || !m.returnsMadeChan(mk) || hasGoStmt(mk) {
		return false
	}
	site, ok := m.flow.callSites[mk][0].(*ssa.Call)
	return ok && site.Parent() == parent && m.instrReached(site) && !inCycle(site.Block())
}

// hasGoStmt reports whether fn has a go statement.
func hasGoStmt(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if _, ok := in.(*ssa.Go); ok {
				return true
			}
		}
	}
	return false
}

// valueCallee returns the function a go statement runs through a
// function value (`go run()`), when every value of the value's class is
// that one function or literals of it, and nothing the model does not see
// can supply another; nil otherwise.
func (m *model) valueCallee(g *ssa.Go) *ssa.Function {
	v := g.Call.Value
	if g.Call.IsInvoke() || g.Call.StaticCallee() != nil || !tracked(v.Type()) {
		return nil
	}
	class := m.flow.classOf(v)
	if class < 0 || m.flow.info[class].extSrc {
		return nil
	}
	var fn *ssa.Function
	for member, id := range m.flow.ids {
		if m.flow.find(id) != class {
			continue
		}
		var f *ssa.Function
		switch member := member.(type) {
		case *ssa.MakeClosure:
			f = member.Fn.(*ssa.Function)
		case *ssa.Function:
			f = member
		case *ssa.Const:
			return nil
		default:
			continue
		}
		if fn != nil && f != fn {
			return nil
		}
		fn = f
	}
	if !m.known[fn] {
		return nil
	}
	return fn
}

// otherCaller reports whether fn is a function that calls m.maker, other
// than parent: its receives are on the channels of its own call.
func (m *model) otherCaller(fn, parent *ssa.Function) bool {
	if m.maker == nil || fn == parent {
		return false
	}
	for _, cs := range m.flow.callSites[m.maker] {
		if cs.Parent() == fn {
			return true
		}
	}
	return false
}

// startersIn returns the go statements of fn that run, as starters.
func (m *model) startersIn(fn *ssa.Function) []*starter {
	var starters []*starter
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if other, ok := in.(*ssa.Go); ok && m.instrReached(other) {
				if st := m.starterOf(other); st != nil {
					starters = append(starters, st)
				}
			}
		}
	}
	return starters
}

// spawnSite returns the one call of spawner, a function of the package
// that starts goroutines, when the goroutines' channels may come from its
// caller: spawner is called from nowhere else, by a plain call outside
// any loop of another function, and nothing else can call it. Its caller
// is then the parent whose paths decide whether the goroutines can
// deliver ("startAll(ids, errc); for range ids { if err := <-errc ...
// return err }").
func (m *model) spawnSite(spawner *ssa.Function) *ssa.Call {
	if m.open[spawner] || spawner.Parent() != nil || len(m.flow.callSites[spawner]) != 1 {
		return nil
	}
	site, ok := m.flow.callSites[spawner][0].(*ssa.Call)
	if !ok || site.Parent() == spawner || !m.instrReached(site) || inCycle(site.Block()) {
		return nil
	}
	return site
}

// handoffIn judges g's goroutine, one of starters, against the parent
// that made its channels, walking the parent's paths from from: the go
// statement itself, or the call of the function that starts the
// goroutines. The loops of the function holding the go statements tell
// how many goroutines run.
func (m *model) handoffIn(g *ssa.Go, self *starter, starters []*starter, parent *ssa.Function, from ssa.Instruction) *finding {
	spawned := parent != g.Parent()
	inReach := make(map[*ssa.Function]bool)
	startedAt := make(map[ssa.Instruction]bool)
	for _, st := range starters {
		startedAt[st.g] = true
		for _, f := range st.reach {
			inReach[f] = true
		}
	}
	if inReach[parent] {
		return nil
	}
	group := make(map[int32]bool)
	firstSend := make(map[int32]*op)
	self.eachSend(m, func(o *op) {
		if group[o.class] || m.pureHandoff(o.class, parent, inReach, startedAt) {
			group[o.class] = true
			if prev := firstSend[o.class]; prev == nil || o.instr.Pos() < prev.instr.Pos() {
				firstSend[o.class] = o
			}
		}
	})
	loops := loopsOf(parent)
	startLoops := loops
	if spawned {
		startLoops = loopsOf(g.Parent())
	}
	if len(group) > 1 {
		// A buffered channel that holds every send made on it never
		// blocks a sender (errc := make(chan error, 1) beside the
		// results): it is not part of the hand-off.
		for class := range group {
			n, _ := m.flow.capacity(m.flow.info[class].makes[0], m.open)
			if n > 0 && sendsAtMost(starters, class, startLoops) <= n {
				delete(group, class)
			}
		}
	}
	if len(group) == 0 {
		return nil
	}
	var makes []*ssa.MakeChan
	capacity := int64(0)
	for class := range group {
		mk := m.flow.info[class].makes[0]
		makes = append(makes, mk)
		n, _ := m.flow.capacity(mk, m.open)
		if len(group) > 1 && n != 0 {
			return nil
		}
		capacity = n
	}
	sort.Slice(makes, func(i, j int) bool { return makes[i].Pos() < makes[j].Pos() })

	// Which of the parent's goroutines send on the group, how often.
	var involved []*starter
	for _, st := range starters {
		sends := false
		st.eachSend(m, func(o *op) { sends = sends || group[o.class] })
		if sends {
			involved = append(involved, st)
		}
	}
	// Goroutines started on exclusive branches (if/else) never run
	// together: each is then judged alone.
	for i := range involved {
		for j := i + 1; j < len(involved); j++ {
			a, b := involved[i].g.Block(), involved[j].g.Block()
			if !a.Dominates(b) && !b.Dominates(a) {
				involved = []*starter{self}
			}
		}
	}
	if len(involved) == 0 || involved[0].g != g {
		return nil
	}
	var total int64
	var sum int64
	many := len(involved) > 1
	for _, st := range involved {
		prof := st.profile(group)
		if prof.sum == 0 {
			continue
		}
		instances := int64(1)
		for _, l := range startLoops {
			if !l.body[st.g.Block()] {
				continue
			}
			outside := true
			for _, mk := range makes {
				if l.body[mk.Block()] {
					outside = false
				}
			}
			if outside {
				instances = satMul(instances, trips(l, m.fixedLen))
			}
		}
		if instances > 1 {
			many = true
			if capacity != 0 {
				return nil
			}
		}
		if many && !prof.must && prof.bound <= 1 && !prof.ownErrors {
			// Goroutines that may not send ("only the last one
			// reports") cannot be counted against the receives; a
			// producer sending on every iteration of a loop still can,
			// and so can goroutines that each send unless their own
			// call fails.
			return nil
		}
		total = satAdd(total, satMul(max(prof.bound, 1), instances))
		sum = satAdd(sum, satMul(prof.sum, instances))
	}
	if total == 0 {
		return nil
	}
	if !many && !involved[0].profile(group).must && m.recvsOnlyFail(parent, group) {
		// A test that fails whenever it receives from the goroutine, and
		// passes by leaving another way (a timeout, its context, a stop
		// channel), asserts that the goroutine does not send; the
		// goroutine has a way to end without sending, and a passing run
		// is one that took it.
		return nil
	}
	// A class the counted-receive rule may count: a pure hand-off of this
	// parent's goroutines that nothing closes, with its sends bounded.
	sendBound := func(class int32) (int64, bool) {
		if !m.pureHandoff(class, parent, inReach, startedAt) {
			return 0, false
		}
		for _, o := range m.flow.info[class].ops {
			if o.kind == opClose {
				return 0, false
			}
		}
		n := sendsAtMost(starters, class, startLoops)
		return n, n != unbounded
	}
	var consumer *ssa.Function
	for class := range group {
		d := m.consumerOf(class, parent, inReach)
		if d != nil && consumer != nil && d != consumer {
			return nil
		}
		if d != nil {
			consumer = d
		}
	}
	// A goroutine alone on the group that signals it is past its last
	// send: receiving the signal leaves nothing to receive.
	var signals map[int32]bool
	if !many && (!spawned || m.maker != nil) {
		signals = m.finishSignals(g, parent, starters, group, loops)
	}
	ex := m.parentExit(from, group, signals, makes, loops, total, capacity, sendBound, consumer)
	if ex == nil {
		return nil
	}

	var names []string
	var classes []int32
	for class := range group {
		classes = append(classes, class)
	}
	sort.Slice(classes, func(i, j int) bool { return firstSend[classes[i]].instr.Pos() < firstSend[classes[j]].instr.Pos() })
	for _, class := range classes {
		names = append(names, m.chanName(firstSend[class]))
	}
	name := strings.Join(names, " or ")
	at := m.line(g.Pos(), ex.pos)
	caller := "the caller"
	goroutine, who := "goroutine", "goroutines started here"
	switch {
	case m.maker != nil:
		// Reported at from, the call of the helper that starts the
		// goroutines on channels it makes (handoff).
		started := fmt.Sprintf("started by %s at %s", funcName(g.Parent()), m.line(from.Pos(), g.Pos()))
		caller = "this caller"
		goroutine, who = "goroutine "+started, "goroutines "+started
	case spawned:
		caller = fmt.Sprintf("the caller of %s at %s", funcName(g.Parent()), m.line(g.Pos(), from.Pos()))
	}
	f := &finding{pos: g.Pos(), related: ex.pos, category: catHandoff}
	switch {
	case many:
		f.category = catFanout
		if len(involved) > 1 {
			var lines []string
			for _, st := range involved[1:] {
				lines = append(lines, m.line(g.Pos(), st.g.Pos()))
			}
			who += " and at " + strings.Join(lines, " and ")
		}
		f.message = fmt.Sprintf("%s block forever sending on %s: %s can return at %s before receiving from all of them", who, name, caller, at)
		f.relatedText = "the caller returns here"
	case ex.remake && ex.count > 0:
		f.message = fmt.Sprintf("%s blocks forever sending on %s: %s can stop receiving and make a new channel at %s", goroutine, name, caller, at)
		f.relatedText = "the caller moves on here"
	case ex.remake:
		f.message = fmt.Sprintf("%s blocks forever sending on %s: %s can make a new channel at %s without receiving", goroutine, name, caller, at)
		f.relatedText = "the caller moves on here"
	case ex.count > 0:
		f.message = fmt.Sprintf("%s blocks forever sending on %s: %s can stop receiving and return at %s", goroutine, name, caller, at)
		f.relatedText = "the caller returns here"
	default:
		f.message = fmt.Sprintf("%s blocks forever sending on %s: %s can return at %s without receiving", goroutine, name, caller, at)
		f.relatedText = "the caller returns here"
	}
	if !many && sum == 1 && capacity == 0 {
		f.fix = m.bufferFix(makes)
	}
	return f
}

// sendsAtMost bounds the sends the parent's goroutines make on one class
// of channels, all runs together: unbounded when one of them sends in a
// loop or is started in one.
func sendsAtMost(starters []*starter, class int32, loops []*loop) int64 {
	var total int64
	for _, st := range starters {
		p := st.profile(map[int32]bool{class: true})
		if p.sum == 0 {
			continue
		}
		for _, l := range loops {
			if l.body[st.g.Block()] {
				return unbounded
			}
		}
		total = satAdd(total, p.sum)
	}
	return total
}

// starter is one go statement of a parent and what its goroutine runs:
// the functions it reaches in this package, or another package's function
// whose summary stands as operations at the go statement.
type starter struct {
	g       *ssa.Go
	reach   []*ssa.Function
	profile func(group map[int32]bool) sendProfile
}

func (m *model) starterOf(g *ssa.Go) *starter {
	callee := g.Call.StaticCallee()
	if callee == nil {
		callee = m.valueCallee(g)
	}
	// A summary's sends sit at the go statement itself.
	atStart := func(group map[int32]bool) sendProfile {
		var prof sendProfile
		own := true
		for _, o := range m.opsOf[g] {
			if o.kind == opSend && o.virtual && group[o.class] {
				prof.sum = satAdd(prof.sum, o.count)
				prof.bound = max(prof.bound, o.count)
				prof.must = prof.must || o.must
				own = own && (o.must || o.ownErrors)
			}
		}
		prof.ownErrors = own && !prof.must && prof.sum > 0
		return prof
	}
	if m.known[callee] {
		memo := make(map[*ssa.Function]*sendProfile)
		return &starter{g: g, reach: m.reachFrom(callee), profile: func(group map[int32]bool) sendProfile {
			clear(memo)
			prof := m.profile(callee, group, memo)
			if v := atStart(group); v.sum > 0 {
				own := (prof.sum == 0 || prof.must || prof.ownErrors) && (v.must || v.ownErrors)
				prof.sum = satAdd(prof.sum, v.sum)
				prof.bound = max(prof.bound, v.bound)
				prof.must = prof.must || v.must
				prof.ownErrors = own && !prof.must
			}
			return prof
		}}
	}
	fact := m.importFact(callee)
	if fact == nil || fact.NeverEnds != "" {
		return nil
	}
	return &starter{g: g, profile: atStart}
}

// eachSend calls f with every blocking send the goroutine performs.
func (st *starter) eachSend(m *model, f func(*op)) {
	for _, fn := range st.reach {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				if _, isGo := in.(*ssa.Go); isGo {
					continue // another goroutine's
				}
				for _, o := range m.opsOf[in] {
					if o.kind == opSend && m.bareSend(o) {
						f(o)
					}
				}
			}
		}
	}
	for _, o := range m.opsOf[st.g] {
		if o.kind == opSend && o.virtual {
			f(o)
		}
	}
}

// sendProfile describes a goroutine's blocking sends on a group of
// channels.
type sendProfile struct {
	// sum bounds the sends along one run from above (unbounded when a send
	// sits in a loop): a buffer of one fixes a hand-off only when it is 1.
	sum int64
	// bound is a number of sends a run can surely reach: the largest count
	// of one send that runs on every iteration of its loops (a counted
	// loop's trips, otherwise unbounded). Sends under conditions count
	// once, so a "send only the first time" flag is never taken for many.
	bound int64
	// must: every run that returns sends at least once.
	must bool
	// ownErrors: a run that returns without sending was decided only by
	// nil tests of errors the goroutine's own calls returned ("if err !=
	// nil { return }; ch <- r"), outside any loop: each goroutine sends
	// unless its own work fails, whatever the others do. A counter, a
	// flag or a parameter deciding the send ("only the last one reports")
	// leaves it false.
	ownErrors bool
}

// bareSend reports whether o blocks until a receiver comes: a send
// statement, or a select whose other cases can never fire.
func (m *model) bareSend(o *op) bool {
	if o.virtual {
		return true
	}
	sel, ok := o.instr.(*ssa.Select)
	if !ok {
		return true
	}
	if !sel.Blocking {
		return false
	}
	for _, other := range m.opsOf[sel] {
		if other != o && !m.stuck[other] {
			return false
		}
	}
	return true
}

// pureHandoff reports whether every use of the class is accounted for: one
// make in the parent, receives only in the parent, sends only in the
// parent's goroutines, no close in the parent, and no member reaching
// unseen code. Operations that another package's summary contributes sit
// at go statements (startedAt); elsewhere they disqualify.
func (m *model) pureHandoff(class int32, parent *ssa.Function, inReach map[*ssa.Function]bool, startedAt map[ssa.Instruction]bool) bool {
	c := m.flow.info[class]
	if c.extSrc || c.isDone || len(c.makes) != 1 {
		return false
	}
	mk := c.makes[0].Parent()
	// A channel the maker returns to code the model cannot see, and
	// nothing else: that code's calls make channels of their own.
	ownCall := c.retOnly && m.maker != nil && mk == m.maker
	if (c.escSend || c.escRecv) && !ownCall {
		return false
	}
	if mk != parent && (m.maker == nil || mk != m.maker) && !m.madeForCall(mk, parent) {
		return false
	}
	if _, ok := m.flow.capacity(c.makes[0], m.open); !ok {
		return false
	}
	for _, o := range c.ops {
		if o.virtual {
			if o.kind == opRecv || !startedAt[o.instr] && !inReach[o.instr.Parent()] {
				return false
			}
			if m.maker != nil {
				// A goroutine function that other go statements run
				// too is seen through its summary, which cannot tell
				// its last send (finishSignals): a caller that
				// receives until that send would look like one that
				// stops early.
				return false
			}
			continue
		}
		fn := o.instr.Parent()
		switch o.kind {
		case opSend:
			if !inReach[fn] {
				return false
			}
		case opRecv:
			if fn != parent && fn != m.consumerOf(class, parent, inReach) && !m.otherCaller(fn, parent) {
				return false
			}
		case opClose:
			if fn == parent || fn == m.consumerOf(class, parent, inReach) {
				return false
			}
		}
	}
	return true
}

// consumerOf returns the function of the package to which the parent
// hands the class's channel to receive from it, or nil: every receive on
// the class is in that one function, which is not run by the parent's
// goroutines, has no other caller, and which the parent calls once,
// passing the channel ("go produce(ch); return combine(ch)"). The parent
// itself does not receive: one that drains what the consumer left would
// release the senders.
func (m *model) consumerOf(class int32, parent *ssa.Function, inReach map[*ssa.Function]bool) *ssa.Function {
	var d *ssa.Function
	for _, o := range m.flow.info[class].ops {
		if o.kind != opRecv || o.virtual {
			continue
		}
		fn := o.instr.Parent()
		if fn == parent {
			return nil
		}
		if d != nil && d != fn {
			return nil
		}
		d = fn
	}
	if d == nil || m.open[d] || d.Parent() != nil || inReach[d] || len(m.flow.callSites[d]) != 1 {
		return nil
	}
	site, ok := m.flow.callSites[d][0].(*ssa.Call)
	if !ok || site.Parent() != parent || inCycle(site.Block()) {
		return nil
	}
	for _, a := range site.Call.Args {
		if tracked(a.Type()) && m.flow.find(m.flow.node(a)) == class {
			return d
		}
	}
	return nil
}

// profile describes fn's blocking sends on the group, its callees'
// included. Recursion counts as nothing, which only makes it say less.
func (m *model) profile(fn *ssa.Function, group map[int32]bool, memo map[*ssa.Function]*sendProfile) sendProfile {
	if p, ok := memo[fn]; ok {
		if p == nil {
			return sendProfile{}
		}
		return *p
	}
	memo[fn] = nil
	loops := loopsOf(fn)
	weight := make(map[*ssa.BasicBlock]int64)
	sends := make(map[*ssa.BasicBlock]bool)
	succs := make(map[*ssa.BasicBlock][]*ssa.BasicBlock)
	var blocks []*ssa.BasicBlock
	var bound int64
	ownErrors := len(loops) == 0
	m.walk(fn, func(b *ssa.BasicBlock, n int) {
		blocks = append(blocks, b)
		if iff, ok := b.Instrs[n-1].(*ssa.If); ok && len(m.liveSuccs(b, iff)) > 1 && !ownErrorTest(iff.Cond) {
			ownErrors = false
		}
		var w, site int64
		for _, in := range b.Instrs[:n] {
			for _, o := range m.opsOf[in] {
				if o.kind != opSend || !group[o.class] || !m.bareSend(o) {
					continue
				}
				if _, isGo := in.(*ssa.Go); isGo {
					continue // another goroutine's send, summarised
				}
				n, must := int64(1), true
				if o.virtual {
					n, must = o.count, o.must
					if !o.must && !o.ownErrors {
						ownErrors = false
					}
				}
				w = satAdd(w, n)
				site = max(site, n)
				if must {
					sends[b] = true
				}
			}
			if _, isGo := in.(*ssa.Go); isGo {
				continue
			}
			if c, ok := in.(ssa.CallInstruction); ok {
				if callee := c.Common().StaticCallee(); m.known[callee] {
					p := m.profile(callee, group, memo)
					w = satAdd(w, p.sum)
					site = max(site, p.bound)
					if p.must {
						sends[b] = true
					}
					if p.sum > 0 && !p.must && !p.ownErrors {
						ownErrors = false
					}
				}
			}
		}
		weight[b] = satMul(w, multiplier(b, loops, m.fixedLen))
		if site > 0 {
			bound = max(bound, satMul(site, everyIteration(b, loops, m.fixedLen)))
		}
		if n == len(b.Instrs) {
			_, succs[b] = m.step(b)
		}
	})
	p := &sendProfile{sum: longestPath(fn, blocks, weight, succs), bound: bound, must: mustPass(fn, sends, succs)}
	p.ownErrors = ownErrors && !p.must && p.sum > 0
	memo[fn] = p
	return *p
}

// ownErrorTest reports whether cond compares with nil an error that a
// call returned: a result the goroutine computed itself.
func ownErrorTest(cond ssa.Value) bool {
	v, _, ok := nilTest(cond)
	if !ok || !types.Identical(v.Type(), types.Universe.Lookup("error").Type()) {
		return false
	}
	switch v := v.(type) {
	case *ssa.Call:
		return true
	case *ssa.Extract:
		_, isCall := v.Tuple.(*ssa.Call)
		return isCall
	}
	return false
}

// everyIteration returns how many times b can run when it can run on every
// iteration of the loops around it: the product of the trips of the loops
// whose every back edge b dominates, or in which only tests of what the
// iteration itself computes decide whether b runs (a send of each record
// that parses). A test of anything carried from one iteration to the next
// (a "sent" flag, the loop counter, memory) makes b count once.
func everyIteration(b *ssa.BasicBlock, loops []*loop, fixed func(ssa.Value) (int64, bool)) int64 {
	n := int64(1)
	for _, l := range loops {
		if !l.body[b] {
			continue
		}
		always := true
		for _, p := range l.header.Preds {
			if l.body[p] && !b.Dominates(p) {
				always = false
			}
		}
		if always || freshTests(b, l) {
			n = satMul(n, tripsAtMost(l, fixed))
		}
	}
	return n
}

// freshTests reports whether every test inside loop l that decides
// whether b runs depends only on values the iteration computes by calls,
// or on values from outside the loop.
func freshTests(b *ssa.BasicBlock, l *loop) bool {
	for d := b.Idom(); d != nil && l.body[d]; d = d.Idom() {
		if len(d.Instrs) == 0 {
			continue
		}
		iff, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		if carried(iff.Cond, l, map[ssa.Value]bool{}) {
			return false
		}
		if d == l.header {
			break
		}
	}
	return true
}

// carried reports whether v can depend on a value carried round loop l:
// a phi of its header, a load from memory, or anything the model does not
// know to be fresh.
func carried(v ssa.Value, l *loop, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return false
	}
	seen[v] = true
	instr, ok := v.(ssa.Instruction)
	if !ok || !l.body[instr.Block()] {
		return false // constants, parameters, values made before the loop
	}
	switch v := v.(type) {
	case *ssa.Call:
		return false // computed afresh by this iteration
	case *ssa.Phi:
		if v.Block() == l.header {
			return true
		}
	case *ssa.UnOp:
		if v.Op == token.MUL || v.Op == token.ARROW {
			return true
		}
	case *ssa.BinOp, *ssa.Extract, *ssa.Field, *ssa.Index, *ssa.Convert,
		*ssa.ChangeType, *ssa.MakeInterface, *ssa.TypeAssert:
	default:
		return true
	}
	// A merge inside the iteration, or a pure computation: carried when
	// an operand is.
	for _, op := range instr.Operands(nil) {
		if *op != nil && carried(*op, l, seen) {
			return true
		}
	}
	return false
}

// longestPath returns the heaviest path from fn's entry over the forward
// edges.
func longestPath(fn *ssa.Function, blocks []*ssa.BasicBlock, weight map[*ssa.BasicBlock]int64, succs map[*ssa.BasicBlock][]*ssa.BasicBlock) int64 {
	indeg := make(map[*ssa.BasicBlock]int)
	for _, b := range blocks {
		for _, s := range succs[b] {
			if !s.Dominates(b) {
				indeg[s]++
			}
		}
	}
	dist := make(map[*ssa.BasicBlock]int64)
	var best int64
	work := []*ssa.BasicBlock{fn.Blocks[0]}
	dist[fn.Blocks[0]] = weight[fn.Blocks[0]]
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		best = max(best, dist[b])
		for _, s := range succs[b] {
			if s.Dominates(b) {
				continue
			}
			dist[s] = max(dist[s], satAdd(dist[b], weight[s]))
			indeg[s]--
			if indeg[s] == 0 {
				work = append(work, s)
			}
		}
	}
	return best
}

// mustPass reports whether every path from fn's entry to a return goes
// through one of the marked blocks.
func mustPass(fn *ssa.Function, marked map[*ssa.BasicBlock]bool, succs map[*ssa.BasicBlock][]*ssa.BasicBlock) bool {
	seen := make(map[*ssa.BasicBlock]bool)
	work := []*ssa.BasicBlock{fn.Blocks[0]}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[b] || marked[b] {
			continue
		}
		seen[b] = true
		if _, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			return false
		}
		work = append(work, succs[b]...)
	}
	return true
}

type parentExitPoint struct {
	pos    token.Pos
	count  int64
	remake bool
}

// parentExit searches the parent's paths from the go statement for one
// that leaves (returns, or goes round to make a fresh channel) having
// received fewer values than total minus the buffer, without seeing the
// channel closed or finishing a receive loop. It returns the earliest such
// exit in the source.
func (m *model) parentExit(g ssa.Instruction, group, signals map[int32]bool, makes []*ssa.MakeChan, loops []*loop, total, capacity int64, sendBound func(int32) (int64, bool), consumer *ssa.Function) *parentExitPoint {
	// Tests that decided the way to the go statement decide the same way
	// again on every path from it ("if n > 0" guarding both the loop that
	// starts goroutines and the loop that receives from them).
	known := make(map[string]int)
	for d := g.Block().Idom(); d != nil; d = d.Idom() {
		test, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		key, ok := condKey(test.Cond, loops)
		if !ok {
			continue
		}
		for i, s := range d.Succs {
			if s.Dominates(g.Block()) && d.Succs[1-i] != s {
				known[key] = i
			}
		}
	}
	idx := 0
	for i, in := range g.Block().Instrs {
		if in == g {
			idx = i + 1
		}
	}
	exits := m.exitsFrom(g.Block(), idx, 0, known, failedIfNonNil(g.Block(), loops), group, signals, makes, loops, total, capacity, sendBound, consumer)
	if len(exits) == 0 {
		return nil
	}
	// A return reads better than going round the loop; then the earliest.
	sort.Slice(exits, func(i, j int) bool {
		if exits[i].remake != exits[j].remake {
			return !exits[i].remake
		}
		return exits[i].pos < exits[j].pos
	})
	return exits[0]
}

// exitsFrom walks the paths from instruction from of block start, having
// received count values, and returns every way out that leaves values
// unreceived. A call of the consumer (the function the parent hands the
// channel to) is followed into it: its returns are the ways out, and the
// path in the parent stops there. A test that finds a value of failed not
// nil takes only its nil branch (the other is a run of a failed test); a
// receive from one of signals drains the group.
func (m *model) exitsFrom(start *ssa.BasicBlock, from int, count0 int64, known map[string]int, failed map[ssa.Value]bool, group, signals map[int32]bool, makes []*ssa.MakeChan, loops []*loop, total, capacity int64, sendBound func(int32) (int64, bool), consumer *ssa.Function) []*parentExitPoint {
	isMake := make(map[ssa.Instruction]bool)
	for _, mk := range makes {
		isMake[mk] = true
	}
	isRecv := func(in ssa.Instruction) bool {
		for _, o := range m.opsOf[in] {
			if o.kind == opRecv && group[o.class] {
				return true
			}
		}
		return false
	}
	// A receive from a signal that the goroutine is past its last send.
	isSignal := func(in ssa.Instruction) bool {
		for _, o := range m.opsOf[in] {
			if o.kind == opRecv && signals[o.class] {
				return true
			}
		}
		return false
	}
	// A loop drains the channel only if the same channel lives across its
	// iterations: not one made anew inside it.
	receivesIn := func(l *loop) bool {
		for _, mk := range makes {
			if l.body[mk.Block()] {
				return false
			}
		}
		for b := range l.body {
			for _, in := range b.Instrs {
				if isRecv(in) {
					return true
				}
			}
		}
		return false
	}
	// Loops that receive from the group: leaving one through its header's
	// test means it ran to completion.
	// The header must be a plain loop test: not a select's dispatch, not
	// the receive itself (a for loop without a condition has its body as
	// its header).
	recvLoop := make(map[*ssa.BasicBlock]*loop)
	for _, l := range loops {
		test, ok := l.header.Instrs[len(l.header.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		if _, _, isSel := selectCase(test.Cond); isSel || okTuple(test.Cond) != nil {
			continue
		}
		receives, inHeader := false, false
		for b := range l.body {
			for _, in := range b.Instrs {
				if isRecv(in) {
					receives = true
					inHeader = inHeader || b == l.header
				}
			}
		}
		if receives && !inHeader && receivesIn(l) {
			recvLoop[l.header] = l
		}
	}
	type key struct {
		b, prev int
		count   int64
		drained bool
	}
	type state struct {
		b, prev *ssa.BasicBlock
		from    int
		count   int64
		drained bool
	}
	// Receives are counted exactly up to what can matter; an unbounded
	// number of sends needs only "more than the buffer holds".
	limit := total
	if total > 64 {
		limit = capacity + 2
	}
	seen := make(map[key]bool)
	var exits []*parentExitPoint
	record := func(pos token.Pos, count int64, drained, remake bool) {
		if drained || total <= capacity+count || !pos.IsValid() {
			return
		}
		exits = append(exits, &parentExitPoint{pos: pos, count: count, remake: remake})
	}
	bump := func(c int64) int64 {
		if c+1 > limit {
			return limit
		}
		return c + 1
	}
	work := []state{{b: start, from: from, count: min(count0, limit)}}
	for len(work) > 0 {
		st := work[len(work)-1]
		work = work[:len(work)-1]
		if st.from == 0 {
			k := key{st.b.Index, -1, st.count, st.drained}
			if st.prev != nil {
				k.prev = st.prev.Index
			}
			if seen[k] {
				continue
			}
			seen[k] = true
		}
		count, drained := st.count, st.drained
		var succs []*ssa.BasicBlock
		stopped := false
		for _, in := range st.b.Instrs[st.from:] {
			if isMake[in] {
				record(in.Pos(), count, drained, true)
				stopped = true
				break
			}
			if u, ok := in.(*ssa.UnOp); ok && isRecv(u) {
				if m.blocks(in) {
					stopped = true
					break
				}
				count = bump(count)
				continue
			}
			if u, ok := in.(*ssa.UnOp); ok && u.Op == token.ARROW && isSignal(u) && !m.blocks(in) {
				drained = true
				continue
			}
			if m.blocks(in) {
				stopped = true
				break
			}
			if call, ok := in.(*ssa.Call); ok && consumer != nil && call.Call.StaticCallee() == consumer {
				exits = append(exits, m.exitsFrom(consumer.Blocks[0], 0, count, nil, nil, group, signals, makes, loopsOf(consumer), total, capacity, sendBound, nil)...)
				stopped = true
				break
			}
			if call, ok := in.(*ssa.Call); ok && failsTest(call.Common()) {
				// The test has failed on this path (`t.Errorf("timed
				// out")` in a select's timeout case).
				stopped = true
				break
			}
			if call, ok := in.(*ssa.Call); ok && ssanav.EndsProcess(call.Common()) {
				// A fatal logger event is sent (`log.Fatal().Err(err).Msg`):
				// the process ends on this path, the goroutine with it.
				stopped = true
				break
			}
			switch in := in.(type) {
			case *ssa.Return:
				if !isProgramMain(in.Parent()) {
					// Returning from the program's main ends the
					// program, and every goroutine with it.
					record(returnPos(in), count, drained, false)
				}
				stopped = true
			case *ssa.Panic:
				stopped = true
			case *ssa.If:
				succs = m.liveSuccs(st.b, in)
			case *ssa.Jump:
				succs = st.b.Succs
			}
			if stopped {
				break
			}
		}
		if stopped {
			continue
		}
		last, _ := st.b.Instrs[len(st.b.Instrs)-1].(*ssa.If)
		if last != nil && len(succs) == 2 {
			if key, ok := condKey(last.Cond, loops); ok {
				if i, ok := known[key]; ok {
					succs = succs[i : i+1]
				}
			}
			if len(succs) == 2 {
				if v, ok := entryTest(st.b, st.prev, last.Cond); ok {
					// A counted loop entered afresh ("for range 2") runs
					// its first iteration.
					succs = succs[boolIndex(!v) : boolIndex(!v)+1]
				}
			}
			if len(succs) == 2 {
				// A value that, not nil, failed the test before the go
				// statement: its non-nil branch is a failed run.
				if v, nonNil, ok := nilTest(last.Cond); ok && failed[ssanav.OnEntry(st.b, st.prev, v)] {
					succs = st.b.Succs[1-nonNil : 2-nonNil]
				}
			}
		}
		for _, s := range succs {
			c, d := count, drained
			if last != nil {
				if sel, k, ok := selectCase(last.Cond); ok && s == st.b.Succs[0] {
					for _, o := range m.opsOf[sel] {
						if o.index == k && o.kind == opRecv && group[o.class] {
							c = bump(c)
						}
						if o.index == k && o.kind == opRecv && signals[o.class] {
							d = true
						}
					}
				}
				if tup := okTuple(last.Cond); tup != nil && isRecv(tup) {
					closedIf := 1
					if not, ok := last.Cond.(*ssa.UnOp); ok && not.Op == token.NOT {
						closedIf = 0
					}
					if s == st.b.Succs[closedIf] {
						d = true
					}
				}
				if l := recvLoop[st.b]; l != nil && !l.body[s] {
					d = true
				}
				if s == st.b.Succs[0] && m.countedDrain(last.Cond, group, sendBound) {
					d = true
				}
				if countedExit(last.Cond, loops) {
					for _, l := range loops {
						if l.body[st.b] && !l.body[s] && receivesIn(l) {
							d = true
						}
					}
				}
			}
			work = append(work, state{b: s, prev: st.b, count: c, drained: d})
		}
	}
	return exits
}

// recvsOnlyFail reports whether the group is received from only in the
// parent, and every path from each of those receives (the code after a
// receive statement, the body of a select case) marks the running test
// failed before it returns or comes back round: a passing run of the test
// never receives from the group.
func (m *model) recvsOnlyFail(parent *ssa.Function, group map[int32]bool) bool {
	found := false
	for class := range group {
		for _, o := range m.flow.info[class].ops {
			if o.kind != opRecv {
				continue
			}
			if o.virtual || o.instr.Parent() != parent {
				return false
			}
			switch in := o.instr.(type) {
			case *ssa.UnOp:
				b := in.Block()
				for i, x := range b.Instrs {
					if x == ssa.Instruction(in) && !failsFrom(b, i+1, map[*ssa.BasicBlock]bool{}) {
						return false
					}
				}
			case *ssa.Select:
				body := selectBody(in, o.index)
				if body == nil || !failsFrom(body, 0, map[*ssa.BasicBlock]bool{}) {
					return false
				}
			default:
				return false
			}
			found = true
		}
	}
	return found
}

// selectBody returns the first block of case k of sel: the true branch of
// the test of sel's chosen index against k.
func selectBody(sel *ssa.Select, k int) *ssa.BasicBlock {
	for _, b := range sel.Parent().Blocks {
		test, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		if s, i, ok := selectCase(test.Cond); ok && s == sel && i == k {
			return b.Succs[0]
		}
	}
	return nil
}

// failsFrom reports whether every path from instruction from of b marks
// the running test failed (or panics) before it returns or comes back to
// a block it has passed. memo keeps each block's answer from its start (a
// block on a cycle answers false, which only keeps a finding).
func failsFrom(b *ssa.BasicBlock, from int, memo map[*ssa.BasicBlock]bool) bool {
	if from == 0 {
		if v, ok := memo[b]; ok {
			return v
		}
		memo[b] = false // on the path: coming back is no failure
	}
	v := failsIn(b, from, memo)
	if from == 0 {
		memo[b] = v
	}
	return v
}

func failsIn(b *ssa.BasicBlock, from int, memo map[*ssa.BasicBlock]bool) bool {
	for _, in := range b.Instrs[from:] {
		switch in := in.(type) {
		case *ssa.Call:
			if failsTest(in.Common()) {
				return true
			}
		case *ssa.Return:
			return false
		case *ssa.Panic:
			return true
		}
	}
	if len(b.Succs) == 0 {
		return false
	}
	for _, s := range b.Succs {
		if !failsFrom(s, 0, memo) {
			return false
		}
	}
	return true
}

// countedDrain reports whether a test "n == N" (or "n >= N") can only be
// true once every channel of the group is drained: n counts receives, it
// starts from 0 and grows by one exactly in select cases receiving from
// channels whose senders (this parent's goroutines, nothing closing them)
// send at most N values in all. Reaching N then means every one of those
// values was received ("done++ in each case; if done == 3 { return }").
func (m *model) countedDrain(cond ssa.Value, group map[int32]bool, sendBound func(int32) (int64, bool)) bool {
	bin, ok := cond.(*ssa.BinOp)
	if !ok || bin.Op != token.EQL && bin.Op != token.GEQ {
		return false
	}
	lim, ok := bin.Y.(*ssa.Const)
	if !ok || lim.Value == nil || lim.Value.Kind() != constant.Int {
		return false
	}
	n, exact := constant.Int64Val(lim.Value)
	if !exact || n <= 0 {
		return false
	}
	after, ok := bin.X.(*ssa.Phi)
	if !ok {
		return false
	}
	// after merges the counter before the select (base) and base+1 from
	// the receiving cases; base starts at 0 and comes back as after.
	var base *ssa.Phi
	counted := make(map[int32]bool)
	for i, e := range after.Edges {
		if p, ok := e.(*ssa.Phi); ok {
			if base != nil && base != p {
				return false
			}
			base = p
			continue
		}
		inc, ok := e.(*ssa.BinOp)
		if !ok || inc.Op != token.ADD || !isConstInt(inc.Y, 1) {
			return false
		}
		p, ok := inc.X.(*ssa.Phi)
		if !ok || base != nil && base != p {
			return false
		}
		base = p
		class, ok := m.recvCaseOf(after.Block().Preds[i])
		if !ok {
			return false
		}
		counted[class] = true
	}
	if base == nil || len(counted) == 0 {
		return false
	}
	for _, e := range base.Edges {
		if e != ssa.Value(after) && !isConstInt(e, 0) {
			return false
		}
	}
	inGroup := false
	var sum int64
	for class := range counted {
		k, ok := sendBound(class)
		if !ok {
			return false
		}
		sum = satAdd(sum, k)
		inGroup = inGroup || group[class]
	}
	return inGroup && sum <= n
}

// recvCaseOf returns the channel class that the select case whose body
// is b receives from.
func (m *model) recvCaseOf(b *ssa.BasicBlock) (int32, bool) {
	if len(b.Preds) != 1 {
		return 0, false
	}
	pred := b.Preds[0]
	test, ok := pred.Instrs[len(pred.Instrs)-1].(*ssa.If)
	if !ok || pred.Succs[0] != b {
		return 0, false
	}
	sel, k, ok := selectCase(test.Cond)
	if !ok {
		return 0, false
	}
	for _, o := range m.opsOf[sel] {
		if o.index == k && o.kind == opRecv {
			return o.class, true
		}
	}
	return 0, false
}

func isConstInt(v ssa.Value, want int64) bool {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
		return false
	}
	n, exact := constant.Int64Val(c.Value)
	return exact && n == want
}

// entryTest evaluates a comparison at the end of b when control comes
// from prev (nil: where the search starts) and both operands are then
// constants: a loop counter's phi
// takes its initial constant on entry from outside the loop.
func entryTest(b, prev *ssa.BasicBlock, cond ssa.Value) (bool, bool) {
	bin, ok := cond.(*ssa.BinOp)
	if !ok {
		return false, false
	}
	switch bin.Op {
	case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL, token.NEQ:
	default:
		return false, false
	}
	x, okx := constOnEntry(b, prev, bin.X)
	y, oky := constOnEntry(b, prev, bin.Y)
	if !okx || !oky || x.Kind() != y.Kind() || x.Kind() == constant.Unknown {
		return false, false
	}
	return constant.Compare(x, bin.Op, y), true
}

// constOnEntry returns v's constant value when control enters b from prev:
// v is a constant, or a phi of b whose edge from prev is one.
func constOnEntry(b, prev *ssa.BasicBlock, v ssa.Value) (constant.Value, bool) {
	v = ssanav.OnEntry(b, prev, v)
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil {
		return nil, false
	}
	return c.Value, true
}

func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}

// condKey identifies a comparison of values that cannot change between
// two evaluations (constants, parameters, fields of a struct value,
// values computed once outside every loop), or such a value of type bool
// tested alone ("if withResults"), so that two tests of it agree.
func condKey(cond ssa.Value, loops []*loop) (string, bool) {
	var operand func(v ssa.Value) (string, bool)
	operand = func(v ssa.Value) (string, bool) {
		switch v := v.(type) {
		case *ssa.Const:
			return "const " + v.String(), true
		case *ssa.Parameter:
			return fmt.Sprintf("value %p", v), true
		case *ssa.Field:
			// A field of a struct value (not of a variable: that is a
			// load) is the same wherever it is read, as the value is.
			x, ok := operand(v.X)
			if !ok {
				return "", false
			}
			return fmt.Sprintf("field %d of %s", v.Field, x), true
		case ssa.Instruction:
			if _, isPhi := v.(*ssa.Phi); isPhi {
				return "", false
			}
			if ld, isLoad := v.(*ssa.UnOp); isLoad && ld.Op == token.MUL {
				return paramFieldLoad(ld.X)
			}
			for _, l := range loops {
				if l.body[v.Block()] {
					return "", false
				}
			}
			return fmt.Sprintf("value %p", v), true
		}
		return "", false
	}
	bin, ok := cond.(*ssa.BinOp)
	if !ok {
		return operand(cond)
	}
	x, okX := operand(bin.X)
	y, okY := operand(bin.Y)
	if !okX || !okY {
		return "", false
	}
	return x + " " + bin.Op.String() + " " + y, true
}

// paramFieldLoad keys a load from addr when addr is a field (or a field
// of a field) of the local variable that only holds a struct parameter:
// the function's own copy of the argument ("o.report" of a parameter o
// passed by value), stored once on entry and never written or taken the
// address of again, so the field reads the same wherever it is read. The
// key is that of the parameter's field, as a Field of it would give.
func paramFieldLoad(addr ssa.Value) (string, bool) {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return "", false
	}
	var base string
	switch x := fa.X.(type) {
	case *ssa.Alloc:
		p := spilledParam(x)
		if p == nil {
			return "", false
		}
		base = fmt.Sprintf("value %p", p)
	case *ssa.FieldAddr:
		k, ok := paramFieldLoad(x)
		if !ok {
			return "", false
		}
		base = k
	default:
		return "", false
	}
	return fmt.Sprintf("field %d of %s", fa.Field, base), true
}

// spilledParam returns the parameter that a, a local variable that does
// not escape, holds for the whole function: its one store is of the
// parameter, and every other use of it or of its fields' addresses reads.
func spilledParam(a *ssa.Alloc) *ssa.Parameter {
	if a.Heap {
		return nil
	}
	var param *ssa.Parameter
	var readOnly func(v ssa.Value) bool
	readOnly = func(v ssa.Value) bool {
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.DebugRef:
			case *ssa.UnOp:
				if r.Op != token.MUL {
					return false
				}
			case *ssa.FieldAddr:
				if !readOnly(r) {
					return false
				}
			default:
				return false
			}
		}
		return true
	}
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			p, ok := r.Val.(*ssa.Parameter)
			if !ok || param != nil || r.Addr != a || r.Block() != a.Parent().Blocks[0] {
				return nil
			}
			param = p
		case *ssa.DebugRef:
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return nil
			}
		case *ssa.FieldAddr:
			if !readOnly(r) {
				return nil
			}
		default:
			return nil
		}
	}
	return param
}

// countedExit reports whether cond compares a loop counter: a variable
// carried round one of the loops, possibly just incremented or
// decremented. Leaving a receive loop on such a test is taken to mean it
// counted its receives ("activeWorkers--; if activeWorkers == 0").
func countedExit(cond ssa.Value, loops []*loop) bool {
	bin, ok := cond.(*ssa.BinOp)
	if !ok {
		return false
	}
	switch bin.Op {
	case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
	default:
		return false
	}
	carried := func(v ssa.Value) bool {
		if step, ok := v.(*ssa.BinOp); ok && (step.Op == token.ADD || step.Op == token.SUB) {
			v = step.X
		}
		phi, ok := v.(*ssa.Phi)
		if !ok {
			return false
		}
		for _, l := range loops {
			if l.header == phi.Block() {
				return true
			}
		}
		return false
	}
	return carried(bin.X) || carried(bin.Y)
}

// bufferFix gives each hand-off channel a buffer of one, so the goroutine
// can always deliver its single result and finish.
func (m *model) bufferFix(makes []*ssa.MakeChan) *analysis.SuggestedFix {
	var edits []analysis.TextEdit
	for _, mk := range makes {
		call := m.syntax().calls[mk.Pos()]
		if call == nil {
			return nil
		}
		switch len(call.Args) {
		case 1:
			edits = append(edits, analysis.TextEdit{Pos: call.Rparen, End: call.Rparen, NewText: []byte(", 1")})
		case 2:
			lit, ok := call.Args[1].(*ast.BasicLit)
			if !ok || lit.Value != "0" {
				return nil
			}
			edits = append(edits, analysis.TextEdit{Pos: lit.Pos(), End: lit.End(), NewText: []byte("1")})
		default:
			return nil
		}
	}
	msg := "Give the channel a buffer of one"
	if len(makes) > 1 {
		msg = "Give the channels a buffer of one"
	}
	return &analysis.SuggestedFix{Message: msg, TextEdits: edits}
}

// isProgramMain reports whether fn is the main function of package main:
// when it returns (its deferred calls run first) the program ends, and a
// goroutine blocked from then on ends with it.
func isProgramMain(fn *ssa.Function) bool {
	return fn != nil && fn.Name() == "main" && fn.Parent() == nil && fn.Signature.Recv() == nil &&
		fn.Pkg != nil && fn.Pkg.Pkg.Name() == "main"
}
