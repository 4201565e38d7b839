// Package errgroup is a stand-in for golang.org/x/sync/errgroup: the
// methods leakvet's knowledge table names, with their documented
// behaviour.
package errgroup

import "sync"

// A Group runs functions and collects the first error.
type Group struct {
	wg   sync.WaitGroup
	once sync.Once
	err  error
}

// Go runs f in a goroutine; Wait returns its error if it is the first.
func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.once.Do(func() { g.err = err })
		}
	}()
}

// Wait waits for the functions and returns the first non-nil error.
func (g *Group) Wait() error {
	g.wg.Wait()
	return g.err
}
