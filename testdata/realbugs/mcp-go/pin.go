// Package pin pins github.com/mark3labs/mcp-go@v0.50.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/mark3labs/mcp-go/client/transport"
)
