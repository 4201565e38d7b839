package i18n

import (
	"fmt"
	"net/http"
	"strings"
)

type msgKey struct {
	locale Locale
	id     string
}

var (
	// The catalogue, parsed at initialisation.
	messages = map[msgKey]string{}

	// Message IDs missing from a locale, logged once each. The IDs are
	// the constants the program passes and the locale is one of the three
	// supported ones, so the set is bounded by the code.
	missing = map[msgKey]bool{}

	// Formatted strings memoised by locale, message and arguments; the
	// arguments are order numbers and user names.
	formatted = map[string]string{} // eval:leak unboundedcache

	// Requests per matched locale: three keys.
	localeHits = map[Locale]int{}
)

func init() {
	for _, line := range strings.Split(strings.TrimSpace(catalogue), "\n") {
		parts := strings.SplitN(line, "|", 3)
		if len(parts) != 3 {
			panic("i18n: bad catalogue line " + line)
		}
		messages[msgKey{Locale(parts[0]), parts[1]}] = parts[2]
	}
}

// T translates message id into the locale of r and formats it with args.
func T(r *http.Request, id string, args ...any) string {
	loc := Match(r.Header.Get("Accept-Language"))
	memo := fmt.Sprint(loc, "|", id, "|", args)
	mu.Lock()
	defer mu.Unlock()
	localeHits[loc]++
	if s, ok := formatted[memo]; ok {
		return s
	}
	k := msgKey{loc, id}
	tmpl, ok := messages[k]
	if !ok {
		if !missing[k] {
			missing[k] = true
			fmt.Printf("i18n: %s has no %q\n", loc, id)
		}
		tmpl, ok = messages[msgKey{English, id}]
		if !ok {
			tmpl = id
		}
	}
	s := tmpl
	if len(args) > 0 {
		s = fmt.Sprintf(tmpl, args...)
	}
	formatted[memo] = s
	return s
}
