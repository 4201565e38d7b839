// Package pgtype stands in for github.com/jackc/pgx/v5/pgtype.
package pgtype

// Map is the registry of PostgreSQL types.
type Map struct{ names map[string]uint32 }

func NewMap() *Map { return &Map{names: map[string]uint32{}} }
