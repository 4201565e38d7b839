package resource

import (
	"go/importer"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestEmptyBodyTablesNameRealFunctions keeps the tables behind http.NoBody
// honest: every entry names a function of the standard library, gives a
// reason, and its argument indices select arguments of the types the
// engine expects there.
func TestEmptyBodyTablesNameRealFunctions(t *testing.T) {
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedTypes},
		"net/http", "net/http/httptest", "net/url")
	if err != nil {
		t.Fatal(err)
	}
	funcs := map[string]*types.Func{}
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			t.Fatalf("%s: %v", p.PkgPath, p.Errors)
		}
		s := p.Types.Scope()
		for _, name := range s.Names() {
			if fn, ok := s.Lookup(name).(*types.Func); ok {
				funcs[fn.FullName()] = fn
			}
			if tn, ok := s.Lookup(name).(*types.TypeName); ok {
				ms := types.NewMethodSet(types.NewPointer(tn.Type()))
				for i := range ms.Len() {
					if fn, ok := ms.At(i).Obj().(*types.Func); ok {
						funcs[fn.FullName()] = fn
					}
				}
			}
		}
	}
	// arg is the type of argument i of fn, the receiver first.
	arg := func(fn *types.Func, i int) string {
		sig := fn.Type().(*types.Signature)
		if sig.Recv() != nil {
			if i == 0 {
				return types.TypeString(sig.Recv().Type(), nil)
			}
			i--
		}
		if i >= sig.Params().Len() {
			return "(none)"
		}
		return types.TypeString(sig.Params().At(i).Type(), nil)
	}
	for _, s := range senders {
		fn := funcs[s.Func]
		if fn == nil || s.Why == "" {
			t.Errorf("%s: no such function, or no reason", s.Func)
			continue
		}
		if got, ok := SenderOf(fn); !ok || got.Func != s.Func {
			t.Errorf("SenderOf(%s) = %v, %v", s.Func, got, ok)
		}
		if s.Request >= 0 && arg(fn, s.Request) != RequestType {
			t.Errorf("%s: argument %d is %s, not the request", s.Func, s.Request, arg(fn, s.Request))
		}
		if s.URL >= 0 && arg(fn, s.URL) != "string" {
			t.Errorf("%s: argument %d is %s, not the URL", s.Func, s.URL, arg(fn, s.URL))
		}
		if s.Client >= 0 && arg(fn, s.Client) != "*net/http.Client" {
			t.Errorf("%s: argument %d is %s, not the client", s.Func, s.Client, arg(fn, s.Client))
		}
	}
	for _, m := range requestMakers {
		fn := funcs[m.Func]
		if fn == nil || m.Why == "" {
			t.Errorf("%s: no such function, or no reason", m.Func)
			continue
		}
		if arg(fn, m.Method) != "string" || arg(fn, m.URL) != "string" {
			t.Errorf("%s: method or URL argument is not a string", m.Func)
		}
		if _, ok := RequestMakerOf(fn); !ok {
			t.Errorf("RequestMakerOf(%s) = false", m.Func)
		}
	}
	for _, list := range [][]Owner{requestCopies, urlParsers, testServerMakers, testServerUses, muxMakers, routeRegistrations} {
		for _, o := range list {
			if funcs[o.Func] == nil || o.Why == "" {
				t.Errorf("%s: no such function, or no reason", o.Func)
			}
		}
	}
	if funcs[TestServerClient] == nil {
		t.Errorf("%s: no such method", TestServerClient)
	}
	for _, name := range []string{"NewRequest", "Head", "NewRequestWithContext"} {
		if fn := funcs["net/http."+name]; KeepsRequestMethod(fn) {
			t.Errorf("KeepsRequestMethod(%s) = true", name)
		}
	}
	if !KeepsRequestMethod(funcs["(*net/http.Request).SetBasicAuth"]) {
		t.Errorf("KeepsRequestMethod((*Request).SetBasicAuth) = false")
	}
	set, get := funcs["(net/http.Header).Set"], funcs["(net/http.Header).Get"]
	if set == nil || get == nil {
		t.Fatal("net/http.Header has no Set or Get")
	}
	for _, tt := range []struct {
		fn    *types.Func
		key   string
		known bool
		quiet bool
	}{
		{set, "X-Seen", true, true},
		{set, "content-length", true, false},
		{set, "Transfer-Encoding", true, false},
		{set, "Trailer", true, false},
		{set, "Trailer:X-Sum", true, false},
		{set, "Location", true, false},
		{set, "", false, false},
		{get, "", false, true},
	} {
		if got := QuietHeaderCall(tt.fn, tt.key, tt.known); got != tt.quiet {
			t.Errorf("QuietHeaderCall(%s, %q) = %v, want %v", tt.fn.Name(), tt.key, got, tt.quiet)
		}
	}
}

// The handler signature is net/http's: HandlerFunc's, and the ServeHTTP
// method of Handler; a function that also returns something is not.
func TestHandlerSignatureMatchesNetHTTP(t *testing.T) {
	pkg, err := importer.ForCompiler(token.NewFileSet(), "source", nil).Import("net/http")
	if err != nil {
		t.Fatal(err)
	}
	hf := pkg.Scope().Lookup("HandlerFunc").Type().Underlying().(*types.Signature)
	if !IsHandlerSignature(hf) {
		t.Errorf("HandlerFunc's signature %s is not a handler's", hf)
	}
	obj, _, _ := types.LookupFieldOrMethod(pkg.Scope().Lookup("Handler").Type(), false, pkg, ServeMethod)
	m, ok := obj.(*types.Func)
	if !ok {
		t.Fatalf("net/http.Handler has no %s", ServeMethod)
	}
	if !IsHandlerSignature(m.Type().(*types.Signature)) {
		t.Errorf("%s is not a handler's signature", m.Type())
	}
	get := pkg.Scope().Lookup("Get").Type().(*types.Signature)
	if IsHandlerSignature(get) {
		t.Errorf("%s taken for a handler's signature", get)
	}
}
