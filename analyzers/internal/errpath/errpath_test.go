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
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedTypes}, "errors", "fmt", "os", "crypto/tls", "net", "net/url", "net/http/httptest", "strconv", "bytes", "strings", "crypto/rand", "hash", "hash/maphash")
	if err != nil {
		t.Fatal(err)
	}
	scope := map[string]*types.Scope{}
	for _, p := range pkgs {
		scope[p.PkgPath] = p.Types.Scope()
	}
	check := func(name, reason string) {
		if strings.HasPrefix(name, "(") {
			// (*pkg.Type).Method, or (pkg.Interface).Method
			typ, method, _ := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(name, "("), "*"), ").")
			i := strings.LastIndex(typ, ".")
			s := scope[typ[:i]]
			if s == nil {
				t.Errorf("%s: package not loaded", name)
				return
			}
			tn, ok := s.Lookup(typ[i+1:]).(*types.TypeName)
			if !ok {
				t.Errorf("%s: no such type", name)
				return
			}
			recv := tn.Type()
			if strings.HasPrefix(name, "(*") {
				recv = types.NewPointer(recv)
			}
			if m, _, _ := types.LookupFieldOrMethod(recv, true, tn.Pkg(), method); m == nil {
				t.Errorf("%s: no such method", name)
			}
			if reason == "" {
				t.Errorf("%s: no reason", name)
			}
			return
		}
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
	for name, reason := range handshaken {
		check(name, reason)
	}
	for name, reason := range opened {
		check(name, reason)
	}
	for name, a := range addrTypes {
		check(name, a.reason)
		check("("+a.typ+").String", hostPortStrings["("+a.typ+").String"])
	}
	for name, reason := range hostPortStrings {
		check(name, reason)
	}
	for name, reason := range splitsHostPort {
		check(name, reason)
	}
	for name, p := range parsesPort {
		check(name, p.reason)
	}
	for name, reason := range neverFails {
		check(name, reason)
	}
	for name, s := range succeedsOn {
		check(name, s.reason)
	}
	for name, p := range parsesFrom {
		check(name, p.reason)
		for f, reason := range p.fields {
			// pkg.Type.Field
			i := strings.LastIndex(f, ".")
			typ, field := f[:i], f[i+1:]
			j := strings.LastIndex(typ, ".")
			s := scope[typ[:j]]
			if s == nil {
				t.Errorf("%s: package not loaded", f)
				continue
			}
			tn, ok := s.Lookup(typ[j+1:]).(*types.TypeName)
			if !ok {
				t.Errorf("%s: no such type", f)
				continue
			}
			if v, _, _ := types.LookupFieldOrMethod(tn.Type(), false, tn.Pkg(), field); v == nil {
				t.Errorf("%s: no such field", f)
			} else if _, ok := v.(*types.Var); !ok {
				t.Errorf("%s: not a field", f)
			}
			if reason == "" {
				t.Errorf("%s: no reason", f)
			}
		}
	}
}
