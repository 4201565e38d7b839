// Package pin pins github.com/livekit/server-sdk-go/v2@v2.13.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/livekit/server-sdk-go/v2"
)
