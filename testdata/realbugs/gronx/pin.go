// Package pin pins github.com/adhocore/gronx@v1.8.1 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/adhocore/gronx/pkg/tasker"
)
