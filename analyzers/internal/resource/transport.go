package resource

import (
	"go/types"
	"slices"
)

// Where a request goes: an HTTP client sends every request through the
// round tripper in one of its fields, and a transport sends the requests
// of a registered scheme to the round tripper registered for it. A
// response from a round tripper that builds it in memory holds no
// connection (see the lifetime engine's answeredInMemory). The client
// methods that send are the senders of nobody.go whose Client is their
// receiver.

// transportFields: the field of a client type through which it sends its
// requests.
var transportFields = []struct{ Type, Field, Why string }{
	{"net/http.Client", "Transport", "documented: the mechanism by which individual HTTP requests are made; nil means DefaultTransport"},
}

// A ProtocolRegistration is a method that sends a transport's requests of
// one scheme to a round tripper: Scheme and RoundTripper are argument
// indices (the receiver is 0).
type ProtocolRegistration struct {
	Func                 string
	Scheme, RoundTripper int
	Why                  string
}

var protocolRegistrations = []ProtocolRegistration{
	{Func: "(*net/http.Transport).RegisterProtocol", Scheme: 1, RoundTripper: 2,
		Why: "documented: requests of the scheme are sent to rt; a transport tries it before its own connections"},
}

// roundTripMethods: the interface method a transport value answers
// through, and the type of the response it returns.
var roundTripMethods = []struct{ Iface, Method, Response, Why string }{
	{"net/http.RoundTripper", "RoundTrip", "*net/http.Response", "a client and a transport's registered protocols call RoundTrip and return its response"},
}

// inMemoryBodies: functions that make a response body of a reader without
// a Close of its own; such a body holds what its reader holds.
var inMemoryBodies = []Owner{
	{Func: "io.NopCloser", Why: "its Close does nothing; the body is the reader"},
	{Func: "io/ioutil.NopCloser", Why: "io.NopCloser under its former name"},
}

// memoryReaders: reader types that read from process memory alone.
var memoryReaders = []struct{ Type, Why string }{
	{"*strings.Reader", "reads a string"},
	{"*bytes.Reader", "reads a byte slice"},
	{"*bytes.Buffer", "reads its byte slice"},
}

// emptyBodies: package-level bodies that hold nothing.
var emptyBodies = []struct{ Var, Why string }{
	{"net/http.NoBody", "documented: an io.ReadCloser with no bytes; Close does nothing"},
}

// TransportField returns the field through which values of the struct
// type named typ (types.TypeString, "net/http.Client") send requests.
func TransportField(typ string) string {
	for _, f := range transportFields {
		if f.Type == typ {
			return f.Field
		}
	}
	return ""
}

// ProtocolRegistrationOf returns the entry for fn if it registers a round
// tripper for a scheme.
func ProtocolRegistrationOf(fn *types.Func) (ProtocolRegistration, bool) {
	if fn == nil {
		return ProtocolRegistration{}, false
	}
	name := fn.Origin().FullName()
	i := slices.IndexFunc(protocolRegistrations, func(r ProtocolRegistration) bool { return r.Func == name })
	if i < 0 {
		return ProtocolRegistration{}, false
	}
	return protocolRegistrations[i], true
}

// A RoundTripMethodEntry names an interface through which a transport
// answers: its method and the type of the response it returns.
type RoundTripMethodEntry struct{ Iface, Method, Response string }

// RoundTripMethods returns the table's round trip interfaces.
func RoundTripMethods() []RoundTripMethodEntry {
	out := make([]RoundTripMethodEntry, len(roundTripMethods))
	for i, m := range roundTripMethods {
		out[i] = RoundTripMethodEntry{m.Iface, m.Method, m.Response}
	}
	return out
}

// RoundTripMethod returns the name of the method through which a value
// of the transport interface iface (types.TypeString) answers, and the
// type of the response it returns.
func RoundTripMethod(iface string) (method, response string) {
	for _, m := range roundTripMethods {
		if m.Iface == iface {
			return m.Method, m.Response
		}
	}
	return "", ""
}

// IsInMemoryBody reports whether fn makes a body of the reader it is given.
func IsInMemoryBody(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	name := fn.Origin().FullName()
	return slices.ContainsFunc(inMemoryBodies, func(o Owner) bool { return o.Func == name })
}

// IsMemoryReader reports whether values of type t read from memory alone.
func IsMemoryReader(t types.Type) bool {
	s := types.TypeString(t, nil)
	return slices.ContainsFunc(memoryReaders, func(m struct{ Type, Why string }) bool { return m.Type == s })
}

// IsEmptyBody reports whether the package-level variable v is a body that
// holds nothing.
func IsEmptyBody(v *types.Var) bool {
	if v == nil || v.Pkg() == nil {
		return false
	}
	name := v.Pkg().Path() + "." + v.Name()
	return slices.ContainsFunc(emptyBodies, func(b struct{ Var, Why string }) bool { return b.Var == name })
}
