package policy

import (
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/loader"
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
