// Package pin pins github.com/ethereum/go-ethereum@v1.10.23 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/ethereum/go-ethereum/metrics/librato"
)
