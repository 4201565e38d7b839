// Package pin pins helm.sh/helm/v4@v4.1.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "helm.sh/helm/v4/pkg/storage/driver"
)
