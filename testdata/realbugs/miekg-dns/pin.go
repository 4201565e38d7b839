// Package pin pins github.com/miekg/dns@v1.1.31 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/miekg/dns"
)
