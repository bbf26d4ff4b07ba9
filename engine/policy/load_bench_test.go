package policy

import (
	"context"
	"testing"
)

// BenchmarkLoad is what every command pays before its first article:
// reading, checking and compiling the built-in policies.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(context.Background(), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
