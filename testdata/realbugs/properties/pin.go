// Package pin pins github.com/magiconair/properties@v1.8.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/magiconair/properties"
)
