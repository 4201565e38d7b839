// Package custom is a driver fixture for user-defined resources: it leaks
// only once pool's types are declared as resources.
package custom

import "example.com/driver/pool"

// Query leaks the pooled connection when the session fails.
func Query(p *pool.Pool, addr string) error {
	c, err := p.Get()
	if err != nil {
		return err
	}
	s, err := pool.Dial(addr)
	if err != nil {
		return err
	}
	if err := s.Ping(); err != nil {
		return err
	}
	s.Close()
	p.Put(c)
	return nil
}
