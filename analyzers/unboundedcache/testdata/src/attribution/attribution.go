// Package attribution: a write counts for a package-level container only
// when the written object is certainly that container.
package attribution

import (
	"net/http"
	"sync"
)

// A struct copy: the middleware copies the default configuration and
// gives its copy a map of its own before writing it.
type Config struct {
	Rules map[string]string
}

var DefaultConfig = Config{} // want DefaultConfig:`growOnly\("Rules"\)`

func Rewrite(from string) func(http.Handler) http.Handler {
	c := DefaultConfig
	return WithConfig(c, from)
}

func WithConfig(c Config, from string) func(http.Handler) http.Handler {
	if c.Rules == nil {
		c.Rules = map[string]string{}
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			c.Rules[r.URL.Path] = from
			next.ServeHTTP(w, r)
		})
	}
}

// The package-level value itself, through a pointer: reported. (A type of
// its own: a field set anew anywhere counts as a reset for every value of
// the type, as Config's Rules above is.)
type table struct {
	Rules map[string]string
}

var shared = &table{Rules: map[string]string{}} // want `package-level map shared.Rules grows without bound: Record writes it with keys from r.URL.Path \(parameter r\)`

var mu sync.Mutex

func Record(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	shared.Rules[r.URL.Path] = "seen"
	mu.Unlock()
}

// A prebuilt option passed to a variadic parameter: the callee appends to
// its own slice of arguments, not to the option.
type Option interface{ apply() }

type attrs []string

func (attrs) apply() {}

var traceOpt Option = attrs{"rpc"}

func start(r *http.Request, opts ...Option) []Option {
	opts = append(opts, attrs{r.URL.Path})
	return opts
}

func Serve(w http.ResponseWriter, r *http.Request) {
	start(r, traceOpt)
}
