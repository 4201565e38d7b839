// Package pin pins github.com/prometheus/prometheus@v0.313.2 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/prometheus/prometheus/tsdb"
	_ "github.com/prometheus/prometheus/tsdb/chunks"
)
