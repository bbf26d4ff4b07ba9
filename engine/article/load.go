package article

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/credcheck/credcheck/engine/pathglob"
	"github.com/credcheck/credcheck/engine/safefile"
)

// Stdin is the path that stands for standard input.
const Stdin = "-"

// extensions maps the file name endings found when walking a directory to the
// format of their contents. Files named explicitly are read whatever their
// ending, as plain text unless it says otherwise.
var extensions = map[string]Format{
	".txt":      Text,
	".text":     Text,
	".md":       Markdown,
	".markdown": Markdown,
	".jsonl":    JSONLines,
	".ndjson":   JSONLines,
	".html":     HTML,
	".htm":      HTML,
	".html.gz":  HTML,
	".htm.gz":   HTML,
}

// Extensions lists the file endings read from directories, for messages.
func Extensions() []string {
	out := make([]string, 0, len(extensions))
	for ext := range extensions {
		out = append(out, ext)
	}
	sort.Strings(out)
	return out
}

// LoadOptions controls how inputs are read.
type LoadOptions struct {
	// Stdin supplies the text read for the path "-".
	Stdin io.Reader
	// StdinFormat is the format of standard input; empty means detect it.
	StdinFormat Format
	// StdinName is the path reported for standard input; default "-".
	StdinName string
	// StdinSize is the size of what standard input holds, when the caller
	// knows it (an object read from a store), so that a text over the
	// limit is reported with its size as a file is; 0 means unknown.
	StdinSize int64
	// Skip reports whether a file or directory met while walking a directory
	// should be left out (for example by an ignore list), for SkipReason.
	// Explicit paths are never skipped.
	Skip       func(path string) bool
	SkipReason string
	// Only, when set, keeps just the files it accepts, named or found in a
	// directory (the files a change touched, say), for OnlyReason. A
	// directory whose articles it all leaves out is not an error.
	Only       func(path string) bool
	OnlyReason string
	// Exclude leaves out the files and directories its globs match while
	// walking a directory; a path named explicitly is read all the same.
	Exclude pathglob.Set
	// Skipped, when set, is told of each entry a walk leaves out and why,
	// in walk order: a directory once, with a trailing separator, and
	// nothing below it.
	Skipped func(path, reason string)
	// MaxBytes is the largest article read, a file or one JSON Lines
	// record; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Offline refuses inputs named by URL instead of fetching them.
	Offline bool
	// FetchTimeout bounds the fetch of one page named by URL; 0 means
	// DefaultFetchTimeout.
	FetchTimeout time.Duration
	// FollowSymlinks reads articles that a symbolic link met while walking
	// a directory leads to outside that directory; by default they are
	// refused, since a link committed to a repository of articles could
	// otherwise show any file of the machine running the check.
	FollowSymlinks bool
}

func (o LoadOptions) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// Load reads every article named by paths: files, directories (walked
// recursively for known extensions) and "-" for standard input. Articles come
// back in the order their paths were given, directory entries sorted by name,
// so output is the same on every run. Problems with individual inputs are
// returned beside the articles that could be read.
func Load(paths []string, opts LoadOptions) ([]*Article, []*InputError) {
	var c collector
	Each(paths, opts, c.sink().article, c.sink().problem)
	return c.articles, c.problems
}

// Each reads what Load reads, in the same order, but hands each article to
// yield as soon as it is read, so that a run over a million JSON Lines
// records holds only those not yet checked; it stops when yield returns
// false. problem is told of each input that cannot be read.
func Each(paths []string, opts LoadOptions, yield func(*Article) bool, problem func(*InputError)) {
	s := sink{article: yield, problem: problem}
	seen := map[string]bool{}
	for _, p := range paths {
		if p == Stdin {
			if !readStdin(opts, s) {
				return
			}
			continue
		}
		if IsURL(p) {
			if opts.Only != nil && !opts.Only(p) {
				continue
			}
			if !readURL(p, opts, s) {
				return
			}
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			problem(&InputError{Path: p, Reason: safefile.Reason(err)})
			continue
		}
		if !info.IsDir() {
			if seen[sameFileKey(p)] || opts.Only != nil && !opts.Only(p) {
				continue
			}
			seen[sameFileKey(p)] = true
			if !readFile(p, formatForPath(p, true), opts.MaxBytes, s) {
				return
			}
			continue
		}
		files, walkProblems := walk(p, opts)
		for _, e := range walkProblems {
			problem(e)
		}
		if len(files) == 0 {
			if len(walkProblems) > 0 {
				continue
			}
			problem(&InputError{Path: p, Reason: "no articles in directory (looked for " + strings.Join(Extensions(), ", ") + ")"})
			continue
		}
		for _, f := range files {
			if seen[sameFileKey(f)] {
				continue
			}
			if opts.Only != nil && !opts.Only(f) {
				opts.skipped(f, false, orDefault(opts.OnlyReason, "not selected"))
				continue
			}
			seen[sameFileKey(f)] = true
			if !readFile(f, formatForPath(f, false), opts.MaxBytes, s) {
				return
			}
		}
	}
}

// sameFileKey names a file so that one file named two ways ("a.md",
// "./a.md", "/home/desk/a.md") is read once.
func sameFileKey(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return filepath.Clean(path)
}

// ParseFormat reads a format name given by a user (--stdin-format); ""
// means detect it.
func ParseFormat(name string) (Format, error) {
	switch f := Format(name); f {
	case "", Text, Markdown, JSONLines, HTML:
		return f, nil
	}
	return "", fmt.Errorf("unknown format %q (formats: text, markdown, jsonl, html)", name)
}

// FormatOf is the format a file's name gives it by its ending (".html.gz"
// a compressed page), or "" when the name does not say: for a caller that
// fetches the bytes itself (an object store) and hands them over as
// standard input, where "" means detect the format from the text.
func FormatOf(name string) Format { return formatForPath(name, false) }

func formatForPath(path string, explicit bool) Format {
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".gz" {
		// Only a compressed page is read; the ending before ".gz" says which.
		ext = strings.ToLower(filepath.Ext(strings.TrimSuffix(path, filepath.Ext(path)))) + ext
	}
	if f, ok := extensions[ext]; ok {
		return f
	}
	if explicit {
		return Text
	}
	return ""
}

// walk lists the article files under dir in lexical order, leaving out
// hidden entries, dependency folders that never hold articles, what the
// .gitignore files and opts.Exclude leave out, and files that are not
// articles by name or ending. A subdirectory that cannot be read, and an
// article file that is not a regular file or that a symbolic link leads
// to outside dir, is a problem of its own while the rest of the tree is
// still listed. Nothing is opened here but directories and .gitignore
// files: a FIFO among the articles would block the open.
func walk(dir string, opts LoadOptions) ([]string, []*InputError) {
	var (
		files    []string
		problems []*InputError
		// realDir is where links may lead; "" when it cannot be resolved,
		// and then the links are judged when read.
		realDir, _ = filepath.EvalSymlinks(dir)
		// A walk honours .gitignore files; named paths are read
		// whatever they say.
		ignore, ignoreProblems = newIgnorer(dir)
		exclude                = opts.Exclude
	)
	problems = append(problems, ignoreProblems...)
	if len(exclude.Globs) > 0 && exclude.Match(dir) {
		// The directory was named though excluded: walk it as asked.
		exclude = pathglob.Set{}
	}
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			// A directory that cannot be listed (or the root vanishing)
			// costs its own subtree only.
			problems = append(problems, &InputError{Path: path, Reason: safefile.Reason(err)})
			if d != nil && d.IsDir() && path != dir {
				return filepath.SkipDir
			}
			return nil
		}
		if path != dir {
			if reason := opts.skipReason(path, d, ignore, exclude); reason != "" {
				opts.skipped(path, d.IsDir(), reason)
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
		}
		if d.IsDir() {
			if ignore != nil {
				problems = append(problems, ignore.enter(path)...)
			}
			return nil
		}
		if reason := refuseEntry(path, d, realDir, opts.FollowSymlinks); reason != "" {
			if opts.Only == nil || opts.Only(path) {
				problems = append(problems, &InputError{Path: path, Reason: reason})
			}
			return nil
		}
		files = append(files, path)
		return nil
	})
	return files, problems
}

// skipReason says why an entry below the walked directory is left out, or
// "" when it is kept.
func (o LoadOptions) skipReason(path string, d fs.DirEntry, ignore *ignorer, exclude pathglob.Set) string {
	name := d.Name()
	switch {
	case strings.HasPrefix(name, "."):
		return SkipHidden
	case d.IsDir() && (name == "node_modules" || name == "testdata"):
		return SkipDependency
	case o.Skip != nil && o.Skip(path):
		return orDefault(o.SkipReason, "left out")
	}
	if glob, ok := exclude.Matching(path); ok {
		return "excluded by " + glob
	}
	if reason := ignore.ignored(path, d.IsDir()); reason != "" {
		return reason
	}
	switch {
	case d.IsDir():
		return ""
	case projectFile(name):
		return SkipProjectFile
	case formatForPath(path, false) == "":
		return skipExtension()
	}
	return ""
}

func (o LoadOptions) skipped(path string, dir bool, reason string) {
	if o.Skipped == nil {
		return
	}
	if dir {
		path += string(filepath.Separator)
	}
	o.Skipped(path, reason)
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// refuseEntry says why an article file met while walking realDir is not
// read, or "" when it is. It states the entry (following a link) and never
// opens it.
func refuseEntry(path string, d fs.DirEntry, realDir string, follow bool) string {
	mode := d.Type()
	if mode&fs.ModeSymlink == 0 {
		if !mode.IsRegular() {
			return (&safefile.KindError{Path: path, Mode: mode}).Reason()
		}
		return ""
	}
	info, err := os.Stat(path)
	if err != nil {
		return "symbolic link to nothing readable: " + safefile.Reason(err)
	}
	if !info.Mode().IsRegular() {
		return "symbolic link to " + safefile.Kind(info.Mode()) + ", not a regular file"
	}
	if follow || realDir == "" {
		return ""
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "symbolic link that cannot be resolved: " + safefile.Reason(err)
	}
	if rel, err := filepath.Rel(realDir, target); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "symbolic link to " + target + ", outside " + realDir + " (--follow-symlinks reads it)"
	}
	return ""
}

// projectFile reports whether a file name is one of the documents that sit
// beside articles in a repository (README.md and the like) rather than an
// article. They are skipped when walking a directory, read when named.
func projectFile(name string) bool {
	base := strings.ToUpper(strings.TrimSuffix(name, filepath.Ext(name)))
	switch base {
	case "README", "CHANGELOG", "CONTRIBUTING", "LICENSE", "LICENCE", "CODE_OF_CONDUCT", "SECURITY", "AUTHORS", "NOTICE":
		return true
	}
	return false
}

// recordError explains why a line is not a usable record, in terms of the
// record's fields rather than Go's types.
func recordError(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field == "" {
			return fmt.Sprintf("a record must be a JSON object with \"id\" and \"text\", not a JSON %s", te.Value)
		}
		return fmt.Sprintf("%q must be %s, not a JSON %s", te.Field, jsonKind(te.Type), te.Value)
	}
	return "invalid JSON: " + strings.TrimPrefix(err.Error(), "json: ")
}

// jsonKind names what a record field holds as a writer of JSON knows it.
func jsonKind(t reflect.Type) string {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == nil:
		return "text"
	case t.Kind() == reflect.Bool:
		return "true or false"
	case t.Kind() == reflect.Struct || t.Kind() == reflect.Map:
		return "an object"
	case t.Kind() == reflect.Slice:
		return "a list"
	}
	return "text"
}

func recordID(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	return "", errors.New(`"id" must be a string or a number`)
}
