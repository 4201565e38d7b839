package resource

import (
	"go/types"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestReleasedWithReceiverNamesRealMethods: every entry names a method of
// database/sql, or an acquirer of the built-in table (whose package this
// module does not import), with a reason, and ReleasedWithReceiver answers for it and
// not for the acquirers whose results hold a connection (rows, a
// transaction).
func TestReleasedWithReceiverNamesRealMethods(t *testing.T) {
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedTypes}, "database/sql")
	if err != nil || len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
		t.Fatalf("loading database/sql: %v %v", err, pkgs)
	}
	funcs := map[string]*types.Func{}
	for _, name := range pkgs[0].Types.Scope().Names() {
		o, ok := pkgs[0].Types.Scope().Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		ms := types.NewMethodSet(types.NewPointer(o.Type()))
		for i := range ms.Len() {
			if fn, ok := ms.At(i).Obj().(*types.Func); ok {
				funcs[fn.FullName()] = fn
			}
		}
	}
	builtin := map[string]bool{}
	for _, list := range [][]Acquirer{sftpAcquirers} {
		for _, a := range list {
			builtin[a.Func] = true
		}
	}
	for name, why := range releasedWithReceiver {
		if builtin[name] {
			if why == "" {
				t.Errorf("%s: no reason", name)
			}
			continue
		}
		fn := funcs[name]
		if fn == nil || why == "" {
			t.Errorf("%s: no such method, or no reason", name)
			continue
		}
		if !ReleasedWithReceiver(fn) {
			t.Errorf("%s: listed, not answered", name)
		}
	}
	for _, name := range []string{"(*database/sql.DB).Query", "(*database/sql.DB).BeginTx", "(*database/sql.DB).Conn"} {
		if ReleasedWithReceiver(funcs[name]) {
			t.Errorf("%s: its result holds a connection that DB.Close does not close", name)
		}
	}
}
