package resource

import (
	"go/importer"
	"go/token"
	"go/types"
	"testing"
)

// Every restated method of *testing.T is the method the testing package
// has: same full name, identical signature.
func TestTestingTMethodsMatchTesting(t *testing.T) {
	pkg, err := importer.ForCompiler(token.NewFileSet(), "source", nil).Import("testing")
	if err != nil {
		t.Fatal(err)
	}
	ptrT := types.NewPointer(pkg.Scope().Lookup("T").Type())
	for name, want := range testingTMethods {
		obj, _, _ := types.LookupFieldOrMethod(ptrT, true, pkg, name)
		fn, ok := obj.(*types.Func)
		if !ok {
			t.Errorf("*testing.T has no method %s", name)
			continue
		}
		if fn.FullName() != want.fullName {
			t.Errorf("%s: *testing.T runs %s, the table says %s", name, fn.FullName(), want.fullName)
		}
		if !types.Identical(fn.Type(), want.sig) {
			t.Errorf("%s: signature %s, the table says %s", name, fn.Type(), want.sig)
		}
	}
}

// A call through a package's own interface is a test failure when
// *testing.T implements the interface and the method is a failing one on
// *testing.T; an interface *testing.T does not implement, or a method that
// does not fail, is not.
func TestFailsTestThroughInterface(t *testing.T) {
	const src = `package p

type TestingT interface{ Errorf(format string, args ...interface{}) }
type Helped interface {
	Helper()
	Fatalf(string, ...any)
	Logf(string, ...any)
}
type Reporter interface{ Errorf(format string, args ...string) }
type Wider interface {
	Errorf(format string, args ...interface{})
	Report()
}
type Logger interface{ Logf(string, ...any) }
type Concrete struct{}
func (Concrete) Errorf(format string, args ...interface{}) {}
`
	pkg := checkSource(t, src)
	method := func(typ, name string) *types.Func {
		obj, _, _ := types.LookupFieldOrMethod(pkg.Scope().Lookup(typ).Type(), true, pkg, name)
		return obj.(*types.Func)
	}
	for _, c := range []struct {
		typ, name string
		want      bool
	}{
		{"TestingT", "Errorf", true},
		{"Helped", "Fatalf", true},
		{"Helped", "Logf", false},
		{"Helped", "Helper", false},
		{"Reporter", "Errorf", false}, // not *testing.T's signature
		{"Wider", "Errorf", false},    // *testing.T has no Report
		{"Logger", "Logf", false},
		{"Concrete", "Errorf", false}, // not an interface
	} {
		if got := FailsTestThroughInterface(method(c.typ, c.name)); got != c.want {
			t.Errorf("FailsTestThroughInterface(%s.%s) = %v, want %v", c.typ, c.name, got, c.want)
		}
	}
}

// Every subtest runner is a method of the testing package that takes a
// function of the receiver's own pointer type.
func TestSubtestRunnersMatchTesting(t *testing.T) {
	pkg, err := importer.ForCompiler(token.NewFileSet(), "source", nil).Import("testing")
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, name := range []string{"T", "B"} {
		ptr := types.NewPointer(pkg.Scope().Lookup(name).Type())
		obj, _, _ := types.LookupFieldOrMethod(ptr, true, pkg, "Run")
		fn, ok := obj.(*types.Func)
		if !ok {
			t.Fatalf("*testing.%s has no Run", name)
		}
		if !RunsSubtest(fn) {
			t.Errorf("%s is not a subtest runner", fn.FullName())
			continue
		}
		found++
		f := fn.Type().(*types.Signature).Params().At(1).Type().(*types.Signature)
		if !types.Identical(f.Params().At(0).Type(), ptr) {
			t.Errorf("%s runs a %s", fn.FullName(), f)
		}
	}
	if found != len(subtestRunners) {
		t.Errorf("%d runners checked, the table has %d", found, len(subtestRunners))
	}
}
