// Package resultcache keeps the results of checking articles between runs,
// so that a run over files that have not changed (a pre-commit hook, a CI
// job run again, an editor saving one file of many) does not check them
// again.
//
// The cache is a directory of small files, one per entry, named by a
// SHA-256 key. What goes into a key is the caller's business (the checker
// hashes the article, the policies, the configuration and the binary: see
// engine/checker's cache.go); this package hashes, stores and bounds. It
// never makes a run fail: an entry that cannot be read, is cut short or
// does not match its checksum is a miss, and an entry that cannot be
// written is left out.
//
// Entries are written to a temporary file in the entry's directory and
// renamed into place, so that a reader sees a whole entry or none, and two
// runs writing the same key at once each rename a whole file over the
// other's (the same bytes, since the key covers every input). They are not
// synced: a crash may lose an entry, which the checksum turns into a miss.
//
// The cache is bounded by size: once a run has written entries, the
// directory is trimmed to MaxBytes by removing the entries used longest ago
// (a hit refreshes an entry's time once a day, so that what a project
// checks every day stays).
package resultcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// Key names an entry: a SHA-256 of everything the entry depends on.
type Key [sha256.Size]byte

func (k Key) String() string { return hex.EncodeToString(k[:]) }

// DefaultMaxBytes is the size the cache directory is trimmed to. Dense
// news articles take 5–20 KB each, so this holds the results of some
// 20,000 articles for each configuration a project runs.
const DefaultMaxBytes = 256 << 20

// version is the directory entries of this layout live in: a change of
// layout starts a new directory (and Clean removes the old ones).
const version = "v1"

// magic starts every entry, before the payload's checksum and the payload.
var magic = []byte("credcheck-cache 1\n")

// DefaultDir is where the cache lives unless configured: credcheck under
// the user's cache directory ($XDG_CACHE_HOME or ~/.cache on Linux,
// ~/Library/Caches on macOS, %LocalAppData% on Windows).
func DefaultDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "credcheck"), nil
}

// Cache is one cache directory. Its methods are safe for concurrent use.
type Cache struct {
	dir      string
	maxBytes int64
	mu       sync.Mutex
	written  bool
}

// Open gives the cache in dir, bounded to maxBytes (DefaultMaxBytes when
// 0 or less). Nothing is created until an entry is written.
func Open(dir string, maxBytes int64) *Cache {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	return &Cache{dir: dir, maxBytes: maxBytes}
}

// Dir is the cache's directory.
func (c *Cache) Dir() string { return c.dir }

func (c *Cache) path(k Key) string {
	s := k.String()
	return filepath.Join(c.dir, version, s[:2], s[2:])
}

// Get gives the payload stored under k, or false when there is none or it
// cannot be trusted.
func (c *Cache) Get(k Key) ([]byte, bool) {
	f, err := os.Open(c.path(k))
	if err != nil {
		return nil, false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() > maxEntry {
		return nil, false
	}
	data := make([]byte, info.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, false
	}
	payload, ok := unwrap(data)
	if !ok {
		return nil, false
	}
	if time.Since(info.ModTime()) > refreshAfter {
		now := time.Now()
		_ = os.Chtimes(f.Name(), now, now)
	}
	return payload, true
}

// maxEntry bounds what Get reads: no result of one article comes near it,
// so a larger file is not an entry of ours.
const maxEntry = 64 << 20

// refreshAfter is how old an entry's time may grow before a hit renews it:
// renewing on every hit would cost a write per article.
const refreshAfter = 24 * time.Hour

// unwrap checks an entry's framing and checksum and gives its payload.
func unwrap(data []byte) ([]byte, bool) {
	rest, ok := bytes.CutPrefix(data, magic)
	if !ok || len(rest) < sha256.Size {
		return nil, false
	}
	sum, payload := rest[:sha256.Size], rest[sha256.Size:]
	got := sha256.Sum256(payload)
	if !bytes.Equal(sum, got[:]) {
		return nil, false
	}
	return payload, true
}

// Put stores payload under k, replacing any entry there.
func (c *Cache) Put(k Key, payload []byte) error {
	path := c.path(k)
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	sum := sha256.Sum256(payload)
	_, err = f.Write(append(append(append([]byte(nil), magic...), sum[:]...), payload...))
	err = errors.Join(err, f.Close())
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		_ = os.Remove(f.Name())
		return err
	}
	c.mu.Lock()
	c.written = true
	c.mu.Unlock()
	return nil
}

// Done ends a run's use of the cache: when the run wrote entries, the
// cache is trimmed to its size.
func (c *Cache) Done() error {
	c.mu.Lock()
	written := c.written
	c.written = false
	c.mu.Unlock()
	if !written {
		return nil
	}
	return c.Trim()
}

// entry is one file of the cache, for trimming.
type entry struct {
	path string
	size int64
	used time.Time
}

// Trim removes the entries used longest ago until the cache is at most
// three quarters of its size, when it is over it, and temporary files a
// run that stopped half-way left behind. Another run may be trimming or
// writing at the same time: a file already gone is no error.
func (c *Cache) Trim() error {
	var (
		entries []entry
		total   int64
	)
	root := filepath.Join(c.dir, version)
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".tmp-") {
			if time.Since(info.ModTime()) > time.Hour {
				_ = os.Remove(path)
			}
			return nil
		}
		entries = append(entries, entry{path: path, size: info.Size(), used: info.ModTime()})
		total += info.Size()
		return nil
	})
	if err != nil || total <= c.maxBytes {
		return err
	}
	// Oldest first; a tie (one run writes many entries in the same tick)
	// goes by name so that concurrent trims agree.
	slices.SortFunc(entries, func(a, b entry) int {
		if c := a.used.Compare(b.used); c != 0 {
			return c
		}
		return strings.Compare(a.path, b.path)
	})
	for _, e := range entries {
		if total <= c.maxBytes/4*3 {
			break
		}
		if err := os.Remove(e.path); err == nil || errors.Is(err, fs.ErrNotExist) {
			total -= e.size
		}
	}
	return nil
}

// Clean removes the whole cache directory's contents that credcheck wrote
// (every layout version), leaving the directory itself.
func (c *Cache) Clean() error {
	items, err := os.ReadDir(c.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, it := range items {
		if it.IsDir() && len(it.Name()) > 1 && it.Name()[0] == 'v' {
			if err := os.RemoveAll(filepath.Join(c.dir, it.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

// Hasher builds a key from parts. Each part is written with its length
// first, so that no two different sequences of parts hash alike ("ab",
// "c" and "a", "bc").
type Hasher struct{ h hash.Hash }

// NewHasher starts a key; kind says what the key is for, so that keys of
// different kinds never meet.
func NewHasher(kind string) *Hasher {
	h := &Hasher{h: sha256.New()}
	h.String(kind)
	return h
}

// Bytes adds one part.
func (h *Hasher) Bytes(b []byte) {
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(len(b)))
	h.h.Write(n[:])
	h.h.Write(b)
}

// String adds one part.
func (h *Hasher) String(s string) { h.Bytes([]byte(s)) }

// Key adds a key as a part.
func (h *Hasher) Key(k Key) { h.Bytes(k[:]) }

// Sum is the key of the parts added.
func (h *Hasher) Sum() Key {
	var k Key
	h.h.Sum(k[:0])
	return k
}
