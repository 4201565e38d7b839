// Package pin pins github.com/codeskyblue/go-sh@v0.0.0-20170112005953-b097669b1569 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/codeskyblue/go-sh"
)
