// Package pin pins github.com/nats-io/nats-server/v2@v2.10.24 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/nats-io/nats-server/v2/server"
)
