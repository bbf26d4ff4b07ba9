package policy

import "testing"

// Two different sets of user files never share a memo key, even when their
// names and bytes, written one after another, read the same.
func TestUserFilesKeySeparatesEveryField(t *testing.T) {
	tree := func(files map[string]string) *memTree {
		m := &memTree{files: map[string][]byte{}}
		for name, text := range files {
			m.files[name] = []byte(text)
		}
		return m
	}
	type load struct {
		opts Options
		read *userFiles
	}
	loads := map[string]load{
		"a directory": {Options{Dirs: []string{"d"}}, &userFiles{trees: []*memTree{tree(map[string]string{"n": "b"})}}},
		"data files with the same strings": {Options{DataFiles: []string{"d", "b"}},
			&userFiles{data: [][]byte{[]byte("n"), nil}}},
		"an empty file":          {Options{Dirs: []string{"d"}}, &userFiles{trees: []*memTree{tree(map[string]string{"n": "b", "x": ""})}}},
		"another directory name": {Options{Dirs: []string{"e"}}, &userFiles{trees: []*memTree{tree(map[string]string{"n": "b"})}}},
		"two directories": {Options{Dirs: []string{"d", "n"}},
			&userFiles{trees: []*memTree{tree(nil), tree(map[string]string{"b": ""})}}},
		"other bytes": {Options{Dirs: []string{"d"}}, &userFiles{trees: []*memTree{tree(map[string]string{"n": "c"})}}},
	}
	seen := map[[32]byte]string{}
	for name, l := range loads {
		k := l.read.key(l.opts)
		if other, dup := seen[k]; dup {
			t.Errorf("%s and %s share a key", name, other)
		}
		seen[k] = name
	}
	same := loads["a directory"]
	again := &userFiles{trees: []*memTree{tree(map[string]string{"n": "b"})}}
	if again.key(same.opts) != same.read.key(same.opts) {
		t.Error("the same files give another key")
	}
}
