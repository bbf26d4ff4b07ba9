package document

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/lexicon"
	"go.yaml.in/yaml/v3"
)

var (
	realOnce sync.Once
	realSet  *lexicon.Set
	realErr  error
)

// realLexicons is the set built from the policy tree's lexicons, loaded once.
func realLexicons(t testing.TB) *lexicon.Set {
	t.Helper()
	realOnce.Do(func() { realSet, realErr = loadRealLexicons() })
	if realErr != nil {
		t.Fatalf("loading the policy lexicons: %v", realErr)
	}
	return realSet
}

// loadRealLexicons reads the policy tree's lexicons the way the policy data
// reaches the engine: each data.yaml decoded into a map and filed under its
// directory name.
func loadRealLexicons() (*lexicon.Set, error) {
	files, err := filepath.Glob("../../policies/credcheck/lexicons/*/data.yaml")
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, os.ErrNotExist
	}
	data := map[string]any{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var v map[string]any
		if err := yaml.Unmarshal(raw, &v); err != nil {
			return nil, err
		}
		data[filepath.Base(filepath.Dir(f))] = v
	}
	return lexicon.FromData(data)
}

// smallSet builds a set from lexicons written inline in YAML.
func smallSet(t testing.TB, src string) *lexicon.Set {
	t.Helper()
	var v map[string]any
	if err := yaml.Unmarshal([]byte(src), &v); err != nil {
		t.Fatal(err)
	}
	set, err := lexicon.FromData(v)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func newArticle(format article.Format, src string) *article.Article {
	return &article.Article{ID: "story", Path: "story", Format: format, Source: src}
}

// build analyses src with the real lexicons and checks the invariants every
// document must hold.
func build(t testing.TB, format article.Format, src string) *Document {
	t.Helper()
	return buildArticle(t, newArticle(format, src), realLexicons(t))
}

func buildArticle(t testing.TB, a *article.Article, set *lexicon.Set) *Document {
	t.Helper()
	d, err := Build(a, set)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	checkInvariants(t, d)
	return d
}

// sentenceTexts lists the Text of every sentence.
func sentenceTexts(d *Document) []string {
	out := make([]string, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = s.Text
	}
	return out
}

// checkInvariants asserts what holds of any document, whatever the text.
func checkInvariants(t testing.TB, d *Document) {
	t.Helper()
	if len(d.Clean) != len(d.Text) {
		t.Fatalf("Clean has %d bytes, Text %d", len(d.Clean), len(d.Text))
	}
	for i := range d.Text {
		if (d.Text[i] == '\n') != (d.Clean[i] == '\n') {
			t.Fatalf("line break at byte %d not kept in Clean", i)
		}
	}
	prevEnd := 0
	for i, p := range d.Paragraphs {
		if p.Index != i || p.Start < prevEnd || p.End <= p.Start || p.End > len(d.Text) {
			t.Fatalf("paragraph %d %+v out of order or range", i, p)
		}
		if p.FirstSentence > p.LastSentence || p.LastSentence >= len(d.Sentences) {
			t.Fatalf("paragraph %d holds sentences %d..%d of %d", i, p.FirstSentence, p.LastSentence, len(d.Sentences))
		}
		if line, _ := d.Position(p.Start); line != p.Line {
			t.Fatalf("paragraph %d line %d, position says %d", i, p.Line, line)
		}
		prevEnd = p.End
	}
	prevEnd = 0
	for i, s := range d.Sentences {
		if s.Index != i || s.Start < prevEnd || s.End <= s.Start || s.End > len(d.Text) {
			t.Fatalf("sentence %d [%d,%d) out of order or range", i, s.Start, s.End)
		}
		p := d.Paragraphs[s.Paragraph]
		if i < p.FirstSentence || i > p.LastSentence || s.Start < p.Start || s.End > p.End || s.Zone != p.Zone {
			t.Fatalf("sentence %d is not inside its paragraph %d", i, s.Paragraph)
		}
		if line, col := d.Position(s.Start); line != s.Line || col != s.Column {
			t.Fatalf("sentence %d at %d:%d, position says %d:%d", i, s.Line, s.Column, line, col)
		}
		if len(s.Tokens) == 0 {
			t.Fatalf("sentence %d has no tokens", i)
		}
		for _, tk := range s.Tokens {
			if tk.Start < s.Start || tk.End > s.End || d.Clean[tk.Start:tk.End] != tk.Text {
				t.Fatalf("sentence %d token %q at [%d,%d) outside it or not in Clean", i, tk.Text, tk.Start, tk.End)
			}
		}
		for _, e := range s.Entities {
			if d.Entities[e].Sentence != i {
				t.Fatalf("sentence %d lists entity %d of sentence %d", i, e, d.Entities[e].Sentence)
			}
		}
		for _, n := range s.Numbers {
			if d.Numbers[n].Sentence != i {
				t.Fatalf("sentence %d lists number %d of sentence %d", i, n, d.Numbers[n].Sentence)
			}
		}
		for _, m := range s.Matches {
			if d.Matches[m].Sentence != i {
				t.Fatalf("sentence %d lists match %d of sentence %d", i, m, d.Matches[m].Sentence)
			}
		}
		prevEnd = s.End
	}
	if d.Headline >= len(d.Sentences) || d.Headline < -1 || d.Headline >= 0 && d.Sentences[d.Headline].Zone != Headline {
		t.Fatalf("headline %d is not a headline sentence", d.Headline)
	}
	for i, m := range d.Matches {
		if m.Start < 0 || m.End <= m.Start || m.End > len(d.Text) {
			t.Fatalf("match %d [%d,%d) out of range", i, m.Start, m.End)
		}
		if i > 0 && d.Matches[i-1].Start > m.Start {
			t.Fatalf("matches %d and %d out of order", i-1, i)
		}
		if m.FirstToken >= 0 {
			toks := d.Sentences[m.Sentence].Tokens
			if m.LastToken >= len(toks) || toks[m.FirstToken].Start != m.Start || toks[m.LastToken].End != m.End {
				t.Fatalf("match %d tokens [%d,%d] do not cover [%d,%d)", i, m.FirstToken, m.LastToken, m.Start, m.End)
			}
		}
	}
	for i, e := range d.Entities {
		toks := d.Sentences[e.Sentence].Tokens
		if e.FirstToken > e.LastToken || e.LastToken >= len(toks) || toks[e.FirstToken].Start != e.Start || toks[e.LastToken].End != e.End || d.Clean[e.Start:e.End] != e.Text {
			t.Fatalf("entity %d %+v does not match its tokens", i, e)
		}
	}
	for i, n := range d.Numbers {
		s := d.Sentences[n.Sentence]
		if n.Start < s.Start || n.End > s.End || d.Clean[n.Start:n.End] != n.Text {
			t.Fatalf("number %d %+v outside its sentence or not its text", i, n)
		}
	}
	for i, q := range d.Quotes {
		if q.Start < 0 || q.End <= q.Start || q.End > len(d.Text) {
			t.Fatalf("quote %d %+v out of range", i, q)
		}
	}
}
