package leakproof

import (
	"fmt"
	"regexp"
	"sync"
	"testing"
)

const maxCompiled = 100

// compiledCache makes room under maxCompiled before trimmed inserts, the
// shape of opa's regexpCache before its fix; untrimmed inserts without
// making room (analyzers/unboundedcache/testdata/src/capped).
type compiledCache struct {
	mu sync.Mutex
	m  map[string]*regexp.Regexp
}

func (c *compiledCache) trimmed(pat string) *regexp.Regexp {
	c.mu.Lock()
	defer c.mu.Unlock()
	if re, ok := c.m[pat]; ok {
		return re
	}
	re := regexp.MustCompile(regexp.QuoteMeta(pat))
	if len(c.m) >= maxCompiled {
		// Make room for the new one: a (semi-)random key goes.
		for k := range c.m {
			delete(c.m, k)
			break
		}
	}
	c.m[pat] = re
	return re
}

func (c *compiledCache) untrimmed(pat string) *regexp.Regexp {
	c.mu.Lock()
	defer c.mu.Unlock()
	if re, ok := c.m[pat]; ok {
		return re
	}
	re := regexp.MustCompile(regexp.QuoteMeta(pat))
	c.m[pat] = re
	return re
}

// TestSizeGuard: a map trimmed to its cap before one kind of insertion
// still grows with every distinct key of the other kind. Requests that
// mix both, each with a new pattern, leave the map at its cap when every
// insertion is trimmed and at the number of template requests when one
// path skips the trim.
func TestSizeGuard(t *testing.T) {
	const requests = 2000
	for _, c := range []struct {
		name     string
		template func(*compiledCache, string) *regexp.Regexp
	}{{"leaky", (*compiledCache).untrimmed}, {"fixed", (*compiledCache).trimmed}} {
		t.Run(c.name, func(t *testing.T) {
			cache := &compiledCache{m: map[string]*regexp.Regexp{}}
			for i := range requests {
				if i%2 == 0 {
					cache.trimmed(fmt.Sprintf("pattern-%d", i))
				} else {
					c.template(cache, fmt.Sprintf("template-%d", i))
				}
			}
			t.Logf("%d entries after %d requests", len(cache.m), requests)
			if c.name == "leaky" && len(cache.m) < requests/2 {
				t.Errorf("%d entries, want at least %d (one per template request)", len(cache.m), requests/2)
			}
			if c.name == "fixed" && len(cache.m) > maxCompiled {
				t.Errorf("%d entries, want at most %d", len(cache.m), maxCompiled)
			}
		})
	}
}
