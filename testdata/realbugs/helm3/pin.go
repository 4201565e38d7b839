// Package pin pins helm.sh/helm/v3@v3.12.3 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "helm.sh/helm/v3/pkg/action"
)
