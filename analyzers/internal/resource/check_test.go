package resource

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

const poolSrc = `package pool

type Pool struct{}
type Conn struct{ Session *Session }
type Session struct{}

func (s *Session) Close() error { return nil }
func (c *Conn) Release()        {}
func (p *Pool) Get() (*Conn, error) { return nil, nil }
func (p *Pool) Put(c *Conn)    {}
func (p Pool) Stats() int       { return 0 }
func New() *Pool                { return nil }
func Drain()                    {}

type Tracer interface{ Start(name string) (int, Span) }
type Span interface{ End() }
`

func poolLookup(t *testing.T) func(string) *types.Package {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "pool.go", poolSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{}).Check("example.com/pool", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return func(path string) *types.Package {
		if path == pkg.Path() {
			return pkg
		}
		return nil
	}
}

// TestCheckUserAgainstTheProgram: entries that name existing functions,
// methods and results are accepted; each kind of mistake is an error
// naming the entry and what is wrong.
func TestCheckUserAgainstTheProgram(t *testing.T) {
	lookup := poolLookup(t)
	good := "(*example.com/pool.Pool).Get => (*example.com/pool.Pool).Put; " +
		"(*example.com/pool.Pool).Get => .Release, .Session.Close; " +
		"(example.com/pool.Tracer).Start#1 => .End"
	entries, err := ParseUser(good)
	if err != nil {
		t.Fatal(err)
	}
	if errs := CheckUser(entries, lookup); len(errs) != 0 {
		t.Errorf("good entries rejected: %v", errs)
	}
	bad := []struct{ spec, want string }{
		{"(*example.com/pool.Pool).Gett => .Release", "type example.com/pool.Pool has no method Gett"},
		{"(*example.com/pool.Pol).Get => .Release", "package example.com/pool has no type Pol"},
		{"(*example.com/poool.Pool).Get => .Release", `no analysed package is or imports "example.com/poool"`},
		{"(example.com/pool.Pool).Get => .Release", "go/types spells it (*example.com/pool.Pool).Get"},
		{"example.com/pool.Neww => .Close", "package example.com/pool has no function Neww"},
		{"(*example.com/pool.Pool).Get#2 => .Release", "result index #2 is out of range: (*example.com/pool.Pool).Get has 2 results"},
		{"(*example.com/pool.Pool).Get => .Relase", "release .Relase: *example.com/pool.Conn has no method Relase"},
		{"(*example.com/pool.Pool).Get => .Sesion.Close", "has no field Sesion"},
		{"(*example.com/pool.Pool).Get => example.com/pool.Drain", "release example.com/pool.Drain takes no argument"},
		{"(*example.com/pool.Pool).Get => (*example.com/pool.Pool).Putt", "release (*example.com/pool.Pool).Putt: type example.com/pool.Pool has no method Putt"},
	}
	for _, tt := range bad {
		entries, err := ParseUser(tt.spec)
		if err != nil {
			t.Fatalf("%q: %v", tt.spec, err)
		}
		errs := CheckUser(entries, lookup)
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.want) || !strings.Contains(errs[0].Error(), `resource entry 1 ("`+tt.spec+`")`) {
			t.Errorf("%q: errors %v, want one naming the entry and %q", tt.spec, errs, tt.want)
		}
	}
}

// TestUserResourcesRepeatedFlagAdds: each Set adds entries; Set("")
// clears them.
func TestUserResourcesRepeatedFlagAdds(t *testing.T) {
	var u UserResources
	for _, spec := range []string{"a.Get => .Close", "b.Open => .Close; c.Dial => .Close"} {
		if err := u.Set(spec); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(u.Entries()); n != 3 {
		t.Errorf("after two Sets, %d entries, want 3", n)
	}
	if got := u.String(); got != "a.Get => .Close; b.Open => .Close; c.Dial => .Close" {
		t.Errorf("String() = %q", got)
	}
	if err := u.Set(""); err != nil || len(u.Entries()) != 0 || u.String() != "" {
		t.Errorf("Set(\"\") left %d entries, %q (err %v)", len(u.Entries()), u.String(), err)
	}
}
