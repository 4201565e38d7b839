// Package pin pins github.com/labstack/echo/v4@v4.1.11 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/labstack/echo/v4"
)
