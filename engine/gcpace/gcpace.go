// Package gcpace paces the garbage collector of a credcheck process so that
// a long run's peak memory follows what it keeps, not a multiple of it.
//
// A check run allocates much and keeps little (the policies, a few articles
// in flight: some 15 MB), so collecting only when the heap has grown to five
// times what is live (GOGC=400) buys about a fifth of the CPU time that the
// default pace (GOGC=100) spends. But a fixed percentage multiplies whatever
// the run does keep: a JSON Lines file of a million records keeps their ids
// to report duplicates (some 50 MB), and at 400% that became 250 MB more at
// the peak. So the pace is set again after every collection: the heap may
// grow by Headroom past what is live, which is GOGC=400 while the live heap
// is at most a quarter of Headroom, and never less than GOGC=100, so that a
// large live heap (a very long article) is not collected over and over.
package gcpace

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

const (
	// Headroom is how far the heap may grow past what is live before the
	// next collection, while the live heap is between a quarter of it and
	// all of it.
	Headroom = 64 << 20
	// MaxPercent and MinPercent bound the GOGC percentage set.
	MaxPercent = 400
	MinPercent = 100
)

// Percent is the GOGC percentage for a live heap of live bytes.
func Percent(live uint64) int {
	if live == 0 {
		return MaxPercent
	}
	return int(min(MaxPercent, max(MinPercent, Headroom*100/live)))
}

var (
	started atomic.Bool
	current atomic.Int64
)

// Start paces the collector from now on, for the life of the process; it
// does nothing after the first call.
func Start() {
	if !started.CompareAndSwap(false, true) {
		return
	}
	current.Store(MaxPercent)
	debug.SetGCPercent(MaxPercent)
	arm()
}

// StartUnlessSet is Start, unless the user chose a pace with GOGC, which
// then stands.
func StartUnlessSet() {
	if os.Getenv("GOGC") == "" {
		Start()
	}
}

// arm has pace run after the next collection: the cleanup of an object
// nothing points to runs once a collection has found it unreachable. The
// object is 64 bytes, not a tiny allocation, which shares its block with
// others and may outlive the collection.
func arm() {
	runtime.AddCleanup(new([64]byte), func(struct{}) { pace(); arm() }, struct{}{})
}

// pace sets the percentage for the live heap the last collection left.
func pace() {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	p := int64(Percent(sample[0].Value.Uint64()))
	if current.Swap(p) != p {
		debug.SetGCPercent(int(p))
	}
}
