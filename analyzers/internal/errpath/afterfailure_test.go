package errpath

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

const afterFailureSrc = `package p

import (
	"errors"
	"os"
	"strconv"
)

func openErr(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	if _, err := f.Stat(); err != nil {
		return err // after Stat
	}
	return f.Close()
}

func boolOutcome(s string) error {
	if _, ok := lookup(s); !ok {
		return errors.New("missing") // after lookup
	}
	return nil
}

func ownCondition(n int) error {
	if n > 3 {
		return errors.New("too many") // none
	}
	return nil
}

func eitherWay(s string) error {
	_, err := strconv.Atoi(s)
	if err != nil || s == "" {
		return errors.New("bad") // none
	}
	return nil
}

func nilSide(s string) error {
	_, err := strconv.Atoi(s)
	if err == nil {
		return errors.New("a number") // none
	}
	return nil
}

func lookup(s string) (int, bool) { return len(s), s != "" }
`

// TestAfterFailure checks which returns are reached only through the
// failing side of a call's outcome: the comment on each return names the
// call, or says none.
func TestAfterFailure(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", afterFailureSrc, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _, err := ssautil.BuildPackage(&types.Config{Importer: importer.Default()}, fset, types.NewPackage("p", ""), []*ast.File{f}, ssa.SanityCheckFunctions)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]string{}
	for _, cg := range f.Comments {
		want[fset.Position(cg.Pos()).Line] = cg.Text()
	}
	checked := 0
	for _, m := range pkg.Members {
		fn, ok := m.(*ssa.Function)
		if !ok {
			continue
		}
		for _, b := range fn.Blocks {
			ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
			if !ok || !ret.Pos().IsValid() {
				continue
			}
			w, ok := want[fset.Position(ret.Pos()).Line]
			if !ok {
				continue
			}
			checked++
			got := "none\n"
			if c := AfterFailure(b); c != nil {
				got = "after " + c.Call.StaticCallee().Name() + "\n"
			}
			if got != w {
				t.Errorf("%s line %d: AfterFailure = %q, want %q", fn.Name(), fset.Position(ret.Pos()).Line, got, w)
			}
		}
	}
	if checked != 5 {
		t.Errorf("checked %d returns, want 5", checked)
	}
}
