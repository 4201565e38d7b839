package sqlleaks

import "database/sql"

const open = 4

// holdOpen keeps rows open in a slice of constant length, each read once,
// and closes them all afterwards.
func holdOpen(db *sql.DB) error {
	rows := make([]*sql.Rows, open)
	for i := range rows {
		r, err := db.Query("SELECT name FROM people")
		if err != nil {
			for _, o := range rows[:i] {
				o.Close()
			}
			return err
		}
		r.Next()
		rows[i] = r
	}
	for _, r := range rows {
		r.Close()
	}
	return nil
}

// holdOpenDropped never closes the rows it keeps.
func holdOpenDropped(db *sql.DB, n int) int {
	rows := make([]*sql.Rows, n)
	for i := range rows {
		r, err := db.Query("SELECT name FROM people") // want `rows from db.Query is not closed when returning at line 38`
		if err != nil {
			break
		}
		rows[i] = r
	}
	return len(rows)
}
