package resource

import "go/types"

// A HeldResult is one result of one function that holds nothing to
// release, whatever a summary of the function's body says.
type HeldResult struct {
	Func   string // types.Func.FullName
	Result int
	Why    string
}

// emptyResults: results documented to need no release.
var emptyResults = []HeldResult{
	{Func: "github.com/coder/websocket.Dial", Result: 1,
		Why: "documented: \"You never need to close resp.Body yourself\"; after the 101 upgrade the body is the connection the returned *Conn owns"},
	{Func: "nhooyr.io/websocket.Dial", Result: 1, Why: "as github.com/coder/websocket.Dial (the module's former path)"},
}

// HoldsNothing reports whether result i of fn is documented to hold
// nothing that its caller must release.
func HoldsNothing(fn *types.Func, i int) bool {
	if fn == nil {
		return false
	}
	name := fn.Origin().FullName()
	for _, r := range emptyResults {
		if r.Func == name && r.Result == i {
			return true
		}
	}
	return false
}

// neverClosed lists channels that nothing ever closes: a receive from them
// reports ok on every value, so a range over one ends only by a break, a
// return or the end of the process. A channel is named as "FIELD of TYPE"
// (types.TypeString of the struct) or by the function returning it.
var neverClosedFields = []struct{ Type, Field, Why string }{
	{"time.Ticker", "C", "the runtime sends ticks and never closes C, not even on Stop"},
	{"time.Timer", "C", "the runtime never closes a timer's channel"},
}

var neverClosedFuncs = []Owner{
	{Func: "time.Tick", Why: "the ticker's channel, never closed"},
	{Func: "time.After", Why: "the timer's channel, never closed"},
}

// NeverClosedField reports whether field of the struct type named by
// types.TypeString as typ is a channel that is never closed.
func NeverClosedField(typ, field string) bool {
	for _, f := range neverClosedFields {
		if f.Type == typ && f.Field == field {
			return true
		}
	}
	return false
}

// NeverClosedFunc reports whether fn returns a channel that is never
// closed.
func NeverClosedFunc(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	name := fn.Origin().FullName()
	for _, f := range neverClosedFuncs {
		if f.Func == name {
			return true
		}
	}
	return false
}

// closedAfterRelease: channel results of functions that keep the resource
// passed to them, which the library closes only once it is done with that
// resource and closes it itself: a receive that finds the channel closed
// comes after the library took the release on.
var closedAfterRelease = []HeldResult{
	{Func: "golang.org/x/crypto/ssh.NewServerConn", Result: 1,
		Why: "the mux's read loop ends only when reading the connection fails, then closes this channel of new channels and closes the connection"},
	{Func: "golang.org/x/crypto/ssh.NewClientConn", Result: 1, Why: "the same mux, on the client side"},
}

// ClosedAfterRelease reports whether result i of fn is a channel that the
// library closes only when it has taken on the release of the resource
// fn was given (closedAfterRelease).
func ClosedAfterRelease(fn *types.Func, i int) bool {
	if fn == nil {
		return false
	}
	name := fn.Origin().FullName()
	for _, r := range closedAfterRelease {
		if r.Func == name && r.Result == i {
			return true
		}
	}
	return false
}
