// Package pin pins github.com/valyala/fasthttp@v1.70.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/valyala/fasthttp"
)
