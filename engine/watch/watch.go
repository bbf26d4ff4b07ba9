// Package watch notices when files change, so that a command can run again:
// it snapshots the files under a set of roots, polls them, and reports which
// were created, modified or removed once a burst of writes has settled.
//
// It polls rather than subscribing to the operating system's file events
// (fsnotify). Events need a watch per directory (inotify's per-user limit is
// easily reached in a large newsroom tree, and kqueue holds a descriptor per
// file), new subdirectories must be subscribed to in a race with the files
// written into them, an editor that saves by renaming over a file detaches
// the watch on it, and events do not arrive at all through many network
// filesystems and container bind mounts. Walking a tree of articles and
// stating each file a few times a second costs little next to a check run,
// and behaves the same everywhere.
package watch

import (
	"context"
	"hash/maphash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/credcheck/credcheck/engine/safefile"
)

// DefaultInterval is how often the files are polled unless Options say
// otherwise: quick enough to feel immediate after a save, slow enough that
// the walks cost nothing noticeable.
const DefaultInterval = 400 * time.Millisecond

// DefaultDebounce is how long the files must stay unchanged before a change
// is reported unless Options say otherwise. Editors often write a file twice
// for one save (truncate then write, or write then rename a backup); both
// writes should lead to one run.
const DefaultDebounce = 300 * time.Millisecond

// maxDebounces bounds, in debounce periods, how long a change may wait for
// the files to settle, so that a file rewritten without pause (a log, a feed
// being downloaded) still leads to runs now and then.
const maxDebounces = 10

// racyWindow is how recently a file must have been modified for its
// contents to be hashed. A file written twice within one tick of the
// filesystem's clock (up to two seconds on FAT, coarser than the kernel's
// clock elsewhere) keeps its modification time, and its size when an edit
// replaces one word with another as long; only its contents tell the two
// versions apart. Older files cannot be rewritten within a tick they have
// already left, so their size and time are enough and they are never read.
const racyWindow = 5 * time.Second

// maxHashed is the largest file hashed. A same-size rewrite of a bigger
// file within one clock tick goes unnoticed, which is better than reading
// hundreds of megabytes of a feed on every poll after it was touched.
const maxHashed = 16 << 20

// Root is a file or a directory to watch. Directories are walked
// recursively, leaving out hidden entries and node_modules, which never
// hold articles or policies and can be huge.
type Root struct {
	Path string
	// Include reports whether a file found under a directory root, given
	// by its absolute path, is watched (the article or policy files, say);
	// nil watches every file.
	// A root that is itself a file is always watched.
	Include func(path string) bool
}

// Options tune a Watcher; zero values take the defaults.
type Options struct {
	Interval time.Duration
	Debounce time.Duration
}

// Kind is what happened to a file between two reports.
type Kind int

// The kinds of change, as a file's presence and state compare between the
// last report and now.

const (
	Created Kind = iota + 1
	Modified
	Removed
)

func (k Kind) String() string {
	switch k {
	case Created:
		return "created"
	case Modified:
		return "modified"
	case Removed:
		return "removed"
	}
	return "changed"
}

// Change is one file that differs from the last report. Path is absolute.
type Change struct {
	Path string
	Kind Kind
}

// fileState is what a poll knows of a file. contentHash is set only when
// hashed is, for files modified within racyWindow of the poll.
type fileState struct {
	size        int64
	modified    time.Time
	contentHash uint64
	hashed      bool
}

func (a fileState) same(b fileState) bool {
	if a.size != b.size || !a.modified.Equal(b.modified) {
		return false
	}
	return !a.hashed || !b.hashed || a.contentHash == b.contentHash
}

// snapshot maps the absolute path of every watched file to its state.
type snapshot map[string]fileState

func (s snapshot) same(other snapshot) bool {
	if len(s) != len(other) {
		return false
	}
	for path, st := range s {
		o, ok := other[path]
		if !ok || !st.same(o) {
			return false
		}
	}
	return true
}

// Watcher polls a fixed set of roots. It is not safe for concurrent use.
type Watcher struct {
	roots    []Root
	interval time.Duration
	debounce time.Duration
	seed     maphash.Seed
	// reported is the state of the files at the last report, or when the
	// Watcher was made: the next report is the difference from it.
	reported snapshot
	// afterPoll, when set, is called after each poll of Next; tests use it
	// to know that a write has been seen before they make the next one.
	afterPoll func()
}

// New takes the first snapshot of roots, against which the first call of
// Next reports; take it before the first run of whatever is watched, so
// that an edit made during that run is not missed. The only error is ctx's,
// when it ends during the walk.
func New(ctx context.Context, roots []Root, opts Options) (*Watcher, error) {
	w := &Watcher{interval: opts.Interval, debounce: opts.Debounce, seed: maphash.MakeSeed()}
	if w.interval <= 0 {
		w.interval = DefaultInterval
	}
	if w.debounce <= 0 {
		w.debounce = DefaultDebounce
	}
	for _, r := range roots {
		// Absolute paths make a file reached through two roots ("." and
		// "./house", or a relative and an absolute spelling) one file.
		if abs, err := filepath.Abs(r.Path); err == nil {
			r.Path = abs
		}
		w.roots = append(w.roots, r)
	}
	snap, err := w.poll(ctx)
	if err != nil {
		return nil, err
	}
	w.reported = snap
	return w, nil
}

// Next waits until the watched files differ from the last report and have
// stayed unchanged for the debounce period, and returns the differences
// sorted by path. Files created and removed again in between are not
// reported. It returns ctx's error when ctx ends first.
func (w *Watcher) Next(ctx context.Context) ([]Change, error) {
	ticker := time.NewTicker(w.interval)
	defer ticker.Stop()
	latest := w.reported
	var firstChange, lastChange time.Time
	for {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-ticker.C:
		}
		snap, err := w.poll(ctx)
		if err != nil {
			return nil, err
		}
		if w.afterPoll != nil {
			w.afterPoll()
		}
		now := time.Now()
		changed := !snap.same(latest)
		if changed {
			latest = snap
			lastChange = now
			if firstChange.IsZero() {
				firstChange = now
			}
		}
		if lastChange.IsZero() {
			continue
		}
		settled := !changed && now.Sub(lastChange) >= w.debounce
		if !settled && now.Sub(firstChange) < maxDebounces*w.debounce {
			continue
		}
		changes := diff(w.reported, latest)
		w.reported = latest
		firstChange, lastChange = time.Time{}, time.Time{}
		if len(changes) > 0 {
			return changes, nil
		}
	}
}

func diff(before, after snapshot) []Change {
	var changes []Change
	for path, st := range after {
		old, ok := before[path]
		switch {
		case !ok:
			changes = append(changes, Change{Path: path, Kind: Created})
		case !old.same(st):
			changes = append(changes, Change{Path: path, Kind: Modified})
		}
	}
	for path := range before {
		if _, ok := after[path]; !ok {
			changes = append(changes, Change{Path: path, Kind: Removed})
		}
	}
	sort.Slice(changes, func(i, j int) bool { return changes[i].Path < changes[j].Path })
	return changes
}

// poll walks every root. Files that cannot be read are left out, as if
// absent: a root that does not exist yet is watched for its creation, and a
// directory that cannot be listed should not end a watch session.
func (w *Watcher) poll(ctx context.Context) (snapshot, error) {
	snap := snapshot{}
	now := time.Now()
	for _, r := range w.roots {
		info, err := os.Stat(r.Path)
		if err != nil {
			continue
		}
		if !info.IsDir() {
			if info.Mode().IsRegular() {
				w.add(snap, r.Path, info, now)
			}
			continue
		}
		// Errors other than ctx's are handled entry by entry inside.
		_ = filepath.WalkDir(r.Path, func(path string, d fs.DirEntry, err error) error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if path == r.Path {
				return nil
			}
			if err != nil {
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			name := d.Name()
			if strings.HasPrefix(name, ".") || name == "node_modules" {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || r.Include != nil && !r.Include(path) {
				return nil
			}
			// The state of a symbolic link's target, since editing the
			// target is what changes the article read through the link.
			var info fs.FileInfo
			if d.Type()&fs.ModeSymlink != 0 {
				info, err = os.Stat(path)
			} else {
				info, err = d.Info()
			}
			// Only regular files: a FIFO would block the read that hashes
			// it until a writer came, and a device would never end. The
			// check refuses them, each with its own line, when it runs.
			if err == nil && info.Mode().IsRegular() {
				w.add(snap, path, info, now)
			}
			return nil
		})
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}
	return snap, nil
}

func (w *Watcher) add(snap snapshot, path string, info fs.FileInfo, now time.Time) {
	st := fileState{size: info.Size(), modified: info.ModTime()}
	if now.Sub(st.modified) < racyWindow && st.size <= maxHashed {
		st.contentHash, st.hashed = w.hash(path)
	}
	snap[path] = st
}

func (w *Watcher) hash(path string) (uint64, bool) {
	// safefile.Open, as the file stated regular a moment ago may have been
	// replaced by a FIFO since.
	f, _, err := safefile.Open(path)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	var h maphash.Hash
	h.SetSeed(w.seed)
	if _, err := io.Copy(&h, io.LimitReader(f, maxHashed)); err != nil {
		return 0, false
	}
	return h.Sum64(), true
}

// PolicyFile reports whether a file found in a policy directory is one a
// load reads: a Rego module other than a test (tests are not loaded to
// check) or a data file.
func PolicyFile(path string) bool {
	name := filepath.Base(path)
	ext := filepath.Ext(name)
	switch {
	case ext == ".rego":
		return !strings.HasSuffix(name, "_test.rego")
	case ext == ".json" || ext == ".yaml" || ext == ".yml":
		return strings.TrimSuffix(name, ext) == "data"
	}
	return false
}
