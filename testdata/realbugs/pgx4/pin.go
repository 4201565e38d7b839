// Package pin pins github.com/jackc/pgx/v4@v4.5.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/jackc/pgx/v4/pgxpool"
)
