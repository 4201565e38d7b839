// Package pin pins github.com/testcontainers/testcontainers-go/modules/elasticsearch@v0.39.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/testcontainers/testcontainers-go/modules/elasticsearch"
)
