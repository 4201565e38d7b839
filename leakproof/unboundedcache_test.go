package leakproof

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/leakvet/leakvet/testdata/demo/cache"
)

var cacheRuns int

// liveHeap returns the bytes of heap still reachable, as far as the runtime
// can tell: HeapAlloc after full collections. Objects with a finalizer or a
// cleanup (files, connections and the like, left by earlier tests) survive
// one collection and go in a later one, after their finalizer has run, so
// it collects until the figure settles rather than trusting a single pass.
func liveHeap() uint64 {
	var ms runtime.MemStats
	var prev uint64
	for range 20 {
		runtime.GC()
		runtime.ReadMemStats(&ms)
		if prev != 0 && max(ms.HeapAlloc, prev)-min(ms.HeapAlloc, prev) < 4<<10 {
			break
		}
		prev = ms.HeapAlloc
		// Let the finalizer goroutine run.
		time.Sleep(time.Millisecond)
	}
	return ms.HeapAlloc
}

// TestUnboundedCache drives both caches as a crawler or a client with
// made-up IDs would: each request carries a new key.
//
// MarkSeen stores every key in a package-level map that nothing ever deletes
// from, so the map and the heap grow with the number of distinct keys ever
// seen. The product cache evicts its least recently used entry beyond
// cache.ProductCapacity, so it stops growing at its bound.
//
// The heap figures come from HeapAlloc after a forced collection, so they
// count what is still reachable, not garbage awaiting collection.
func TestUnboundedCache(t *testing.T) {
	const keys = 10000
	// The caches are package state and outlive a run; a fresh prefix per
	// run (go test -count=N) keeps every key new.
	cacheRuns++
	prefix := fmt.Sprintf("r%d", cacheRuns)

	var leakyGrowth int64
	t.Run("leaky MarkSeen", func(t *testing.T) {
		now := time.Now()
		count0, heap0 := cache.SeenCount(), liveHeap()
		for i := range keys {
			cache.MarkSeen(fmt.Sprintf("customer-%s-%08d", prefix, i), now)
		}
		count1, heap1 := cache.SeenCount(), liveHeap()
		leakyGrowth = int64(heap1) - int64(heap0)
		t.Logf("%d distinct keys: %d -> %d entries, live heap +%d bytes (%d per key)",
			keys, count0, count1, leakyGrowth, leakyGrowth/keys)
		if count1-count0 != keys {
			t.Errorf("map grew by %d entries, want %d (one per key, none ever removed)", count1-count0, keys)
		}
		// Every key ever seen stays, so the heap keeps at least the bytes
		// of all the keys. The map's slot storage comes on top, in steps as
		// the map grows: from an empty map it takes the total to about 100
		// bytes per key, but a run whose keys fit the room left by an
		// earlier one (go test -count) adds only the keys.
		keyBytes := keys * len(fmt.Sprintf("customer-%s-%08d", prefix, 0))
		if leakyGrowth < int64(keyBytes) {
			t.Errorf("live heap grew by %d bytes, want >= %d (the keys alone)", leakyGrowth, keyBytes)
		}
	})

	t.Run("fixed StoreProduct", func(t *testing.T) {
		body := []byte(`{"sku":"x","name":"Widget","price_cents":1250}`)
		heap0 := liveHeap()
		maxLen := 0
		for i := range keys {
			cache.StoreProduct(fmt.Sprintf("sku-%s-%08d", prefix, i), body)
			maxLen = max(maxLen, cache.ProductCount())
		}
		heap1 := liveHeap()
		growth := int64(heap1) - int64(heap0)
		t.Logf("%d distinct keys: at most %d entries, live heap +%d bytes", keys, maxLen, growth)
		if maxLen > cache.ProductCapacity {
			t.Errorf("cache reached %d entries, want <= %d", maxLen, cache.ProductCapacity)
		}
		if cache.ProductCount() != cache.ProductCapacity {
			t.Errorf("cache holds %d entries, want %d (full, and no more)", cache.ProductCount(), cache.ProductCapacity)
		}
		// The bounded cache keeps about a tenth of the keys, each in a
		// bigger entry (list element and body): well under half of what the
		// map kept for all of them.
		if leakyGrowth > 0 && growth > leakyGrowth/2 {
			t.Errorf("live heap grew by %d bytes, want < %d (half of the unbounded map's growth)", growth, leakyGrowth/2)
		}
	})
}
