package locks

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// deferFix offers `defer mu.Unlock()` right after the Lock when that is
// safe (see the rules in its body); nil otherwise.
func (a *checker) deferFix(fn *ssa.Function, origin event) *analysis.SuggestedFix {
	return nil
}
