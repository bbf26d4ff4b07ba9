package suppress

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/safefile"
)

// BaselineVersion versions the baseline file.
const BaselineVersion = 1

// Baseline is a set of known findings: a run with it fails only on findings
// it does not hold. Findings are known by article, rule and fingerprint, so
// inserting, moving or editing other paragraphs keeps them known.
type Baseline struct {
	path string
	dir  string
	mu   sync.Mutex
	// left counts the known findings not yet matched, by key.
	left map[baselineKey]int
}

type baselineKey struct{ article, rule, fingerprint string }

// baselineFile is the file format (docs/ci.md).
type baselineFile struct {
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	// Article is the article's path relative to the baseline file's
	// directory, with "#id" for a JSON Lines record.
	Article     string `json:"article"`
	Rule        string `json:"rule"`
	Fingerprint string `json:"fingerprint"`
	// Line and Excerpt are for people reading the file; matching ignores
	// them.
	Line    int    `json:"line"`
	Excerpt string `json:"excerpt"`
}

// LoadBaseline reads a baseline file.
func LoadBaseline(path string) (*Baseline, error) {
	file, err := readBaselineFile(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, fmt.Errorf("baseline %s: no such file (write one with --write-baseline)", path)
		}
		return nil, fmt.Errorf("baseline %s: %v", path, err)
	}
	b := &Baseline{path: path, dir: filepath.Dir(path), left: map[baselineKey]int{}}
	for _, e := range file.Findings {
		b.left[baselineKey{e.Article, e.Rule, e.Fingerprint}]++
	}
	return b, nil
}

// readBaselineFile reads and checks a baseline file; a missing file gives
// an error for which os.IsNotExist holds.
func readBaselineFile(path string) (*baselineFile, error) {
	data, err := safefile.ReadFile(path, safefile.MaxSideBytes)
	if err != nil {
		return nil, err
	}
	var file baselineFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&file); err != nil {
		return nil, fmt.Errorf("not a credcheck baseline: %v", err)
	}
	if file.Version != BaselineVersion {
		return nil, fmt.Errorf("version %d, want %d", file.Version, BaselineVersion)
	}
	for i, e := range file.Findings {
		if e.Article == "" || e.Rule == "" || e.Fingerprint == "" {
			return nil, fmt.Errorf("finding %d needs article, rule and fingerprint", i)
		}
	}
	return &file, nil
}

// articleExists tells whether the article an entry names is still there.
func articleExists(dir, key string) bool {
	path := key
	if i := strings.LastIndex(key, "#"); i >= 0 {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(key))); err != nil {
			path = key[:i] // a JSON Lines record: its file
		}
	}
	if path == "-" {
		return false
	}
	_, err := os.Stat(filepath.Join(dir, filepath.FromSlash(path)))
	return err == nil
}

// Apply marks the findings of an article that the baseline knows, each
// known finding matching at most one. record is the id of a JSON Lines
// record, "" for other articles.
func (b *Baseline) Apply(path, record string, findings []*finding.Finding) {
	article := articleKey(b.dir, path, record)
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, f := range findings {
		if f.Suppressed != nil || f.Credit() {
			continue
		}
		k := baselineKey{article, f.Rule, f.Fingerprint}
		if b.left[k] > 0 {
			b.left[k]--
			f.Suppressed = &finding.Suppression{Kind: finding.SuppressedBaseline, Reason: b.path}
		}
	}
}

// Article is what a baseline records about one checked article.
type Article struct {
	Path string
	// Record is the id of a JSON Lines record, "" for other articles.
	Record   string
	Findings []*finding.Finding
}

// WriteBaseline writes the counting findings of the articles to path, in a
// stable order, so that the file changes only when findings do. Entries of
// an existing file for articles not given (a run over the changed articles
// only) are kept, unless their file is gone.
func WriteBaseline(path string, articles []Article) error {
	dir := filepath.Dir(path)
	file := baselineFile{Version: BaselineVersion, Findings: []baselineEntry{}}
	written := map[string]bool{}
	for _, a := range articles {
		written[articleKey(dir, a.Path, a.Record)] = true
	}
	if old, err := readBaselineFile(path); err == nil {
		for _, e := range old.Findings {
			if !written[e.Article] && articleExists(dir, e.Article) {
				file.Findings = append(file.Findings, e)
			}
		}
	} else if !os.IsNotExist(err) {
		return fmt.Errorf("baseline %s: %v; not overwriting it", path, err)
	}
	for _, a := range articles {
		key := articleKey(dir, a.Path, a.Record)
		for _, f := range a.Findings {
			// Credits are not problems to accept: a baseline keeps them
			// earning.
			if f.Credit() || (f.Suppressed != nil && f.Suppressed.Kind != finding.SuppressedBaseline) {
				continue
			}
			file.Findings = append(file.Findings, baselineEntry{Article: key, Rule: f.Rule, Fingerprint: f.Fingerprint, Line: f.Line, Excerpt: f.Excerpt})
		}
	}
	sort.SliceStable(file.Findings, func(i, j int) bool {
		a, b := file.Findings[i], file.Findings[j]
		if a.Article != b.Article {
			return a.Article < b.Article
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Fingerprint < b.Fingerprint
	})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(file); err != nil {
		return err
	}
	// Written beside the old baseline and renamed over it, so that a run
	// cut short leaves the old one whole rather than a prefix that the
	// next run rejects.
	if err := safefile.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing baseline: %v", err)
	}
	return nil
}

// articleKey names an article relative to the baseline's directory, so the
// same baseline serves runs started from any directory.
func articleKey(dir, path, record string) string {
	if path != "-" {
		absDir, err1 := filepath.Abs(dir)
		absPath, err2 := filepath.Abs(path)
		if err1 == nil && err2 == nil {
			if rel, err := filepath.Rel(absDir, absPath); err == nil {
				path = rel
			}
		}
		path = filepath.ToSlash(path)
	}
	if record != "" {
		return path + "#" + record
	}
	return path
}

// Clone is a copy of b with all its known findings still to match, for a
// run of its own (a server's request) while b stays as loaded.
func (b *Baseline) Clone() *Baseline {
	if b == nil {
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return &Baseline{path: b.path, dir: b.dir, left: maps.Clone(b.left)}
}
