package quitcloses

import "testing"

// The test passes only when Quit returns nil, and then the connection is
// closed.
func TestQuit(t *testing.T) {
	c, err := Dial("localhost:25")
	if err != nil {
		t.Fatalf("dial: %s", err)
	}
	if err := c.Hello(); err != nil {
		t.Errorf("hello: %s", err)
	}
	if err := c.Quit(); err != nil {
		t.Errorf("quit: %s", err)
	}
}

func TestQuitOrRefuse(t *testing.T) {
	c, err := Dial("localhost:25")
	if err != nil {
		t.Fatalf("dial: %s", err)
	}
	if err := c.QuitOrRefuse(true); err != nil {
		t.Errorf("quit: %s", err)
	}
}

// Quit's error is ignored: like every call that releases only where it
// succeeds and whose outcome nobody looks at, it is taken to succeed.
func TestQuitIgnored(t *testing.T) {
	c, err := Dial("localhost:25")
	if err != nil {
		t.Fatalf("dial: %s", err)
	}
	_ = c.Quit()
}

// Hello closes nothing.
func TestHelloOnly(t *testing.T) {
	c, err := Dial("localhost:25") // want `\*Client from Dial is not closed`
	if err != nil {
		t.Fatalf("dial: %s", err)
	}
	if err := c.Hello(); err != nil {
		t.Errorf("hello: %s", err)
	}
}

// QuitLazy can succeed without closing.
func TestQuitLazy(t *testing.T) {
	c, err := Dial("localhost:25") // want `\*Client from Dial is not closed`
	if err != nil {
		t.Fatalf("dial: %s", err)
	}
	if err := c.QuitLazy(); err != nil {
		t.Errorf("quit: %s", err)
	}
}

func TestBye(t *testing.T) {
	c, err := Dial("localhost:25")
	if err != nil {
		t.Fatalf("dial: %s", err)
	}
	if err := c.Bye(); err != nil {
		t.Fatalf("bye: %s", err)
	}
}

// Outside a test, a failed Quit leaves the connection open.
func quitAndReturn(addr string) error {
	c, err := Dial(addr) // want `\*Client from Dial is not closed when returning at line 79`
	if err != nil {
		return err
	}
	if err := c.Quit(); err != nil {
		return err
	}
	return nil
}

func TestTextQuit(t *testing.T) {
	c, err := DialText("localhost:25")
	if err != nil {
		t.Fatalf("dial: %s", err)
	}
	if err = c.Quit(); err != nil {
		t.Errorf("quit: %s", err)
	}
}

func TestTextReset(t *testing.T) {
	c, err := DialText("localhost:25") // want `\*TextClient from DialText is not closed`
	if err != nil {
		t.Fatalf("dial: %s", err)
	}
	if err = c.Reset(); err != nil {
		t.Errorf("reset: %s", err)
	}
}

func TestStopTrace(t *testing.T) {
	r, err := DialRelay("localhost:25", "localhost:26") // want `\*Relay from DialRelay is not closed`
	if err != nil {
		t.Fatalf("dial: %s", err)
	}
	if err := r.StopTrace(); err != nil {
		t.Errorf("stop: %s", err)
	}
}
