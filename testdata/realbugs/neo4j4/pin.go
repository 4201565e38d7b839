// Package pin pins github.com/neo4j/neo4j-go-driver/v4@v4.4.6 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/neo4j/neo4j-go-driver/v4/neo4j"
)
