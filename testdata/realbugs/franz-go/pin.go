// Package pin pins github.com/twmb/franz-go@v1.21.3 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/twmb/franz-go/pkg/kgo"
)
