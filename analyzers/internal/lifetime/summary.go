package lifetime

import (
	"fmt"
	"slices"
	"strings"
)

// When says on which paths a callee discharges the caller's duty for an
// argument.
type When uint8

const (
	// Never: the callee neither releases nor keeps the argument.
	Never When = iota
	// Always: every normal return of the callee has released or kept it.
	Always
	// OnSuccess: it is released or kept only when the callee returns a nil
	// error (a constructor that keeps a connection only if its handshake
	// succeeds). On the failure path the caller still owns it.
	OnSuccess
	// OnFailure: it is released only when the callee returns a non-nil
	// error (a status check that closes the body before returning an
	// error). On the success path the caller still owns it.
	OnFailure
)

func (w When) String() string {
	switch w {
	case Always:
		return "always"
	case OnSuccess:
		return "on success"
	case OnFailure:
		return "on failure"
	}
	return "never"
}

// ParamEffect is what a function does with one of its parameters (index 0
// is the receiver of a method).
type ParamEffect struct {
	Index int
	When  When
	// Releases is true when the discharge is a release (Close), false when
	// ownership moves on (the value is stored, returned or sent).
	Releases bool
	// NotOnFailure (with When Always and Releases false): no return that
	// can carry a non-nil error hands the value back in a result. Where
	// the call fails, the callee has released it or kept it out of the
	// caller's reach (ssh.NewClientConn closes the connection when its
	// handshake fails and keeps it in the Conn it returns otherwise), so
	// the caller owes nothing on its error path.
	NotOnFailure bool
}

// OwnedResult says that result Index of the function is a resource of the
// given kind that the caller must release.
type OwnedResult struct {
	Index int
	Kind  string
	// At is the evidence: "file.go:42", the return that hands the
	// resource to the caller unreleased, so that a finding resting on the
	// summary can name where to check it.
	At string
	// WithError: some path returns the resource unreleased together with a
	// non-nil error (a client that returns the response of a 4xx with an
	// error), so the caller's error check does not mean there is none.
	WithError bool
	// Drained: every return that hands the resource over unreleased has
	// read its released part to the end first (a test helper that does
	// the request and io.ReadAll of the body, and returns the response
	// for its header): a leak of it is of the drained category.
	Drained bool
	// OnlyIfNil lists parameters (index 0 is the receiver of a method)
	// that are nil on every path that acquires the resource (a
	// constructor that opens a log file only when it is given no sink):
	// a caller passing a value that cannot be nil there gets none.
	OnlyIfNil []int
	// OnlyIfType lists conditions on the dynamic types of interface
	// parameters: for each parameter named there, the resource is
	// acquired only when that parameter has one of the types listed for
	// it (a row set that spills to a temporary file only under a context
	// with a row limit, found by asserting the context to that kind).
	OnlyIfType []TypeCondition
	// UnlessTest lists parameters through whose Cleanup the function
	// registers the resource's release, having asserted them to an
	// interface of its own that *testing.T implements (a test-server
	// helper taking its own TestingT): a caller passing a running test's
	// handle there gets a resource the test releases when it ends.
	UnlessTest []int
	// Handle: the resource is taken from the database handle a field of
	// a parameter holds (a wrapper's method that begins a transaction on
	// the database its constructor stored); nil when it is not, or when
	// the returns disagree.
	Handle *HandleSource
}

// Summary is the part of a function's behaviour that callers in other
// packages need. It travels between packages as an analysis fact.
type Summary struct {
	Params  []ParamEffect
	Results []OwnedResult
	// Drains lists the parameters (index 0 is the receiver of a method)
	// that the function reads to their end on every path to a normal
	// return, neither releasing nor keeping them (io.ReadAll(r) of an
	// io.Reader, io.Copy(io.Discard, resp.Body) of an *http.Response): for
	// its callers the call is a drain of what they pass there.
	Drains []int
	// Forwards lists results that every return takes from a call of one
	// of the function's function-typed parameters (a timeout or retry
	// wrapper, `func withTimeout[T any](f func(context.Context) (T,
	// error)) (T, error)`): the caller owns what the function it passes
	// there hands back.
	Forwards []Forward
	// Holds lists the parameters that fields of the results hold, for
	// fields that can hold a database handle (a wrapper's constructor).
	Holds []FieldHold
	// Globals lists the interface-typed parameters, without a release
	// method, that the function stores in package-level memory on some
	// path (logrus.SetOutput keeping its writer in the standard logger):
	// a caller passing a resource there has handed it over
	// (globalkeep.go).
	Globals []int
	// Uses lists the integer parameters that the function passes to a
	// raw descriptor's own packages (syscall, x/sys/unix) and otherwise
	// only converts or compares, directly or through callees that do the
	// same (a Tcgetattr(fd) helper around an ioctl): a caller passing a
	// descriptor there still owns it (untyped.go).
	Uses []int
}

// Forward says that result Result of the function is, on every return,
// the same result of a call of parameter Param (index 0 is the receiver
// of a method).
type Forward struct {
	Result int
	Param  int
}

// AFact marks Summary as an analysis fact.
func (*Summary) AFact() {}

func (s *Summary) String() string {
	var parts []string
	for _, p := range s.Params {
		verb := "keeps"
		if p.Releases {
			verb = "releases"
		}
		text := fmt.Sprintf("%s param %d %s", verb, p.Index, p.When)
		if p.NotOnFailure {
			text += ", not returned on failure"
		}
		parts = append(parts, text)
	}
	for _, r := range s.Results {
		text := fmt.Sprintf("returns owned %s in result %d", r.Kind, r.Index)
		if r.WithError {
			text += ", also with an error"
		}
		if r.Drained {
			text += ", read to the end"
		}
		for _, i := range r.OnlyIfNil {
			text += fmt.Sprintf(", only if param %d is nil", i)
		}
		for k, c := range r.OnlyIfType {
			if k > 0 && r.OnlyIfType[k-1].Param == c.Param {
				text += fmt.Sprintf(" or a %s", c.Type)
			} else {
				text += fmt.Sprintf(", only if param %d is a %s", c.Param, c.Type)
			}
		}
		for _, i := range r.UnlessTest {
			text += fmt.Sprintf(", unless param %d is a test's handle", i)
		}
		if r.Handle != nil {
			text += fmt.Sprintf(", taken from the handle in field %d of param %d", r.Handle.Field, r.Handle.Param)
			for _, i := range r.Handle.Contexts {
				text += fmt.Sprintf(" with the context of param %d", i)
			}
		}
		parts = append(parts, text)
	}
	for _, i := range s.Drains {
		parts = append(parts, fmt.Sprintf("reads param %d to the end", i))
	}
	for _, f := range s.Forwards {
		parts = append(parts, fmt.Sprintf("returns in result %d what param %d returns", f.Result, f.Param))
	}
	for _, h := range s.Holds {
		parts = append(parts, fmt.Sprintf("result %d holds param %d in field %d", h.Result, h.Param, h.Field))
	}
	for _, i := range s.Globals {
		parts = append(parts, fmt.Sprintf("keeps param %d in a package variable", i))
	}
	for _, i := range s.Uses {
		parts = append(parts, fmt.Sprintf("only uses descriptor param %d", i))
	}
	return "lifetime(" + strings.Join(parts, "; ") + ")"
}

func (s *Summary) empty() bool {
	return s == nil || len(s.Params) == 0 && len(s.Results) == 0 && len(s.Drains) == 0 && len(s.Forwards) == 0 && len(s.Holds) == 0 && len(s.Globals) == 0 && len(s.Uses) == 0
}

// drains reports whether the function reads parameter i to its end on
// every path.
func (s *Summary) drains(i int) bool { return s != nil && slices.Contains(s.Drains, i) }

// keepsGlobally reports whether the function keeps parameter i in
// package-level memory.
func (s *Summary) keepsGlobally(i int) bool { return s != nil && slices.Contains(s.Globals, i) }

// usesOnly reports whether the function only uses integer parameter i as
// a descriptor's number, neither closing nor keeping it.
func (s *Summary) usesOnly(i int) bool { return s != nil && slices.Contains(s.Uses, i) }

func (s *Summary) param(i int) ParamEffect {
	if s != nil {
		for _, p := range s.Params {
			if p.Index == i {
				return p
			}
		}
	}
	return ParamEffect{Index: i}
}

func (s *Summary) sort() {
	slices.SortFunc(s.Params, func(a, b ParamEffect) int { return a.Index - b.Index })
	slices.SortFunc(s.Results, func(a, b OwnedResult) int { return a.Index - b.Index })
	slices.Sort(s.Drains)
	slices.Sort(s.Globals)
	slices.Sort(s.Uses)
	slices.SortFunc(s.Forwards, func(a, b Forward) int { return a.Result - b.Result })
}
