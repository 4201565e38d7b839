// Package pin pins github.com/metal-stack/go-ipam@v1.14.3 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/metal-stack/go-ipam"
)
