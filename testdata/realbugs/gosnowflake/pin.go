// Package pin pins github.com/snowflakedb/gosnowflake@v1.18.1 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/snowflakedb/gosnowflake"
)
