package resource

import (
	"go/types"
	"slices"
)

// HTTP mocking libraries that intercept a client's requests: once
// interception is on, the library's transport answers each request with
// a response it builds in memory from the mocks a test registered, and
// no connection stands behind that response. Interception is the state
// of the process, switched by the library's functions: the engine takes a
// response as held in memory only where, in the function that sends the
// request, a call that turns interception on comes before the send on
// every path, and nothing that can send requests to the network again
// (real networking on, interception off, the client's own transport
// back) can run between them (see the lifetime engine's intercepted).

// An Interception describes one library.
type Interception struct {
	// On: functions after which the library's transports answer from its
	// mocks and http.DefaultTransport is one of them.
	On []string
	// Off: functions after which a request may reach the network again.
	Off []string
	// OffFields: fields (package path, type name and field) whose
	// assignment lets one mock's requests reach the network.
	OffFields []string
	// Clients: functions that give the client passed as their argument
	// Client (an index among the call's arguments) the library's
	// transport.
	Clients []ClientInterceptor
	// Transports: round trip methods of the library's transports, which
	// answer from the mocks while interception is on.
	Transports []string
	Why        string
}

// A ClientInterceptor gives a client the library's transport.
type ClientInterceptor struct {
	Func   string
	Client int
}

var interceptions = []Interception{
	{
		On: []string{
			"github.com/h2non/gock.New",
			"github.com/h2non/gock.Intercept",
		},
		Off: []string{
			"github.com/h2non/gock.Disable",
			"github.com/h2non/gock.Off",
			"github.com/h2non/gock.OffAll",
			"github.com/h2non/gock.EnableNetworking",
			"(*github.com/h2non/gock.Request).EnableNetworking",
			"(*github.com/h2non/gock.Response).EnableNetworking",
			"github.com/h2non/gock.RestoreClient",
		},
		OffFields: []string{"github.com/h2non/gock.Response.UseNetwork"},
		Clients:   []ClientInterceptor{{Func: "github.com/h2non/gock.InterceptClient", Client: 0}},
		Transports: []string{
			"(*github.com/h2non/gock.Transport).RoundTrip",
		},
		Why: "New and Intercept set http.DefaultTransport to gock's Transport, whose RoundTrip, while it is the default transport and networking is off, answers a matched request with a response built by createResponse over the mock's bytes and an unmatched one with ErrCannotMatch; only EnableNetworking (global or per mock) or interception turned off (Disable, Off, OffAll, RestoreClient for an intercepted client) sends requests to the native transport",
	},
}

// InterceptionOn returns the library whose interception fn turns on.
func InterceptionOn(fn *types.Func) (*Interception, bool) {
	return interceptionBy(fn, func(in *Interception) []string { return in.On })
}

// InterceptionOff reports whether fn may let requests of some library's
// intercepted clients reach the network again.
func InterceptionOff(fn *types.Func) bool {
	_, ok := interceptionBy(fn, func(in *Interception) []string { return in.Off })
	return ok
}

// InterceptionOffField reports whether assigning the field named field of
// the named type typ (package path and name) lets requests reach the
// network.
func InterceptionOffField(typ, field string) bool {
	name := typ + "." + field
	for i := range interceptions {
		if slices.Contains(interceptions[i].OffFields, name) {
			return true
		}
	}
	return false
}

// InterceptionTransport returns the library whose transport's round trip
// method fn is.
func InterceptionTransport(fn *types.Func) (*Interception, bool) {
	return interceptionBy(fn, func(in *Interception) []string { return in.Transports })
}

// InterceptedClient returns the library and the argument index of the
// client whose transport fn replaces with the library's.
func InterceptedClient(fn *types.Func) (*Interception, int, bool) {
	if fn == nil {
		return nil, 0, false
	}
	name := fn.Origin().FullName()
	for i := range interceptions {
		for _, c := range interceptions[i].Clients {
			if c.Func == name {
				return &interceptions[i], c.Client, true
			}
		}
	}
	return nil, 0, false
}

// InterceptionPackages returns the import paths of the libraries: a
// function of another package that imports one may switch interception.
func InterceptionPackages() []string {
	var out []string
	for i := range interceptions {
		for _, f := range interceptions[i].On {
			if p := funcPackage(f); p != "" && !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

func interceptionBy(fn *types.Func, list func(*Interception) []string) (*Interception, bool) {
	if fn == nil {
		return nil, false
	}
	name := fn.Origin().FullName()
	for i := range interceptions {
		if slices.Contains(list(&interceptions[i]), name) {
			return &interceptions[i], true
		}
	}
	return nil, false
}

// funcPackage returns the package path of a function's full name
// ("example.com/p.F", "(*example.com/p.T).M").
func funcPackage(name string) string {
	if len(name) > 0 && name[0] == '(' {
		name = name[1:]
		if len(name) > 0 && name[0] == '*' {
			name = name[1:]
		}
	}
	slash := 0
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == '/' {
			slash = i
			break
		}
	}
	for i := slash; i < len(name); i++ {
		if name[i] == '.' {
			return name[:i]
		}
	}
	return ""
}
