package report

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

func TestDirectiveCovers(t *testing.T) {
	tests := []struct {
		text, check, category string
		want                  bool
	}{
		{"//nolint", "httpbody", "leak", true},
		{"//nolint:leakvet", "closecheck", "leak", true},
		{"//nolint:httpbody", "httpbody", "leak", true},
		{"//nolint:httpbody", "sqlclose", "leak", false},
		{"//nolint:sqlclose/rowserr", "sqlclose", "rowserr", true},
		{"//nolint:sqlclose/rowserr", "sqlclose", "leak", false},
		// Other linters' names for the same findings.
		{"//nolint:bodyclose", "httpbody", "leak", true},
		{"//nolint:bodyclose // closed by the caller", "httpbody", "strict", true},
		{"//nolint:bodyclose", "sqlclose", "leak", false},
		{"//nolint:sqlclosecheck", "sqlclose", "leak", true},
		{"//nolint:sqlclosecheck", "closecheck", "leak", false},
		{"//nolint:errcheck,bodyclose", "httpbody", "leak", true},
		{"//nolint:errcheck", "httpbody", "leak", false},
	}
	for _, tt := range tests {
		if got := directiveCovers(tt.text, tt.check, tt.category); got != tt.want {
			t.Errorf("directiveCovers(%q, %s/%s) = %t, want %t", tt.text, tt.check, tt.category, got, tt.want)
		}
	}
}

// fingerprintAt parses src and fingerprints the first occurrence of the
// call expression text at.
func fingerprintAt(t *testing.T, src, at string, nth int) string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "a.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var calls []*ast.CallExpr
	ast.Inspect(f, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok && strings.Join(strings.Fields(src[fset.Position(c.Pos()).Offset:fset.Position(c.End()).Offset]), " ") == at {
			calls = append(calls, c)
		}
		return true
	})
	if len(calls) <= nth {
		t.Fatalf("no call %q number %d in\n%s", at, nth, src)
	}
	c := calls[nth]
	return Fingerprint(fset, f, []byte(src), "example.com/p", "closecheck", "leak", c.Pos(), c.End())
}

const fpSrc = `package p

import "os"

func A() {
	f, _ := os.Open("a")
	_ = f
	g, _ := os.Open("a")
	_ = g
}

func (s *S) B() {
	f, _ := os.Open( "a" )
	_ = f
}
`

// TestFingerprintIgnoresLines: moving code down, reformatting it and
// adding comments leave a fingerprint as it was; the enclosing function,
// the code's text and its occurrence are what tell findings apart.
func TestFingerprintIgnoresLines(t *testing.T) {
	a0 := fingerprintAt(t, fpSrc, `os.Open("a")`, 0)
	want := "closecheck/leak\texample.com/p\tA\t0\tos.Open(\"a\")"
	if a0 != want {
		t.Errorf("fingerprint = %q, want %q", a0, want)
	}
	a1 := fingerprintAt(t, fpSrc, `os.Open("a")`, 1)
	if a1 == a0 || !strings.Contains(a1, "\tA\t1\t") {
		t.Errorf("second identical call in A: %q, want occurrence 1", a1)
	}
	b := fingerprintAt(t, fpSrc, `os.Open( "a" )`, 0)
	if b != "closecheck/leak\texample.com/p\t(*S).B\t0\tos.Open( \"a\" )" {
		t.Errorf("method fingerprint = %q", b)
	}

	moved := strings.Replace(fpSrc, "import \"os\"\n", "import \"os\"\n\n\n\n// A comment.\nvar x = 1\n", 1)
	if got := fingerprintAt(t, moved, `os.Open("a")`, 0); got != a0 {
		t.Errorf("after lines above: %q, want %q", got, a0)
	}
	reflowed := strings.Replace(fpSrc, `f, _ := os.Open("a")`, "f, _ := os.Open(\n\t\t\"a\", // the name\n\t)", 1)
	if got := fingerprintAt(t, reflowed, `os.Open( "a", // the name )`, 0); got != "closecheck/leak\texample.com/p\tA\t0\tos.Open( \"a\", )" {
		t.Errorf("reflowed with a comment: %q", got)
	}
}

func TestBaselineRoundTrip(t *testing.T) {
	fps := []string{"b\tp\tF\t0\tx()", "a\tp\tF\t0\ty()", "a\tp\tF\t0\ty()"}
	data := FormatBaseline(fps)
	set, err := ParseBaseline(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(set) != 2 || !set[fps[0]] || !set[fps[1]] {
		t.Errorf("round trip: %v from\n%s", set, data)
	}
	if _, err := ParseBaseline([]byte("httpbody/leak p F x()\n")); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("malformed line: err = %v, want one naming line 1", err)
	}
}
