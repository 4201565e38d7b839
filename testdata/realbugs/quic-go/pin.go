// Package pin pins github.com/quic-go/quic-go@v0.52.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/quic-go/quic-go"
)
