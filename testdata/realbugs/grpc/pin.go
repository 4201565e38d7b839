// Package pin pins google.golang.org/grpc@v1.39.1 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "google.golang.org/grpc"
)
