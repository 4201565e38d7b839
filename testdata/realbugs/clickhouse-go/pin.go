// Package pin pins github.com/ClickHouse/clickhouse-go/v2@v2.10.1 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/ClickHouse/clickhouse-go/v2"
)
