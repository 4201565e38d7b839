package nonutf8

// Comment with invalid UTF-8: ÿþ café.
func Fine() int { return 1 }
