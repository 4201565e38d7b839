// Package stmtholder keeps a prepared statement in a holder of its own
// and queries through it: the rows the holder hands out are a resource of
// their own, and closing them leaves the statement open.
package stmtholder

import "database/sql"

type prepared struct{ stmt *sql.Stmt }

func (p *prepared) Close() error { return p.stmt.Close() }

func (p *prepared) query(id int64) (*sql.Rows, error) { return p.stmt.Query(id) }

func rowsClosedStatementNot(db *sql.DB) error {
	stmt, err := db.Prepare("SELECT name FROM users WHERE id = ?") // want `statement from db.Prepare is not closed when returning at line 25`
	if err != nil {
		return err
	}
	p := &prepared{stmt: stmt}
	rows, err := p.query(1)
	if err != nil {
		p.Close()
		return err
	}
	return rows.Close()
}

func rowsAndStatementClosed(db *sql.DB) error {
	stmt, err := db.Prepare("SELECT name FROM users WHERE id = ?")
	if err != nil {
		return err
	}
	p := &prepared{stmt: stmt}
	defer p.Close()
	rows, err := p.query(1)
	if err != nil {
		return err
	}
	return rows.Close()
}

// holderReturned: the caller owns the holder and the statement in it.
func holderReturned(db *sql.DB) (*prepared, error) {
	stmt, err := db.Prepare("SELECT name FROM users WHERE id = ?")
	if err != nil {
		return nil, err
	}
	p := &prepared{stmt: stmt}
	rows, err := p.query(0)
	if err != nil {
		p.Close()
		return nil, err
	}
	rows.Close()
	return p, nil
}
