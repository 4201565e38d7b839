package registries

import (
	"fmt"
	"os"
)

// A duplicate check that ends the process through a helper of the
// package marks a registry, as one that panics does.
var protocols = map[string]string{}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format, args...)
	os.Exit(2)
}

func AddProtocol(name, handler string) {
	if _, dup := protocols[name]; dup {
		fail("protocol %s added twice", name)
	}
	protocols[name] = handler
}

// Known keys only, where an unknown key ends the process through the
// same helper.
var flagDefaults = map[string]string{"color": "auto", "pager": "less"}
var flagValues = map[string]string{}

func SetFlag(name, value string) {
	if _, ok := flagDefaults[name]; !ok {
		fail("unknown flag %q", name)
	}
	flagValues[name] = value
}
