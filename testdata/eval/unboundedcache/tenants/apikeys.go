package tenants

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
	"strings"
)

var (
	// Tenant of each API key presented, including the empty answer for
	// keys that do not exist, so every random key a scanner sends is
	// remembered.
	keyOwners = map[string]string{} // eval:leak unboundedcache

	// Owners of valid keys only; RevokeKey removes a key's entry.
	validKeys = map[string]string{}
)

// Authenticate returns the tenant owning the request's bearer key.
func Authenticate(ctx context.Context, db *sql.DB, r *http.Request) (string, error) {
	key, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || key == "" {
		return "", ErrUnknownTenant
	}
	mu.RLock()
	owner, cached := keyOwners[key]
	mu.RUnlock()
	if !cached {
		err := db.QueryRowContext(ctx, `SELECT tenant_id FROM api_keys WHERE key = $1`, key).Scan(&owner)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return "", err
		}
		mu.Lock()
		keyOwners[key] = owner
		mu.Unlock()
	}
	if owner == "" {
		return "", ErrUnknownTenant
	}
	return owner, nil
}

// AuthenticateValid is Authenticate caching only keys that exist.
func AuthenticateValid(ctx context.Context, db *sql.DB, r *http.Request) (string, error) {
	key, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || key == "" {
		return "", ErrUnknownTenant
	}
	mu.RLock()
	owner, cached := validKeys[key]
	mu.RUnlock()
	if cached {
		return owner, nil
	}
	err := db.QueryRowContext(ctx, `SELECT tenant_id FROM api_keys WHERE key = $1`, key).Scan(&owner)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrUnknownTenant
	}
	if err != nil {
		return "", err
	}
	mu.Lock()
	validKeys[key] = owner
	mu.Unlock()
	return owner, nil
}

// RevokeKey forgets key after it is deleted from the database.
func RevokeKey(key string) {
	mu.Lock()
	delete(validKeys, key)
	mu.Unlock()
}
