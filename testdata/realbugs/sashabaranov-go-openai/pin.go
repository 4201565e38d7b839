// Package pin pins github.com/sashabaranov/go-openai@v1.26.3 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/sashabaranov/go-openai"
)
