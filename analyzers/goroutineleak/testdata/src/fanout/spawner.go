package fanout

// Goroutines started by a function the parent calls with its channel,
// the receiving loop left to the parent.

func fetchErr(id int) error {
	_, err := fetch(id)
	return err
}

func startFetches(ids []int, errc chan<- error) {
	for _, id := range ids {
		go func() { errc <- fetchErr(id) }() // want `goroutines started here block forever sending on errc: the caller of startFetches at line 19 can return at line 22 before receiving from all of them`
	}
}

func firstErrorStartedByHelper(ids []int) error {
	errc := make(chan error)
	startFetches(ids, errc)
	for range ids {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// The same helper, with room in the channel for every goroutine.
func startFetchesBuffered(ids []int, errc chan<- error) {
	for _, id := range ids {
		go func() { errc <- fetchErr(id) }()
	}
}

func firstErrorStartedByHelperBuffered(ids []int) error {
	errc := make(chan error, len(ids))
	startFetchesBuffered(ids, errc)
	for range ids {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// The parent receives from every goroutine before it returns the first
// error.
func startFetchesDrained(ids []int, errc chan<- error) {
	for _, id := range ids {
		go func() { errc <- fetchErr(id) }()
	}
}

func firstErrorStartedByHelperDrained(ids []int) error {
	errc := make(chan error)
	startFetchesDrained(ids, errc)
	var first error
	for range ids {
		if err := <-errc; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// A method starting one goroutine per worker; the caller takes the
// first answer.
type mirrors struct{ urls []string }

func (ms *mirrors) race(out chan<- string) {
	for _, u := range ms.urls {
		go ms.get(u, out) // want `goroutines started here block forever sending on out: the caller of \(\*mirrors\).race at line 80 can return at line 81 before receiving from all of them`
	}
}

func (ms *mirrors) get(u string, out chan<- string) { out <- u }

func (ms *mirrors) fastest() string {
	out := make(chan string)
	ms.race(out)
	return <-out
}

// A spawner called from two places is not followed into either caller.
func startFetchesTwice(ids []int, errc chan<- error) {
	for _, id := range ids {
		go func() { errc <- fetchErr(id) }()
	}
}

func firstErrorA(ids []int) error {
	errc := make(chan error)
	startFetchesTwice(ids, errc)
	for range ids {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

func firstErrorB(ids []int) error {
	errc := make(chan error)
	startFetchesTwice(ids, errc)
	for range ids {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}
