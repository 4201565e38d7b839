package failcloses

import (
	"testing"

	"failcloses/proto"
)

// The test passes only when the login fails, and then the connection is
// closed.
func TestLoginRefused(t *testing.T) {
	c, err := proto.Dial("localhost:25")
	if err != nil {
		t.Fatalf("dial: %s", err)
	}
	if err := c.Login(""); err == nil {
		t.Errorf("login should fail")
	}
}

// The greeting may fail first, with the connection still open.
func TestLoginSomeRefused(t *testing.T) {
	c, err := proto.Dial("localhost:25") // want `\*failcloses/proto.Client from proto.Dial is not closed`
	if err != nil {
		t.Fatalf("dial: %s", err)
	}
	if err := c.LoginSome(""); err == nil {
		t.Errorf("login should fail")
	}
}
