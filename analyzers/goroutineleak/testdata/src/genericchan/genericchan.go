// Package genericchan: channels held in a generic struct, sent on by one
// method and handed out by another. Each method's receiver declares its
// own type parameter, and a caller uses an instance: all of them are the
// one field.
package genericchan

type Buffer[T any] struct{ c chan T }

func NewBuffer[T any]() *Buffer[T] { return &Buffer[T]{c: make(chan T, 1)} }

func (b *Buffer[T]) Put(t T) { b.c <- t }

func (b *Buffer[T]) Get() <-chan T { return b.c }

// Stuck has a channel nothing sends on.
type Stuck[T any] struct{ c chan T }

func NewStuck[T any]() *Stuck[T] { return &Stuck[T]{c: make(chan T)} }

func (s *Stuck[T]) Get() <-chan T { return s.c }

// Consume receives what Put sends, on the channel Get returns.
func Consume(n int) {
	b := NewBuffer[int]()
	go func() {
		ch := b.Get()
		for i := 0; i < n; i++ {
			<-ch
		}
	}()
	for i := 0; i < n; i++ {
		b.Put(i)
	}
}

// ConsumeStuck waits on a channel no method sends on.
func ConsumeStuck() {
	s := NewStuck[int]()
	go func() { // want `goroutine blocks forever receiving from ch: nothing sends on it or closes it`
		ch := s.Get()
		<-ch
	}()
}
