package policy

import (
	"crypto/sha256"
	"encoding/binary"
	"maps"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"
)

// The compiler sees only modules: data files, parameters and switched-off
// rules reach the policies through the store and the query, never through
// compilation. So loads that differ only in those (a data file edited
// under serve --watch, calibrate or eval loading several configurations,
// a test of one parameter) share one compiled module set, keyed by the
// modules' bytes and what compilation depends on besides them, and each
// builds only its own store and queries. ast.Compiler copies the modules
// it is given and is read-only once compiled, so a compiler is shared as
// the sets of Load already are. As with the lexicons, the first compile
// in a process is not kept, so a run that loads once does not pay for the
// key.

// compiledLimit bounds the compiled sets kept, the latest: a process that
// loads several module sets in turn (a serve reloading edited policies)
// keeps a few, not one per edit.
const compiledLimit = 4

var compiledMemo = struct {
	compiles atomic.Int32
	mu       sync.Mutex
	sets     recent[[sha256.Size]byte, *ast.Compiler]
}{sets: recent[[sha256.Size]byte, *ast.Compiler]{limit: compiledLimit}}

// compileOptions are what a compilation depends on besides the modules.
type compileOptions struct {
	caps          *ast.Capabilities
	allowBuiltins []string // what caps was made from
	tests         bool     // print statements on, as policy tests want them
	skipChecks    bool     // verifiedStages left out (built-in modules only)
}

// compileModules compiles modules (raws holds each one's source), or
// returns the compiler of an earlier load of the same sources and options.
// A failed compile is not kept; its errors are the caller's to read.
func compileModules(modules map[string]*ast.Module, raws map[string][]byte, opts compileOptions) *ast.Compiler {
	compile := func() *ast.Compiler {
		c := newCompiler(opts.caps, opts.tests)
		if opts.skipChecks {
			c = c.WithSkipStages(verifiedStages...)
		}
		c.Compile(modules)
		return c
	}
	if compiledMemo.compiles.Add(1) == 1 {
		return compile()
	}
	key, ok := compileKey(modules, raws, opts)
	if !ok {
		return compile()
	}
	compiledMemo.mu.Lock()
	c, found := compiledMemo.sets.get(key)
	compiledMemo.mu.Unlock()
	if found {
		return c
	}
	// Two loads of the same modules at once may both compile; either
	// compiler is the same.
	c = compile()
	if !c.Failed() {
		compiledMemo.mu.Lock()
		compiledMemo.sets.put(key, c)
		compiledMemo.mu.Unlock()
	}
	return c
}

// compileKey hashes every module's name and source with the options; a
// module without its source cannot be keyed. Every list carries its
// length and every field its size, so no two inputs hash alike by running
// one field into the next.
func compileKey(modules map[string]*ast.Module, raws map[string][]byte, opts compileOptions) ([sha256.Size]byte, bool) {
	var sum [sha256.Size]byte
	h := sha256.New()
	count := func(n int) { h.Write(binary.AppendUvarint(nil, uint64(n))) }
	field := func(b []byte) {
		count(len(b))
		h.Write(b)
	}
	flags := 0
	if opts.tests {
		flags |= 1
	}
	if opts.skipChecks {
		flags |= 2
	}
	count(flags)
	allowed := slices.Sorted(slices.Values(opts.allowBuiltins))
	count(len(allowed))
	for _, name := range allowed {
		field([]byte(name))
	}
	count(len(modules))
	for _, name := range slices.Sorted(maps.Keys(modules)) {
		raw, ok := raws[name]
		if !ok {
			return sum, false
		}
		field([]byte(name))
		field(raw)
	}
	h.Sum(sum[:0])
	return sum, true
}
