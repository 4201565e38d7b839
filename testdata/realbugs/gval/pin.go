// Package pin pins github.com/PaesslerAG/gval@v1.2.2 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/PaesslerAG/gval"
)
