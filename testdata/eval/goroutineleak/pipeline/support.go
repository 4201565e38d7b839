// Package pipeline imports CSV exports of usage records in stages: read,
// parse, enrich, store.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Record is one usage line.
type Record struct {
	Account string
	Metric  string
	Value   float64
	Region  string
}

// Store persists records.
type Store interface {
	Put(ctx context.Context, r Record) error
}

// ErrMalformed is wrapped by parse errors.
var ErrMalformed = errors.New("pipeline: malformed record")

func parse(line string) (Record, error) {
	f := strings.Split(line, ",")
	if len(f) != 3 {
		return Record{}, fmt.Errorf("%w: %q", ErrMalformed, line)
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(f[2]), 64)
	if err != nil {
		return Record{}, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	return Record{Account: strings.TrimSpace(f[0]), Metric: strings.TrimSpace(f[1]), Value: v}, nil
}

// Summary totals records per metric.
type Summary map[string]float64

func (s Summary) add(r Record) { s[r.Metric] += r.Value }
