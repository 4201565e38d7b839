package testpartner

import "testing"

func TestStartTake(t *testing.T) {
	Start()
	if got := take(); got != 42 {
		t.Fatalf("take() = %d, want 42", got)
	}
}
