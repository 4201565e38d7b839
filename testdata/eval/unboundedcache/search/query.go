package search

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

var (
	// Results cache holding at most 10,000 queries.
	results = &boundedCache{max: 10_000, items: map[string][]string{}}

	// Autocomplete answers memoised by prefix; every prefix typed by
	// every user is kept.
	suggestions = map[string][]string{} // eval:leak unboundedcache

	// Every query with no hits is appended for the merchandising report.
	zeroHits []string // eval:leak unboundedcache

	// Query counts for the trending box; the map is replaced with a fresh
	// one at the top of every hour.
	trending      = map[string]int{}
	trendingSince = time.Now()
)

// Handler serves /search?q=... from idx.
func Handler(idx Index) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q := normalise(r.URL.Query().Get("q"))
		if q == "" {
			http.Error(w, "missing q", http.StatusBadRequest)
			return
		}
		bumpTrending(q)
		hits, ok := results.get(q)
		if !ok {
			var err error
			hits, err = idx.Query(r.Context(), q, 20)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadGateway)
				return
			}
			results.put(q, hits)
		}
		if len(hits) == 0 {
			mu.Lock()
			zeroHits = append(zeroHits, q)
			mu.Unlock()
		}
		writeJSON(w, hits)
	}
}

// Suggest serves /suggest?prefix=... from idx.
func Suggest(idx Index) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		prefix := strings.ToLower(r.URL.Query().Get("prefix"))
		mu.Lock()
		s, ok := suggestions[prefix]
		mu.Unlock()
		if !ok {
			var err error
			s, err = idx.Query(r.Context(), prefix+"*", 8)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadGateway)
				return
			}
			mu.Lock()
			suggestions[prefix] = s
			mu.Unlock()
		}
		writeJSON(w, s)
	}
}

func bumpTrending(q string) {
	now := time.Now()
	mu.Lock()
	defer mu.Unlock()
	if now.Truncate(time.Hour).After(trendingSince) {
		trending = map[string]int{}
		trendingSince = now.Truncate(time.Hour)
	}
	trending[q]++
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}
