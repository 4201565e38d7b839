// Package pool is a user's own resource: buffers from Get go back with Put.
package pool

type Buffer struct{ b []byte }

func (b *Buffer) Write(p []byte) { b.b = append(b.b, p...) }

type Pool struct{ free []*Buffer }

func (p *Pool) Get() *Buffer {
	if n := len(p.free); n > 0 {
		b := p.free[n-1]
		p.free = p.free[:n-1]
		return b
	}
	return new(Buffer)
}

func (p *Pool) Put(b *Buffer) { p.free = append(p.free, b) }

type Span struct{}

func (Span) End() {}

type Tracer struct{}

func (Tracer) Start(name string) (string, Span) { return name, Span{} }
