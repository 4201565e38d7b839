package resource

import (
	"go/types"
	"net/textproto"
	"strings"
)

// A response whose body is empty holds nothing: net/http's transfer code
// gives it Body = http.NoBody (a response to a HEAD request, a
// Content-Length of 0) and puts its connection back in the pool before
// the call that sent the request returns. The engine proves an empty body
// from the request (its method is HEAD) or from the handler of a test
// server made in the same function (it writes no body on any path). The
// tables below name the APIs those proofs go through.

// A Sender sends one request and returns its response.
type Sender struct {
	Func string // types.Func.FullName
	// Request is the index among the call's arguments (the receiver
	// first) of the *http.Request sent as built, or -1.
	Request int
	// URL is the index of the URL string the request is made for, or -1.
	URL int
	// Client is the index of the *http.Client it goes through, or -1 for
	// the package's default client. A sender without a client
	// (a transport's RoundTrip) has -2: what answers depends on the
	// transport's dialer, so a test server's handler proves nothing.
	Client int
	// Method is the method of the request it makes, or "" (the request's own).
	Method string
	Why    string
}

var senders = []Sender{
	{Func: "(*net/http.Client).Do", Request: 1, URL: -1, Client: 0, Why: "sends req with req.Method; the response to a HEAD request has Body http.NoBody"},
	{Func: "(*net/http.Transport).RoundTrip", Request: 1, URL: -1, Client: -2, Why: "as Client.Do, one round trip, no redirects"},
	{Func: "(*net/http.Client).Get", Request: -1, URL: 1, Client: 0, Method: "GET", Why: "a GET for url through the client"},
	{Func: "(*net/http.Client).Post", Request: -1, URL: 1, Client: 0, Method: "POST", Why: "a POST to url through the client"},
	{Func: "(*net/http.Client).PostForm", Request: -1, URL: 1, Client: 0, Method: "POST", Why: "a POST to url through the client"},
	{Func: "net/http.Get", Request: -1, URL: 0, Client: -1, Method: "GET", Why: "DefaultClient.Get"},
	{Func: "net/http.Post", Request: -1, URL: 0, Client: -1, Method: "POST", Why: "DefaultClient.Post"},
	{Func: "net/http.PostForm", Request: -1, URL: 0, Client: -1, Method: "POST", Why: "DefaultClient.PostForm"},
}

// SenderOf returns the table entry for fn, if fn sends a request.
func SenderOf(fn *types.Func) (Sender, bool) {
	if fn == nil {
		return Sender{}, false
	}
	name := fn.Origin().FullName()
	for _, s := range senders {
		if s.Func == name {
			return s, true
		}
	}
	return Sender{}, false
}

// SenderNamed returns the entry for the function whose full name is name
// (an acquirer's Func).
func SenderNamed(name string) (Sender, bool) {
	for _, s := range senders {
		if s.Func == name {
			return s, true
		}
	}
	return Sender{}, false
}

// A RequestMaker builds a request from a method and a URL string.
type RequestMaker struct {
	Func        string
	Method, URL int // argument indices
	Why         string
}

var requestMakers = []RequestMaker{
	{Func: "net/http.NewRequest", Method: 0, URL: 1, Why: "Method and URL are its arguments; the result is new"},
	{Func: "net/http.NewRequestWithContext", Method: 1, URL: 2, Why: "as NewRequest, with a context"},
}

// RequestMakerOf returns the table entry for fn, if fn builds a request.
func RequestMakerOf(fn *types.Func) (RequestMaker, bool) {
	if fn == nil {
		return RequestMaker{}, false
	}
	name := fn.Origin().FullName()
	for _, m := range requestMakers {
		if m.Func == name {
			return m, true
		}
	}
	return RequestMaker{}, false
}

// requestCopies return a copy of their receiver with the same Method and
// URL.
var requestCopies = []Owner{
	{Func: "(*net/http.Request).WithContext", Why: "a shallow copy with another context"},
	{Func: "(*net/http.Request).Clone", Why: "a deep copy with another context"},
}

// CopiesRequest reports whether fn returns a copy of its receiver request,
// Method and URL included.
func CopiesRequest(fn *types.Func) bool {
	return fn != nil && listedIn(requestCopies, fn.Origin().FullName())
}

// HeadMethod is the method whose response has no body, whatever the
// server writes (net/http's transfer code: noResponseBodyExpected).
const HeadMethod = "HEAD"

// RequestType is the type of a request, as types.TypeString prints it.
const RequestType = "*net/http.Request"

// KeepsRequestMethod reports whether calling fn with a request leaves its
// Method and URL as they were: the request's own methods (none assigns
// r.Method or r.URL: SetBasicAuth, AddCookie, Context, ...), and the
// senders (Client.Do follows redirects with new requests).
func KeepsRequestMethod(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	if _, ok := SenderOf(fn); ok {
		return true
	}
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Recv() != nil && types.TypeString(sig.Recv().Type(), nil) == RequestType
}

// URLParsers return the *url.URL parsed from their string argument.
var urlParsers = []Owner{
	{Func: "net/url.Parse", Why: "the URL of its argument"},
	{Func: "net/url.ParseRequestURI", Why: "the URL of its argument"},
}

// ParsesURL reports whether fn returns the URL parsed from its first
// argument.
func ParsesURL(fn *types.Func) bool {
	return fn != nil && listedIn(urlParsers, fn.Origin().FullName())
}

// TestServer is the type of a test server; its URL field is where it
// listens ("http://127.0.0.1:port"), so a request for that string, or for
// it followed by a path or a query, reaches its handler.
const (
	TestServer    = "*net/http/httptest.Server"
	TestServerURL = "URL"
)

// testServerMakers return a server running the handler they are given.
var testServerMakers = []Owner{
	{Func: "net/http/httptest.NewServer", Why: "serves its handler argument on a loopback listener"},
	{Func: "net/http/httptest.NewTLSServer", Why: "as NewServer, over TLS"},
	{Func: "net/http/httptest.NewUnstartedServer", Why: "as NewServer, once Start or StartTLS is called"},
}

// MakesTestServer reports whether fn returns a test server running its
// first argument, the handler.
func MakesTestServer(fn *types.Func) bool {
	return fn != nil && listedIn(testServerMakers, fn.Origin().FullName())
}

// muxMakers return a new, empty request multiplexer.
var muxMakers = []Owner{
	{Func: "net/http.NewServeMux", Why: "a new ServeMux with no patterns"},
}

// MakesMux reports whether fn returns a new, empty ServeMux.
func MakesMux(fn *types.Func) bool {
	return fn != nil && listedIn(muxMakers, fn.Origin().FullName())
}

// routeRegistrations register a handler (argument 2) for a pattern
// (argument 1) on the mux they are called on, and do nothing else.
var routeRegistrations = []Owner{
	{Func: "(*net/http.ServeMux).Handle", Why: "registers the handler for the pattern"},
	{Func: "(*net/http.ServeMux).HandleFunc", Why: "registers the handler function for the pattern"},
}

// RegistersRoute reports whether fn registers its second argument on its
// receiver for the pattern in its first.
func RegistersRoute(fn *types.Func) bool {
	return fn != nil && listedIn(routeRegistrations, fn.Origin().FullName())
}

// testServerUses neither change the handler a test server runs nor send
// requests of their own to it.
var testServerUses = []Owner{
	{Func: "(*net/http/httptest.Server).Start", Why: "starts serving Config.Handler"},
	{Func: "(*net/http/httptest.Server).StartTLS", Why: "starts serving Config.Handler over TLS"},
	{Func: "(*net/http/httptest.Server).Close", Why: "stops the server"},
	{Func: "(*net/http/httptest.Server).CloseClientConnections", Why: "closes the server's connections"},
	{Func: "(*net/http/httptest.Server).Client", Why: "a client whose transport dials the server"},
	{Func: "(*net/http/httptest.Server).Certificate", Why: "reads the certificate"},
}

// KeepsTestServer reports whether calling fn on a test server leaves its
// handler as it was.
func KeepsTestServer(fn *types.Func) bool {
	return fn != nil && listedIn(testServerUses, fn.Origin().FullName())
}

// TestServerClient is the method that returns a client for the server;
// its transport dials the server for the server's URL.
const TestServerClient = "(*net/http/httptest.Server).Client"

// testServerFields a test function may set or read without changing the
// handler (Config and Listener may: Config.Handler is the handler).
var testServerFields = map[string]string{
	"URL":         "read: where the server listens",
	"EnableHTTP2": "the protocol, not the handler",
	"TLS":         "the TLS configuration, not the handler",
}

// KeepsTestServerField reports whether touching field of a test server
// leaves its handler as it was.
func KeepsTestServerField(field string) bool { _, ok := testServerFields[field]; return ok }

// ServeMethod is the method of net/http.Handler that the server calls
// with each request's ResponseWriter and request: a value converted to a
// Handler answers through its type's method of that name.
const ServeMethod = "ServeHTTP"

// handlerParams are the parameters of a handler function, as
// types.TypeString prints them (net/http.HandlerFunc's signature).
var handlerParams = []string{"net/http.ResponseWriter", "*net/http.Request"}

// IsHandlerSignature reports whether sig, its receiver aside, takes a
// ResponseWriter and a request and returns nothing: a handler function,
// or a ServeHTTP method.
func IsHandlerSignature(sig *types.Signature) bool {
	if sig.Results().Len() != 0 || sig.Params().Len() != len(handlerParams) || sig.Variadic() {
		return false
	}
	for i, p := range handlerParams {
		if types.TypeString(sig.Params().At(i).Type(), nil) != p {
			return false
		}
	}
	return true
}

// DefaultClient is the package-level client of net/http.
const DefaultClient = "net/http.DefaultClient"

// A handler that writes no body on any path makes net/http's server send
// Content-Length: 0 (HTTP/1) or end the stream with its headers (HTTP/2),
// unless its header says otherwise. These are the ResponseWriter methods
// that write no body, and the header keys that change the answer.
var (
	quietWriterMethods = map[string]string{
		"Header":      "returns the header map",
		"WriteHeader": "sends the status line and header; a status of 101 hands the connection over",
	}
	// bodyHeaderKeys (canonical) decide framing or where the client goes
	// next: a declared Content-Length or Transfer-Encoding or Trailer
	// makes the server send no Content-Length: 0 (server.go's
	// writeHeader), and Location makes a client follow a redirect to
	// another server.
	bodyHeaderKeys = []string{"Content-Length", "Transfer-Encoding", "Trailer", "Location"}
	// TrailerPrefix declares a trailer in a header key (http.TrailerPrefix).
	trailerPrefix = "Trailer:"
	// headerReads and headerSets: methods of net/http.Header.
	headerReads = []string{"Get", "Values", "Del"}
	headerSets  = []string{"Set", "Add"}
)

// SwitchingProtocols is the status whose response body is the connection
// itself (transport.go: isProtocolSwitch).
const SwitchingProtocols = 101

// QuietWriterMethod reports whether calling method name of a
// ResponseWriter writes no body.
func QuietWriterMethod(name string) bool { _, ok := quietWriterMethods[name]; return ok }

// QuietHeaderCall reports whether calling fn on a response header, with
// key as its key argument ("" when not a constant), leaves the body empty:
// reads and deletions, and Set or Add of a key that neither frames a
// body nor redirects.
func QuietHeaderCall(fn *types.Func, key string, constKey bool) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || types.TypeString(sig.Recv().Type(), nil) != "net/http.Header" {
		return false
	}
	for _, m := range headerReads {
		if fn.Name() == m {
			return true
		}
	}
	for _, m := range headerSets {
		if fn.Name() != m {
			continue
		}
		if !constKey || strings.HasPrefix(key, trailerPrefix) {
			return false
		}
		ck := textproto.CanonicalMIMEHeaderKey(key)
		for _, k := range bodyHeaderKeys {
			if ck == k {
				return false
			}
		}
		return true
	}
	return false
}

func listedIn(list []Owner, name string) bool {
	for _, o := range list {
		if o.Func == name {
			return true
		}
	}
	return false
}
