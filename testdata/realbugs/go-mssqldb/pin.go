// Package pin pins github.com/microsoft/go-mssqldb@v1.10.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/microsoft/go-mssqldb"
)
