// Package pin pins github.com/ethereum/go-ethereum@v1.17.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/ethereum/go-ethereum/cmd/devp2p"
	_ "github.com/ethereum/go-ethereum/core/rawdb"
)
