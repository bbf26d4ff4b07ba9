package policy

import (
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/loader"

	"github.com/credcheck/credcheck/policies"
)

// The built-in tree never changes within a process, so it is parsed once
// per kind of load (with or without tests, with or without comparisons)
// and each later load compiles a copy: a set with user policies or data
// files is compiled again whenever their bytes differ from a kept set's
// (memo.go), but parsing the embedded files again would only give the
// same modules. Copying costs a tenth of parsing. Most
// processes load once (a check, a hook, an editor's call), so the first
// load of each kind parses for itself and keeps nothing; sharing starts
// with the second.
//
// A copy must share nothing the compiler writes: OPA's compiler rewrites
// terms in place, and loads run side by side (serve, tests). ast.Module.Copy
// copies every term, but leaves each else-branch pointing at the original
// module, through which the compiler reaches the kept tree; builtInTree
// points them at the copy. TestBuiltInCopiesShareNothing walks two compiled
// copies for any term, rule or module they share.
var (
	builtInTrees [4]func() (*loader.Result, error)
	builtInLoads [4]atomic.Int32
)

func init() {
	for i := range builtInTrees {
		tests, comparisons := i&1 != 0, i&2 != 0
		builtInTrees[i] = sync.OnceValues(func() (*loader.Result, error) {
			return loadBuiltIn(policies.FS, tests, comparisons)
		})
	}
}

// builtInTree is loadBuiltIn(policies.FS, tests, comparisons), parsed
// once per process after the first: modules and data are the caller's own.
func builtInTree(tests, comparisons bool) (*loader.Result, error) {
	i := 0
	if tests {
		i |= 1
	}
	if comparisons {
		i |= 2
	}
	if builtInLoads[i].Add(1) == 1 {
		return loadBuiltIn(policies.FS, tests, comparisons)
	}
	tree, err := builtInTrees[i]()
	if err != nil {
		return nil, err
	}
	out := &loader.Result{Modules: make(map[string]*loader.RegoFile, len(tree.Modules)), Documents: copyData(tree.Documents)}
	for name, f := range tree.Modules {
		cp := *f
		cp.Parsed = f.Parsed.Copy()
		for _, r := range cp.Parsed.Rules {
			for e := r.Else; e != nil; e = e.Else {
				e.Module = cp.Parsed
			}
		}
		out.Modules[name] = &cp
	}
	return out, nil
}

// copyData copies a data document down to its leaves, which are immutable
// (strings, numbers, booleans, null).
func copyData(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = copyValue(v)
	}
	return out
}

func copyValue(v any) any {
	switch v := v.(type) {
	case map[string]any:
		return copyData(v)
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = copyValue(x)
		}
		return out
	}
	return v
}
