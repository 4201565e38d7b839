// Package pin pins github.com/hashicorp/go-plugin@v1.7.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/hashicorp/go-plugin"
)
