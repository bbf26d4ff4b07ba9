package resultcache

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func key(s string) Key {
	h := NewHasher("test")
	h.String(s)
	return h.Sum()
}

func TestPutGet(t *testing.T) {
	c := Open(t.TempDir(), 0)
	if _, ok := c.Get(key("a")); ok {
		t.Fatal("hit in an empty cache")
	}
	if err := c.Put(key("a"), []byte("result a")); err != nil {
		t.Fatal(err)
	}
	got, ok := c.Get(key("a"))
	if !ok || string(got) != "result a" {
		t.Fatalf("Get = %q, %v", got, ok)
	}
	if _, ok := c.Get(key("b")); ok {
		t.Fatal("hit for a key never written")
	}
}

// Every way an entry can be damaged is a miss, never an error or a
// payload that is not the one written.
func TestDamagedEntriesAreMisses(t *testing.T) {
	c := Open(t.TempDir(), 0)
	k := key("a")
	payload := []byte(`{"Path":"a.md","Findings":[]}`)
	damage := map[string]func([]byte) []byte{
		"empty":        func([]byte) []byte { return nil },
		"cut short":    func(b []byte) []byte { return b[:len(b)-3] },
		"payload flip": func(b []byte) []byte { b[len(b)-2] ^= 1; return b },
		"checksum flip": func(b []byte) []byte {
			b[len(magic)] ^= 1
			return b
		},
		"other magic": func(b []byte) []byte { b[0] = 'X'; return b },
		"garbage":     func([]byte) []byte { return bytes.Repeat([]byte{0xff}, 100) },
	}
	for name, f := range damage {
		if err := c.Put(k, payload); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(c.path(k))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(c.path(k), f(data), 0o600); err != nil {
			t.Fatal(err)
		}
		if got, ok := c.Get(k); ok {
			t.Errorf("%s: hit with %q", name, got)
		}
	}
	// A directory where an entry should be is a miss too.
	if err := os.Remove(c.path(k)); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(c.path(k), 0o700); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get(k); ok {
		t.Error("a directory read as an entry")
	}
}

// Runs writing the same and other keys at once leave whole entries and no
// temporary files.
func TestConcurrentPuts(t *testing.T) {
	dir := t.TempDir()
	var wg sync.WaitGroup
	for w := range 8 {
		c := Open(dir, 0) // one Cache per run, as separate processes have
		wg.Go(func() {
			for i := range 50 {
				_ = c.Put(key(fmt.Sprint(i%10)), bytes.Repeat([]byte{byte('a' + i%10)}, 10000+w))
			}
		})
	}
	wg.Wait()
	c := Open(dir, 0)
	for i := range 10 {
		got, ok := c.Get(key(fmt.Sprint(i)))
		if !ok || len(got) < 10000 || !bytes.Equal(got, bytes.Repeat([]byte{byte('a' + i)}, len(got))) {
			t.Errorf("entry %d: %v, %d bytes", i, ok, len(got))
		}
	}
	tmp, _ := filepath.Glob(filepath.Join(dir, version, "*", ".tmp-*"))
	if len(tmp) > 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
}

func TestTrimRemovesTheLeastRecentlyUsed(t *testing.T) {
	dir := t.TempDir()
	c := Open(dir, 10*1024)
	old := time.Now().Add(-48 * time.Hour)
	for i := range 8 {
		k := key(fmt.Sprint(i))
		if err := c.Put(k, make([]byte, 2000)); err != nil {
			t.Fatal(err)
		}
		// Entry i was last used i minutes after the oldest.
		at := old.Add(time.Duration(i) * time.Minute)
		if err := os.Chtimes(c.path(k), at, at); err != nil {
			t.Fatal(err)
		}
	}
	// A hit renews an old entry, so entry 0 is now the newest.
	if _, ok := c.Get(key("0")); !ok {
		t.Fatal("miss before trimming")
	}
	if err := c.Done(); err != nil {
		t.Fatal(err)
	}
	var kept []int
	for i := range 8 {
		if _, ok := c.Get(key(fmt.Sprint(i))); ok {
			kept = append(kept, i)
		}
	}
	// 8 entries of ~2 KB over a 10 KB cap: trimmed to 7.5 KB, 3 entries,
	// the newest: 0 (just used), 7 and 6.
	if fmt.Sprint(kept) != "[0 6 7]" {
		t.Errorf("kept %v, want [0 6 7]", kept)
	}
}

func TestClean(t *testing.T) {
	dir := t.TempDir()
	c := Open(dir, 0)
	if err := c.Put(key("a"), []byte("x")); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(other, []byte("not ours"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := c.Clean(); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get(key("a")); ok {
		t.Error("entry survived Clean")
	}
	if _, err := os.Stat(other); err != nil {
		t.Error("Clean removed a file it did not write")
	}
	if err := Open(filepath.Join(dir, "missing"), 0).Clean(); err != nil {
		t.Errorf("cleaning a cache never written: %v", err)
	}
}

func TestValueTellsApart(t *testing.T) {
	type inner struct {
		Shown  string
		Hidden string `json:"-"`
		quiet  int
	}
	type outer struct {
		List []string
		In   *inner
		M    map[string]any
	}
	sum := func(v any) Key {
		h := NewHasher("v")
		if err := h.Value(v); err != nil {
			t.Fatal(err)
		}
		return h.Sum()
	}
	base := outer{List: []string{"a"}, In: &inner{Shown: "s", Hidden: "h", quiet: 1}, M: map[string]any{"x": 1, "y": "z"}}
	variants := map[string]outer{
		"nil list":              {List: nil, In: base.In, M: base.M},
		"empty list":            {List: []string{}, In: base.In, M: base.M},
		"a field tagged json -": {List: base.List, In: &inner{Shown: "s", Hidden: "H", quiet: 1}, M: base.M},
		"an unexported field":   {List: base.List, In: &inner{Shown: "s", Hidden: "h", quiet: 2}, M: base.M},
		"a map value's type":    {List: base.List, In: base.In, M: map[string]any{"x": 1.0, "y": "z"}},
		"a parts boundary":      {List: []string{"", "a"}, In: base.In, M: base.M},
	}
	b := sum(base)
	if sum(outer{List: []string{"a"}, In: &inner{Shown: "s", Hidden: "h", quiet: 1}, M: map[string]any{"y": "z", "x": 1}}) != b {
		t.Error("equal values (maps built in another order) hash apart")
	}
	for name, v := range variants {
		if sum(v) == b {
			t.Errorf("%s: same key", name)
		}
	}
	if sum("\xfe") == sum("\xff") {
		t.Error("two invalid bytes share a key")
	}
	if err := NewHasher("v").Value(func() {}); err == nil {
		t.Error("a function hashed")
	}
}

func TestTreeFollowsContents(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sum := func() Key {
		h := NewHasher("tree")
		if err := h.Tree(dir); err != nil {
			t.Fatal(err)
		}
		return h.Sum()
	}
	write("a/rule.rego", "package a\n")
	base := sum()
	write("a/rule.rego", "package a\n")
	if sum() != base {
		t.Error("rewriting a file unchanged changed the key")
	}
	write(".git/HEAD", "ref")
	if sum() != base {
		t.Error("a hidden directory, which the loader skips, changed the key")
	}
	write("a/rule.rego", "package b\n")
	if sum() == base {
		t.Error("an edit kept the key")
	}
	write("a/rule.rego", "package a\n")
	if err := os.Symlink(filepath.Join(dir, "a"), filepath.Join(dir, "b")); err != nil {
		t.Skip(err)
	}
	if sum() == base {
		t.Error("a linked directory kept the key")
	}
}
