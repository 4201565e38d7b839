package resource

import "slices"

// Builtin returns the table of resources leakvet knows without
// configuration.
func Builtin() *Table {
	return NewTable(
		slices.Concat(httpKinds, sqlKinds, pgxV4Kinds, closeKinds, descriptorKinds, layerKinds, redisKinds, sftpKinds),
		slices.Concat(httpAcquirers, sqlAcquirers, pgxV4Acquirers, closeAcquirers, descriptorAcquirers, layerAcquirers, redisAcquirers, sftpAcquirers),
	).WithOwners(owners).WithExempt(exempt)
}

var httpKinds = []*Kind{
	// An unclosed body keeps its connection out of the transport's pool;
	// under load the client opens a new connection per request until file
	// descriptors or the server's limits run out.
	// A 204 No Content or 304 Not Modified response has no body: net/http
	// sets Body to http.NoBody and returns the connection before Do
	// returns.
	{ID: "http.Response", Check: "httpbody", Noun: "response body", Type: "*net/http.Response",
		Field: "Body", Release: []string{"Close"}, ReleaseText: "Body.Close",
		EmptyField: "StatusCode", EmptyValues: []int64{204, 304},
		DrainFuncs: []string{"io.ReadAll", "io/ioutil.ReadAll", "io.Copy", "(*bytes.Buffer).ReadFrom"},
		// io.Reader's contract: Read returns io.EOF at the end of input;
		// io.ReadFull and io.ReadAtLeast return io.EOF only when the
		// reader did so before any byte was read.
		EOFReads: []string{"(io.Reader).Read", "io.ReadFull", "io.ReadAtLeast"}, EOFError: "io.EOF",
		// A body read through io.LimitReader by io.ReadAll (or
		// bytes.Buffer's ReadFrom) that fails: the body's Read returned an
		// error other than io.EOF, and net/http's transport has closed the
		// connection (HTTP/1: the read loop gives the connection up when
		// the body's read ends in an error) or the stream has ended
		// (HTTP/2: the error is that of the reset or closed stream).
		BoundedReaders: []string{"io.LimitReader"},
		FailedReads:    []string{"io.ReadAll", "io/ioutil.ReadAll", "(*bytes.Buffer).ReadFrom"}},
}

var httpAcquirers = []Acquirer{
	{Func: "net/http.Get", Kind: "http.Response", Why: "the package-level client's Get: caller owns the body"},
	{Func: "net/http.Post", Kind: "http.Response", Why: "caller owns the body"},
	{Func: "net/http.PostForm", Kind: "http.Response", Why: "caller owns the body"},
	{Func: "(*net/http.Client).Do", Kind: "http.Response", Why: "caller owns the body; an interface method of the same name and signature abstracts the client, whose contract its implementations keep", ThroughInterfaces: true, ThroughSignature: "*net/http.Request -> *net/http.Response, error"},
	{Func: "(*net/http.Client).Get", Kind: "http.Response", Why: "caller owns the body; an interface method of the same name and signature abstracts the client, whose contract its implementations keep", ThroughInterfaces: true, ThroughSignature: "string -> *net/http.Response, error"},
	{Func: "(*net/http.Client).Post", Kind: "http.Response", Why: "caller owns the body; an interface method of the same name and signature abstracts the client, whose contract its implementations keep", ThroughInterfaces: true, ThroughSignature: "string, string, io.Reader -> *net/http.Response, error"},
	{Func: "(*net/http.Client).PostForm", Kind: "http.Response", Why: "caller owns the body; an interface method of the same name and signature abstracts the client, whose contract its implementations keep", ThroughInterfaces: true, ThroughSignature: "string, net/url.Values -> *net/http.Response, error"},
	{Func: "(*net/http.Transport).RoundTrip", Kind: "http.Response", Why: "a transport's caller owns the body"},
	{Func: "(net/http.RoundTripper).RoundTrip", Kind: "http.Response", Why: "any round tripper's caller owns the body"},
	// Head is left out on purpose: a HEAD response's Body is http.NoBody
	// and its connection goes back to the pool without a Close.
	// http.ReadResponse is left out on purpose: its body reads from a
	// reader the caller already owns, and no pooled connection is held.
}

// owners take the resources passed to them for good.
var owners = []Owner{
	{Func: "(*net/http.Server).Serve", Why: "documented: Serve always closes the listener"},
	{Func: "(*net/http.Server).ServeTLS", Why: "documented: ServeTLS always closes the listener"},
	{Func: "net/http.Serve", Why: "serves until the listener fails, then closes it"},
	{Func: "net/http.ServeTLS", Why: "serves until the listener fails, then closes it"},
	{Func: "runtime/pprof.StartCPUProfile", Why: "writes the profile to w until StopCPUProfile"},
	{Func: "runtime/trace.Start", Why: "writes the trace to w until Stop"},
	{Func: "log.SetOutput", Why: "the standard logger writes to w from then on"},
	{Func: "(*log.Logger).SetOutput", Why: "the logger writes to w from then on"},
	{Func: "log.New", Why: "the new logger writes to out for its lifetime"},
	{Func: "log/slog.NewTextHandler", Why: "the handler writes to w for its lifetime"},
	{Func: "log/slog.NewJSONHandler", Why: "the handler writes to w for its lifetime"},
}

// exempt functions return responses or closers that hold nothing: their
// callers owe no release, even though a summary of the function's body
// sees a resource flow out of it.
var exempt = []Owner{
	{Func: "net/http.Head", Why: "a HEAD response's Body is http.NoBody; the connection is already back in the pool"},
	{Func: "(*net/http.Client).Head", Why: "as net/http.Head"},
	{Func: "net/http.ReadResponse", Why: "its body reads from a reader the caller owns; no pooled connection"},
	{Func: "(*net/http/httptest.ResponseRecorder).Result", Why: "its body is an in-memory buffer"},
}
