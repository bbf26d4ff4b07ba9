// Package pathglob matches article paths against the globs of a
// configuration file ("opinion/**", "**/drafts/*.md"), which are written
// relative to the file's directory, whatever directory credcheck runs in.
package pathglob

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// Set is a list of globs relative to a base directory.
type Set struct {
	// Base is the directory the globs are relative to; "" means the
	// working directory.
	Base  string
	Globs []string
}

// New checks the globs' syntax.
func New(base string, globs []string) (Set, error) {
	for _, g := range globs {
		if !doublestar.ValidatePattern(filepath.ToSlash(g)) {
			return Set{}, fmt.Errorf("bad path pattern %q", g)
		}
	}
	return Set{Base: base, Globs: globs}, nil
}

// Match reports whether path (as given on the command line, relative to the
// working directory or absolute) matches one of the globs. An empty set
// matches every path. Standard input ("-") matches only an empty set.
func (s Set) Match(path string) bool {
	if len(s.Globs) == 0 {
		return true
	}
	_, ok := s.Matching(path)
	return ok
}

// Matching is the first glob that path matches, for messages that say
// why; an empty set matches nothing here.
func (s Set) Matching(path string) (string, bool) {
	if len(s.Globs) == 0 {
		return "", false
	}
	rel, ok := s.relative(path)
	if !ok {
		return "", false
	}
	for _, glob := range s.Globs {
		g := strings.TrimPrefix(filepath.ToSlash(glob), "./")
		if ok, _ := doublestar.Match(g, rel); ok {
			return glob, true
		}
		// "opinion/" and "opinion" name a directory: everything below it.
		if ok, _ := doublestar.Match(strings.TrimSuffix(g, "/")+"/**", rel); ok {
			return glob, true
		}
	}
	return "", false
}

// relative is path relative to the base, with forward slashes; false when
// it lies outside the base or is standard input.
func (s Set) relative(path string) (string, bool) {
	if path == "-" || path == "" {
		return "", false
	}
	base := s.Base
	if base == "" {
		base = "."
	}
	absBase, err1 := filepath.Abs(base)
	absPath, err2 := filepath.Abs(path)
	if err1 != nil || err2 != nil {
		return "", false
	}
	rel, err := filepath.Rel(absBase, absPath)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}
