// Package tablefirst checks that a table acquirer's own kind, not what a
// summary of its body sees, is what callers acquire.
package tablefirst

import "github.com/jmoiron/sqlx"

// Users hands on the *sqlx.Rows of Queryx. Queryx's body returns the
// *sql.Rows it acquires inside a *sqlx.Rows; callers still own sqlx rows.
func Users(db *sqlx.DB) (*sqlx.Rows, error) { // want Users:`lifetime\(returns owned sqlx.Rows in result 0\)`
	return db.Queryx("SELECT id FROM users")
}
