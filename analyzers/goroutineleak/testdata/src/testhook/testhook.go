// Package testhook holds sends on channels that only tests supply (a test
// hook guarded by a nil check, a request type only tests build), beside a
// channel the package makes and then never receives from.
package testhook

// DB reports its compactions on syncChan, which only this package's tests
// set (and receive from); production code leaves it nil and never sends.
type DB struct {
	syncChan chan string
	events   chan string
}

type Options struct {
	syncChan chan string
}

func Open(opt Options) *DB {
	return &DB{syncChan: opt.syncChan, events: make(chan string)}
}

func (db *DB) log(msg string) {
	if db.syncChan != nil {
		db.syncChan <- msg
	}
}

func (db *DB) Compact(parts []int) {
	done := make(chan struct{})
	for range parts {
		go func() {
			db.log("compacted")
			done <- struct{}{}
		}()
	}
	for range parts {
		<-done
	}
}

// Notify sends on events, which Open makes and nothing ever receives
// from: the goroutine blocks forever.
func (db *DB) Notify(msg string) {
	go func() { // want `goroutine blocks forever sending on db.events: nothing receives from it`
		db.events <- msg
	}()
}

// peek is a request only tests build: its reply channel is theirs.
type peek struct {
	id   int
	resp chan int
}

type loop struct {
	reqs  chan any
	state map[int]int
}

func Start() *loop {
	l := &loop{reqs: make(chan any, 16), state: map[int]int{}}
	go l.run()
	return l
}

func (l *loop) Put(id, v int) { l.reqs <- [2]int{id, v} }

func (l *loop) Close() { close(l.reqs) }

func (l *loop) run() {
	for r := range l.reqs {
		switch r := r.(type) {
		case [2]int:
			l.state[r[0]] = r[1]
		case *peek:
			r.resp <- l.state[r.id]
		}
	}
}
