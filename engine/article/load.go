package article

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
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
	// Skip reports whether a file or directory met while walking a directory
	// should be left out (for example by an ignore list). Explicit paths are
	// never skipped.
	Skip func(path string) bool
	// Only, when set, keeps just the files it accepts, named or found in a
	// directory (the files a change touched, say). A directory whose
	// articles it all leaves out is not an error.
	Only func(path string) bool
}

// Load reads every article named by paths: files, directories (walked
// recursively for known extensions) and "-" for standard input. Articles come
// back in the order their paths were given, directory entries sorted by name,
// so output is the same on every run. Problems with individual inputs are
// returned beside the articles that could be read.
func Load(paths []string, opts LoadOptions) ([]*Article, []*InputError) {
	var (
		articles []*Article
		problems []*InputError
		seen     = map[string]bool{}
	)
	add := func(as []*Article, errs []*InputError) {
		articles = append(articles, as...)
		problems = append(problems, errs...)
	}
	for _, p := range paths {
		if p == Stdin {
			add(readStdin(opts))
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			problems = append(problems, &InputError{Path: p, Reason: describeOSError(err)})
			continue
		}
		if !info.IsDir() {
			if seen[sameFileKey(p)] || opts.Only != nil && !opts.Only(p) {
				continue
			}
			seen[sameFileKey(p)] = true
			add(ReadFile(p, formatForPath(p, true)))
			continue
		}
		files, err := walk(p, opts.Skip)
		if err != nil {
			problems = append(problems, &InputError{Path: p, Reason: describeOSError(err)})
			continue
		}
		if len(files) == 0 {
			problems = append(problems, &InputError{Path: p, Reason: "no articles in directory (looked for " + strings.Join(Extensions(), ", ") + ")"})
			continue
		}
		for _, f := range files {
			if seen[sameFileKey(f)] || opts.Only != nil && !opts.Only(f) {
				continue
			}
			seen[sameFileKey(f)] = true
			add(ReadFile(f, formatForPath(f, false)))
		}
	}
	return articles, problems
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
	case "", Text, Markdown, JSONLines:
		return f, nil
	}
	return "", fmt.Errorf("unknown format %q (formats: text, markdown, jsonl)", name)
}

func formatForPath(path string, explicit bool) Format {
	if f, ok := extensions[strings.ToLower(filepath.Ext(path))]; ok {
		return f
	}
	if explicit {
		return Text
	}
	return ""
}

// walk lists the article files under dir in lexical order, leaving out hidden
// entries and dependency folders that never hold articles.
func walk(dir string, skip func(string) bool) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if path != dir && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "testdata" || !d.IsDir() && projectFile(name)) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if path != dir && skip != nil && skip(path) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && formatForPath(path, false) != "" {
			files = append(files, path)
		}
		return nil
	})
	return files, err
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

// ReadFile reads the articles in one file of the given format.
func ReadFile(path string, format Format) ([]*Article, []*InputError) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, []*InputError{{Path: path, Reason: describeOSError(err)}}
	}
	return Parse(path, format, data)
}

func readStdin(opts LoadOptions) ([]*Article, []*InputError) {
	name := opts.StdinName
	if name == "" {
		name = Stdin
	}
	if opts.Stdin == nil {
		return nil, []*InputError{{Path: name, Reason: "standard input is not available"}}
	}
	data, err := io.ReadAll(opts.Stdin)
	if err != nil {
		return nil, []*InputError{{Path: name, Reason: "reading standard input: " + err.Error()}}
	}
	format := opts.StdinFormat
	if format == "" {
		format = Detect(data)
	}
	return Parse(name, format, data)
}

// Detect guesses the format of text that came without a file name: JSON Lines
// when the first line is a JSON object, Markdown when it opens with front
// matter or a heading, plain text otherwise.
func Detect(data []byte) Format {
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	first, _, _ := bytes.Cut(trimmed, []byte("\n"))
	if len(first) > 0 && first[0] == '{' && json.Valid(bytes.TrimSpace(first)) {
		return JSONLines
	}
	if bytes.HasPrefix(trimmed, []byte("---")) || bytes.HasPrefix(trimmed, []byte("# ")) {
		return Markdown
	}
	return Text
}

// Parse turns the bytes of one input into articles.
func Parse(path string, format Format, data []byte) ([]*Article, []*InputError) {
	if format == JSONLines {
		return parseJSONLines(path, data)
	}
	if reason := checkText(data); reason != "" {
		return nil, []*InputError{{Path: path, Reason: reason}}
	}
	a := &Article{ID: path, Path: path, Format: format, Source: string(data)}
	if format == Markdown {
		fm, err := ParseFrontMatter(a.Source)
		if err != nil {
			return nil, []*InputError{{Path: path, Line: err.Line, Reason: err.Reason}}
		}
		fm.apply(a)
		if strings.TrimSpace(strings.TrimPrefix(a.Source[fm.End:], "\ufeff")) == "" {
			reason := "empty article"
			if fm.End > 0 {
				reason = "empty article: no text after the front matter"
			}
			return nil, []*InputError{{Path: path, Reason: reason}}
		}
		return []*Article{a}, nil
	}
	if strings.TrimSpace(strings.TrimPrefix(a.Source, "\ufeff")) == "" {
		return nil, []*InputError{{Path: path, Reason: "empty article"}}
	}
	return []*Article{a}, nil
}

// record is one line of a JSON Lines file.
type record struct {
	ID     json.RawMessage `json:"id"`
	Text   *string         `json:"text"`
	Title  string          `json:"title"`
	Author string          `json:"author"`
	Date   string          `json:"date"`
	Outlet string          `json:"outlet"`
	URL    string          `json:"url"`
}

func parseJSONLines(path string, data []byte) ([]*Article, []*InputError) {
	if looksBinary(data) {
		return nil, []*InputError{{Path: path, Reason: "binary data, not text"}}
	}
	// A byte-order mark, as some editors write, is not part of the first record.
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var (
		articles []*Article
		problems []*InputError
		ids      = map[string]int{}
	)
	lineNo := 0
	for rest := data; len(rest) > 0; {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		lineNo++
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		fail := func(reason string) {
			problems = append(problems, &InputError{Path: path, Line: lineNo, Reason: reason})
		}
		if reason := checkText(line); reason != "" {
			fail(reason)
			continue
		}
		var r record
		if err := json.Unmarshal(line, &r); err != nil {
			fail(recordError(err))
			continue
		}
		id, err := recordID(r.ID)
		if err != nil {
			fail(err.Error())
			continue
		}
		if id == "" {
			id = fmt.Sprintf("%s:%d", path, lineNo)
		}
		if prev, dup := ids[id]; dup {
			fail(fmt.Sprintf("duplicate id %q (first on line %d)", id, prev))
			continue
		}
		if r.Text == nil {
			fail(`record has no "text" field`)
			continue
		}
		if strings.TrimSpace(*r.Text) == "" {
			fail(fmt.Sprintf("empty article %q", id))
			continue
		}
		ids[id] = lineNo
		articles = append(articles, &Article{
			ID: id, Path: path, Line: lineNo, Format: JSONLines, Source: *r.Text,
			Title: r.Title, Author: r.Author, Date: r.Date, Outlet: r.Outlet, URL: r.URL,
		})
	}
	if len(articles) == 0 && len(problems) == 0 {
		problems = append(problems, &InputError{Path: path, Reason: "empty file: no JSON Lines records"})
	}
	return articles, problems
}

// recordError explains why a line is not a usable record, in terms of the
// record's fields rather than Go's types.
func recordError(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field == "" {
			return fmt.Sprintf("a record must be a JSON object with \"id\" and \"text\", not a JSON %s", te.Value)
		}
		return fmt.Sprintf("%q must be text, not a JSON %s", te.Field, te.Value)
	}
	return "invalid JSON: " + strings.TrimPrefix(err.Error(), "json: ")
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

// describeOSError gives the reason part of a file-system error without
// repeating the path, which the caller prints already.
func describeOSError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
