// Package pin pins github.com/k3s-io/kine@v0.13.2 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/k3s-io/kine/pkg/drivers/mysql"
)
