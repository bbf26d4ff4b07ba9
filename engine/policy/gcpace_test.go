package policy_test

import (
	"os"
	"runtime/debug"
	"testing"

	"github.com/credcheck/credcheck/engine/gcpace"
)

// TestMain paces the collector as the binary does while its heap is small
// (gcpace.MaxPercent). These tests compile and evaluate policies over and
// over, which allocates much and keeps little; at the default pace the
// collector cost a fifth of their CPU. The pace is fixed rather than
// gcpace's: tests running in parallel keep several policy sets alive at
// once, a live heap no run of the binary has, under which gcpace falls
// back towards the default pace (measured: 16 CPU-seconds for this
// package instead of about 20, for a peak of 1 GB instead of 0.4).
func TestMain(m *testing.M) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcpace.MaxPercent)
	}
	os.Exit(m.Run())
}
