// Package unboundedcache defines an Analyzer that reports package-level
// maps, slices and sync.Maps that grow at run time with keys from
// unbounded data and that nothing ever shrinks.
//
// # Analyzer unboundedcache
//
// unboundedcache: report package-level caches that grow without bound
//
// A package-level map filled from request handlers, keyed by a user ID, a
// URL or a remote address, keeps every key it was ever given: memory grows
// with traffic until the process is killed. The check reports such a
// container at its declaration, names a function that writes it and where
// the key comes from, and points at the write:
//
//	var userSessions = map[string]*Session{} // reported
//
//	func handleLogin(w http.ResponseWriter, r *http.Request) {
//		userID := r.FormValue("user")
//		userSessions[userID] = newSession(userID)
//	}
//
// Fix it with a bounded cache (an LRU, or entries that expire), for
// example github.com/hashicorp/golang-lru/v2/expirable, or delete entries
// when they end (on logout, on expiry, on close).
//
// A container is reported when all three hold:
//
//   - It grows at run time: m[k] = v, m[k]++, s = append(s, v), or
//     Store, LoadOrStore or Swap on a sync.Map, on a package-level variable
//     or on a map or slice field of one (directly, through a local alias,
//     or through a function or method of the package that writes its
//     parameter or receiver: store.Set(k, v)). Run time is what code outside
//     the package can start: exported functions and methods, functions used
//     as values (handlers), goroutines, function literals that are stored,
//     returned, converted or passed to a call that keeps them (a parameter
//     of type http.Handler, http.HandlerFunc or func(http.ResponseWriter,
//     *http.Request), or a function parameter the callee's body stores,
//     appends, sends or starts, known across packages through an analysis
//     fact), and endless loops in main, with everything they call. A
//     literal passed to a call that only calls it runs where the call runs,
//     whatever the method is called. Initialisation is not run time: init
//     functions, package-level initialisers, Do on a package-level
//     sync.Once, sync.OnceFunc/OnceValue(s), main, a flag.Value's Set, and
//     functions only they call. So lookup tables built at start-up and
//     sync.Once-built singletons are never reported.
//   - The key (or appended value) comes from unbounded data: a parameter of
//     an exported function or of a handler (the HTTP handler signature, a
//     function registered as a handler by type, a function value a callee
//     keeps to call later, a method published with net/rpc), request data
//     derived from one
//     (r.URL.Path, r.Header.Get("X-User")), a loop over such input or over
//     a channel, a counter incremented at run time, the clock, random
//     numbers, an ID generator (uuid.New, by full name in a knowledge
//     table) or a connection from a listener's Accept.
//     Constants, values of small types (bool, 8- and 16-bit integers,
//     enumerations: a named integer or string type with constants of its
//     own, and structs of those within 2^16 values), reflect.Type and keys
//     that include one (memoisation per type), what the machine bounds (os,
//     os/user, go/build results) do not count; neither does data the check
//     cannot trace.
//   - Nothing in the package shrinks it: no delete, clear, maps.DeleteFunc,
//     sync.Map Delete/LoadAndDelete/CompareAndDelete/Clear, no run-time
//     reassignment (a reset, slicing that drops elements; not a lazy
//     creation under a nil check, nor creation in a function that runs once
//     for the process: one that only main, init or a sync.Once function
//     reaches), no comparison of
//     its length with a bound (a cap or an eviction trigger), no passing of
//     its address to a call. A shrink through a helper's parameter, a
//     field of any value of the same struct type, or an unresolved local of
//     the same map type counts as well.
//
// Registries are filled by their users at start-up, not by traffic; since
// the callers of an exported function are out of sight, a write is taken
// for a registration when (names and doc comments decide nothing):
//
//   - the exported function the data enters through is called by its own
//     package, and only from initialisation; or it (or the function making
//     the write) keeps a function or http.Handler value its caller passes,
//     registering behaviour (ServeMux.Handle and its pattern index);
//   - it rejects duplicates (if _, dup := m[name]; dup { panic(...) }, or
//     a returned error; for a key read from a field, such as m.ID, only a
//     panic), or returns unless the key is already known;
//   - the value stored is a function or interface passed in by an outside
//     caller (a handler, a driver, a codec).
//
// Exported package-level containers written from another package are
// reported at that package's write when the declaring package never
// shrinks them (this travels as an analysis fact).
//
// Suppress a finding with //nolint:unboundedcache (or //nolint:leakvet)
// on the declaration or alone on the line above it.
package unboundedcache
