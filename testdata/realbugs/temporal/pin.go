// Package pin pins go.temporal.io/server@v1.31.2 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "go.temporal.io/server/common/versioninfo"
	_ "go.temporal.io/server/service/matching"
)
