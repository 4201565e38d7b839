// Package pin pins github.com/hellofresh/health-go/v5@v5.5.4 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/hellofresh/health-go/v5"
)
