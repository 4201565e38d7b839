package users

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"leakvet.test/eval/internal/dbx"
)

// NewStore prepares the statements the store uses on every request.
func NewStore(ctx context.Context, db *sql.DB) (*Store, error) {
	byID, err := db.PrepareContext(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1`)
	if err != nil {
		return nil, fmt.Errorf("prepare byID: %w", err)
	}
	byEmail, err := db.PrepareContext(ctx, `SELECT `+userColumns+` FROM users WHERE lower(email) = lower($1)`)
	if err != nil {
		byID.Close()
		return nil, fmt.Errorf("prepare byEmail: %w", err)
	}
	return &Store{db: db, byID: byID, byEmail: byEmail}, nil
}

// ByID returns one user.
func (s *Store) ByID(ctx context.Context, id int64) (User, error) {
	u, err := scanUser(s.byID.QueryRowContext(ctx, id))
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, ErrNotFound
	}
	return u, err
}

// ListActive returns the users of an organisation who logged in recently.
func (s *Store) ListActive(ctx context.Context, orgID int64) ([]User, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT `+userColumns+` FROM users WHERE org_id = $1 AND last_login > now() - interval '30 days' ORDER BY email`,
		orgID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Owner returns the owner of an organisation.
func (s *Store) Owner(ctx context.Context, orgID int64) (*User, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+userColumns+` FROM users WHERE org_id = $1`, orgID) // eval:leak sqlclose
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		if u.Role == "owner" {
			return &u, nil
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return nil, ErrNotFound
}

// query runs a filtered select over users; the caller closes the rows.
func (s *Store) query(ctx context.Context, where string, args ...any) (*sql.Rows, error) {
	q := `SELECT ` + userColumns + ` FROM users`
	if where != "" {
		q += ` WHERE ` + where
	}
	return s.db.QueryContext(ctx, q+` ORDER BY id`, args...)
}

// Search returns users whose name or email contains term.
func (s *Store) Search(ctx context.Context, orgID int64, term string) ([]User, error) {
	pattern := "%" + strings.ReplaceAll(term, "%", `\%`) + "%"
	rows, err := s.query(ctx, `org_id = $1 AND (name ILIKE $2 OR email ILIKE $2)`, orgID, pattern)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// FirstAdmin returns the admin with the lowest ID.
func (s *Store) FirstAdmin(ctx context.Context, orgID int64) (User, error) {
	rows, err := s.query(ctx, `org_id = $1 AND role = 'admin'`, orgID) // eval:leak sqlclose
	if err != nil {
		return User{}, err
	}
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return User{}, err
		}
		return User{}, ErrNotFound
	}
	return scanUser(rows)
}

// TouchLogin records a login.
func (s *Store) TouchLogin(ctx context.Context, id int64) error {
	_, err := s.db.QueryContext(ctx, `UPDATE users SET last_login = now() WHERE id = $1`, id) // eval:leak sqlclose
	return err
}

// SetRole changes a user's role and reports whether the user existed.
func (s *Store) SetRole(ctx context.Context, id int64, role string) (bool, error) {
	res, err := s.db.ExecContext(ctx, `UPDATE users SET role = $1 WHERE id = $2`, role, id)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// EachEmail calls fn with every email address of an organisation, stopping
// at the first error fn returns.
func (s *Store) EachEmail(ctx context.Context, orgID int64, fn func(string) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT email FROM users WHERE org_id = $1`, orgID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var email string
		if err := rows.Scan(&email); err != nil {
			return err
		}
		if err := fn(email); err != nil {
			return err
		}
	}
	return rows.Err()
}

// CountByRole returns how many users have each role.
func (s *Store) CountByRole(ctx context.Context, orgID int64) (counts map[string]int, err error) {
	rows, err := s.db.QueryContext(ctx, `SELECT role, count(*) FROM users WHERE org_id = $1 GROUP BY role`, orgID)
	if err != nil {
		return nil, err
	}
	defer dbx.CloseRows(rows, &err)
	counts = map[string]int{}
	for rows.Next() {
		var role string
		var n int
		if err := rows.Scan(&role, &n); err != nil {
			return nil, err
		}
		counts[role] = n
	}
	return counts, nil
}

// Domains returns the distinct email domains of an organisation.
func (s *Store) Domains(ctx context.Context, orgID int64) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT split_part(email, '@', 2) FROM users WHERE org_id = $1`, orgID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() { // eval:leak rowserr
		var d string
		if err := rows.Scan(&d); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// Iterate returns an iterator over the users of an organisation.
func (s *Store) Iterate(ctx context.Context, orgID int64) (*Iterator, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+userColumns+` FROM users WHERE org_id = $1 ORDER BY id`, orgID)
	if err != nil {
		return nil, err
	}
	return &Iterator{rows: rows}, nil
}

// Stream sends the users of an organisation on the returned channel from a
// goroutine, which closes the rows when it is done or ctx ends.
func (s *Store) Stream(ctx context.Context, orgID int64) (<-chan User, <-chan error) {
	out := make(chan User)
	errc := make(chan error, 1)
	rows, err := s.db.QueryContext(ctx, `SELECT `+userColumns+` FROM users WHERE org_id = $1`, orgID)
	if err != nil {
		errc <- err
		close(out)
		return out, errc
	}
	go func() {
		defer close(out)
		defer rows.Close()
		for rows.Next() {
			u, err := scanUser(rows)
			if err != nil {
				errc <- err
				return
			}
			select {
			case out <- u:
			case <-ctx.Done():
				errc <- ctx.Err()
				return
			}
		}
		errc <- rows.Err()
	}()
	return out, errc
}

// WithSearchPath runs fn on a dedicated connection whose search_path is set
// to the tenant's schema.
func (s *Store) WithSearchPath(ctx context.Context, schema string, fn func(*sql.Conn) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT set_config('search_path', $1, false)`, schema); err != nil {
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `RESET search_path`)
	return fn(conn)
}

// TenantUsers lists the users of a tenant schema on a dedicated connection.
func (s *Store) TenantUsers(ctx context.Context, schema string) ([]User, error) {
	conn, err := s.db.Conn(ctx) // eval:leak sqlclose
	if err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, `SELECT set_config('search_path', $1, false)`, schema); err != nil {
		return nil, fmt.Errorf("tenant %s: %w", schema, err)
	}
	defer conn.Close()
	rows, err := conn.QueryContext(ctx, `SELECT `+userColumns+` FROM users ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Exists reports whether an email address is taken.
func (s *Store) Exists(ctx context.Context, email string) (bool, error) {
	var ok bool
	err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM users WHERE lower(email) = lower($1))`, email).Scan(&ok)
	return ok, err
}
