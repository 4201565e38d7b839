// Package shrinks holds growing containers that something shrinks: none
// of them is reported.
package shrinks

import (
	"maps"
	"net/http"
	"sync"
	"time"
)

// Deleted on logout.
var sessions = map[string]string{}

func Login(user, token string) { sessions[token] = user }

func Logout(token string) { delete(sessions, token) }

// Cleared periodically.
var hits = map[string]int{}

func Hit(r *http.Request) { hits[r.URL.Path]++ }

func Flush() { clear(hits) }

// Reset by reassignment in a janitor goroutine.
var recent = map[string]time.Time{}

func Touch(key string) { recent[key] = time.Now() }

func janitor() {
	for range time.Tick(time.Minute) {
		recent = map[string]time.Time{}
	}
}

func init() { go janitor() }

// A size check that evicts.
var lru = map[string][]byte{}

const maxEntries = 1000

func Put(key string, b []byte) {
	if len(lru) >= maxEntries {
		for k := range lru {
			delete(lru, k)
			break
		}
	}
	lru[key] = b
}

// A size check that refuses.
var capped = map[string]int{}

func Add(key string) {
	if len(capped) < maxEntries {
		capped[key]++
	}
}

// A ring of recent events: slicing drops old ones.
var events []string

func Record(ev string) {
	events = append(events, ev)
	if len(events) > 100 {
		events = events[1:]
	}
}

// A sync.Map with deletion.
var conns sync.Map

func Open(id string, c any) { conns.Store(id, c) }

func Close(id string) { conns.Delete(id) }

// Deleted through maps.DeleteFunc.
var expiring = map[string]time.Time{}

func Expire(key string) { expiring[key] = time.Now() }

func Sweep() {
	maps.DeleteFunc(expiring, func(_ string, t time.Time) bool { return time.Since(t) > time.Hour })
}

// A helper that deletes from the map it is given.
var byUser = map[string]int{}

func Bump(user string) { byUser[user]++ }

func forget(m map[string]int, k string) { delete(m, k) }

func Forget(user string) { forget(byUser, user) }

// A struct holder whose method deletes.
type cache struct {
	mu sync.Mutex
	m  map[string]string
}

func (c *cache) Set(k, v string) {
	c.mu.Lock()
	c.m[k] = v
	c.mu.Unlock()
}

func (c *cache) evict(k string) {
	c.mu.Lock()
	delete(c.m, k)
	c.mu.Unlock()
}

var defaultCache = &cache{m: map[string]string{}}

func Store(k, v string) { defaultCache.Set(k, v) }

func Evict(k string) { defaultCache.evict(k) }

// A local alias deletes.
var pending = map[int64]string{}

func Enqueue(id int64, job string) { pending[id] = job }

func Done(id int64) {
	m := pending
	delete(m, id)
}

// Lazily created, then deleted from: the lazy creation is no reset, the
// delete is what bounds it.
var lazy map[string]int

func LazyAdd(k string) {
	if lazy == nil {
		lazy = map[string]int{}
	}
	lazy[k]++
}

func LazyDrop(k string) { delete(lazy, k) }
