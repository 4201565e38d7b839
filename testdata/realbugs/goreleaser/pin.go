// Package pin pins github.com/goreleaser/goreleaser/v2@v2.14.3 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/goreleaser/goreleaser/v2/pkg/defaults"
)
