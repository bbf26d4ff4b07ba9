package policy

import (
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/loader"

	"github.com/credcheck/credcheck/policies"
)

// Start-up is most of the time a one-article run takes (a pre-commit hook,
// an editor, a CMS call), and reading the built-in policies is a third of
// it: parsing some forty Rego files and the data files beside them. OPA's
// loader reads files one after another, so the built-in tree is read by
// several loaders at once, each given its share of the files by the
// filter, and their results are joined. Every file still goes through the
// loader, with the same options and names as when read in one pass.

// regoParts is how many loaders share the Rego files, whose parsing costs
// twice what reading the data files does; one more loader reads the data.
const regoParts = 2

// The built-in tree never changes within a process, so it is parsed once
// per kind of load (with or without tests, with or without comparisons)
// and each load gets a copy: a set with user policies or data files is
// compiled afresh every time (the user's files may have changed, as under
// watch and serve's reload), but parsing the embedded files again would
// only produce the same modules. Copies, because loading edits the data
// (user lexicons, parameters) and hands the modules out in the Set;
// copying costs a tenth of parsing. Most processes load once (a check, a
// hook, an editor's call), so the first load of each kind keeps nothing
// and copies nothing; sharing starts with the second.
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
// once per process: modules and data are the caller's own.
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

// loadBuiltIn reads the built-in policies and data, as loadFS(fsys, tests)
// does, with the files spread over several loaders. Without comparisons
// (or tests), the consistency rules and their data are left out: only a
// comparison of two texts reads them, and every other command would parse
// and compile them for nothing.
func loadBuiltIn(fsys fs.FS, tests, comparisons bool) (*loader.Result, error) {
	if tests || comparisons {
		return loadParts(fsys, tests, filter(tests))
	}
	skip := filter(tests)
	return loadParts(fsys, tests, func(path string, info fs.FileInfo, depth int) bool {
		return skip(path, info, depth) || comparisonOnly(path)
	})
}

// comparisonOnly says a built-in file is read by comparisons alone: the
// consistency rules and the consistency data.
func comparisonOnly(path string) bool {
	parts := strings.Split(strings.TrimPrefix(filepath.ToSlash(path), "/"), "/")
	return len(parts) > 1 && parts[0] == "credcheck" && (parts[1] == "consistency_rules" || parts[1] == "consistency")
}

// loadParts is loadBuiltIn with the filter skip.
func loadParts(fsys fs.FS, tests bool, skip loader.Filter) (*loader.Result, error) {
	part, err := partition(fsys, skip)
	if err != nil {
		return loadFiltered(fsys, skip)
	}
	type outcome struct {
		res *loader.Result
		err error
	}
	outs := make([]outcome, regoParts+1)
	var wg sync.WaitGroup
	for i := range outs {
		wg.Go(func() {
			res, err := loadFiltered(fsys, func(path string, info fs.FileInfo, depth int) bool {
				if skip(path, info, depth) || info.IsDir() {
					return skip(path, info, depth)
				}
				// Part 0 reads the data files; part i>0 the Rego files
				// partition gave it.
				p, rego := part[path]
				if !rego {
					return i != 0
				}
				return p != i
			})
			outs[i] = outcome{res, err}
		})
	}
	wg.Wait()
	for _, o := range outs {
		if o.err != nil {
			return nil, o.err
		}
	}
	out := outs[0].res
	for _, o := range outs[1:] {
		for name, m := range o.res.Modules {
			out.Modules[name] = m
		}
	}
	return out, nil
}

// partition gives each Rego file the tree holds the loader (1…regoParts)
// that reads it, balancing their bytes, largest files first.
func partition(fsys fs.FS, skip loader.Filter) (map[string]int, error) {
	type file struct {
		path string
		size int64
	}
	var files []file
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		depth := 0
		if path != "." {
			depth = 1
		}
		if d.IsDir() && hidden(path, info, depth) {
			return fs.SkipDir
		}
		if !d.IsDir() && !skip(path, info, depth) && filepath.Ext(path) == ".rego" {
			files = append(files, file{path, info.Size()})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(files, func(i, j int) bool {
		if files[i].size != files[j].size {
			return files[i].size > files[j].size
		}
		return files[i].path < files[j].path
	})
	load := make([]int64, regoParts+1)
	part := make(map[string]int, len(files))
	for _, f := range files {
		best := 1
		for p := 2; p <= regoParts; p++ {
			if load[p] < load[best] {
				best = p
			}
		}
		load[best] += f.size
		part[f.path] = best
	}
	return part, nil
}
