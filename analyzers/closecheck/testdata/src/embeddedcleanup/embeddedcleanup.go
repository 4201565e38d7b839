// Package embeddedcleanup: test helpers that keep a test server in a
// field of the struct they return and register the field's release with
// the test.
package embeddedcleanup
