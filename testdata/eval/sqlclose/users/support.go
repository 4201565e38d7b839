// Package users is the user repository of the accounts service, on
// database/sql.
package users

import (
	"database/sql"
	"errors"
	"time"
)

// ErrNotFound is returned when no user matches.
var ErrNotFound = errors.New("users: not found")

// User is a row of the users table.
type User struct {
	ID        int64
	OrgID     int64
	Email     string
	Name      string
	Role      string
	LastLogin sql.NullTime
	CreatedAt time.Time
}

// Store reads and writes users. The prepared statements live as long as
// the Store.
type Store struct {
	db      *sql.DB
	byID    *sql.Stmt
	byEmail *sql.Stmt
}

// Close releases the prepared statements.
func (s *Store) Close() error {
	err := s.byID.Close()
	if err2 := s.byEmail.Close(); err == nil {
		err = err2
	}
	return err
}

const userColumns = `id, org_id, email, name, role, last_login, created_at`

type scanner interface {
	Scan(dest ...any) error
}

func scanUser(s scanner) (User, error) {
	var u User
	err := s.Scan(&u.ID, &u.OrgID, &u.Email, &u.Name, &u.Role, &u.LastLogin, &u.CreatedAt)
	return u, err
}

// Iterator walks a result set of users; Close must be called.
type Iterator struct {
	rows *sql.Rows
	cur  User
	err  error
}

// Next advances to the next user.
func (it *Iterator) Next() bool {
	if it.err != nil || !it.rows.Next() {
		return false
	}
	it.cur, it.err = scanUser(it.rows)
	return it.err == nil
}

// User returns the current user.
func (it *Iterator) User() User { return it.cur }

// Err returns the first scan or iteration error.
func (it *Iterator) Err() error {
	if it.err != nil {
		return it.err
	}
	return it.rows.Err()
}

// Close releases the result set.
func (it *Iterator) Close() error { return it.rows.Close() }
