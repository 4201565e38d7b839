// Package pin pins github.com/influxdata/influxdb-client-go/v2@v2.6.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/influxdata/influxdb-client-go/v2"
)
