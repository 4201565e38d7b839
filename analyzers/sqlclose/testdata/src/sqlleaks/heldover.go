package sqlleaks

import (
	"context"
	"database/sql"
)

// latest queries the database in every round while the earlier rounds'
// rows hold their connections: with a bounded pool the query waits for a
// connection that only the function's return frees. Every acquisition of
// database/sql waits for the server, so a defer inside a loop over one
// is always held over a later round (closecheck's testdata "files" has
// the loops that only compute).
func latest(ctx context.Context, db *sql.DB, ids []int64) ([]string, error) {
	var names []string
	for _, id := range ids {
		rows, err := db.QueryContext(ctx, "SELECT name FROM items WHERE owner = $1", id) // want `rows from db.QueryContext is released by a defer inside the loop: every iteration's rows stays open until the function returns`
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		if rows.Next() {
			var name string
			if err := rows.Scan(&name); err != nil {
				return nil, err
			}
			names = append(names, name)
		}
	}
	return names, nil
}
