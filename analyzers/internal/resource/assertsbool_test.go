package resource

import (
	"go/types"
	"testing"
)

// TestAssertsBool checks that a bool assertion is known by its full name,
// as a function and as a method of the assertion object, with the index
// of its bool among a static call's arguments, and that the same name in
// another package is not.
func TestAssertsBool(t *testing.T) {
	boolT := types.Typ[types.Bool]
	param := func(typ types.Type) *types.Var { return types.NewParam(0, nil, "", typ) }
	results := types.NewTuple(param(boolT))
	fn := func(pkgPath, name string) *types.Func {
		pkg := types.NewPackage(pkgPath, "assert")
		sig := types.NewSignatureType(nil, nil, nil,
			types.NewTuple(param(types.NewInterfaceType(nil, nil)), param(boolT), param(anySlice())), results, true)
		return types.NewFunc(0, pkg, name, sig)
	}
	method := func(pkgPath, name string) *types.Func {
		pkg := types.NewPackage(pkgPath, "assert")
		named := types.NewNamed(types.NewTypeName(0, pkg, "Assertions", nil), types.NewStruct(nil, nil), nil)
		recv := types.NewVar(0, pkg, "a", types.NewPointer(named))
		sig := types.NewSignatureType(recv, nil, nil, types.NewTuple(param(boolT), param(anySlice())), results, true)
		return types.NewFunc(0, pkg, name, sig)
	}
	const assertPath = "github.com/stretchr/testify/assert"
	for _, tc := range []struct {
		fn        *types.Func
		arg       int
		want, ok  bool
		described string
	}{
		{fn(assertPath, "False"), 1, false, true, "assert.False"},
		{fn(assertPath, "Truef"), 1, true, true, "assert.Truef"},
		{fn("github.com/stretchr/testify/require", "False"), 1, false, true, "require.False"},
		{method(assertPath, "False"), 1, false, true, "(*assert.Assertions).False"},
		{method(assertPath, "True"), 1, true, true, "(*assert.Assertions).True"},
		{fn(assertPath, "Equal"), 0, false, false, "assert.Equal"},
		{fn("example.com/assert", "False"), 0, false, false, "another package's False"},
	} {
		arg, want, ok := AssertsBool(tc.fn)
		if ok != tc.ok || ok && (arg != tc.arg || want != tc.want) {
			t.Errorf("AssertsBool(%s) = %d, %v, %v; want %d, %v, %v", tc.described, arg, want, ok, tc.arg, tc.want, tc.ok)
		}
	}
}
