package normalized

import (
	"log"
	"net/http"
)

// Folded by a switch whose default ends the process through a helper of
// the package.
var byScheme = map[string]int{}

// A default that only logs lets any value through.
var bySchemeLogged = map[string]int{} // want `package-level map bySchemeLogged grows without bound`

func reject(format string, args ...any) {
	log.Fatalf(format, args...)
}

func countScheme(w http.ResponseWriter, r *http.Request) {
	s := r.Header.Get("X-Scheme")
	switch s {
	case "http", "https":
	default:
		reject("unexpected scheme %q", s)
	}
	byScheme[s]++

	l := r.Header.Get("X-Scheme")
	switch l {
	case "http", "https":
	default:
		log.Printf("unexpected scheme %q", l)
	}
	bySchemeLogged[l]++
}

func init() {
	http.HandleFunc("/scheme", countScheme)
}
