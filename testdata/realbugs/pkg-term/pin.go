// Package pin pins github.com/pkg/term@v1.2.0-beta.2 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/pkg/term"
	_ "github.com/pkg/term/termios"
)
