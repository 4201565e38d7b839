// Package pin pins github.com/eclipse/paho.golang@v0.11.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/eclipse/paho.golang/paho"
)
