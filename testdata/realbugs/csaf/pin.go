// Package pin pins github.com/gocsaf/csaf/v3@v3.5.1 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/gocsaf/csaf/v3/cmd/csaf_aggregator"
	_ "github.com/gocsaf/csaf/v3/cmd/csaf_checker"
	_ "github.com/gocsaf/csaf/v3/csaf"
)
