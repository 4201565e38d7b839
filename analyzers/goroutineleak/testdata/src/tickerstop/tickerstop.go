// Package tickerstop stops its ticker: a loop over the ticker's channel is
// taken to be stoppable.
package tickerstop

import "time"

type Beater struct {
	t *time.Ticker
}

func Start(beat func()) *Beater {
	b := &Beater{t: time.NewTicker(time.Second)}
	go func() {
		for range b.t.C {
			beat()
		}
	}()
	return b
}

func (b *Beater) Stop() { b.t.Stop() }
