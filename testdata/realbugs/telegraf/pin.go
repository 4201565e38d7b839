// Package pin pins github.com/influxdata/telegraf@v1.25.3 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/influxdata/telegraf/plugins/inputs/ethtool"
)
