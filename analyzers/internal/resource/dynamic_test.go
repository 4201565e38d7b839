package resource

import (
	"go/types"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestDynamicResultsNameRealFunctions: every entry names a function of
// package net whose argument Arg is the network string, returning an
// interface that the listed concrete type implements; and DynamicType
// decides by that argument alone.
func TestDynamicResultsNameRealFunctions(t *testing.T) {
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedTypes}, "net")
	if err != nil || len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
		t.Fatalf("loading net: %v %v", err, pkgs)
	}
	scope := pkgs[0].Types.Scope()
	funcs := map[string]*types.Func{}
	ptrTypes := map[string]types.Type{}
	for _, name := range scope.Names() {
		switch o := scope.Lookup(name).(type) {
		case *types.Func:
			funcs[o.FullName()] = o
		case *types.TypeName:
			ptr := types.NewPointer(o.Type())
			ptrTypes[types.TypeString(ptr, nil)] = ptr
			ms := types.NewMethodSet(ptr)
			for i := range ms.Len() {
				if fn, ok := ms.At(i).Obj().(*types.Func); ok {
					funcs[fn.FullName()] = fn
				}
			}
		}
	}
	for _, d := range dynamicResults {
		fn := funcs[d.Func]
		if fn == nil || d.Why == "" || len(d.Values) == 0 {
			t.Errorf("%s: no such function, no values or no reason", d.Func)
			continue
		}
		sig := fn.Type().(*types.Signature)
		i := d.Arg
		if sig.Recv() != nil {
			i--
		}
		if i < 0 || i >= sig.Params().Len() || types.TypeString(sig.Params().At(i).Type(), nil) != "string" {
			t.Errorf("%s: argument %d is not the network string", d.Func, d.Arg)
		}
		concrete := ptrTypes[d.Type]
		if concrete == nil || sig.Results().Len() == 0 || !types.Implements(concrete, sig.Results().At(0).Type().Underlying().(*types.Interface)) {
			t.Errorf("%s: %s does not implement its first result", d.Func, d.Type)
		}
		for _, v := range d.Values {
			got := DynamicType(fn, func(j int) (string, bool) { return v, j == d.Arg })
			if got != d.Type {
				t.Errorf("DynamicType(%s, %q) = %q, want %q", d.Func, v, got, d.Type)
			}
		}
		if got := DynamicType(fn, func(int) (string, bool) { return "", false }); got != "" {
			t.Errorf("DynamicType(%s) without a constant = %q", d.Func, got)
		}
	}
}
