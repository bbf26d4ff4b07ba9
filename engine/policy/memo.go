package policy

import (
	"context"
	"fmt"
	"slices"
	"sync"
)

// A set built only from the embedded policies and configuration is the
// same every time it is loaded with the same options, and loading it is
// most of what a one-article run costs. A process that loads it more than
// once (the command tree run many times in one test process, eval and
// calibrate loading for several tasks) compiles it once per options.
// Nothing changes a Set after Load (configuration is applied inside Load,
// and callers copy rules before adjusting them), so sharing one is safe;
// its queries are safe for concurrent use. Sets read from user directories
// or data files are never shared: the files may change between loads, as
// they do under watch and serve's reload.

// memoLimit bounds how many sets a process keeps, the latest loaded: one
// per distinct configuration, which a real run has one of.
const memoLimit = 16

var memo struct {
	mu   sync.Mutex
	sets map[string]*memoEntry
	// order holds the keys of sets, oldest first.
	order []string
}

type memoEntry struct {
	done chan struct{}
	set  *Set
	err  error
}

// memoKey identifies the options a built-in-only set depends on; ok is
// false for options that read files. Where only words error messages, and
// failed loads are not kept.
func memoKey(opts Options) (string, bool) {
	if len(opts.Dirs) > 0 || len(opts.DataFiles) > 0 {
		return "", false
	}
	// %#v writes maps in sorted key order and names every value's type,
	// so equal keys mean equal options down to an int against a float.
	return fmt.Sprintf("%#v", struct {
		Disabled      []string
		Params        map[string]map[string]any
		Tests         bool
		Comparisons   bool
		AllowBuiltins []string
	}{opts.Disabled, opts.Params, opts.Tests, opts.Comparisons, opts.AllowBuiltins}), true
}

// Load reads, checks and compiles the policies. A set of the built-in
// policies alone is loaded once per options in a process and shared.
func Load(ctx context.Context, opts Options) (*Set, error) {
	key, ok := memoKey(opts)
	if !ok {
		return load(ctx, opts)
	}
	memo.mu.Lock()
	if e, found := memo.sets[key]; found {
		memo.mu.Unlock()
		<-e.done
		if e.err == nil {
			return e.set, nil
		}
		// A failed load is not kept; this caller's options word its own
		// error (Where).
		return load(ctx, opts)
	}
	if memo.sets == nil {
		memo.sets = map[string]*memoEntry{}
	}
	if len(memo.order) >= memoLimit {
		// The oldest goes; whoever holds it keeps using it.
		delete(memo.sets, memo.order[0])
		memo.order = memo.order[1:]
	}
	e := &memoEntry{done: make(chan struct{})}
	memo.sets[key] = e
	memo.order = append(memo.order, key)
	memo.mu.Unlock()

	e.set, e.err = load(ctx, opts)
	if e.err != nil {
		memo.mu.Lock()
		if memo.sets[key] == e {
			delete(memo.sets, key)
			memo.order = slices.DeleteFunc(memo.order, func(k string) bool { return k == key })
		}
		memo.mu.Unlock()
	}
	close(e.done)
	return e.set, e.err
}
