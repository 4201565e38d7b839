// Package gate has a test-and-set and a getter with the same shape: only
// what their bodies do tells them apart.
package gate

type Gate struct{ open, done bool }

// Claim sets the flag it tests.
func (g *Gate) Claim() bool { // want Claim:`sets\[0\]`
	if g.done {
		return false
	}
	g.done = true
	return true
}

// Open reads a field and writes nothing.
func (g *Gate) Open() bool { return g.open }

// Flip writes through its argument.
func Flip(p *bool) bool { // want Flip:`sets\[0\]`
	old := *p
	*p = true
	return !old
}
