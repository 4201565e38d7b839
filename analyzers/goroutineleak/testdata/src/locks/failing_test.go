package locks

import (
	"sync"
	"testing"
)

type segments struct {
	bm     sync.Mutex
	length int
	room   int
}

func (s *segments) Len() int {
	s.bm.Lock()
	defer s.bm.Unlock()
	return s.length
}

// Negative: Len locks s.bm again only to format the failure message:
// the path that calls it fails the test, and a passing run never takes
// it.
func TestRoomReportsOnFailure(t *testing.T) {
	s := &segments{room: 100}
	s.bm.Lock()
	defer s.bm.Unlock()
	if s.room != 100 {
		t.Fatalf("room %d with length %d", s.room, s.Len())
	}
}

// Positive: the same call on the path that goes on.
func TestRoomLogsLength(t *testing.T) {
	s := &segments{room: 100}
	s.bm.Lock()
	defer s.bm.Unlock()
	if s.room != 100 {
		t.Logf("room %d with length %d", s.room, s.Len()) // want `s.bm is already locked at line 35 on this path, and s.Len locks it again: the goroutine blocks forever`
	}
}
