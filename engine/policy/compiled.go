package policy

import (
	"crypto/sha256"
	"maps"
	"slices"

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

// compiledLimit bounds the compiled sets kept of the built-in modules
// alone, one per kind of load (with tests, without stories...), the
// latest; userCompiledLimit those with a user's modules: the current one
// and the one before, so that a serve reloading edited policies holds at
// most one compiled set it no longer uses, as the memo of Load promises.
const (
	compiledLimit     = 4
	userCompiledLimit = 2
)

var (
	compiledMemo     = keptLatest[*ast.Compiler]{kept: recent[[sha256.Size]byte, *ast.Compiler]{limit: compiledLimit}}
	userCompiledMemo = keptLatest[*ast.Compiler]{kept: recent[[sha256.Size]byte, *ast.Compiler]{limit: userCompiledLimit}}
)

// compileOptions are what a compilation depends on besides the modules.
type compileOptions struct {
	caps          *ast.Capabilities
	allowBuiltins []string // what caps was made from
	tests         bool     // policy tests: print statements on, every check run
	user          bool     // modules from a user's policy directories: every check run
}

// skipChecks says verifiedStages may be left out: for the built-in
// modules alone, which pass them all (TestBuiltInPoliciesPassTheSkippedChecks).
func (o compileOptions) skipChecks() bool { return !o.tests && !o.user }

// compileModules compiles modules (raws holds each one's source), or
// returns the compiler of an earlier load of the same sources and options.
// A failed compile is not kept; its errors are the caller's to read.
func compileModules(modules map[string]*ast.Module, raws map[string][]byte, opts compileOptions) *ast.Compiler {
	memo := &compiledMemo
	if opts.user {
		memo = &userCompiledMemo
	}
	return memo.get(func() ([sha256.Size]byte, bool) {
		return compileKey(modules, raws, opts)
	}, func() (*ast.Compiler, bool) {
		c := newCompiler(opts.caps, opts.tests)
		if opts.skipChecks() {
			c = c.WithSkipStages(verifiedStages...)
		}
		c.Compile(modules)
		return c, !c.Failed()
	})
}

// compileKey hashes every module's name and source with the options; a
// module without its source cannot be keyed. Every list carries its
// length and every field its size, so no two inputs hash alike by running
// one field into the next.
func compileKey(modules map[string]*ast.Module, raws map[string][]byte, opts compileOptions) ([sha256.Size]byte, bool) {
	h := newFramedHash()
	flags := 0
	if opts.tests {
		flags |= 1
	}
	if opts.user {
		flags |= 2
	}
	h.count(flags)
	allowed := slices.Sorted(slices.Values(opts.allowBuiltins))
	h.count(len(allowed))
	for _, name := range allowed {
		h.field([]byte(name))
	}
	h.count(len(modules))
	for _, name := range slices.Sorted(maps.Keys(modules)) {
		raw, ok := raws[name]
		if !ok {
			return [sha256.Size]byte{}, false
		}
		h.field([]byte(name))
		h.field(raw)
	}
	return h.sum(), true
}
