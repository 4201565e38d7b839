// Package pin pins github.com/hashicorp/go-getter@v1.8.6 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/hashicorp/go-getter"
)
