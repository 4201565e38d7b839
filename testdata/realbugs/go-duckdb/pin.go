// Package pin pins github.com/marcboeker/go-duckdb@v1.8.3 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/marcboeker/go-duckdb"
)
