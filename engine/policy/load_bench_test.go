package policy

import (
	"context"
	"testing"
)

// BenchmarkLoad is what every command pays before its first article:
// reading, checking and compiling the built-in policies (load: Load would
// hand back the set it shared after the first round).
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := load(context.Background(), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
