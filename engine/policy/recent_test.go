package policy

import "testing"

// TestRecentKeepsTheLatest checks the bound both memos rely on: past the
// limit the oldest entry goes, a key already there is not added again,
// and a removed key leaves room.
func TestRecentKeepsTheLatest(t *testing.T) {
	r := recent[string, int]{limit: 2}
	r.put("a", 1)
	r.put("b", 2)
	r.put("a", 9) // there already: neither replaced nor made newer
	r.put("c", 3)
	if _, ok := r.get("a"); ok {
		t.Error("the oldest entry stayed past the limit")
	}
	if v, ok := r.get("b"); !ok || v != 2 {
		t.Errorf("b = %d, %v", v, ok)
	}
	r.remove("b")
	r.put("d", 4)
	for k, want := range map[string]int{"c": 3, "d": 4} {
		if v, ok := r.get(k); !ok || v != want {
			t.Errorf("%s = %d, %v; want %d", k, v, ok, want)
		}
	}
	if len(r.m) != 2 || len(r.order) != 2 {
		t.Errorf("%d entries, %d in order; want 2", len(r.m), len(r.order))
	}
}
