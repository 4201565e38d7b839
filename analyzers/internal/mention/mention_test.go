package mention

import (
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestTableNamesRealFunctions keeps the knowledge table honest: every
// entry names a package or a function of the standard library, gives a
// reason, and (for a function) has a parameter of type any.
func TestTableNamesRealFunctions(t *testing.T) {
	paths := []string{"errors", "reflect"}
	for p := range byPackage {
		paths = append(paths, p)
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedTypes}, paths...)
	if err != nil {
		t.Fatal(err)
	}
	scope := map[string]*types.Scope{}
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			t.Errorf("%s: %v", p.PkgPath, p.Errors)
		}
		scope[p.PkgPath] = p.Types.Scope()
	}
	for path, reason := range byPackage {
		if scope[path] == nil || reason == "" {
			t.Errorf("%s: not a package, or no reason", path)
		}
	}
	for name, c := range carriers {
		if _, ok := byFunc[name]; !ok || c.reason == "" || c.result == "" {
			t.Errorf("%s: a carrier must be an entry of byFunc, with a reason and its result type", name)
		}
	}
	for name, reason := range byFunc {
		i := strings.LastIndex(name, ".")
		s := scope[name[:i]]
		if s == nil {
			t.Errorf("%s: package not loaded", name)
			continue
		}
		fn, ok := s.Lookup(name[i+1:]).(*types.Func)
		if !ok {
			t.Errorf("%s: no such function", name)
			continue
		}
		if reason == "" {
			t.Errorf("%s: no reason", name)
		}
		params := fn.Type().(*types.Signature).Params()
		anyParam := false
		for j := range params.Len() {
			anyParam = anyParam || isAny(params.At(j).Type())
		}
		if !anyParam {
			t.Errorf("%s: no parameter of type any, the entry can never apply", name)
		}
		if !Only(fn, types.Universe.Lookup("any").Type()) {
			t.Errorf("%s: Only is false for an any parameter", name)
		}
	}
	fmtPkg := scope["fmt"]
	println := fmtPkg.Lookup("Println").(*types.Func)
	if Only(println, types.Universe.Lookup("error").Type()) {
		t.Errorf("fmt.Println: a value passed as an error is not only mentioned")
	}
}
