// Package pin pins github.com/lestrrat-go/jwx/v3@v3.0.10 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/lestrrat-go/jwx/v3/jwk"
)
