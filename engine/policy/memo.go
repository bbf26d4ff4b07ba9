package policy

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/credcheck/credcheck/engine/lexicon"
)

// A set built only from the embedded policies and configuration is the
// same every time it is loaded with the same options, and loading it is
// most of what a one-article run costs. A process that loads it more than
// once (the command tree run many times in one test process, eval and
// calibrate loading for several tasks) compiles it once per options.
// Nothing changes a Set after Load (configuration is applied inside Load,
// and callers copy rules before adjusting them), so sharing one is safe;
// its queries are safe for concurrent use. Sets read from user directories
// or data files are shared only by the bytes read: Load reads every file
// first, keys the set by their hash and compiles those same bytes, so an
// edit (under watch, or before serve's reload) gives a new key and a set
// is never used for files other than those it was compiled from. Watch
// then compiles a house rule once, not on every change to an article.

// memoLimit bounds how many built-in-only sets a process keeps, the latest
// loaded: one per distinct configuration, which a real run has one of.
// userMemoLimit bounds those read from user files: the current one and the
// one before, so that a serve reloading edited policies holds at most one
// set it no longer uses.
const (
	memoLimit     = 16
	userMemoLimit = 2
)

var memo = struct {
	mu   sync.Mutex
	sets recent[string, *memoEntry]
	user recent[string, *memoEntry]
}{sets: recent[string, *memoEntry]{limit: memoLimit}, user: recent[string, *memoEntry]{limit: userMemoLimit}}

// recent is a map that keeps its latest limit entries, for the two
// memos here; callers hold their lock.
type recent[K comparable, V any] struct {
	limit int
	m     map[K]V
	order []K // oldest first
}

func (r *recent[K, V]) get(k K) (V, bool) {
	v, ok := r.m[k]
	return v, ok
}

// put adds k unless it is there, and drops the oldest entry past the
// limit; whoever holds a dropped value keeps using it.
func (r *recent[K, V]) put(k K, v V) {
	if _, ok := r.m[k]; ok {
		return
	}
	if r.m == nil {
		r.m = map[K]V{}
	}
	if len(r.order) >= r.limit {
		delete(r.m, r.order[0])
		r.order = r.order[1:]
	}
	r.m[k] = v
	r.order = append(r.order, k)
}

func (r *recent[K, V]) remove(k K) {
	delete(r.m, k)
	r.order = slices.DeleteFunc(r.order, func(o K) bool { return o == k })
}

type memoEntry struct {
	done chan struct{}
	set  *Set
	err  error
}

// memoKey identifies the options a set depends on besides the files it
// reads. Where only words error messages, and failed loads are not kept.
func memoKey(opts Options) string {
	// %#v writes maps in sorted key order and names every value's type,
	// so equal keys mean equal options down to an int against a float.
	return fmt.Sprintf("%#v", struct {
		Disabled      []string
		Params        map[string]map[string]any
		Tests         bool
		Comparisons   bool
		NoStories     bool
		AllowBuiltins []string
	}{opts.Disabled, opts.Params, opts.Tests, opts.Comparisons, opts.NoStories, opts.AllowBuiltins})
}

// Load reads, checks and compiles the policies. A set is loaded once per
// options and user files' bytes in a process and shared.
func Load(ctx context.Context, opts Options) (*Set, error) {
	key, table := memoKey(opts), &memo.sets
	if len(opts.Dirs) > 0 || len(opts.DataFiles) > 0 {
		read, err := readUserFiles(opts)
		if err != nil {
			// load reads them again and says what is wrong.
			return load(ctx, opts)
		}
		opts.read = read
		sum := read.key(opts)
		key, table = key+string(sum[:]), &memo.user
	}
	memo.mu.Lock()
	if e, found := table.get(key); found {
		memo.mu.Unlock()
		<-e.done
		if e.err == nil {
			return e.set, nil
		}
		// A failed load is not kept; this caller's options word its own
		// error (Where).
		return load(ctx, opts)
	}
	e := &memoEntry{done: make(chan struct{})}
	table.put(key, e)
	memo.mu.Unlock()

	e.set, e.err = load(ctx, opts)
	if e.err != nil {
		memo.mu.Lock()
		if kept, _ := table.get(key); kept == e {
			table.remove(key)
		}
		memo.mu.Unlock()
	}
	close(e.done)
	return e.set, e.err
}

// Loads with user policy directories compile afresh, but most of them
// leave the lexicons as they were (a house rule, a parameter), and
// building the matchers is about a fifth of such a load. So matchers are
// shared between loads whose lexicon data is the same, byte for byte in
// JSON with sorted keys; a lexicon.Set is not changed after it is built,
// as the built-in-only sets above already rely on. The first build in a
// process is not kept, so a process that loads once does not pay for the
// key.

// lexiconLimit bounds the matchers kept, the latest built: a long-running
// serve that reloads edited lexicons holds a few, not one per edit.
const lexiconLimit = 4

var lexiconMemo = keptLatest[lexiconBuild]{kept: recent[[sha256.Size]byte, lexiconBuild]{limit: lexiconLimit}}

type lexiconBuild struct {
	set *lexicon.Set
	err error
}

// sharedLexicons builds the matchers for raw, or returns those built
// earlier in the process for the same data. Errors are not kept.
func sharedLexicons(raw map[string]any) (*lexicon.Set, error) {
	b := lexiconMemo.get(func() ([sha256.Size]byte, bool) {
		encoded, err := json.Marshal(raw)
		return sha256.Sum256(encoded), err == nil
	}, func() (lexiconBuild, bool) {
		set, err := lexicon.FromData(raw)
		return lexiconBuild{set, err}, err == nil
	})
	return b.set, b.err
}

// keptLatest shares what is built from the same key within a process, for
// the matchers here and the compiled modules (compiled.go): the first
// build of a process is not kept, so a process that builds once does not
// pay for the key, and at most the latest limit builds are.
type keptLatest[V any] struct {
	builds atomic.Int32
	mu     sync.Mutex
	kept   recent[[sha256.Size]byte, V]
}

// get returns the value kept for key(), or builds it and keeps it when
// build says it may be kept. A key that cannot be made means building.
// Two callers with the same key at once may both build; either value is
// the same.
func (k *keptLatest[V]) get(key func() ([sha256.Size]byte, bool), build func() (V, bool)) V {
	if k.builds.Add(1) == 1 {
		v, _ := build()
		return v
	}
	sum, ok := key()
	if !ok {
		v, _ := build()
		return v
	}
	k.mu.Lock()
	v, found := k.kept.get(sum)
	k.mu.Unlock()
	if found {
		return v
	}
	v, keep := build()
	if keep {
		k.mu.Lock()
		k.kept.put(sum, v)
		k.mu.Unlock()
	}
	return v
}

// framedHash hashes lists and fields each preceded by its length or size,
// so that no two different inputs hash the same bytes by running one field
// into the next.
type framedHash struct{ h hash.Hash }

func newFramedHash() framedHash { return framedHash{sha256.New()} }

func (f framedHash) count(n int) { f.h.Write(binary.AppendUvarint(nil, uint64(n))) }

func (f framedHash) field(b []byte) {
	f.count(len(b))
	f.h.Write(b)
}

func (f framedHash) sum() [sha256.Size]byte {
	var sum [sha256.Size]byte
	f.h.Sum(sum[:0])
	return sum
}
