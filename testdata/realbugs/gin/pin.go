// Package pin pins github.com/gin-gonic/gin@v1.4.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/gin-gonic/gin"
)
