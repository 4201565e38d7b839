package unboundedcache

// computeContexts takes from package lifespan which functions run at run
// time, where a write can be repeated without limit, and which at
// start-up (init, the package-level initialisers, sync.Once, main and
// whatever only they call); see that package for the rules. It also
// indexes the literals by their enclosing functions.
func (c *checker) computeContexts() {
	c.lits = map[*fnode][]*fnode{}
	for _, n := range c.nodes {
		if n.kind == litNode {
			c.lits[n.outer] = append(c.lits[n.outer], n)
			c.children[n.parent] = append(c.children[n.parent], n)
		}
		switch n.kind {
		case initializerNode:
			n.startup = true
		case declNode:
			n.runtime = c.life.RunTime(n.decl)
			n.startup = c.life.Startup(n.decl)
			if n.obj != nil && !n.isInit {
				n.external = c.entries.External(n.obj)
				n.escapes = c.life.Escapes(n.obj)
			}
		case litNode:
			n.runtime = c.life.RunTime(n.lit)
			n.startup = c.life.Startup(n.lit)
		}
	}
}

// nodesOf returns a declaration and the literals nested in it.
func (c *checker) nodesOf(d *fnode) []*fnode {
	return append([]*fnode{d}, c.lits[d]...)
}
