// Package pin pins github.com/rclone/rclone@v1.74.4 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/rclone/rclone/backend/smb"
	_ "github.com/rclone/rclone/cmd/serve/dlna"
)
