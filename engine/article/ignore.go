package article

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"

	"github.com/credcheck/credcheck/engine/safefile"
)

// Reasons an entry met while walking a directory is left out, as reported
// to LoadOptions.Skipped.
const (
	SkipHidden      = "hidden"
	SkipDependency  = "a dependency or test-data folder"
	SkipProjectFile = "a project file (README, CHANGELOG, LICENSE and the like), read only when named"
)

// skipExtension is the reason for a file whose ending is not an article's.
func skipExtension() string {
	return "not an article extension (" + strings.Join(Extensions(), ", ") + ")"
}

// ignorePattern is one line of a .gitignore file, kept with where it was
// written so that a verbose run can say which line left a file out.
type ignorePattern struct {
	pattern gitignore.Pattern
	where   string // file:line
	text    string
}

// ignorer applies the .gitignore files of a repository (or, outside one,
// of the directory walked) the way git does: patterns of deeper files win
// over those above them, later lines over earlier ones, and a "!" line
// brings back what an earlier one left out. Files are read as the walk
// enters their directory, so a walk of one folder of a large repository
// reads the .gitignore files on its way and below it, no others.
type ignorer struct {
	// dir is the walked directory as given, and base its components
	// relative to the repository's top (none outside a repository).
	dir      string
	base     []string
	patterns []ignorePattern
}

// newIgnorer prepares the .gitignore rules for walking dir: those of the
// repository holding it, from its top down to dir's parent, and its
// info/exclude. When dir itself is ignored by them it was named on
// purpose, and only the files inside it apply.
func newIgnorer(dir string) (*ignorer, []*InputError) {
	ig := &ignorer{dir: dir}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ig, nil
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	top := repositoryTop(abs)
	if top == "" {
		return ig, nil
	}
	if rel, err := filepath.Rel(top, abs); err == nil && rel != "." {
		ig.base = strings.Split(filepath.ToSlash(rel), "/")
	}
	var problems []*InputError
	if info, err := os.Stat(filepath.Join(top, ".git")); err == nil && info.IsDir() {
		problems = append(problems, ig.read(filepath.Join(top, ".git", "info", "exclude"), nil)...)
	}
	for i := range ig.base {
		problems = append(problems, ig.read(filepath.Join(top, filepath.Join(ig.base[:i]...), ".gitignore"), ig.base[:i])...)
	}
	if _, ignored := ig.match(ig.base, true); ignored {
		ig.patterns = nil
	}
	return ig, problems
}

// repositoryTop is the nearest directory at or above dir holding .git, or
// "" when there is none.
func repositoryTop(dir string) string {
	for {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// components is the path of an entry of the walk, relative to the
// repository's top, split at slashes.
func (ig *ignorer) components(path string) []string {
	rel, err := filepath.Rel(ig.dir, path)
	if err != nil || rel == "." {
		return ig.base
	}
	return append(append([]string(nil), ig.base...), strings.Split(filepath.ToSlash(rel), "/")...)
}

// enter reads the .gitignore file of a directory the walk goes into.
func (ig *ignorer) enter(dir string) []*InputError {
	return ig.read(filepath.Join(dir, ".gitignore"), ig.components(dir))
}

// read adds the patterns of one ignore file, whose directory is domain
// (relative to the root). A file that is not there, or cannot be seen as
// its directory cannot be read (the walk reports that directory), is no
// problem; one that is there but cannot be read is, by its own path, and
// the walk goes on without it.
func (ig *ignorer) read(path string, domain []string) []*InputError {
	if _, err := os.Lstat(path); err != nil {
		return nil
	}
	data, err := safefile.ReadFile(path, safefile.MaxSideBytes)
	if err != nil {
		return []*InputError{{Path: path, Reason: safefile.Reason(err)}}
	}
	shown := ShortPath(path)
	scanner := bufio.NewScanner(bytes.NewReader(data))
	scanner.Buffer(nil, len(data)+1)
	for line := 1; scanner.Scan(); line++ {
		text := strings.TrimSuffix(scanner.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if strings.HasPrefix(text, "#") || strings.TrimSpace(text) == "" {
			continue
		}
		ig.patterns = append(ig.patterns, ignorePattern{
			pattern: gitignore.ParsePattern(text, domain),
			where:   fmt.Sprintf("%s:%d", shown, line),
			text:    strings.TrimSpace(text),
		})
	}
	return nil
}

// match reports whether the entry at parts (relative to the root) is
// ignored, and the reason: the last pattern that matches decides, as in
// gitignore.Matcher, which does not say which one it was.
func (ig *ignorer) match(parts []string, isDir bool) (string, bool) {
	if len(parts) == 0 {
		return "", false
	}
	for i := len(ig.patterns) - 1; i >= 0; i-- {
		switch ig.patterns[i].pattern.Match(parts, isDir) {
		case gitignore.Exclude:
			p := ig.patterns[i]
			return "ignored by " + p.where + " (" + p.text + ")", true
		case gitignore.Include:
			return "", false
		}
	}
	return "", false
}

// ignored reports why the entry at path is ignored, or "" when it is not.
func (ig *ignorer) ignored(path string, isDir bool) string {
	if ig == nil {
		return ""
	}
	reason, _ := ig.match(ig.components(path), isDir)
	return reason
}

// ShortPath is path relative to the working directory when it is absolute
// and lies below it, as a user would type it; otherwise path itself.
func ShortPath(path string) string {
	if !filepath.IsAbs(path) {
		return path
	}
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	rel, err := filepath.Rel(wd, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return path
	}
	return rel
}
