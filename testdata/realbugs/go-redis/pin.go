// Package pin pins github.com/redis/go-redis/v9@v9.19.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/redis/go-redis/v9"
)
