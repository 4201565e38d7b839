// Package pin pins github.com/nats-io/nats.go@v1.38.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/nats-io/nats.go/micro"
)
