package goroutineleak

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// reply checks the request that carries its own reply channel: a function
// makes an unbuffered channel, puts it in a field of a request it sends to
// whoever serves the requests, and waits for the answer on it; the server
// answers with a plain send on that field (`req.responseCh <- err`). When
// the requester can return after handing the request over without
// receiving the answer (it gave up on shutdown or on its context), the
// server's send has no partner and blocks forever, and with it the
// server.
//
// Only a channel whose every use is known qualifies: made unbuffered in
// the requester, stored in one field of a request it allocates, received
// from only there; the request is sent once and used for nothing else;
// and every operation on that field of the request type, anywhere in the
// package, is a plain send (a select with a way out, a receive or a close
// elsewhere leaves it alone).
func (m *model) reply(mk *ssa.MakeChan) *finding {
	if !m.instrReached(mk) {
		return nil
	}
	if n, ok := mk.Size.(*ssa.Const); !ok || n.Int64() != 0 {
		return nil
	}
	fn := mk.Parent()
	var field *ssa.FieldAddr
	isCh := map[ssa.Value]bool{mk: true}
	for _, r := range *mk.Referrers() {
		if ct, ok := r.(*ssa.ChangeType); ok {
			isCh[ct] = true
		}
	}
	for v := range isCh {
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.ChangeType, *ssa.DebugRef:
			case *ssa.Store:
				fa, ok := r.Addr.(*ssa.FieldAddr)
				if !ok || field != nil || !isCh[r.Val] {
					return nil
				}
				field = fa
			case *ssa.UnOp:
				if r.Op != token.ARROW {
					return nil
				}
			case *ssa.Select:
				for _, st := range r.States {
					if isCh[st.Chan] && st.Dir != types.RecvOnly || isCh[st.Send] {
						return nil
					}
				}
			default:
				return nil
			}
		}
	}
	if field == nil {
		return nil
	}
	req, ok := field.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	// The request is sent once, and otherwise only filled in.
	var sendAt ssa.Instruction
	sendState := -1
	for _, r := range *req.Referrers() {
		switch r := r.(type) {
		case *ssa.FieldAddr, *ssa.DebugRef:
		case *ssa.Send:
			if sendAt != nil || r.X != req {
				return nil
			}
			sendAt = r
		case *ssa.Select:
			for k, st := range r.States {
				if st.Send == ssa.Value(req) {
					if sendAt != nil {
						return nil
					}
					sendAt, sendState = r, k
				}
			}
			if sendAt != r {
				return nil
			}
		default:
			return nil
		}
	}
	for _, r := range *req.Referrers() {
		if fa, ok := r.(*ssa.FieldAddr); ok && fa != field && fa.Field == field.Field {
			return nil // the field is read or written again here
		}
	}
	if sendAt == nil {
		return nil
	}
	answer := m.replierSend(req.Type(), field.Field, m.pass.Fset.File(mk.Pos()))
	if answer == nil {
		return nil
	}
	ret := unansweredReturn(fn, sendAt, sendState, isCh)
	if ret == nil {
		return nil
	}
	f := &finding{
		pos:      mk.Pos(),
		related:  answer.Pos(),
		category: catHandoff,
		message: fmt.Sprintf("the reply to this request blocks forever: %s can return at %s without receiving it, and the send on %s at %s has no partner then",
			funcName(fn), m.line(mk.Pos(), ret.Pos()), fieldName(req.Type(), field.Field), m.line(mk.Pos(), answer.Pos())),
		relatedText: "the reply is sent here",
	}
	f.fix = m.bufferFix([]*ssa.MakeChan{mk})
	return f
}

// fieldName is the name of field i of the struct ptr points to.
func fieldName(ptr types.Type, i int) string {
	if p, ok := types.Unalias(ptr).(*types.Pointer); ok {
		if s, ok := p.Elem().Underlying().(*types.Struct); ok && i < s.NumFields() {
			return s.Field(i).Name()
		}
	}
	return "the reply channel"
}

// replierSend returns the first send on field i of the struct type ptr
// points to (in file, when some are), when every operation of the
// package on that field's channel is a plain send: nil when there is
// none, or when some function receives from it, closes it, or sends in a
// select.
func (m *model) replierSend(ptr types.Type, i int, file *token.File) *ssa.Send {
	inFile := func(s *ssa.Send) bool { return file != nil && m.pass.Fset.File(s.Pos()) == file }
	var first *ssa.Send
	for _, fn := range m.funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				fa, ok := in.(*ssa.FieldAddr)
				if !ok || fa.Field != i || !types.Identical(fa.X.Type(), ptr) {
					continue
				}
				for _, r := range *fa.Referrers() {
					ld, ok := r.(*ssa.UnOp)
					if !ok || ld.Op != token.MUL {
						if _, store := r.(*ssa.Store); store {
							continue // filled in
						}
						return nil
					}
					for _, u := range *ld.Referrers() {
						switch u := u.(type) {
						case *ssa.Send:
							if u.Chan != ssa.Value(ld) {
								return nil
							}
							if first == nil || inFile(u) && !inFile(first) || inFile(u) == inFile(first) && u.Pos() < first.Pos() {
								first = u
							}
						case *ssa.DebugRef:
						default:
							return nil
						}
					}
				}
			}
		}
	}
	return first
}

// unansweredReturn returns a return of fn reached, after the request has
// been handed over at sendAt (state sendState of a select, or a plain
// send), on a path that completes no receive from the reply channel.
func unansweredReturn(fn *ssa.Function, sendAt ssa.Instruction, sendState int, isCh map[ssa.Value]bool) *ssa.Return {
	type start struct {
		b *ssa.BasicBlock
		i int
	}
	var work []start
	if sendState < 0 {
		b := sendAt.Block()
		for i, in := range b.Instrs {
			if in == sendAt {
				work = append(work, start{b, i + 1})
			}
		}
	} else {
		// The successor on which the select's send state was chosen.
		sel := sendAt.(*ssa.Select)
		for _, b := range fn.Blocks {
			if len(b.Instrs) == 0 {
				continue
			}
			if iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok {
				if s, k, ok := selectCase(iff.Cond); ok && s == sel && k == sendState {
					work = append(work, start{b.Succs[0], 0})
				}
			}
		}
	}
	seen := make(map[*ssa.BasicBlock]bool)
	for len(work) > 0 {
		st := work[len(work)-1]
		work = work[:len(work)-1]
		if st.i == 0 {
			if seen[st.b] {
				continue
			}
			seen[st.b] = true
		}
		received := false
		for _, in := range st.b.Instrs[st.i:] {
			switch in := in.(type) {
			case *ssa.UnOp:
				if in.Op == token.ARROW && isCh[in.X] {
					received = true
				}
			case *ssa.Return:
				return in
			case *ssa.Panic:
				received = true // not a normal return
			}
			if received {
				break
			}
		}
		if received {
			continue
		}
		succs := st.b.Succs
		if iff, ok := st.b.Instrs[len(st.b.Instrs)-1].(*ssa.If); ok {
			if s, k, ok := selectCase(iff.Cond); ok && s != nil {
				if k < len(s.States) && isCh[s.States[k].Chan] {
					succs = succs[1:] // the reply was received on the other branch
				}
			}
		}
		for _, s := range succs {
			work = append(work, start{s, 0})
		}
	}
	return nil
}
