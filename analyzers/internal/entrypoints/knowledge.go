package entrypoints

import "strings"

// handlerTypes are the types through which a server calls a function for
// every request: a function value converted to one, passed where a
// parameter has one, or with the underlying signature of a function type
// among them, is a run-time entry point whose parameters carry traffic.
// A router of any package that takes one of these types is understood
// by type, whatever its methods are called.
var handlerTypes = []struct {
	Type string // package path "." type name
	Why  string
}{
	{"net/http.Handler", "the server calls ServeHTTP for every request"},
	{"net/http.HandlerFunc", "the server calls it for every request; its underlying signature func(ResponseWriter, *Request) is the handler shape"},
}

// keepers are functions that keep a function argument and call it later,
// from another goroutine, where their bodies do not show it (runtime hooks,
// timers). Param counts the call's arguments from 0, receiver excluded.
var keepers = []struct {
	Func  string // types.Func.FullName
	Param int
	Why   string
}{
	{"time.AfterFunc", 1, "calls f on its own goroutine when the timer fires"},
	{"context.AfterFunc", 1, "calls f on its own goroutine once the context is done"},
	{"runtime.SetFinalizer", 1, "the garbage collector calls the finalizer later"},
	{"(*net/http.Server).RegisterOnShutdown", 0, "called when the server shuts down"},
}

// rpcRegistrars publish the exported methods of their argument's type as
// remote procedures: each runs for every call a client makes.
var rpcRegistrars = []struct {
	Func  string
	Param int // the receiver value's argument
	Why   string
}{
	{"net/rpc.Register", 0, "publishes rcvr's exported methods on the default server"},
	{"net/rpc.RegisterName", 1, "publishes rcvr's exported methods under a name"},
	{"(*net/rpc.Server).Register", 0, "publishes rcvr's exported methods"},
	{"(*net/rpc.Server).RegisterName", 1, "publishes rcvr's exported methods under a name"},
}

// rpcNames holds the function names of rpcRegistrars, so that a call of
// any other function is passed over without spelling its full name.
var rpcNames = func() map[string]bool {
	m := map[string]bool{}
	for _, r := range rpcRegistrars {
		m[r.Func[strings.LastIndex(r.Func, ".")+1:]] = true
	}
	return m
}()
