// Package pin pins github.com/openai/openai-go/v2@v2.1.1 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/openai/openai-go/v2"
)
