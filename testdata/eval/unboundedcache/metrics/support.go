// Package metrics counts HTTP traffic for the service's /metrics page.
package metrics

import (
	"net/http"
	"sync"
	"time"
)

var mu sync.Mutex

const maxSamples = 2048

type sample struct {
	at      time.Time
	path    string
	elapsed time.Duration
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}
