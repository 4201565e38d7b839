// Package pin pins github.com/libp2p/go-libp2p@v0.48.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/libp2p/go-libp2p/p2p/http/auth"
)
