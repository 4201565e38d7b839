// Package pin pins github.com/tmc/langchaingo@v0.1.13 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/tmc/langchaingo/llms/openai"
)
