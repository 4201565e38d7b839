//go:build plan9

package untested

// Dial runs on plan9 only.
func Dial(addr string) (*Session, error) { return otherPlatform(addr) }
