// Package pin pins github.com/prometheus/alertmanager@v0.28.1 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/prometheus/alertmanager/cli"
)
