package unboundedcache

import (
	"go/types"
	"strings"
)

// Behaviour of specific APIs the check relies on, keyed by
// types.Func.FullName, one reason per entry.

// counterAdds increment their target: a value they are applied to at run
// time is a counter, and what they return is fresh on every call.
var counterAdds = map[string]string{
	"sync/atomic.AddInt32":       "adds to *addr and returns the new value",
	"sync/atomic.AddInt64":       "adds to *addr and returns the new value",
	"sync/atomic.AddUint32":      "adds to *addr and returns the new value",
	"sync/atomic.AddUint64":      "adds to *addr and returns the new value",
	"sync/atomic.AddUintptr":     "adds to *addr and returns the new value",
	"(*sync/atomic.Int32).Add":   "adds to the receiver and returns the new value",
	"(*sync/atomic.Int64).Add":   "adds to the receiver and returns the new value",
	"(*sync/atomic.Uint32).Add":  "adds to the receiver and returns the new value",
	"(*sync/atomic.Uint64).Add":  "adds to the receiver and returns the new value",
	"(*sync/atomic.Uintptr).Add": "adds to the receiver and returns the new value",
}

// acceptors return a new connection per call: keyed by it (or by its
// address), a container gains an entry per client.
var acceptors = map[string]string{
	"(net.Listener).Accept":          "waits for and returns the next connection",
	"(*net.TCPListener).Accept":      "waits for and returns the next connection",
	"(*net.TCPListener).AcceptTCP":   "waits for and returns the next connection",
	"(*net.UnixListener).Accept":     "waits for and returns the next connection",
	"(*net.UnixListener).AcceptUnix": "waits for and returns the next connection",
}

// idGenerators return a new unique identifier on every call.
var idGenerators = map[string]string{
	"github.com/google/uuid.New":          "a random (version 4) UUID",
	"github.com/google/uuid.NewString":    "a random UUID as a string",
	"github.com/google/uuid.NewRandom":    "a random UUID",
	"github.com/google/uuid.NewV7":        "a time-ordered UUID",
	"github.com/google/uuid.Must":         "passes a generated UUID through",
	"github.com/gofrs/uuid.NewV4":         "a random UUID",
	"github.com/gofrs/uuid.NewV7":         "a time-ordered UUID",
	"github.com/gofrs/uuid.Must":          "passes a generated UUID through",
	"github.com/gofrs/uuid/v5.NewV4":      "a random UUID",
	"github.com/gofrs/uuid/v5.NewV7":      "a time-ordered UUID",
	"github.com/gofrs/uuid/v5.Must":       "passes a generated UUID through",
	"github.com/oklog/ulid/v2.Make":       "a new ULID from the clock and entropy",
	"github.com/oklog/ulid/v2.MustNew":    "a new ULID",
	"github.com/oklog/ulid/v2.New":        "a new ULID",
	"github.com/oklog/ulid.MustNew":       "a new ULID",
	"github.com/oklog/ulid.New":           "a new ULID",
	"github.com/rs/xid.New":               "a new globally unique ID",
	"github.com/segmentio/ksuid.New":      "a new K-sortable unique ID",
	"github.com/matoous/go-nanoid/v2.New": "a new random ID",
	"github.com/lucsky/cuid.New":          "a new collision-resistant ID",
}

// trafficCarriers are types whose values arrive with traffic: data read
// from one (a request's path, a connection's address) differs per request
// or per client, whoever calls the function that receives it. Keyed by
// the named type's package path and name; pointers to them count too.
var trafficCarriers = map[string]string{
	"net/http.Request":   "one per HTTP request the server receives or the client sends",
	"net/http.Header":    "the header fields of one request or response",
	"net/url.Values":     "query or form values of one request",
	"net.Conn":           "one per accepted or dialled connection",
	"net.Addr":           "the address of one peer",
	"net/netip.Addr":     "the address of one peer",
	"net/netip.AddrPort": "the address and port of one peer",
	// The request types of the HTTP frameworks that do not build on
	// net/http's handlers: their handlers get one of these per request.
	"github.com/valyala/fasthttp.RequestCtx": "one per request a fasthttp server serves",
	"github.com/valyala/fasthttp.Request":    "one per request fasthttp serves or sends",
	"github.com/gofiber/fiber/v2.Ctx":        "one per request a fiber v2 app serves",
	"github.com/gofiber/fiber/v3.Ctx":        "one per request a fiber v3 app serves",
	"github.com/gin-gonic/gin.Context":       "one per request a gin engine serves",
	"github.com/labstack/echo/v4.Context":    "one per request an echo server serves",
}

// syncMapWrites add an entry to a sync.Map for their first argument.
var syncMapWrites = map[string]string{
	"(*sync.Map).Store":       "sets the value for the key, adding an entry when it is missing",
	"(*sync.Map).LoadOrStore": "adds an entry for the key when it is missing",
	"(*sync.Map).Swap":        "sets the value for the key, adding an entry when it is missing",
}

// syncMapLookups report, in their second result, whether the key of their
// first argument is present.
var syncMapLookups = map[string]string{
	"(*sync.Map).Load":        "ok reports whether the key is present",
	"(*sync.Map).LoadOrStore": "loaded reports whether the key was present",
}

// constructedErrors return a new non-nil error: returned where a lookup
// found the key, they reject a duplicate.
var constructedErrors = map[string]string{
	"errors.New": "returns a new error with the given text",
	"fmt.Errorf": "returns a new error formatted from its arguments",
}

// syncMapDeletes remove entries from a sync.Map.
var syncMapDeletes = map[string]string{
	"(*sync.Map).Delete":           "removes the key's entry",
	"(*sync.Map).LoadAndDelete":    "removes the key's entry",
	"(*sync.Map).CompareAndDelete": "removes the key's entry when its value matches",
	"(*sync.Map).Clear":            "removes every entry",
}

// mapDeletes remove entries from the map of their first argument.
var mapDeletes = map[string]string{
	"maps.DeleteFunc":                  "removes the entries the predicate selects",
	"golang.org/x/exp/maps.DeleteFunc": "removes the entries the predicate selects",
	"golang.org/x/exp/maps.Clear":      "removes every entry",
}

// memberTests report whether their second argument is an element of the
// slice of their first.
var memberTests = map[string]string{
	"slices.Contains": "reports whether the value is an element of the slice",
}

// boundedNames fail unless their first argument names one of a set the
// machine holds: where the call's error is nil, the argument is bounded.
var boundedNames = map[string]string{
	"time.LoadLocation": "succeeds only for UTC, Local and the zones of the time zone database",
}

// descriptorArgs take a file descriptor number at the given argument: a
// local passed there is a descriptor of the process (an inherited socket,
// an open file), one of a set its limit on open files bounds, whatever
// text it was parsed from.
var descriptorArgs = map[string]int{
	"os.NewFile": 0, // makes an *os.File for the descriptor fd
}

// freshSources return a new value on every call: a key made from one is
// new each time.
var freshSources = map[string]string{
	"time.Now":         "the current time",
	"crypto/rand.Text": "a new random string",
	"crypto/rand.Read": "fills its argument with new random bytes",
}

// randomPackages return a new pseudo-random number from each function
// that takes nothing and returns one value (rand.Int, rand.Float64).
var randomPackages = map[string]string{
	"math/rand":    "package-level pseudo-random numbers",
	"math/rand/v2": "package-level pseudo-random numbers",
}

// freshVars are package-level variables whose reads yield new data each
// time, keyed by package path and name.
var freshVars = map[string]string{
	"crypto/rand.Reader": "the system's source of random bytes",
}

// prefixMasks keep a constant number of an address's leading bits: with a
// small constant, at most 2^bits results per address family.
var prefixMasks = map[string]string{
	"(net/netip.Addr).Prefix": "the prefix of the given length containing the address",
}

// filler is the argument a call fills with the data it reads.
type filler struct{ arg int }

// fillers fill one argument with data they read: a local passed there
// holds that data after the call.
var fillers = map[string]filler{
	"crypto/rand.Read": {0}, // fills b with random bytes
	"io.ReadFull":      {1}, // fills buf from the reader
	"io.ReadAtLeast":   {1}, // fills buf from the reader
}

// fillerMethod is an interface method that fills one argument; a method
// of any type with its name and signature satisfies it and fills alike.
type fillerMethod struct {
	name string
	sig  *types.Signature
	arg  int
}

// fillerMethods: (io.Reader).Read fills p with the bytes it reads.
var fillerMethods = []fillerMethod{{
	name: "Read",
	sig: types.NewSignatureType(nil, nil, nil,
		types.NewTuple(types.NewParam(0, nil, "p", types.NewSlice(types.Typ[types.Byte]))),
		types.NewTuple(types.NewParam(0, nil, "n", types.Typ[types.Int]), types.NewParam(0, nil, "err", types.Universe.Lookup("error").Type())),
		false),
	arg: 0,
}}

// callNames holds the function and method names that end the entries of
// the tables a call is looked up in while the package is walked
// (syncMapWrites, syncMapDeletes, mapDeletes, counterAdds), and
// fillerNames those of fillers: a call of any other name is told apart
// without spelling the callee's full name.
var (
	callNames   = bareNames(syncMapWrites, syncMapDeletes, mapDeletes, counterAdds)
	fillerNames = bareNames(fillers)
)

// bareNames returns the last element ("Store" for "(*sync.Map).Store") of
// every key of the tables.
func bareNames[V any](tables ...map[string]V) map[string]bool {
	names := map[string]bool{}
	for _, t := range tables {
		for full := range t {
			names[full[strings.LastIndex(full, ".")+1:]] = true
		}
	}
	return names
}
