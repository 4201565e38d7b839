// Package pin pins github.com/gofiber/fiber/v3@v3.1.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/gofiber/fiber/v3"
)
