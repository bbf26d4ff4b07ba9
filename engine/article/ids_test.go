package article

import (
	"fmt"
	"testing"
)

// The set gives back the first line of every id, past the lines a uint32
// holds too, and tells ids apart whatever their length.
func TestIDSetFirstLines(t *testing.T) {
	var s idSet
	lines := []int{1, 2, 4_294_967_295, 4_294_967_296, 1 << 40}
	for i, line := range lines {
		s.add(fmt.Sprintf("id-%d", i), line)
	}
	s.add(string(make([]byte, 10000)), 7)
	for i, line := range lines {
		if got, ok := s.first(fmt.Sprintf("id-%d", i)); !ok || got != line {
			t.Errorf("id-%d: first on %d (%v), want %d", i, got, ok, line)
		}
	}
	if got, ok := s.first(string(make([]byte, 10000))); !ok || got != 7 {
		t.Errorf("long id: first on %d (%v), want 7", got, ok)
	}
	if _, ok := s.first("id-5"); ok {
		t.Error("an id never added was seen")
	}
}
