// Package pin pins github.com/prometheus/client_golang@v1.23.2 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/prometheus/client_golang/prometheus"
)
