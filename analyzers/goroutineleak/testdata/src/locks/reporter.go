package locks

import "sync"

// Reporter is a mock's view of the test: *testing.T implements it.
type Reporter interface {
	Errorf(format string, args ...any)
}

// MockProducer reports a message sent out of turn to its test and carries
// on still holding txnMu: its own goroutine blocks on the next message,
// and the test hangs rather than ending failed. The report through the
// interface does not end the path.
type MockProducer struct {
	t     Reporter
	txnMu sync.Mutex
	open  bool
	input chan string
}

func (mp *MockProducer) run() {
	for msg := range mp.input {
		mp.txnMu.Lock() // want `mp.txnMu is still locked when the loop comes back to this acquisition on a path that skips its release: locking it again blocks the goroutine forever`
		if !mp.open {
			mp.t.Errorf("message %q sent outside a transaction", msg)
			continue
		}
		mp.txnMu.Unlock()
	}
}
