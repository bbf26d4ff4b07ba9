package server

import (
	"testing"

	"github.com/credcheck/credcheck/engine/gcpace"
)

// TestMain paces the collector as the binary does. These tests compile
// and evaluate policies over and over, which allocates much and keeps
// little; at the default pace the collector cost a fifth of their CPU.
func TestMain(m *testing.M) {
	gcpace.StartUnlessSet()
	m.Run()
}
