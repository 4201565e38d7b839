package untested

import "testing"

func TestClient(t *testing.T) {
	s, err := newClient("127.0.0.1:1")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
}

func TestPair(t *testing.T) {
	a, b, err := startPair("127.0.0.1:1", "127.0.0.1:2")
	if err != nil {
		t.Fatal(err)
	}
	a.Close()
	b.Close()
}

func TestHelpers(t *testing.T) {
	if err := leakyHelper("/etc/hosts"); err != nil {
		t.Fatal(err)
	}
	if _, err := refuse("127.0.0.1:1", ""); err == nil {
		t.Fatal("want an error")
	}
	// The test drops these errors: a passing test may take the failing
	// returns, and the test variant reports them too.
	otherPlatform("127.0.0.1:1")
	exported("127.0.0.1:1")
}
