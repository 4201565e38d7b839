// Package pin pins github.com/gocolly/colly@v1.2.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/gocolly/colly"
)
