// Package pin pins gorm.io/gorm@v1.20.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "gorm.io/gorm/migrator"
)
