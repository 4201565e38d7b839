// Package pin pins github.com/anchore/syft@v1.5.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/anchore/syft/syft/pkg/cataloger/redhat"
)
