// Package store fills its containers only through exported functions with
// plain parameters: silent here, where the callers are out of sight; the
// growsWith fact lets a caller that passes traffic be reported.
package store

import (
	"sync"
	"time"
)

var mu sync.Mutex

var lastSeen = map[string]time.Time{}

func MarkSeen(customerID string, t time.Time) { // want MarkSeen:`growsWith\(0, map store.lastSeen\)`
	mu.Lock()
	defer mu.Unlock()
	lastSeen[customerID] = t
}

var hooks []string

func AddHook(name string) { // want AddHook:`growsWith\(0, slice store.hooks\)`
	mu.Lock()
	defer mu.Unlock()
	hooks = append(hooks, name)
}

// Pruned: no fact.
var tokens = map[string]bool{}

func Grant(token string) {
	mu.Lock()
	defer mu.Unlock()
	tokens[token] = true
}

func Revoke(token string) {
	mu.Lock()
	defer mu.Unlock()
	delete(tokens, token)
}
