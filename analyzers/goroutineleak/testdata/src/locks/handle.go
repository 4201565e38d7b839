package locks

import (
	"strings"
	"sync"
)

// A line protocol wire: every message is written under wmu, taken by
// start and released through the writer it returns.
type wire struct {
	wmu  sync.Mutex
	out  strings.Builder
	peer *wire
	seq  int
}

type lineWriter struct {
	sb *strings.Builder
	s  *wire
}

// start locks s.wmu; the writer's finish unlocks it.
func (s *wire) start(verb string) *lineWriter {
	s.wmu.Lock()
	s.seq++
	w := &lineWriter{sb: &s.out, s: s}
	w.sb.WriteString(verb)
	return w
}

func (w *lineWriter) arg(a string) *lineWriter {
	w.sb.WriteString(" " + a)
	return w
}

func (w *lineWriter) finish() {
	w.sb.WriteString("\n")
	w.s.wmu.Unlock()
}

// Negative: each message releases the lock through the writer start
// returned, which holds the wire.
func (s *wire) Hello(name string) {
	w := s.start("HELLO")
	w.arg(name)
	w.finish()
}

func (s *wire) Quit() {
	w := s.start("QUIT")
	defer w.finish()
	w.arg("now")
}

// Negative: two messages in a row, then a third whose writer is
// finished inline.
func (s *wire) Greet(name string) {
	s.Hello(name)
	s.Quit()
	w := s.start("NOOP")
	w.s.wmu.Unlock()
	s.Hello("again")
}

// upload keeps the wire's lock from Upload to Close.
type upload struct {
	w    *lineWriter
	size int
}

func (s *wire) Upload(size int) *upload {
	u := &upload{size: size}
	u.w = s.start("UPLOAD")
	u.w.arg("data")
	return u
}

func (u *upload) Close() {
	if u.w != nil {
		u.w.finish()
		u.w = nil
	}
}

// Negative: the upload's Close releases the lock Upload kept, through
// the writer the upload holds.
func (s *wire) Send(size int) {
	u := s.Upload(size)
	u.Close()
	s.Hello("done")
}

// A handle whose field is set on two branches: nothing maps it back to
// the wire, and it may hold it.
type ref struct{ s *wire }

func refOf(s *wire, fresh bool) *ref {
	r := &ref{}
	if fresh {
		r.s = s
	} else {
		r.s = s
	}
	return r
}

func (r *ref) unlock() { r.s.wmu.Unlock() }

// Negative: the lock start took is released through a handle that may
// hold the wire.
func (s *wire) Touch(fresh bool) {
	w := s.start("TOUCH")
	w.arg("now")
	r := refOf(s, fresh)
	r.unlock()
	s.Hello("touched")
}

// Positive: the second message starts before the first is finished.
func (s *wire) Overlap() {
	w := s.start("A")
	w2 := s.start("B") // want `the lock s.start takes is already locked at line 121 on this path, and s.start locks it again: the goroutine blocks forever`
	w2.finish()
	w.finish()
}

// startPeer locks the wire's own lock and returns a writer on its
// peer: finishing it unlocks the peer's lock, not this one.
func (s *wire) startPeer(verb string) *lineWriter {
	s.wmu.Lock()
	w := &lineWriter{sb: &s.out, s: s.peer}
	w.sb.WriteString(verb)
	return w
}

// Positive: the writer holds the peer, whose lock it releases; the
// wire's stays held.
func (s *wire) Forward(name string) {
	w := s.startPeer("FWD")
	w.finish()
	s.Hello(name) // want `the lock s.startPeer takes is already locked at line 139 on this path, and s.Hello locks it again: the goroutine blocks forever`
}

type scratch struct{ wmu sync.Mutex }

// lockScratch locks the wire and returns a new scratch object.
func (s *wire) lockScratch() *scratch {
	s.wmu.Lock()
	return &scratch{}
}

// Positive: the scratch object's mutex is a new one, not the wire's.
func (s *wire) Scratch() {
	x := s.lockScratch()
	x.wmu.Unlock()
	s.wmu.Lock() // want `the lock s.lockScratch takes is already locked at line 154 on this path: locking it again blocks the goroutine forever`
	s.wmu.Unlock()
}

func each(xs []string, f func(string)) {
	for _, x := range xs {
		f(x)
	}
}

// Negative: the writer is captured by a closure (a variable of its own)
// and still releases the wire's lock.
func (s *wire) List(items []string) {
	w := s.start("LIST")
	each(items, func(it string) { w.arg(it) })
	w.finish()
}

func (s *wire) ListTwice(items []string) {
	s.List(items)
	s.List(items)
}
