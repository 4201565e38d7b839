// Package pin pins github.com/cilium/ebpf@v0.17.1 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/cilium/ebpf"
)
