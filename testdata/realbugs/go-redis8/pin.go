// Package pin pins github.com/go-redis/redis/v8@v8.11.5 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/go-redis/redis/v8"
)
