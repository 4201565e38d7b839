package reports

import (
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/jmoiron/sqlx"
)

// New prepares the statements the reports use repeatedly.
func New(db *sqlx.DB) (*Reports, error) {
	stmt, err := db.Preparex(`SELECT id, name, city, cents FROM customer_totals WHERE city = $1 ORDER BY cents DESC LIMIT $2`)
	if err != nil {
		return nil, err
	}
	return &Reports{db: db, topByCity: stmt}, nil
}

// Revenue returns the revenue per month since from.
func (r *Reports) Revenue(ctx context.Context, from time.Time) ([]MonthRevenue, error) {
	rows, err := r.db.QueryxContext(ctx,
		`SELECT date_trunc('month', created_at) AS month, sum(total_cents) AS cents, count(*) AS orders
		   FROM orders WHERE created_at >= $1 GROUP BY 1 ORDER BY 1`, from)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []MonthRevenue
	for rows.Next() {
		var m MonthRevenue
		if err := rows.StructScan(&m); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Segment returns up to limit customers matching the filter.
func (r *Reports) Segment(ctx context.Context, f Filter, limit int) ([]Customer, error) {
	const q = `SELECT id, name, city, cents FROM customer_totals
		WHERE city = :city AND cents >= :min_cents AND last_order >= :since ORDER BY cents DESC`
	rows, err := r.db.NamedQueryContext(ctx, q, f) // eval:leak sqlclose
	if err != nil {
		return nil, err
	}
	var out []Customer
	for rows.Next() {
		var c Customer
		if err := rows.StructScan(&c); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, c)
		if len(out) == limit {
			return out, nil
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// TopCustomers uses sqlx's Select, which closes its rows.
func (r *Reports) TopCustomers(ctx context.Context, limit int) ([]Customer, error) {
	var out []Customer
	err := r.db.SelectContext(ctx, &out, `SELECT id, name, city, cents FROM customer_totals ORDER BY cents DESC LIMIT $1`, limit)
	return out, err
}

// TopInCity runs the statement prepared in New.
func (r *Reports) TopInCity(ctx context.Context, city string, limit int) ([]Customer, error) {
	var out []Customer
	err := r.topByCity.SelectContext(ctx, &out, city, limit)
	return out, err
}

// CustomerByID uses sqlx's Get.
func (r *Reports) CustomerByID(ctx context.Context, id int64) (Customer, error) {
	var c Customer
	err := r.db.GetContext(ctx, &c, `SELECT id, name, city, cents FROM customer_totals WHERE id = $1`, id)
	return c, err
}

// CustomersByIDs expands the ID list with sqlx.In.
func (r *Reports) CustomersByIDs(ctx context.Context, ids []int64) ([]Customer, error) {
	q, args, err := sqlx.In(`SELECT id, name, city, cents FROM customer_totals WHERE id IN (?)`, ids)
	if err != nil {
		return nil, err
	}
	var out []Customer
	err = r.db.SelectContext(ctx, &out, r.db.Rebind(q), args...)
	return out, err
}

// CitySpend prepares a named statement for one report run.
func (r *Reports) CitySpend(ctx context.Context, filters []Filter) (map[string]int64, error) {
	stmt, err := r.db.PrepareNamedContext(ctx, `SELECT coalesce(sum(cents), 0) FROM customer_totals WHERE city = :city AND cents >= :min_cents`) // eval:leak sqlclose
	if err != nil {
		return nil, err
	}
	out := map[string]int64{}
	for _, f := range filters {
		var total int64
		if err := stmt.GetContext(ctx, &total, f); err != nil {
			return nil, fmt.Errorf("city %s: %w", f.City, err)
		}
		out[f.City] = total
	}
	return out, nil
}

// CitySpendClosed is CitySpend with the statement closed.
func (r *Reports) CitySpendClosed(ctx context.Context, filters []Filter) (map[string]int64, error) {
	stmt, err := r.db.PrepareNamedContext(ctx, `SELECT coalesce(sum(cents), 0) FROM customer_totals WHERE city = :city AND cents >= :min_cents`)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	out := map[string]int64{}
	for _, f := range filters {
		var total int64
		if err := stmt.GetContext(ctx, &total, f); err != nil {
			return nil, fmt.Errorf("city %s: %w", f.City, err)
		}
		out[f.City] = total
	}
	return out, nil
}

// Snapshot stores the month's totals; MustBegin panics when no
// transaction can be started.
func (r *Reports) Snapshot(month time.Time, rows []MonthRevenue) error {
	tx := r.db.MustBegin()
	defer tx.Rollback()
	tx.MustExec(`DELETE FROM revenue_snapshots WHERE month = $1`, month)
	for _, m := range rows {
		if _, err := tx.NamedExec(`INSERT INTO revenue_snapshots (month, cents, orders) VALUES (:month, :cents, :orders)`, m); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// Rebuild recomputes the customer_totals table.
func (r *Reports) Rebuild(ctx context.Context) error {
	tx, err := r.db.BeginTxx(ctx, nil) // eval:leak sqlclose
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `TRUNCATE customer_totals`); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO customer_totals SELECT c.id, c.name, c.city, coalesce(sum(o.total_cents), 0)
		FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id`); err != nil {
		return err
	}
	return tx.Commit()
}

// Tag labels customers with a statement prepared on the transaction,
// which closes with it.
func (r *Reports) Tag(ctx context.Context, tag string, ids []int64) error {
	tx, err := r.db.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareNamedContext(ctx, `INSERT INTO customer_tags (customer_id, tag) VALUES (:id, :tag) ON CONFLICT DO NOTHING`)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := stmt.ExecContext(ctx, map[string]any{"id": id, "tag": tag}); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// Heavy runs a long report with a statement timeout on its own connection.
func (r *Reports) Heavy(ctx context.Context, query string, dest any) error {
	conn, err := r.db.Connx(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SET statement_timeout = '5min'`); err != nil {
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `RESET statement_timeout`)
	return conn.SelectContext(ctx, dest, query)
}

// Explain returns the query plan of a report query.
func (r *Reports) Explain(ctx context.Context, query string) ([]string, error) {
	conn, err := r.db.Connx(ctx) // eval:leak sqlclose
	if err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, `SET enable_seqscan = off`); err != nil {
		return nil, err
	}
	defer conn.Close()
	var plan []string
	err = conn.SelectContext(ctx, &plan, `EXPLAIN `+query)
	return plan, err
}

// Iterate returns an iterator over every customer of a city.
func (r *Reports) Iterate(ctx context.Context, city string) (*CustomerIter, error) {
	rows, err := r.db.QueryxContext(ctx, `SELECT id, name, city, cents FROM customer_totals WHERE city = $1`, city)
	if err != nil {
		return nil, err
	}
	return &CustomerIter{rows: rows}, nil
}

// Dormant scans the dormant customers in one call.
func (r *Reports) Dormant(ctx context.Context, since time.Time) ([]Customer, error) {
	rows, err := r.db.QueryxContext(ctx, `SELECT id, name, city, cents FROM customer_totals WHERE last_order < $1`, since) // eval:leak sqlclose
	if err != nil {
		return nil, err
	}
	var out []Customer
	if err := sqlx.StructScan(rows, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// Cities returns the cities with at least one customer.
func (r *Reports) Cities(ctx context.Context) ([]string, error) {
	rows, err := r.db.QueryxContext(ctx, `SELECT DISTINCT city FROM customer_totals ORDER BY city`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() { // eval:leak rowserr
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// ExportCSV writes an arbitrary report query as CSV.
func (r *Reports) ExportCSV(ctx context.Context, w io.Writer, query string, args ...any) error {
	rows, err := r.db.QueryxContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(cols); err != nil {
		return err
	}
	record := make([]string, len(cols))
	for rows.Next() {
		vals, err := rows.SliceScan()
		if err != nil {
			return err
		}
		for i, v := range vals {
			switch v := v.(type) {
			case nil:
				record[i] = ""
			case []byte:
				record[i] = string(v)
			case int64:
				record[i] = strconv.FormatInt(v, 10)
			default:
				record[i] = fmt.Sprint(v)
			}
		}
		if err := cw.Write(record); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// Consistent runs several report queries in one read-only snapshot. The
// transaction is only ever rolled back.
func (r *Reports) Consistent(ctx context.Context, from time.Time) ([]MonthRevenue, []Customer, error) {
	tx, err := r.db.BeginTxx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, nil, err
	}
	defer tx.Rollback()
	var rev []MonthRevenue
	if err := tx.SelectContext(ctx, &rev, `SELECT date_trunc('month', created_at) AS month, sum(total_cents) AS cents, count(*) AS orders FROM orders WHERE created_at >= $1 GROUP BY 1`, from); err != nil {
		return nil, nil, err
	}
	var top []Customer
	if err := tx.SelectContext(ctx, &top, `SELECT id, name, city, cents FROM customer_totals ORDER BY cents DESC LIMIT 10`); err != nil {
		return nil, nil, err
	}
	return rev, top, nil
}

// Cohort builds a cohort table with a statement prepared on the
// connection pool.
func (r *Reports) Cohort(ctx context.Context, months []time.Time) (map[time.Time]int, error) {
	stmt, err := r.db.PreparexContext(ctx, `SELECT count(DISTINCT customer_id) FROM orders WHERE date_trunc('month', created_at) = $1`)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	out := make(map[time.Time]int, len(months))
	for _, m := range months {
		var n int
		if err := stmt.GetContext(ctx, &n, m); err != nil {
			return nil, err
		}
		out[m] = n
	}
	return out, nil
}
