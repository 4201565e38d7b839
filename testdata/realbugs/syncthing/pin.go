// Package pin pins github.com/syncthing/syncthing@v1.30.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/syncthing/syncthing/cmd/stdiscosrv"
	_ "github.com/syncthing/syncthing/lib/discover"
)
