package suppress_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/document"
	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/internal/fuzzseed"
	"github.com/credcheck/credcheck/engine/lexicon"
	"github.com/credcheck/credcheck/engine/suppress"
)

var directiveSeeds = []string{
	"<!-- credcheck-disable hearsay-hedge, vague-source -- quoted on purpose -->\nIt was reportedly sold.\n<!-- credcheck-enable hearsay-hedge -->\nSources say so.\n",
	"<!-- credcheck-disable-next-line -->\n\n<!-- other -->\n\nExperts say it works.\n",
	"<!-- credcheck-disable-next-line -->",
	"Text first.\n<!-- credcheck-disable-next-line hedge -->",
	"<!--credcheck-disable-->x<!--credcheck-enable-->\n<!-- credcheck-disable no-such-rule --> y\n",
	"<!-- credcheck-disable --\n -- -- reason -- -->\nLine.\n<!-- credcheck-enable , ,\t, -->\n",
	"<!-- credcheck-disable \x1b[31m -->\nRed.\n<!-- credcheck-disable\n",
	"```\n<!-- credcheck-disable -->\n```\nCode above.\n",
	"---\ntitle: T\n---\n<!-- credcheck-disable-next-line -->\r\nWindows line.\r\n",
}

// FuzzDirectives reads a Markdown article's suppression comments and
// applies them to a finding on every sentence: directives lie inside the
// text on a real line, and the same article marks the same findings twice.
func FuzzDirectives(f *testing.F) {
	for _, s := range directiveSeeds {
		f.Add(s)
	}
	for _, s := range fuzzseed.Articles() {
		f.Add(string(s))
	}
	set, err := lexicon.FromData(map[string]any{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > fuzzseed.MaxInput {
			t.Skip("larger than the fuzzed size")
		}
		if !utf8.ValidString(src) {
			return // article.Load rejects invalid UTF-8
		}
		doc, err := document.Build(&article.Article{ID: "a.md", Path: "a.md", Format: article.Markdown, Source: src}, set)
		if err != nil {
			return
		}
		lines := strings.Count(doc.Text, "\n") + 1
		for _, d := range suppress.Directives(doc) {
			if d.Start < 0 || d.Start >= d.End || d.End > len(doc.Text) || d.Line < 1 || d.Line > lines {
				t.Fatalf("directive %q at [%d,%d) line %d, text of %d bytes and %d lines", d.Text, d.Start, d.End, d.Line, len(doc.Text), lines)
			}
		}
		first, stale := inline(doc)
		for _, s := range stale {
			if s.Line < 1 || s.Line > lines || s.Reason == "" {
				t.Fatalf("stale directive %+v", s)
			}
		}
		second, stale2 := inline(doc)
		if !reflect.DeepEqual(first, second) || !reflect.DeepEqual(stale, stale2) {
			t.Fatalf("the same directives suppress differently twice")
		}
	})
}

// inline puts a finding of a known rule on every sentence and returns the
// suppression reasons Inline gives them.
func inline(doc *document.Document) ([]string, []suppress.Stale) {
	var fs []*finding.Finding
	for i, s := range doc.Sentences {
		rule, category := "hearsay-hedge", "hedge"
		if i%2 == 1 {
			rule, category = "vague-source", "attribution"
		}
		line, col := doc.Position(s.Start)
		fs = append(fs, &finding.Finding{Rule: rule, Category: category, Severity: finding.Warning, Start: s.Start, End: s.End, Line: line, Column: col, Sentence: i})
	}
	stale := suppress.Inline(doc, fs, knownNames)
	reasons := make([]string, len(fs))
	for i, f := range fs {
		if f.Suppressed != nil {
			reasons[i] = f.Suppressed.Reason
		}
	}
	return reasons, stale
}

// FuzzBaseline loads bytes as a baseline file, applies it, and writes a
// baseline over it. A broken file is one error naming it, and is never
// overwritten; a good one is rewritten into a file that loads again, the
// same bytes for the same findings.
func FuzzBaseline(f *testing.F) {
	for _, s := range fuzzseed.Baselines() {
		f.Add(s, "It is allegedly large.")
	}
	f.Add([]byte(`{"version": 1, "findings": []}`), "\x1b[2J\u0000\xff")
	f.Fuzz(func(t *testing.T, data []byte, excerpt string) {
		if len(data)+len(excerpt) > fuzzseed.MaxInput {
			t.Skip("larger than the fuzzed size")
		}
		dir := t.TempDir()
		path := filepath.Join(dir, "baseline.json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		articles := []suppress.Article{
			{Path: filepath.Join(dir, "news", "a.md"), Findings: []*finding.Finding{
				{Rule: "hearsay-hedge", Category: "hedge", Fingerprint: "0123abcd", Line: 3, Excerpt: excerpt},
				{Rule: "hearsay-hedge", Category: "hedge", Fingerprint: "0123abcd", Line: 9, Excerpt: excerpt},
			}},
			{Path: filepath.Join(dir, "feed.jsonl"), Record: excerpt, Findings: []*finding.Finding{
				// Fingerprints come from finding.Fingerprint, never empty.
				{Rule: "vague-source", Category: "attribution", Fingerprint: finding.Fingerprint("vague-source", excerpt, excerpt), Line: 1, Excerpt: excerpt},
			}},
		}
		b, loadErr := suppress.LoadBaseline(path)
		if loadErr != nil {
			msg := loadErr.Error()
			if !strings.HasPrefix(msg, "baseline "+path+": ") || strings.ContainsAny(msg, "\n\r") {
				t.Fatalf("baseline error is not one line naming the file: %q", msg)
			}
			if err := suppress.WriteBaseline(path, articles); err == nil {
				t.Fatalf("a baseline that does not load was overwritten")
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
				t.Fatalf("a refused write changed the baseline")
			}
			return
		}
		for _, a := range articles {
			b.Apply(a.Path, a.Record, a.Findings)
		}
		if err := suppress.WriteBaseline(path, articles); err != nil {
			t.Fatalf("writing over a good baseline: %v", err)
		}
		written, _ := os.ReadFile(path)
		if _, err := suppress.LoadBaseline(path); err != nil {
			t.Fatalf("the written baseline does not load: %v\n%s", err, written)
		}
		if err := suppress.WriteBaseline(path, articles); err != nil {
			t.Fatalf("writing the baseline again: %v", err)
		}
		if again, _ := os.ReadFile(path); !bytes.Equal(again, written) {
			t.Fatalf("the same findings wrote a different baseline:\n%s\n---\n%s", written, again)
		}
	})
}
