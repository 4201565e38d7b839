// Package pin pins github.com/google/cadvisor@v0.51.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/google/cadvisor/utils/cpuload/netlink"
)
