// Package pin pins github.com/Shopify/sarama@v1.32.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/Shopify/sarama"
)
