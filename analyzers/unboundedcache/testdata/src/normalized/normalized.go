// Package normalized holds keys that are folded into a small set before
// they are written, and keys that only look that way.
package normalized

import (
	"net/http"
	"net/netip"
	"slices"
)

var supported = map[string]string{"en": "Hello", "de": "Hallo", "fr": "Bonjour"}

var allowedRegions = []string{"eu", "us", "ap"}

var enabled = map[string]bool{"search": true, "export": true}

// Folded by a switch whose default replaces the key.
var byMethod = map[string]int{}

// Folded by a switch whose default leaves.
var byMethodOrDrop = map[string]int{}

// Folded by a lookup in a package-level table.
var greetings = map[string]int{}

// Folded by slices.Contains on a package-level table.
var regions = map[string]int{}

// Folded by a boolean table, leaving the loop iteration otherwise.
var features = map[string]int{}

// The switch keeps any method it does not list.
var byMethodNoDefault = map[string]int{} // want `package-level map byMethodNoDefault grows without bound`

// A case that is not a constant lets the raw value through.
var byMethodDynamic = map[string]int{} // want `package-level map byMethodDynamic grows without bound`

// The key is folded, then overwritten with the raw path.
var refolded = map[string]int{} // want `package-level map refolded grows without bound`

// The lookup is in a table the request carries, not the program's.
var byHeader = map[string]int{} // want `package-level map byHeader grows without bound`

func count(w http.ResponseWriter, r *http.Request) {
	method := r.Method
	switch method {
	case http.MethodGet, http.MethodPost, http.MethodPut:
	default:
		method = "OTHER"
	}
	byMethod[method]++

	lang := r.URL.Query().Get("lang")
	if _, ok := supported[lang]; !ok {
		lang = "en"
	}
	greetings[lang]++

	region := r.Header.Get("X-Region")
	if !slices.Contains(allowedRegions, region) {
		region = "other"
	}
	regions[region]++

	for _, f := range r.URL.Query()["feature"] {
		if !enabled[f] {
			continue
		}
		features[f]++
	}

	raw := r.Method
	switch raw {
	case "GET":
		raw = "get"
	}
	byMethodNoDefault[raw]++

	other := r.URL.Path
	dyn := r.Method
	switch dyn {
	case "GET", other:
	default:
		dyn = "OTHER"
	}
	byMethodDynamic[dyn]++

	p := r.Method
	switch p {
	case "GET":
	default:
		p = "OTHER"
	}
	p = r.URL.Path
	refolded[p]++

	h := r.Header.Get("X-Name")
	if _, ok := r.Header[h]; !ok {
		h = "none"
	}
	byHeader[h]++
}

func init() {
	http.HandleFunc("/count", count)
	http.HandleFunc("/drop", countOrDrop)
	http.HandleFunc("/late", countLate)
}

// A handler of its own: the return for other methods bounds every later
// read of r.Method in the function.
func countOrDrop(w http.ResponseWriter, r *http.Request) {
	m := r.Method
	switch m {
	case "GET", "HEAD":
	default:
		return
	}
	byMethodOrDrop[m]++
}

// Checked before it is read again: the second read of r.Method is one of
// the two methods the switch lets through.
var byMethodLater = map[string]int{}

// Checked only on one path: the other keeps any method.
var byMethodLaterOnePath = map[string]int{} // want `package-level map byMethodLaterOnePath grows without bound: countLate writes it with keys from r.Method \(parameter r\)`

func countLate(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/strict" {
		byMethodLaterOnePath[r.Method]++
	}
	switch r.Method {
	case "GET", "HEAD":
	default:
		return
	}
	byMethodLater[r.Method]++
}

var codecs = map[string]func([]byte) error{"application/json": nil}

// Keyed by the raw header; the ok that returns early belongs to the codec
// lookup, not to this map's.
var pools = map[string][]byte{} // want `package-level map pools grows without bound`

// Returns early unless the key is already known: only updates.
var known = map[string]int{"a": 0, "b": 0}

func decode(w http.ResponseWriter, r *http.Request) {
	ct := r.Header.Get("Content-Type")
	_, ok := codecs[ct[:min(len(ct), 16)]]
	if !ok {
		return
	}
	p, ok := pools[ct]
	if !ok {
		p = make([]byte, 0, 512)
		pools[ct] = p
	}
	_ = p

	k := r.URL.Query().Get("k")
	if _, ok := known[k]; !ok {
		return
	}
	known[k]++
}

func init() {
	http.HandleFunc("/decode", decode)
}

// Keyed by the /8 network of the client: 256 values per address family.
var bySlash8 = map[netip.Prefix]int{}

// Keyed by the /24 network: too many to call small.
var bySlash24 = map[netip.Prefix]int{} // want `package-level map bySlash24 grows without bound`

func networks(w http.ResponseWriter, r *http.Request) {
	addr, err := netip.ParseAddr(r.RemoteAddr)
	if err != nil {
		return
	}
	if p, err := addr.Prefix(8); err == nil {
		bySlash8[p]++
	}
	if p, err := addr.Prefix(24); err == nil {
		bySlash24[p]++
	}
}

func init() {
	http.HandleFunc("/networks", networks)
}
