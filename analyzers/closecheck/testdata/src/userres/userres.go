package userres

import (
	"errors"
	"pool"
)

func leaksBuffer(p *pool.Pool, data []byte) error {
	b := p.Get() // want `resource from p.Get is not released when returning at line 11`
	if len(data) == 0 {
		return errors.New("empty")
	}
	b.Write(data)
	p.Put(b)
	return nil
}

func returnsBuffer(p *pool.Pool, data []byte) {
	b := p.Get()
	defer p.Put(b)
	b.Write(data)
}

func spanNotEnded(t pool.Tracer, fail bool) error {
	_, span := t.Start("work") // want `resource from t.Start is not released when returning at line 27`
	if fail {
		return errors.New("failed")
	}
	span.End()
	return nil
}

func spanEnded(t pool.Tracer) {
	_, span := t.Start("work")
	defer span.End()
}
