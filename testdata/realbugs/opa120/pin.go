// Package pin pins github.com/open-policy-agent/opa@v1.20.2 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/open-policy-agent/opa/v1/topdown"
)
