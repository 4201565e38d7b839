package regressions

// countOpts are the switches of a counting run, passed by value.
type countOpts struct {
	report bool
	quiet  bool
}

// reportedWhenAsked: the goroutine is started and received from under the
// same bool parameter, which cannot change in between; the path without
// the flag started none.
func reportedWhenAsked(report bool, work func() int) int {
	var done chan int
	if report {
		done = make(chan int)
		go func() { done <- work() }()
	}
	n := work()
	if report {
		n += <-done
	}
	return n
}

// reportedWhenOpts: the same, the flag a field of a struct parameter read
// twice.
func reportedWhenOpts(o countOpts, work func() int) int {
	var done chan int
	if o.report {
		done = make(chan int)
		go func() { done <- work() }()
	}
	n := work()
	if !o.quiet {
		n++
	}
	if o.report {
		n += <-done
	}
	return n
}

// receivedUnderOther: received under another field: with report and
// quiet both set the caller returns without receiving.
func receivedUnderOther(o countOpts, work func() int) int {
	var done chan int
	if o.report {
		done = make(chan int)
		go func() { done <- work() }() // want `goroutine blocks forever sending on done: the caller can return at line 55 without receiving`
	}
	n := work()
	if !o.quiet {
		n += <-done
	}
	return n
}

// receivedThroughPointer: the flag is read through a pointer, and the
// work can clear it between the two tests.
func receivedThroughPointer(o *countOpts, work func(*countOpts) int) int {
	var done chan int
	if o.report {
		done = make(chan int)
		go func() { done <- work(o) }() // want `goroutine blocks forever sending on done: the caller can return at line 70 without receiving`
	}
	n := work(o)
	if o.report {
		n += <-done
	}
	return n
}

var _, _, _, _ = reportedWhenAsked, reportedWhenOpts, receivedUnderOther, receivedThroughPointer
