package production

import "net"

type executor interface{ Exec(string) error }

type connTx struct{ c net.Conn }

func (t *connTx) Exec(string) error { return nil }
func (t *connTx) Close() error      { return t.c.Close() }

type otherTx struct{ connTx }

func beginTx() (*connTx, error) {
	c, err := net.Dial("tcp", "127.0.0.1:1")
	if err != nil {
		return nil, err
	}
	return &connTx{c: c}, nil
}

// applySteps (sql-migrate's shape): the transaction is kept in an
// interface and released through a type assertion to its own type, which
// cannot fail while the interface holds it.
func applySteps(steps []string, plain executor) error {
	for _, s := range steps {
		ex := plain
		if plain == nil {
			tx, err := beginTx()
			if err != nil {
				return err
			}
			ex = tx
		}
		err := ex.Exec(s)
		if tx, ok := ex.(*connTx); ok {
			tx.Close()
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// applyStepsOther asserts another type: where the assertion fails, the
// transaction is left open.
func applyStepsOther(steps []string, plain executor) error {
	for _, s := range steps {
		ex := plain
		if plain == nil {
			tx, err := beginTx() // want `\*connTx from beginTx is not closed before the next loop iteration acquires another`
			if err != nil {
				return err
			}
			ex = tx
		}
		err := ex.Exec(s)
		if tx, ok := ex.(*otherTx); ok {
			tx.Close()
		}
		if err != nil {
			return err
		}
	}
	return nil
}
