package resource

import (
	"fmt"
	"go/types"
	"strings"
)

// CheckUser checks user entries against a loaded program: lookup returns
// the package of an import path among those loaded (nil if none is). An
// acquire or release that names no function or method of a loaded
// package, a result index out of range, and a release method the
// acquired value does not have are errors naming the entry. The drivers
// that see the whole program (the leakvet binary) call it before
// analysis; under go vet each process sees one package and its imports,
// so no check is made there.
func CheckUser(entries []UserEntry, lookup func(path string) *types.Package) []error {
	var errs []error
	for i, e := range entries {
		bad := func(format string, args ...any) {
			errs = append(errs, fmt.Errorf("resource entry %d (%q): %s", i+1, e.Text, fmt.Sprintf(format, args...)))
		}
		fn, why := resolveFunc(e.Acquire, lookup)
		if fn == nil {
			bad("acquiring function %s", why)
			continue
		}
		sig := fn.Signature()
		if e.Result >= sig.Results().Len() {
			bad("result index #%d is out of range: %s has %d results", e.Result, e.Acquire, sig.Results().Len())
			continue
		}
		acquired := sig.Results().At(e.Result).Type()
		for _, m := range e.Methods {
			if why := checkMethodPath(acquired, fn.Pkg(), m); why != "" {
				bad("release .%s: %s", m, why)
			}
		}
		for _, r := range e.Releases {
			rf, why := resolveFunc(r, lookup)
			if rf == nil {
				bad("release %s", why)
				continue
			}
			if rf.Signature().Params().Len() == 0 {
				bad("release %s takes no argument to release", r)
			}
		}
	}
	return errs
}

// resolveFunc finds the function or method spelled name (as
// types.Func.FullName spells it), or says why there is none.
func resolveFunc(name string, lookup func(string) *types.Package) (*types.Func, string) {
	if recv, method, ok := strings.Cut(name, ")."); ok && strings.HasPrefix(recv, "(") {
		recv = strings.TrimPrefix(recv, "(")
		recv = strings.TrimPrefix(recv, "*")
		dot := strings.LastIndex(recv, ".")
		path, typeName := recv[:dot], recv[dot+1:]
		pkg := lookup(path)
		if pkg == nil {
			return nil, fmt.Sprintf("%s: no analysed package is or imports %q", name, path)
		}
		tn, ok := pkg.Scope().Lookup(typeName).(*types.TypeName)
		if !ok {
			return nil, fmt.Sprintf("%s: package %s has no type %s", name, path, typeName)
		}
		obj, _, _ := types.LookupFieldOrMethod(tn.Type(), true, pkg, method)
		fn, ok := obj.(*types.Func)
		if !ok {
			return nil, fmt.Sprintf("%s: type %s.%s has no method %s", name, path, typeName, method)
		}
		if fn.FullName() != name {
			return nil, fmt.Sprintf("%s: no such method; go/types spells it %s", name, fn.FullName())
		}
		return fn, ""
	}
	dot := strings.LastIndex(name, ".")
	path, fname := name[:dot], name[dot+1:]
	pkg := lookup(path)
	if pkg == nil {
		return nil, fmt.Sprintf("%s: no analysed package is or imports %q", name, path)
	}
	fn, ok := pkg.Scope().Lookup(fname).(*types.Func)
	if !ok {
		return nil, fmt.Sprintf("%s: package %s has no function %s", name, path, fname)
	}
	return fn, ""
}

// checkMethodPath says why the value of type t has no method path
// ("Close", or "Field.Close" through a field), or "" when it has.
func checkMethodPath(t types.Type, pkg *types.Package, path string) string {
	field, method, viaField := strings.Cut(path, ".")
	if viaField {
		obj, _, _ := types.LookupFieldOrMethod(t, true, pkg, field)
		v, ok := obj.(*types.Var)
		if !ok || !v.IsField() {
			return fmt.Sprintf("%s has no field %s", t, field)
		}
		t = v.Type()
	} else {
		method = field
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, pkg, method)
	if _, ok := obj.(*types.Func); !ok {
		return fmt.Sprintf("%s has no method %s", t, method)
	}
	return ""
}
