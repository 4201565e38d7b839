package locks

import (
	"errors"
	"sync"
)

type series struct {
	sync.Mutex
	gced bool
	name string
}

type appender struct{ byName map[string]*series }

func (a *appender) getOrCreate(name string) (*series, error) {
	if name == "" {
		return nil, errors.New("no name")
	}
	s := &series{name: name}
	a.byName[name] = s
	return s, nil
}

// Negative: lockForAppend locks the series and returns it, locked, with
// a nil error; a series collected in the meantime is unlocked and looked
// up again. The caller is handed the series it must unlock.
func (a *appender) lockForAppend(s *series) (*series, error) {
	for {
		s.Lock()
		if !s.gced {
			return s, nil
		}
		name := s.name
		s.Unlock()
		var err error
		if s, err = a.getOrCreate(name); err != nil {
			return nil, err
		}
	}
}

func (a *appender) Append(s *series) error {
	s, err := a.lockForAppend(s)
	if err != nil {
		return err
	}
	s.name += "."
	s.Unlock()
	return nil
}

type builder struct {
	mu    sync.Mutex
	parts []string
}

// Positive: the builder is returned on both paths, so its result tells
// the caller nothing: the empty part leaves it locked.
func (b *builder) Add(p string) *builder {
	b.mu.Lock() // want `b.mu is still locked when returning at line 63: every later Lock of it blocks forever`
	if p == "" {
		return b
	}
	b.parts = append(b.parts, p)
	b.mu.Unlock()
	return b
}

// Positive: the value returned is not the series that stays locked.
func (a *appender) lockName(s *series) (string, error) {
	s.Lock() // want `s is still locked when returning at line 74: every later Lock of it blocks forever`
	if !s.gced {
		return s.name, nil
	}
	s.Unlock()
	return "", errors.New("collected")
}
