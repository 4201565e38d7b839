// Package pin pins github.com/eapache/go-resiliency@v1.2.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/eapache/go-resiliency/deadline"
)
