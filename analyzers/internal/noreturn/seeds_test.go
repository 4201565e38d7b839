package noreturn

import (
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestSeedsNameRealFunctions keeps the seed table honest: every entry
// names a function of the standard library and gives a reason.
func TestSeedsNameRealFunctions(t *testing.T) {
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedTypes}, "syscall", "runtime")
	if err != nil {
		t.Fatal(err)
	}
	scope := map[string]*types.Scope{}
	for _, p := range pkgs {
		scope[p.PkgPath] = p.Types.Scope()
	}
	for name, s := range seeds {
		i := strings.LastIndex(name, ".")
		sc := scope[name[:i]]
		if sc == nil {
			t.Errorf("%s: package not loaded", name)
			continue
		}
		fn, ok := sc.Lookup(name[i+1:]).(*types.Func)
		if !ok || fullName(fn) != name {
			t.Errorf("%s: no such function", name)
		}
		if s.reason == "" {
			t.Errorf("%s: no reason", name)
		}
	}
}
