// Package pin pins github.com/astaxie/beego@v1.12.1 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/astaxie/beego"
)
