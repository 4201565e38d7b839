// Package resource owns leakvet's knowledge of which calls acquire a
// resource and which method calls release it. The table is data: every
// entry says why it is there, and the checks add nothing of their own.
package resource

import (
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// A Kind is one sort of resource that must be released.
type Kind struct {
	// ID is stable: it names the kind in facts and in configuration.
	ID string
	// Check is the analyzer that reports leaks of this kind.
	Check string
	// Noun names the resource in messages ("response body").
	Noun string
	// Type is the acquired value's type, as types.TypeString prints it
	// with full package paths ("*net/http.Response").
	Type string
	// Field, when set, is the field of the acquired value that is released
	// (Body for *http.Response): the release methods are called on it.
	Field string
	// Release lists the methods whose call releases the resource. A call to
	// any of them on any path discharges the duty on that path. A plain
	// name ("Close") is called on the part selected by Field (or on the
	// value itself when Field is empty); "F.M" is method M called on field
	// F of the value ("Process.Wait" for an *exec.Cmd).
	Release []string
	// EmptyField and EmptyValues: where the integer field EmptyField of the
	// acquired value equals one of EmptyValues, the resource holds nothing
	// (a 204 or 304 response's Body is http.NoBody, its connection already
	// back in the pool), so a path on which that comparison held owes no
	// release.
	EmptyField  string
	EmptyValues []int64
	// DrainFuncs lists functions (types.Func.FullName) that read the
	// released part to its end (io.ReadAll of a response body). A resource
	// drained but not released gives its connection back in net/http but
	// breaks the documented contract: such findings get their own
	// category, so users can tell them from a held connection.
	DrainFuncs []string
	// EOFReads lists functions and methods (types.Func.FullName) that read
	// from the released part and return the error EOFError only once the
	// part has reached its end (io.ReadFull returns io.EOF only when no
	// byte was read before the reader's own io.EOF): on a path where their
	// error equals EOFError, the part was read to its end, as by a
	// DrainFuncs entry.
	EOFReads []string
	// EOFError is the package-level error (types.Var full name, "io.EOF")
	// that EOFReads return at the end of the part.
	EOFError string
	// BoundedReaders lists functions (types.Func.FullName) that wrap the
	// released part in a reader that returns the part's own errors, or
	// io.EOF once a bound is reached (io.LimitReader); FailedReads, those
	// that read a reader until io.EOF, return nil then, and otherwise
	// return the reader's error (io.ReadAll). A FailedReads read of a
	// BoundedReaders wrapper of the part whose error is not nil had the
	// part's own read fail: on that path the part holds nothing (net/http
	// closes the connection of a body whose read failed), and it counts
	// as read to its end. Whether a read that succeeded reached the end
	// depends on the bound and the size of the part: it does not count.
	BoundedReaders []string
	FailedReads    []string
	// ReleaseOnFailure lists methods, written as in Release, that release
	// the resource when they fail (return false or a non-nil error): rows
	// whose Next has returned false are closed. A loop that reads rows to
	// the end holds nothing; one that leaves it early still does.
	ReleaseOnFailure []string
	// ReleaseFuncs lists functions (types.Func.FullName) that release the
	// resource passed to them as an argument: a pool's Put.
	ReleaseFuncs []string
	// UsedBy, for a resource whose type says nothing (a raw descriptor, a
	// plain int), lists the packages (by path) whose functions only use
	// the resource passed to them (syscall.Read); passing it to a function
	// of any other package hands it on (os.NewFile wraps it, a helper of
	// the program may close it).
	UsedBy []string
	// Until, when set, is the Go version from which the resource no longer
	// leaks ("go1.23" for tickers); files declaring a later or equal
	// version are not checked for it.
	Until string
	// ReleaseText is the deferred call a fix inserts ("Body.Close").
	ReleaseText string
	// Unreleased says what is wrong in messages; "not closed" when empty.
	Unreleased string
	// SuccessOnly: leaving it unreleased matters only on paths that return
	// success (a compression writer abandoned with its output on an error
	// path loses nothing anyone reads).
	SuccessOnly bool
	// Ends lists the methods besides Release through which code decides
	// where the output of a writer into memory ends (Flush): a function
	// that calls one of them, or a release, on a writer whose destination
	// is a memory buffer has chosen what the buffer holds (see
	// Acquirer.Dest).
	Ends []string
	// Redirect names the method that points a writer at a new
	// destination, its one argument (Reset): the writer holds only memory
	// when every destination it is given is memory.
	Redirect string
	// LocalOnly: values of this kind usually live as long as the program
	// (a database pool kept in a field or a global, handed to the code
	// that uses it), so an acquisition is tracked only where the value
	// never leaves the function that acquires it: every use is a method
	// call on it, or on a value of its own package that one of those
	// calls returns and that stays in the function in the same way. No
	// one else can release such a value, and its owner never summarises
	// it for callers.
	LocalOnly bool
}

// An Acquirer is a function or method whose result must be released.
type Acquirer struct {
	// Func is the callee as types.Func.FullName prints it:
	// "net/http.Get", "(*net/http.Client).Do",
	// "(net/http.RoundTripper).RoundTrip".
	Func string
	// Result is the index of the acquired value among the results.
	Result int
	// Kind is the ID of the acquired resource's kind.
	Kind string
	// Why is the reason this function is listed.
	Why string
	// ThroughInterfaces, for a method, makes a call of a method of the same
	// name through any interface acquire too, when that method's result
	// Result has the kind's type: code that reaches *sql.DB and *sql.Tx
	// through an interface of its own (sqlc's DBTX) gets rows to close all
	// the same. Left unset where some implementation hands out a value
	// that needs no release (a statement prepared on a transaction).
	ThroughInterfaces bool
	// ThroughSignature, with ThroughInterfaces, narrows it to interface
	// methods whose parameter and result types are these (types.TypeString
	// of each, in order, the results after "->"): an interface that
	// mirrors http.Client's Do stands for the client, while a method of
	// the same name that also returns the body's bytes has read and
	// closed it already.
	ThroughSignature string
	// ThroughInterfacesUnless, for a method whose value needs no release
	// when some other type hands it out (a statement prepared on a
	// transaction), makes a call of a method of the same name through an
	// interface acquire too, provided none of these types (written
	// "*database/sql.Tx") implements that interface: an interface that a
	// transaction cannot satisfy (it also asks for Begin, Ping or Close) is
	// a database's or a connection's.
	ThroughInterfacesUnless []string
	// Dest, for a writer that holds nothing but what it writes into, names
	// the acquirer's parameter it writes into. Into memory only (a
	// MemoryWriter type, a discard sink) the writer holds no descriptor,
	// connection or goroutine: left open into a sink nothing reads, it
	// loses nothing; into a buffer the function also flushes, resets or
	// closes it on some path, what the buffer holds is the function's
	// choice. Into anything else it is the resource its kind says.
	Dest string
}

// Table is a set of kinds and their acquirers. It is immutable once built.
type Table struct {
	kinds     []*Kind
	byID      map[string]*Kind
	acquirers map[string]Acquirer
	releases  map[string]bool
	owners    map[string]bool
	exempt    map[string]bool
	// names holds the bare name (after the last dot) of every function
	// the maps above list, so that a call of any other function is
	// answered without spelling its full name.
	names map[string]bool
	// typeNames holds the name of the named type every kind's Type
	// spells (under any number of pointers; a kind without a Type adds
	// none), so that KindOfType answers any other type without spelling
	// it; nil when some kind's Type is not of that form (then every type
	// is spelled).
	typeNames map[string]bool
	// throughNames holds the method names of the acquirers marked
	// ThroughInterfaces or ThroughInterfacesUnless, so that
	// InterfaceAcquirer answers a call of any other interface method
	// without looking at every acquirer.
	throughNames map[string]bool
}

// An Owner is a function that takes ownership of every resource passed to
// it: it closes it when it is done, whatever its body looks like to a
// summary (http.Server.Serve closes its listener on every return).
type Owner struct {
	Func string
	Why  string
}

// WithExempt returns t extended by functions whose results are never
// resources, whatever a summary of their bodies says.
func (t *Table) WithExempt(funcs []Owner) *Table {
	for _, f := range funcs {
		t.exempt[f.Func] = true
		t.names[bareName(f.Func)] = true
	}
	return t
}

// IsExempt reports whether fn's results are never resources.
func (t *Table) IsExempt(fn *types.Func) bool {
	return t.listed(fn) && t.exempt[fn.Origin().FullName()]
}

// WithOwners returns t extended by owners.
func (t *Table) WithOwners(owners []Owner) *Table {
	for _, o := range owners {
		t.owners[o.Func] = true
		t.names[bareName(o.Func)] = true
	}
	return t
}

// IsOwner reports whether fn takes ownership of its resource arguments.
func (t *Table) IsOwner(fn *types.Func) bool {
	return t.listed(fn) && t.owners[fn.Origin().FullName()]
}

// listed reports whether fn's name is the name of some function the
// table lists: the cheap test before its full name is spelled.
func (t *Table) listed(fn *types.Func) bool { return fn != nil && t.names[fn.Name()] }

// bareName is the function or method name that ends a
// types.Func.FullName spelling: "Do" for "(*net/http.Client).Do".
func bareName(full string) string { return full[strings.LastIndex(full, ".")+1:] }

func (t *Table) addAcquirer(a Acquirer) {
	t.acquirers[a.Func] = a
	t.names[bareName(a.Func)] = true
	if (a.ThroughInterfaces || len(a.ThroughInterfacesUnless) > 0) && strings.HasPrefix(a.Func, "(") {
		t.throughNames[bareName(a.Func)] = true
	}
}

// NewTable builds a table from kinds and acquirers. Acquirers naming an
// unknown kind are dropped by the caller's validation (see Parse).
func NewTable(kinds []*Kind, acquirers []Acquirer) *Table {
	t := &Table{
		byID:      map[string]*Kind{},
		acquirers: map[string]Acquirer{},
		releases:  map[string]bool{},
		owners:    map[string]bool{},
		exempt:    map[string]bool{},
		names:     map[string]bool{},
		typeNames: map[string]bool{},

		throughNames: map[string]bool{},
	}
	for _, k := range kinds {
		t.add(k)
	}
	for _, a := range acquirers {
		if _, ok := t.byID[a.Kind]; ok {
			t.addAcquirer(a)
		}
	}
	return t
}

// Kinds returns the table's kinds in declaration order.
func (t *Table) Kinds() []*Kind { return t.kinds }

// Kind returns the kind with the given ID, or nil.
func (t *Table) Kind(id string) *Kind { return t.byID[id] }

// Acquirer returns the table entry for fn, if fn acquires a resource.
func (t *Table) Acquirer(fn *types.Func) (Acquirer, bool) {
	if !t.listed(fn) {
		return Acquirer{}, false
	}
	a, ok := t.acquirers[fn.Origin().FullName()]
	return a, ok
}

// InterfaceAcquirer returns the entry that a call of fn, a method of an
// interface the table does not list, stands for: an entry marked
// ThroughInterfaces for a method of the same name whose result has that
// entry's kind's type.
func (t *Table) InterfaceAcquirer(fn *types.Func) (Acquirer, bool) {
	return t.InterfaceAcquirerOf(fn, nil)
}

// InterfaceAcquirerOf is InterfaceAcquirer, where the interface method's
// result may also be an interface that the kind's type implements and
// whose methods include one that releases the kind (a rows interface of
// the program's own, or of a scanning library, that *sql.Rows satisfies):
// the value behind it is the acquired one, and its contract gives the
// caller the means to release it. typeOf resolves a kind's Type to the
// type it names, or nil where the program does not import its package;
// with a nil typeOf, or where it answers nil, the result must have the
// kind's type itself.
func (t *Table) InterfaceAcquirerOf(fn *types.Func, typeOf func(string) types.Type) (Acquirer, bool) {
	if fn == nil {
		return Acquirer{}, false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || !t.throughNames[fn.Name()] || !types.IsInterface(sig.Recv().Type()) {
		return Acquirer{}, false
	}
	var found []Acquirer
	for _, a := range t.acquirers {
		through := a.ThroughInterfaces || len(a.ThroughInterfacesUnless) > 0
		if !through || !strings.HasPrefix(a.Func, "(") || !strings.HasSuffix(a.Func, ")."+fn.Name()) {
			continue
		}
		k := t.byID[a.Kind]
		if k == nil || a.Result >= sig.Results().Len() {
			continue
		}
		if res := sig.Results().At(a.Result).Type(); types.TypeString(res, nil) != k.Type && !k.satisfies(res, typeOf) {
			continue
		}
		if !a.ThroughInterfaces && implementedByAny(sig.Recv().Type(), a.ThroughInterfacesUnless, sig.Results().At(a.Result).Type()) {
			continue
		}
		if a.ThroughSignature != "" && signatureString(sig) != a.ThroughSignature {
			continue
		}
		found = append(found, a)
	}
	if len(found) == 0 {
		return Acquirer{}, false
	}
	// The kind follows from the result's type; pick the same entry on
	// every run.
	slices.SortFunc(found, func(a, b Acquirer) int { return strings.Compare(a.Func, b.Func) })
	return found[0], true
}

// KindOfType returns the kind whose Type is typ, or nil.
func (t *Table) KindOfType(typ types.Type) *Kind {
	if t.typeNames != nil {
		name, ok := namedTypeName(typ)
		if !ok || !t.typeNames[name] {
			return nil // its spelling is not a kind's Type
		}
	}
	s := types.TypeString(typ, nil)
	for _, k := range t.kinds {
		if k.Type == s {
			return k
		}
	}
	return nil
}

// IsReleaseName reports whether some kind is released by a method of this
// name. It is what makes a parameter type worth summarising.
func (t *Table) IsReleaseName(name string) bool { return t.releases[name] }

// ReleaseNames returns every release method name, sorted.
func (t *Table) ReleaseNames() []string {
	var names []string
	for n := range t.releases {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Releases reports whether calling method name on the released part of a
// kind-k resource releases it.
func (k *Kind) Releases(name string) bool { return k.ReleasesVia(k.Field, name) }

// ReleasesVia reports whether calling method on field of the resource (""
// for the resource itself) releases it.
func (k *Kind) ReleasesVia(field, method string) bool {
	return k.via(k.Release, field, method)
}

// ReleasesOnFailureVia reports whether calling method on field (or on the
// value itself for "") releases the resource when the call fails, that is
// returns false or a non-nil error.
func (k *Kind) ReleasesOnFailureVia(field, method string) bool {
	return k.via(k.ReleaseOnFailure, field, method)
}

func (k *Kind) via(list []string, field, method string) bool {
	for _, r := range list {
		f, m, dotted := strings.Cut(r, ".")
		if !dotted {
			f, m = k.Field, r
		}
		if f == field && m == method {
			return true
		}
	}
	return false
}

// HasField reports whether some release of k goes through field.
func (k *Kind) HasField(field string) bool {
	for _, r := range k.Release {
		f, _, dotted := strings.Cut(r, ".")
		if dotted && f == field || !dotted && k.Field == field {
			return true
		}
	}
	return false
}

// namedTypeName returns the name of the named type (or alias) typ is,
// under any number of pointers. A type of any other form never spells
// "path.Name" with pointer stars before it.
func namedTypeName(typ types.Type) (string, bool) {
	for {
		p, ok := typ.(*types.Pointer)
		if !ok {
			break
		}
		typ = p.Elem()
	}
	switch t := typ.(type) {
	case *types.Named:
		return t.Obj().Name(), true
	case *types.Alias:
		return t.Obj().Name(), true
	}
	return "", false
}

// spelledTypeName returns Name when s spells a named type as
// types.TypeString does without a qualifier, "path.Name" under any number
// of pointer stars, with no type arguments.
func spelledTypeName(s string) (string, bool) {
	s = strings.TrimLeft(s, "*")
	dot := strings.LastIndex(s, ".")
	if dot <= 0 || strings.ContainsAny(s, "[]() {},;*") {
		return "", false
	}
	name := s[dot+1:]
	if !token.IsIdentifier(name) {
		return "", false
	}
	return name, true
}

// signatureString spells sig's parameter and result types, without
// names or receiver: "*net/http.Request -> *net/http.Response, error".
func signatureString(sig *types.Signature) string {
	var params, results []string
	for i := 0; i < sig.Params().Len(); i++ {
		params = append(params, types.TypeString(sig.Params().At(i).Type(), nil))
	}
	for i := 0; i < sig.Results().Len(); i++ {
		results = append(results, types.TypeString(sig.Results().At(i).Type(), nil))
	}
	return strings.Join(params, ", ") + " -> " + strings.Join(results, ", ")
}

// satisfies reports whether res is an interface type with methods, one of
// which releases k, that k's type (resolved by typeOf) implements.
func (k *Kind) satisfies(res types.Type, typeOf func(string) types.Type) bool {
	if typeOf == nil || k.Field != "" {
		return false
	}
	it, ok := res.Underlying().(*types.Interface)
	if !ok || it.NumMethods() == 0 {
		return false
	}
	releasable := false
	for m := range it.Methods() {
		if k.Releases(m.Name()) {
			releasable = true
			break
		}
	}
	if !releasable {
		return false
	}
	kt := typeOf(k.Type)
	return kt != nil && types.Implements(kt, it)
}
