package missingimport

import "example.com/nosuchmodule/pkg"

func Use() { pkg.Do() }
