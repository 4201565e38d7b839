package errpath

import (
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestTablesNameRealFunctions keeps the knowledge tables honest: every
// entry names a function of the standard library and gives a reason.
func TestTablesNameRealFunctions(t *testing.T) {
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedTypes}, "errors", "fmt", "os")
	if err != nil {
		t.Fatal(err)
	}
	scope := map[string]*types.Scope{}
	for _, p := range pkgs {
		scope[p.PkgPath] = p.Types.Scope()
	}
	check := func(name, reason string) {
		i := strings.LastIndex(name, ".")
		s := scope[name[:i]]
		if s == nil {
			t.Errorf("%s: package not loaded", name)
			return
		}
		if _, ok := s.Lookup(name[i+1:]).(*types.Func); !ok {
			t.Errorf("%s: no such function", name)
		}
		if reason == "" {
			t.Errorf("%s: no reason", name)
		}
	}
	for name, reason := range alwaysFails {
		check(name, reason)
	}
	for name, p := range predicates {
		check(name, p.reason)
	}
}
