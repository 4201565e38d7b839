// Package unboundedcache defines an Analyzer that reports package-level
// maps, slices and sync.Maps that grow at run time with keys from
// unbounded data and that nothing ever shrinks.
//
// # Analyzer unboundedcache
//
// unboundedcache: report package-level caches that grow without bound
//
//   - Finds: package-level maps, slices and `sync.Map`s (and map or slice
//     fields of package-level values) that grow at run time with keys from
//     unbounded data and that nothing in the package ever shrinks.
//   - Category: `unbounded`.
//   - Default: on.
//
// # Why it matters
//
// A package-level map filled from request handlers, keyed by a user ID, a
// URL or a remote address, keeps every key it was ever given. It passes every
// test and grows with traffic until the process is OOM-killed a week later:
// the runbook's "Option 3: add cache eviction". `leakproof/unboundedcache_test.go`
// measures the demo's instance: 10,000 distinct customers add 10,000 entries
// and about 1 MB of live heap, while the bounded sibling never holds more
// than 1,024 entries.
//
// # Bad
//
//	var lastSeen = map[string]time.Time{} // unboundedcache: package-level map lastSeen grows without bound: MarkSeen writes it with keys from parameter customerID and nothing deletes from it; use a bounded LRU or TTL cache (github.com/hashicorp/golang-lru/v2/expirable)
//
//	func MarkSeen(customerID string) {
//		mu.Lock()
//		lastSeen[customerID] = time.Now()
//		mu.Unlock()
//	}
//
// The finding is reported at the declaration, names one function that makes
// the container grow and where its key comes from, and carries the write as a
// related position. Other shapes it reports:
//
//	// A handler counting paths: "a function literal in Routes writes it with
//	// keys from r.URL.Path (parameter r)".
//	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { pageHits[r.URL.Path]++ })
//
//	// Generated IDs: "Issue stores keys from id (uuid.NewString) in it".
//	id := uuid.NewString()
//	tokens.Store(id, user)
//
//	// Through a package-level value's method: "Remember through (*store).set
//	// writes it with keys from parameter key" (reported at var cache).
//	var cache = &store{items: map[string]string{}}
//	func Remember(key, value string) { cache.set(key, value) }
//
//	// Subscribers that never leave: "Subscribe appends values from ch (a fresh
//	// allocation) to it and nothing removes elements".
//	ch := make(chan string, 1)
//	subscribers = append(subscribers, ch)
//
// # Good
//
//	var lastSeen = expirable.NewLRU[string, time.Time](10_000, nil, time.Hour)
//
//	func MarkSeen(customerID string) { lastSeen.Add(customerID, time.Now()) }
//
// or delete entries when they end (on logout, expiry or close), or check the
// map's length against a bound and evict.
//
// # When a container is reported
//
// All three must hold: it grows at run time, its key comes from unbounded
// data, and nothing in the package shrinks it.
//
// # Rule 1: it grows at run time
//
// It grows at run time: `m[k] = v`, `m[k]++`, `s = append(s, v)`, or
// `Store`, `LoadOrStore`, `Swap` on a `sync.Map`, on the variable or a map
// or slice field of it: directly, through a local alias (`m := cache`),
// through a struct field that only ever holds that variable
// (`&server{cache: cache}`), or through a function or method of the
// package that writes its parameter or receiver (`put(cache, k, v)`,
// `store.Set(k, v)`). A write counts for the package-level variable only
// when the written object is certainly it: not a map field of a struct
// copy (`c := DefaultConfig` or a struct parameter, whose field may be
// set anew before the write), not the slice a variadic parameter gets
// (`start(ctx, opt)` appending to `opts` writes the callee's own slice),
// not a value that holds no container, and not, for an exported method
// called on an exported variable from outside the package, a container
// behind a pointer field to which the package gives no value of its own
// (`Default.OnDemand`, nil in a template and only copied from it: what
// it points to, the program made).
//
// Run time is what code outside the package can start, and everything it
// calls: exported functions and methods (in package `main`, exported
// methods only), functions used as values (handlers), goroutines, and
// function literals that are stored, returned, converted or passed to a
// call that keeps them: a parameter of type `http.Handler`,
// `http.HandlerFunc` or `func(http.ResponseWriter, *http.Request)`, or a
// function parameter that the callee's body stores, appends, sends or
// starts (known across packages through an analysis fact), itself or
// captured by a function literal that is kept, or through a wrapper of
// the package whose result is kept (`table[name] = wrap(name, f)`, where
// `wrap` returns a literal that calls `f`). A literal
// passed to a call that only calls it runs where the call runs, whatever
// the method is called (a handler a constructor returns writes at run time
// even when the constructor runs at start-up). Initialisation is not run time: `init`, package-level
// initialisers, `Do` on a package-level `sync.Once`,
// `sync.OnceFunc/OnceValue(s)` in an initialiser, `main`, a `flag.Value`'s
// `Set`, and functions only they call. A `sync.Once` inside a struct runs
// once per value, so it is run time; so is the body of an endless loop
// (`for { conn, _ := ln.Accept(); ... }` with no `break` out of it) in
// `main` or a function it calls, unless it leaves when a read reports
// `io.EOF` (`if err == io.EOF { return nil }`: it reads one input to its
// end, the frames of a sound file loaded at start-up). So lookup tables built at start-up and
// `sync.Once`-built singletons are never reported. Test files are not
// analysed.
//
// # Rule 2: the key comes from unbounded data
//
// The key (or appended value) comes from unbounded data:
//
//   - a parameter of an exported function or method that carries traffic:
//     its type is a request (`*http.Request`, or the request type of an
//     HTTP framework that has its own: fasthttp's `*RequestCtx`, gin's,
//     echo's and fiber's contexts), a connection, a peer
//     address, request headers or form values, or an `error` (only
//     run-time failures make one); or the function runs per operation
//     because it takes a `context.Context` or such a value, so its other
//     parameters are that operation's data. Other parameters of exported
//     functions count only when this package's own run-time code passes
//     unbounded data to them: the same code is a cache keyed by user IDs
//     and a registry filled at start-up with a few names
//     (`RegisterMethod(name)`, `Component(name)`, `OnInitialize(hooks...)`),
//     and the callers that tell them apart are out of sight;
//   - a parameter of a handler: the HTTP handler signature, a function
//     registered as a handler by type, a function value a callee keeps to
//     call later, a method published with `net/rpc`, or a function or
//     method used as a value that takes a request, a connection or a peer
//     address as above (fasthttp's `fs.h = h.handleRequest`, a handler of
//     a framework's request type; a `context.Context` or an `error` is not
//     enough); other function values' parameters come from callers the
//     check cannot see and do not count (names of types and methods
//     decide nothing);
//   - a parameter of an unexported function whose run-time callers pass
//     such data (followed call by call, with the arguments of each call);
//   - data derived from any of these (`r.URL.Path`, `r.Header.Get("X")`,
//     a field of a JSON body decoded from the request, `strings.ToLower(name)`,
//     a local value that a pointer method fills with them:
//     `sb.WriteString(name)` on a `strings.Builder`);
//   - a loop over such input, or over a channel (a stream has no end);
//   - a counter incremented at run time, `sync/atomic` adds, the clock
//     (`time.Now`), random numbers, `crypto/rand`, an ID generator (by full
//     name in a knowledge table), an accepted connection, or a fresh
//     allocation made by the writing function itself.
//
// A map whose entries are slices grows on every call of
// `m[k] = append(m[k], v)` when `v` is new each time (stamped with the
// clock, counted, a fresh allocation), whatever the key.
//
// These do not count: constants; keys of small types (`bool`, 8- and
// 16-bit integers, enumerations: a named integer or string type with two
// or more small constants of its own, such as `reflect.Kind` or
// `time.Month`; structs and arrays of those whose combined domain stays
// within 2^16 values, so a `[16]byte` UUID is not small); `reflect.Type`
// and other type descriptions, and struct keys that include one
// (memoisation per type); a field of a local struct made whole only by
// literals whose value for that field is bounded (`c := Command{Name:
// "completion", Long: help}; m[c.Name] = c`: the field holds what the
// literals give it and what later partial assignments may put in the
// value, not what its other fields hold); `h % n` and `h & mask`
// with a constant; a `netip.Addr`'s `Prefix(n)` with a constant `n` of
// at most 16 bits; an element of a package-level table; a name that
// `time.LoadLocation` accepted (stored only where its error is nil: the
// time zone database bounds it); results of `os`,
// `os/user`, `os/exec`, `io/fs`, `go/build`, `syscall` and `runtime`
// (bounded by the machine, not by traffic); a local the function also
// passes as a file descriptor (`os.NewFile(fd, name)`, by full name in a
// knowledge table: an inherited socket's number, one of the process's
// open files, whatever text it was parsed from); a key that is in a bounded
// set on every path to the write, followed back through the function's
// SSA form: it is a constant there, or the path passes a comparison that
// found it equal to a constant (a switch case that lists only constants,
// `if m == "GET" || m == "HEAD"`) or found it in a package-level table
// (`_, ok := supported[lang]` with `ok` true, `allowed[k]` true,
// `slices.Contains(known, k)` true), while paths that leave (return,
// continue, panic) need nothing. So a variable folded into a bounded set
// by an earlier statement and not reassigned from unbounded data
// afterwards is bounded: a `switch` on it whose `default` replaces it with
// a constant or returns (`default: method = "OTHER"`), or an `if` that
// replaces it unless a package-level table holds it
// (`if _, ok := supported[lang]; !ok { lang = "en" }`,
// `if !allowed[k] { continue }`); a field read again (`r.Method`) is the
// value the earlier comparison saw; and anything the check cannot trace.
//
// # Rule 3: nothing shrinks it
//
// Nothing in the package shrinks it: no `delete`, `clear`,
// `maps.DeleteFunc`, `sync.Map` `Delete`/`LoadAndDelete`/
// `CompareAndDelete`/`Clear`; no run-time reassignment (a reset, slicing
// that drops elements) other than lazy creation under `if m == nil` or
// creation in a function that runs once for the process (one that only
// `main`, `init` or a `sync.Once` function reaches); no
// comparison of its length with a bound other than 0 or 1 (a cap or an
// eviction trigger), directly or through a local (`n := len(m); if n > max`); no passing of its address to a call. Shrinks count
// through a helper's parameter, through a field of any value of the same
// struct type (`delete(c.m, k)` in a method), and through an unresolved
// local of the same map type.
//
// A size check caps only the writes it guards. A package-level map of the
// package whose only shrinks are comparisons of its length with a bound,
// and deletes in the functions that make them (evicting to make room), is
// bounded where those functions write it, in the literals inside them and
// in the functions they call; a write in any other function grows it
// (`getRegexpTemplate` inserting into the regexp cache that `getRegexp`
// trims before its own insertion). Such a map is not reported to other
// packages.
//
// # Registries
//
// Registries are filled by their users at start-up, not by traffic. The
// callers of an exported function are out of sight, so the check takes a
// write for a registration, and stays silent, when (names and doc comments
// decide nothing):
//
//   - the exported function the data enters through is called in its own
//     package, and only from initialisation (`sqlx.BindDriver`, called from
//     `init` for each known driver); or it (or the function making the
//     write) keeps a function or `http.Handler` value its caller passes,
//     registering behaviour (`ServeMux.Handle` and its pattern index);
//   - the writing function rejects duplicates: on the branch where a
//     lookup of the same key finds it, and that does not lead to the write,
//     it panics (`if _, dup := m[name]; dup { panic(...) }`, or calls a
//     function that never returns) or returns an error made with
//     `errors.New`, `fmt.Errorf` or a package-level error (for a key read
//     from a field, such as `m.ID`, only a panic counts); or, where the
//     lookup misses, it never reaches the write (`if !ok { return }`,
//     `if !allowed[name] { continue }`);
//   - the value stored is a function or interface passed in by the outside
//     caller (a handler, a driver, a codec, a hook).
//
// std's init-time registries (encoding/gob, image, crypto, database/sql,
// expvar, mime) are not reported; see docs/triage/std.md.
//
// # Across packages
//
// An exported package-level container whose own package never shrinks it is
// described by a small analysis fact (`growOnly`), so a package that writes it
// from a request path is reported at that write, with the declaration as the
// related position. A shrink in a third package is not seen.
//
// An exported function that keys (or appends to) such a container with a
// plain parameter of its own is silent where it is declared (rule 2: its
// callers are out of sight) and described by another fact (`growsWith`):
// a package that calls it at run time with unbounded data, such as a
// handler passing `r.PathValue("id")`, is reported at the call
// (`cache.MarkSeen(id, time.Now())`), with the function as the related
// position. Calls from initialisation or with constants stay silent.
//
// # Known gaps
//
//   - Containers reached through values the check cannot name: a cache type
//     from another package (`var c = mycache.New()` whose `Set` grows a map),
//     struct fields given different values in different places, slices of
//     shards, pointers passed through interfaces.
//   - Batch programs: the long-lived state of a compiler or a one-shot tool
//     grows with its input by design; in `main` packages only `main` itself is
//     known to be start-up, so their library packages can be reported (the
//     Go toolchain's `cmd/compile` symbol tables are).
//   - Caches filled only through an exported function with plain
//     parameters (`Enabled(flag, userID string)`, `Consume(m Message)`) are
//     not reported: without a request, a connection, a context or a
//     run-time caller in the package, nothing tells a user ID from a
//     setting name.
//
// # Suppressing
//
// `//nolint:unboundedcache` (or `//nolint:leakvet`) on the declaration (or on
// the write, for a container declared in another package) or alone on the line
// above it; `-unboundedcache=false` turns the check off.
package unboundedcache
