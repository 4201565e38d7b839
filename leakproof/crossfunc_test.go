package leakproof

import (
	"context"
	"errors"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

// Goroutine shapes that span functions, which goroutineleak reports,
// each beside its fixed form: the send sits in a helper both goroutines
// call (always, or unless the helper's own call fails), the receiving
// loop is in the function the channel is handed to, the goroutines are
// started by a helper while the loop that returns on the first error is
// in its caller, and the close is skipped by one error return (of a
// channel ranged over, or of a done channel received from once). After
// the leaky call returns, goleak still finds the goroutine parked on the
// operation leakvet names; after the fixed one, nothing. The leaky
// shapes carry //nolint comments: leakvet reports exactly those.

type outcome struct {
	n   int
	err error
}

// deliver is the helper both goroutines send through.
func deliver(c chan<- outcome, n int, err error) { c <- outcome{n, err} }

func work(c chan<- outcome, release <-chan struct{}) {
	<-release
	deliver(c, 1, nil)
}

func watchCtx(ctx context.Context, c chan<- outcome, done <-chan struct{}) {
	select {
	case <-ctx.Done():
		deliver(c, 0, ctx.Err())
	case <-done:
	}
}

// runLeaky takes whichever result comes first; when the context wins,
// work's later send has no receiver.
func runLeaky(ctx context.Context, release <-chan struct{}) (int, error) {
	rc := make(chan outcome)
	cc := make(chan outcome)
	done := make(chan struct{})
	defer close(done)
	go work(rc, release)       //nolint:goroutineleak/handoff // the shape under test
	go watchCtx(ctx, cc, done) //nolint:goroutineleak/handoff // also blocks when the result beats a cancel that watchCtx already saw
	select {
	case r := <-rc:
		return r.n, r.err
	case r := <-cc:
		return r.n, r.err
	}
}

// runFixed gives work's channel room for its one result.
func runFixed(ctx context.Context, release <-chan struct{}) (int, error) {
	rc := make(chan outcome, 1)
	cc := make(chan outcome, 1)
	done := make(chan struct{})
	defer close(done)
	go work(rc, release)
	go watchCtx(ctx, cc, done)
	select {
	case r := <-rc:
		return r.n, r.err
	case r := <-cc:
		return r.n, r.err
	}
}

// streamLeaky hands the producer's channel to sumUntilError, which
// returns on the first bad value.
func streamLeaky(vals []int) (int, error) {
	ch := make(chan int)
	go func() { //nolint:goroutineleak/handoff // the shape under test
		defer close(ch)
		for _, v := range vals {
			ch <- v
		}
	}()
	return sumUntilError(ch)
}

func sumUntilError(ch chan int) (int, error) {
	sum := 0
	for v := range ch {
		if v < 0 {
			return 0, errors.New("negative value")
		}
		sum += v
	}
	return sum, nil
}

// streamFixed stops the producer through the context it cancels on its
// way out.
func streamFixed(vals []int) (int, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch := make(chan int)
	go func() {
		defer close(ch)
		for _, v := range vals {
			select {
			case ch <- v:
			case <-ctx.Done():
				return
			}
		}
	}()
	return sumUntilErrorFixed(ch)
}

func sumUntilErrorFixed(ch chan int) (int, error) {
	sum := 0
	for v := range ch {
		if v < 0 {
			return 0, errors.New("negative value")
		}
		sum += v
	}
	return sum, nil
}

func check(v int) error {
	if v < 0 {
		return errors.New("negative value")
	}
	return nil
}

// feedLeaky returns on a bad value before it closes the queue the worker
// ranges over.
func feedLeaky(vals []int) error {
	queue := make(chan int)
	go func() { //nolint:goroutineleak/rangenoclose // the shape under test
		for v := range queue {
			_ = v
		}
	}()
	for _, v := range vals {
		if err := check(v); err != nil {
			return err
		}
		queue <- v
	}
	close(queue)
	return nil
}

// feedFixed closes the queue on every path.
func feedFixed(vals []int) error {
	queue := make(chan int)
	defer close(queue)
	go func() {
		for v := range queue {
			_ = v
		}
	}()
	for _, v := range vals {
		if err := check(v); err != nil {
			return err
		}
		queue <- v
	}
	return nil
}

// waitLeaky's goroutine waits for done with a plain receive; nothing
// sends on done, and a bad value returns before the close.
func waitLeaky(vals []int) error {
	done := make(chan struct{})
	go func() { //nolint:goroutineleak/rangenoclose // the shape under test
		<-done
	}()
	for _, v := range vals {
		if err := check(v); err != nil {
			return err
		}
	}
	close(done)
	return nil
}

// waitFixed closes done on the error path as well.
func waitFixed(vals []int) error {
	done := make(chan struct{})
	go func() {
		<-done
	}()
	for _, v := range vals {
		if err := check(v); err != nil {
			close(done)
			return err
		}
	}
	close(done)
	return nil
}

// startChecks starts one goroutine per value; its caller receives.
func startChecks(vals []int, errc chan<- error) {
	for _, v := range vals {
		go func() { errc <- check(v) }() //nolint:goroutineleak/fanout // the shape under test
	}
}

// firstErrorLeaky returns on the first error while the goroutines
// startChecks started for the later values still wait to send.
func firstErrorLeaky(vals []int) error {
	errc := make(chan error)
	startChecks(vals, errc)
	for range vals {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

func startChecksFixed(vals []int, errc chan<- error) {
	for _, v := range vals {
		go func() { errc <- check(v) }()
	}
}

// firstErrorFixed gives every goroutine room for its result.
func firstErrorFixed(vals []int) error {
	errc := make(chan error, len(vals))
	startChecksFixed(vals, errc)
	for range vals {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

type source struct{ vals []int }

// answer sends the source's value unless checking it failed.
func (s *source) answer(i int, c chan<- int) {
	if err := check(s.vals[i]); err != nil {
		return
	}
	c <- s.vals[i]
}

// eitherLeaky takes the first answer of two; when both succeed, the
// second goroutine waits to send forever.
func (s *source) eitherLeaky() int {
	c := make(chan int)
	go s.answer(0, c) //nolint:goroutineleak/fanout // the shape under test
	go s.answer(1, c)
	return <-c
}

// eitherFixed has room for both answers.
func (s *source) eitherFixed() int {
	c := make(chan int, 2)
	go s.answer(0, c)
	go s.answer(1, c)
	return <-c
}

func TestCrossFunctionGoroutines(t *testing.T) {
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	leaks := func(t *testing.T, ignore goleak.Option, fn, state string) {
		t.Helper()
		err := goleak.Find(ignore)
		if err == nil {
			t.Fatalf("goleak found no goroutine left behind")
		}
		msg := err.Error()
		t.Logf("goleak: %s", firstLines(msg, 4))
		if !strings.Contains(msg, fn) || !strings.Contains(msg, state) {
			t.Errorf("leaked goroutine is not %s in %s:\n%s", fn, state, msg)
		}
	}
	t.Run("leaky helper send", func(t *testing.T) {
		ignore := goleak.IgnoreCurrent()
		release := make(chan struct{})
		if _, err := runLeaky(canceled, release); !errors.Is(err, context.Canceled) {
			t.Fatalf("runLeaky: got %v, want context.Canceled", err)
		}
		close(release)
		leaks(t, ignore, "leakproof.deliver", "chan send")
	})
	t.Run("fixed helper send", func(t *testing.T) {
		ignore := goleak.IgnoreCurrent()
		release := make(chan struct{})
		if _, err := runFixed(canceled, release); !errors.Is(err, context.Canceled) {
			t.Fatalf("runFixed: got %v, want context.Canceled", err)
		}
		close(release)
		if err := goleak.Find(ignore); err != nil {
			t.Errorf("goroutine left after runFixed returned: %v", err)
		}
	})
	vals := []int{1, -1, 2, 3}
	t.Run("leaky consumer", func(t *testing.T) {
		ignore := goleak.IgnoreCurrent()
		if _, err := streamLeaky(vals); err == nil {
			t.Fatal("streamLeaky: no error")
		}
		leaks(t, ignore, "leakproof.streamLeaky.func1", "chan send")
	})
	t.Run("fixed consumer", func(t *testing.T) {
		ignore := goleak.IgnoreCurrent()
		if _, err := streamFixed(vals); err == nil {
			t.Fatal("streamFixed: no error")
		}
		if err := goleak.Find(ignore); err != nil {
			t.Errorf("goroutine left after streamFixed returned: %v", err)
		}
	})
	t.Run("leaky skipped close", func(t *testing.T) {
		ignore := goleak.IgnoreCurrent()
		if err := feedLeaky(vals); err == nil {
			t.Fatal("feedLeaky: no error")
		}
		leaks(t, ignore, "leakproof.feedLeaky.func1", "chan receive")
	})
	t.Run("fixed skipped close", func(t *testing.T) {
		ignore := goleak.IgnoreCurrent()
		if err := feedFixed(vals); err == nil {
			t.Fatal("feedFixed: no error")
		}
		if err := goleak.Find(ignore); err != nil {
			t.Errorf("goroutine left after feedFixed returned: %v", err)
		}
	})
	t.Run("leaky skipped close of a done channel", func(t *testing.T) {
		ignore := goleak.IgnoreCurrent()
		if err := waitLeaky(vals); err == nil {
			t.Fatal("waitLeaky: no error")
		}
		leaks(t, ignore, "leakproof.waitLeaky.func1", "chan receive")
	})
	t.Run("fixed skipped close of a done channel", func(t *testing.T) {
		ignore := goleak.IgnoreCurrent()
		if err := waitFixed(vals); err == nil {
			t.Fatal("waitFixed: no error")
		}
		if err := goleak.Find(ignore); err != nil {
			t.Errorf("goroutine left after waitFixed returned: %v", err)
		}
	})
	t.Run("leaky fan-out started by a helper", func(t *testing.T) {
		ignore := goleak.IgnoreCurrent()
		bad := []int{-1, -2, -3, -4}
		if err := firstErrorLeaky(bad); err == nil {
			t.Fatal("firstErrorLeaky: no error")
		}
		leaks(t, ignore, "leakproof.startChecks.func1", "chan send")
	})
	t.Run("fixed fan-out started by a helper", func(t *testing.T) {
		ignore := goleak.IgnoreCurrent()
		bad := []int{-1, -2, -3, -4}
		if err := firstErrorFixed(bad); err == nil {
			t.Fatal("firstErrorFixed: no error")
		}
		if err := goleak.Find(ignore); err != nil {
			t.Errorf("goroutine left after firstErrorFixed returned: %v", err)
		}
	})
	t.Run("leaky two senders through a helper method", func(t *testing.T) {
		ignore := goleak.IgnoreCurrent()
		s := &source{vals: []int{1, 2}}
		if v := s.eitherLeaky(); v != 1 && v != 2 {
			t.Fatalf("eitherLeaky: got %d", v)
		}
		leaks(t, ignore, "leakproof.(*source).answer", "chan send")
	})
	t.Run("fixed two senders through a helper method", func(t *testing.T) {
		ignore := goleak.IgnoreCurrent()
		s := &source{vals: []int{1, 2}}
		if v := s.eitherFixed(); v != 1 && v != 2 {
			t.Fatalf("eitherFixed: got %d", v)
		}
		if err := goleak.Find(ignore); err != nil {
			t.Errorf("goroutine left after eitherFixed returned: %v", err)
		}
	})
}
