package unboundedcache

// computeContexts decides which functions run at run time, where a write
// can be repeated without limit, as opposed to initialisation (init, the
// package-level initialisers, sync.Once, main and whatever only they call).
//
// The roots of run time are the functions called by code this package
// cannot see: exported functions (in a library; in package main only
// exported methods, which may satisfy interfaces), functions used as
// values (handlers, callbacks kept for later), unexported methods reached
// only through interfaces, goroutines, and function literals that are
// stored, returned or registered. Everything they call is run time too.
func (c *checker) computeContexts() {
	mainPkg := c.pass.Pkg.Name() == "main"
	c.lits = map[*fnode][]*fnode{}
	for _, n := range c.nodes {
		if n.kind == litNode {
			c.lits[n.outer] = append(c.lits[n.outer], n)
			c.children[n.parent] = append(c.children[n.parent], n)
		}
		if n.kind != declNode || n.obj == nil || n.isInit {
			continue
		}
		isMethod := n.decl.Recv != nil
		n.escapes = c.escaped[n.obj]
		switch {
		case n.obj.Exported() && (isMethod || !mainPkg):
			n.external = true
		case isMethod && len(n.callers) == 0 && !c.onceRefs[n.obj]:
			n.viaInterface = true
		}
	}

	var work []*fnode
	mark := func(n *fnode) {
		if n != nil && !n.runtime && !n.isInit {
			n.runtime = true
			work = append(work, n)
		}
	}
	for _, n := range c.nodes {
		if n.external || n.escapes || n.viaInterface || (n.kind == litNode && n.lk == litDetached) {
			mark(n)
		}
		for _, cs := range n.calls {
			if cs.isGo || cs.inLoop {
				mark(cs.callee)
			}
		}
	}
	for len(work) > 0 {
		n := work[len(work)-1]
		work = work[:len(work)-1]
		for _, cs := range n.calls {
			mark(cs.callee)
		}
		for _, ch := range c.children[n] {
			mark(ch)
		}
	}

	// Startup: what initialisation reaches. A function neither started
	// up nor run is dead code (or called only from tests).
	var swork []*fnode
	smark := func(n *fnode) {
		if n != nil && !n.startup {
			n.startup = true
			swork = append(swork, n)
		}
	}
	for _, n := range c.nodes {
		switch {
		case n.isInit:
			smark(n)
		case n.kind == declNode && n.obj != nil && (c.onceRefs[n.obj] || (mainPkg && n.decl.Recv == nil && n.decl.Name.Name == "main")):
			smark(n)
		}
	}
	for len(swork) > 0 {
		n := swork[len(swork)-1]
		swork = swork[:len(swork)-1]
		for _, cs := range n.calls {
			if !cs.isGo {
				smark(cs.callee)
			}
		}
		for _, ch := range c.children[n] {
			if ch.lk != litDetached {
				smark(ch)
			}
		}
	}
}

// nodesOf returns a declaration and the literals nested in it.
func (c *checker) nodesOf(d *fnode) []*fnode {
	return append([]*fnode{d}, c.lits[d]...)
}
