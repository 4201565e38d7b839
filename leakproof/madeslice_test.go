package leakproof

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"
)

var errShardMode = errors.New("bad mode")

// openShardsLeaky opens every shard into a slice it made and checks its
// mode argument only afterwards, returning the error with the files open.
func openShardsLeaky(paths []string, mode int) ([]*os.File, error) {
	files := make([]*os.File, len(paths))
	for i, p := range paths {
		f, err := os.Open(p) //nolint:closecheck // the leak this test measures
		if err != nil {
			return nil, err
		}
		files[i] = f
	}
	if mode != 0 {
		return nil, errShardMode
	}
	return files, nil
}

// openShardsFixed checks first.
func openShardsFixed(paths []string, mode int) ([]*os.File, error) {
	if mode != 0 {
		return nil, errShardMode
	}
	files := make([]*os.File, len(paths))
	for i, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			for _, g := range files[:i] {
				g.Close()
			}
			return nil, err
		}
		files[i] = f
	}
	return files, nil
}

// TestMadeSliceFiles: each failing call of the leaky version leaves its
// shards' descriptors open (the collector, switched off, would be the only
// one to close them); the fixed version opens none.
func TestMadeSliceFiles(t *testing.T) {
	requireLinux(t)
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	shard := filepath.Join(dir, "shard")
	if err := os.WriteFile(shard, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	paths := []string{shard, shard, shard}
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	const calls = 20
	for _, c := range []struct {
		name string
		open func([]string, int) ([]*os.File, error)
		want int
	}{{"leaky", openShardsLeaky, calls * len(paths)}, {"fixed", openShardsFixed, 0}} {
		t.Run(c.name, func(t *testing.T) {
			before := descriptorsOn(t, shard)
			for range calls {
				if _, err := c.open(paths, 1); !errors.Is(err, errShardMode) {
					t.Fatalf("got %v, want the mode error", err)
				}
			}
			grew := descriptorsOn(t, shard) - before
			t.Logf("descriptors on the shard grew by %d after %d calls", grew, calls)
			if grew != c.want {
				t.Errorf("descriptors grew by %d, want %d", grew, c.want)
			}
		})
	}
}

// tickPool runs a goroutine, started by a method its constructor calls,
// until Release cancels its context.
type tickPool struct {
	stop context.CancelFunc
	now  time.Time
}

func (p *tickPool) tick(ctx context.Context) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			p.now = time.Now()
		}
	}
}

func (p *tickPool) goTick() {
	var ctx context.Context
	ctx, p.stop = context.WithCancel(context.Background())
	go p.tick(ctx)
}

func (p *tickPool) Release() { p.stop() }

func newTickPool() *tickPool {
	p := &tickPool{}
	p.goTick()
	return p
}

var errBalance = errors.New("bad balancing strategy")

// newPoolsLeaky has the shape of a multi-pool constructor before its fix:
// it checks its strategy after making the pools and drops them.
func newPoolsLeaky(n, strategy int) ([]*tickPool, error) {
	pools := make([]*tickPool, n)
	for i := range pools {
		pools[i] = newTickPool() //nolint:closecheck // the leak this test measures
	}
	if strategy != 0 {
		return nil, errBalance
	}
	return pools, nil
}

// newPoolsFixed checks first.
func newPoolsFixed(n, strategy int) ([]*tickPool, error) {
	if strategy != 0 {
		return nil, errBalance
	}
	pools := make([]*tickPool, n)
	for i := range pools {
		pools[i] = newTickPool()
	}
	return pools, nil
}

// TestHelperStartedGoroutine: the pools the leaky constructor drops keep
// their ticking goroutines for good; the fixed one starts none.
func TestHelperStartedGoroutine(t *testing.T) {
	for _, c := range []struct {
		name  string
		make  func(int, int) ([]*tickPool, error)
		leaks bool
	}{{"leaky", newPoolsLeaky, true}, {"fixed", newPoolsFixed, false}} {
		t.Run(c.name, func(t *testing.T) {
			ignore := goleak.IgnoreCurrent()
			if _, err := c.make(3, 1); !errors.Is(err, errBalance) {
				t.Fatalf("got %v, want the strategy error", err)
			}
			err := goleak.Find(ignore)
			if !c.leaks {
				if err != nil {
					t.Errorf("goroutine left by the fixed constructor: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("goleak found no goroutine left by the dropped pools")
			}
			msg := err.Error()
			t.Logf("goleak: %s", firstLines(msg, 4))
			if n := strings.Count(msg, "created by github.com/leakvet/leakvet/leakproof.(*tickPool).goTick"); n != 3 {
				t.Errorf("%d ticking goroutines left, want 3 (one per dropped pool):\n%s", n, msg)
			}
		})
	}
}
