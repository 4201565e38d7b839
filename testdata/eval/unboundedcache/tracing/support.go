// Package tracing records request spans and exports them in batches.
package tracing

import (
	"crypto/rand"
	"encoding/hex"
	"sync"
	"time"
)

var mu sync.Mutex

// SpanID identifies a span.
type SpanID string

// TraceID identifies a trace.
type TraceID string

// Span is one timed operation.
type Span struct {
	ID     SpanID
	Trace  TraceID
	Parent SpanID
	Name   string
	Start  time.Time
	End    time.Time
}

// Exporter ships finished spans.
type Exporter interface {
	Export(spans []*Span) error
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}
