// Package pin pins github.com/open-policy-agent/opa@v0.63.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/open-policy-agent/opa/plugins/rest"
	_ "github.com/open-policy-agent/opa/topdown"
)
