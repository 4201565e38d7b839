// Package pin pins github.com/letsencrypt/boulder@v0.20260309.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/letsencrypt/boulder/cmd/admin"
	_ "github.com/letsencrypt/boulder/cmd/ceremony"
	_ "github.com/letsencrypt/boulder/cmd/crl-checker"
)
