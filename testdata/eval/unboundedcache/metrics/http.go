package metrics

import (
	"fmt"
	"io"
	"net/http"
	"sort"
	"time"
)

var (
	// Keyed by the raw request path, so /users/1, /users/2, ... each get
	// their own counter.
	requestsByPath = map[string]int64{} // eval:leak unboundedcache

	// Keyed by method, but anything outside the known set is folded into
	// "OTHER" before the write.
	requestsByMethod = map[string]int64{}

	// Keyed by status class (status/100): at most a handful of keys.
	byStatusClass = map[int]int64{}

	// Every request's latency is appended for the percentile page and the
	// slice is never cut.
	latencies []time.Duration // eval:leak unboundedcache

	// Keeps the last maxSamples requests; older ones are shifted out.
	recent []sample

	// Requests per User-Agent header, which carries version numbers and
	// arbitrary client text.
	userAgents = map[string]int64{} // eval:leak unboundedcache

	// Handler errors counted by message; messages embed IDs and
	// addresses.
	errorsByMessage = map[string]int{} // eval:leak unboundedcache
)

// Instrument wraps next and records every request.
func Instrument(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		elapsed := time.Since(start)

		method := r.Method
		switch method {
		case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut,
			http.MethodPatch, http.MethodDelete, http.MethodOptions:
		default:
			method = "OTHER"
		}

		mu.Lock()
		defer mu.Unlock()
		requestsByPath[r.URL.Path]++
		requestsByMethod[method]++
		userAgents[r.UserAgent()]++
		byStatusClass[rec.status/100]++
		latencies = append(latencies, elapsed)
		if len(recent) >= maxSamples {
			copy(recent, recent[1:])
			recent = recent[:len(recent)-1]
		}
		recent = append(recent, sample{at: start, path: r.URL.Path, elapsed: elapsed})
	})
}

// RecordError counts a handler error.
func RecordError(err error) {
	if err == nil {
		return
	}
	mu.Lock()
	errorsByMessage[err.Error()]++
	mu.Unlock()
}

// WritePercentiles writes p50/p99 of all recorded latencies.
func WritePercentiles(w io.Writer) error {
	mu.Lock()
	sorted := append([]time.Duration(nil), latencies...)
	mu.Unlock()
	if len(sorted) == 0 {
		_, err := fmt.Fprintln(w, "no requests")
		return err
	}
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	_, err := fmt.Fprintf(w, "p50 %v\np99 %v\n", sorted[len(sorted)/2], sorted[len(sorted)*99/100])
	return err
}
