package tenants

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"time"
)

var (
	// Loaded on first use; Invalidate removes a tenant when its settings
	// change and Reload empties the whole cache.
	configs = map[string]*Config{}

	// Usage per tenant per calendar day: a new key every day for every
	// tenant, and old days are never dropped.
	usage = map[string]*Usage{} // eval:leak unboundedcache

	// Filled once at package initialisation from the built-in table.
	regionOf = map[string]string{}

	// Replaced as a whole by SetQuotaOverrides.
	quotaOverrides = map[string]int{}

	// Every distinct X-Tenant header value that failed to resolve,
	// including garbage sent by scanners.
	unknownSeen = map[string]time.Time{} // eval:leak unboundedcache
)

func init() {
	if err := json.Unmarshal([]byte(regionsJSON), &regionOf); err != nil {
		panic(err)
	}
}

// Resolve returns the configuration of the tenant named in the request.
func Resolve(ctx context.Context, db *sql.DB, r *http.Request) (*Config, error) {
	id := r.Header.Get("X-Tenant")
	mu.RLock()
	c, ok := configs[id]
	mu.RUnlock()
	if ok {
		return c, nil
	}
	c, err := loadConfig(ctx, db, id)
	if err == ErrUnknownTenant {
		mu.Lock()
		unknownSeen[id] = time.Now()
		mu.Unlock()
		return nil, err
	}
	if err != nil {
		return nil, err
	}
	if c.Region == "" {
		c.Region = regionOf[id]
	}
	mu.Lock()
	configs[id] = c
	mu.Unlock()
	return c, nil
}

// Invalidate forgets the cached configuration of tenant id.
func Invalidate(id string) {
	mu.Lock()
	delete(configs, id)
	mu.Unlock()
}

// Reload drops every cached configuration.
func Reload() {
	mu.Lock()
	configs = map[string]*Config{}
	mu.Unlock()
}

// Meter adds one request of n bytes to the tenant's usage for today.
func Meter(tenantID string, n int64) {
	key := tenantID + "/" + time.Now().UTC().Format("2006-01-02")
	mu.Lock()
	defer mu.Unlock()
	u, ok := usage[key]
	if !ok {
		u = &Usage{}
		usage[key] = u
	}
	u.Requests++
	u.Bytes += n
}

// SetQuotaOverrides replaces the seat overrides with next.
func SetQuotaOverrides(next map[string]int) {
	m := make(map[string]int, len(next))
	for k, v := range next {
		m[k] = v
	}
	mu.Lock()
	quotaOverrides = m
	mu.Unlock()
}

// Seats returns the seat limit of c, honouring overrides.
func Seats(c *Config) int {
	mu.RLock()
	defer mu.RUnlock()
	if n, ok := quotaOverrides[c.ID]; ok {
		return n
	}
	return c.MaxSeats
}
