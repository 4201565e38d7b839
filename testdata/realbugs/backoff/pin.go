// Package pin pins github.com/lestrrat-go/backoff/v2@v2.0.7 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/lestrrat-go/backoff/v2"
)
