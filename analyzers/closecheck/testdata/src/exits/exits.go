// Package exits holds a helper that ends the process, for a caller in
// another package.
package exits

import (
	"fmt"
	"os"
)

func Die(msg string) {
	fmt.Fprintln(os.Stderr, msg)
	os.Exit(1)
}
