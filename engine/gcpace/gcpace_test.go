package gcpace

import (
	"runtime"
	"testing"
	"time"
)

func TestPercent(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 400}, {8 << 20, 400}, {16 << 20, 400}, {32 << 20, 200}, {50 << 20, 128}, {64 << 20, 100}, {1 << 30, 100},
	} {
		if got := Percent(c.live); got != c.want {
			t.Errorf("Percent(%d MB) = %d, want %d", c.live>>20, got, c.want)
		}
	}
}

// Once started, the pace follows the live heap after each collection: a
// large live heap brings it down to the floor, and freeing it back up.
func TestStartFollowsLiveHeap(t *testing.T) {
	Start()
	wait := func(want int64) {
		t.Helper()
		for range 200 {
			runtime.GC()
			if current.Load() == want {
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
		t.Fatalf("percent %d, want %d", current.Load(), want)
	}
	keep := make([]byte, 2*Headroom)
	for i := range keep {
		keep[i] = 1 // touched, so that it is really there
	}
	wait(MinPercent)
	runtime.KeepAlive(keep)
	keep = nil
	wait(MaxPercent)
}
