// Package pin pins github.com/go-git/go-git/v5@v5.19.2 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/go-git/go-git/v5/plumbing/transport/ssh"
)
