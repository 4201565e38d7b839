package locks

import "golang.org/x/tools/go/ssa"

func (a *checker) checkWaitGroups(fn *ssa.Function) {}
