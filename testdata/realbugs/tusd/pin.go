// Package pin pins github.com/tus/tusd/v2@v2.6.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/tus/tusd/v2/pkg/filestore"
)
