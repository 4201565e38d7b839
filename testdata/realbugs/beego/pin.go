// Package pin pins github.com/beego/beego/v2@v2.2.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/beego/beego/v2/core/utils"
)
