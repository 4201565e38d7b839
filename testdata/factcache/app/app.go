// Package app hands the file it opens to helper.Done.
package app

import (
	"os"

	"example.com/factcache/helper"
)

// Read opens name and leaves it to helper.Done.
func Read(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	helper.Done(f)
	return nil
}
