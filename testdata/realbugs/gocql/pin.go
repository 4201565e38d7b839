// Package pin pins github.com/gocql/gocql@v1.0.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/gocql/gocql"
)
