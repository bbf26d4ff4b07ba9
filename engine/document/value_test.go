package document

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/lexicon"
	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"
)

// documentedFields reads docs/input.md and returns, per section, the field
// names it documents: "" for the top level, then "article", "paragraphs",
// "sentences", "matches", "numbers", "entities" and "stats".
func documentedFields(t *testing.T) map[string][]string {
	t.Helper()
	raw, err := os.ReadFile("../../docs/input.md")
	if err != nil {
		t.Fatal(err)
	}
	backticked := regexp.MustCompile("`([a-z][a-z_0-9]*)`")
	heading := regexp.MustCompile("^#{2,3} `?([A-Za-z_ ]+?)(?:\\[[a-z]+\\])*`?$")
	sections := map[string][]string{}
	section := "-"
	prose := map[string]bool{"article": true, "stats": true}
	seen := map[string]bool{}
	add := func(name string) {
		if !seen[section+"/"+name] {
			seen[section+"/"+name] = true
			sections[section] = append(sections[section], name)
		}
	}
	inProse := false
	for _, line := range strings.Split(string(raw), "\n") {
		if m := heading.FindStringSubmatch(line); m != nil {
			section = strings.ToLower(m[1])
			if section == "top level" {
				section = ""
			}
			inProse = prose[section]
			continue
		}
		switch {
		case strings.HasPrefix(line, "| `"):
			first := strings.Split(line, "|")[1]
			for _, m := range backticked.FindAllStringSubmatch(first, -1) {
				add(m[1])
			}
		case inProse && strings.TrimSpace(line) == "" && len(sections[section]) > 0:
			inProse = false // the names are in the first paragraph only
		case inProse:
			// Values in parentheses ("`format` (`text`, …)") are not fields.
			line = regexp.MustCompile(`\([^)]*\)`).ReplaceAllString(line, "")
			for _, m := range backticked.FindAllStringSubmatch(line, -1) {
				add(m[1])
			}
		}
	}
	return sections
}

func keysOf(v any) []string {
	obj, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func sorted(xs []string) []string {
	out := append([]string(nil), xs...)
	sort.Strings(out)
	return out
}

// input decodes a document's policy input from its JSON.
func input(t *testing.T, d *Document) map[string]any {
	t.Helper()
	raw, err := d.JSON(false)
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// richArticle has at least one of everything the input holds.
const richArticle = `---
title: Calder Buys Norvale In $2.4 Billion Deal
author: Jane Roe
date: 2026-03-04
outlet: Coast Daily
url: https://example.org/calder
---

# Calder Buys Norvale In $2.4 Billion Deal

By Jane Roe

Calder Group has reportedly agreed to buy Norvale (NVLP) in a deal worth $2.4 billion, according to people familiar with the matter.

"We will reportedly close by June," a Calder spokesperson said. Shares rose 4%.

Shares rose 4%.

Share this post
`

func TestInputHasExactlyTheDocumentedFields(t *testing.T) {
	docs := documentedFields(t)
	for _, section := range []string{"", "article", "paragraphs", "sentences", "matches", "numbers", "entities", "stats"} {
		if len(docs[section]) == 0 {
			t.Fatalf("docs/input.md documents no fields for section %q; the parser of the page is out of date", section)
		}
	}
	d := build(t, article.Markdown, richArticle)
	d.Article.Title, d.Article.Author = "Calder Buys Norvale In $2.4 Billion Deal", "Jane Roe"
	// A web page's fields are documented with the others; a page
	// article has them all, whatever the page held.
	d.Article.Page = &article.Page{}
	// So is the page evidence, with one link.
	d.Page = &Page{From: "html", Links: []PageLink{{Text: "the filing", URL: "https://www.sec.gov/x", Host: "www.sec.gov", Primary: "filing"}}}
	in := input(t, d)

	check := func(what string, got any, want []string) {
		t.Helper()
		if diff := cmp.Diff(sorted(want), keysOf(got)); diff != "" {
			t.Errorf("%s fields (-documented +built):\n%s", what, diff)
		}
	}
	check("top-level", in, docs[""])
	check("article", in["article"], docs["article"])
	check("stats", in["stats"], docs["stats"])
	check("language", in["language"], docs["language"])
	check("page", in["page"], docs["page"])
	if page, _ := in["page"].(map[string]any); page != nil {
		links, _ := page["links"].([]any)
		if len(links) != 1 {
			t.Fatalf("page links %v, want the one link", page["links"])
		}
		check("page.links", links[0], docs["links"])
	}
	for _, list := range []string{"paragraphs", "sentences", "numbers", "entities"} {
		items, _ := in[list].([]any)
		if len(items) == 0 {
			t.Errorf("the test article has no %s", list)
		}
		for _, it := range items {
			check(list, it, docs[list])
		}
	}
	matches, _ := in["matches"].(map[string]any)
	if len(matches) == 0 {
		t.Errorf("the test article has no matches")
	}
	for lex, list := range matches {
		for _, m := range list.([]any) {
			check("matches."+lex, m, docs["matches"])
		}
	}
	// Quotes and repeats are documented inline as {start, end, sentence,
	// words} and
	// {sentence, of}.
	for list, want := range map[string][]string{"quotes": {"start", "end", "sentence", "words"}, "repeats": {"sentence", "of"}} {
		items, _ := in[list].([]any)
		if len(items) == 0 {
			t.Errorf("the test article has no %s", list)
		}
		for _, it := range items {
			check(list, it, want)
		}
	}
	if v := in["version"]; v != float64(InputVersion) || InputVersion != 1 {
		t.Errorf("version = %v (InputVersion %d), docs describe version 1", v, InputVersion)
	}
}

func TestInputValues(t *testing.T) {
	a := newArticle(article.Markdown, richArticle)
	a.Title, a.Author, a.Date, a.Outlet, a.URL = "T", "Jane Roe", "2026-03-04", "Coast Daily", "https://example.org/calder"
	d := buildArticle(t, a, realLexicons(t))
	in := input(t, d)
	wantArticle := map[string]any{
		"id": "story", "path": "story", "format": "markdown", "title": "T", "author": "Jane Roe",
		"date": "2026-03-04", "outlet": "Coast Daily", "url": "https://example.org/calder",
	}
	if diff := cmp.Diff(wantArticle, in["article"]); diff != "" {
		t.Errorf("article (-want +got):\n%s", diff)
	}
	if in["headline"] != float64(0) {
		t.Errorf("headline = %v, want 0", in["headline"])
	}
	// The deal figure keeps its full value, written as an integer.
	raw, _ := d.JSON(false)
	if !bytes.Contains(raw, []byte(`"value":2400000000`)) {
		t.Errorf("JSON does not hold the deal value as 2400000000")
	}
	first := in["sentences"].([]any)[2].(map[string]any)
	if first["zone"] != "lede" || first["line"] != float64(13) || first["column"] != float64(1) {
		t.Errorf("lede sentence = %v", first)
	}
	wantRepeat := map[string]any{"sentence": float64(5), "of": float64(4)}
	if diff := cmp.Diff(wantRepeat, in["repeats"].([]any)[0]); diff != "" {
		t.Errorf("repeat (-want +got):\n%s", diff)
	}
}

func TestInputWithoutHeadline(t *testing.T) {
	d := build(t, article.Text, "The port reopened on Monday.\n\nShips moved.")
	if in := input(t, d); in["headline"] != float64(-1) {
		t.Errorf("headline = %v, want -1", in["headline"])
	}
}

func TestCuesIndexUnquotedMatchesOfTheirLexicon(t *testing.T) {
	set := smallSet(t, `
hedges:
  groups:
    hearsay: [reportedly, allegedly]
other:
  entries: [said]
`)
	src := "The club reportedly agreed, an official said. \"We allegedly won,\" he said, and reportedly left. Nothing here. She said “reportedly so.”"
	d := buildArticle(t, newArticle(article.Text, src), set)
	in := input(t, d)
	var cues []any
	for _, s := range in["sentences"].([]any) {
		cues = append(cues, s.(map[string]any)["cues"])
	}
	want := []any{
		map[string]any{"hedges": []any{float64(0)}, "other": []any{float64(0)}},
		map[string]any{"hedges": []any{float64(2)}, "other": []any{float64(1)}}, // hedges[1] is quoted
		map[string]any{},
		map[string]any{"other": []any{float64(2)}}, // hedges[3] is quoted
	}
	if diff := cmp.Diff(want, cues); diff != "" {
		t.Errorf("cues (-want +got):\n%s", diff)
	}
	hedges := in["matches"].(map[string]any)["hedges"].([]any)
	var quoted []any
	for _, m := range hedges {
		quoted = append(quoted, m.(map[string]any)["quoted"])
	}
	if diff := cmp.Diff([]any{false, true, false, true}, quoted); diff != "" {
		t.Errorf("hedge quoted flags (-want +got):\n%s", diff)
	}
}

// TestCuesAgreeWithMatches checks the cue index against the matches on
// every fixture article.
func TestCuesAgreeWithMatches(t *testing.T) {
	for _, d := range fixtureDocuments(t) {
		in := input(t, d)
		matches := in["matches"].(map[string]any)
		want := map[int]map[string][]any{}
		for lex, list := range matches {
			for k, m := range list.([]any) {
				m := m.(map[string]any)
				if m["quoted"] == true {
					continue
				}
				s := int(m["sentence"].(float64))
				if want[s] == nil {
					want[s] = map[string][]any{}
				}
				want[s][lex] = append(want[s][lex], float64(k))
			}
		}
		for i, s := range in["sentences"].([]any) {
			got := map[string][]any{}
			for lex, idx := range s.(map[string]any)["cues"].(map[string]any) {
				got[lex] = idx.([]any)
			}
			w := want[i]
			if w == nil {
				w = map[string][]any{}
			}
			if diff := cmp.Diff(w, got); diff != "" {
				t.Errorf("%s sentence %d cues (-want +got):\n%s", d.Article.ID, i, diff)
			}
		}
		// Matches of one lexicon are in text order.
		for lex, list := range matches {
			prev := -1.0
			for _, m := range list.([]any) {
				start := m.(map[string]any)["start"].(float64)
				if start < prev {
					t.Errorf("%s: matches of %s out of order", d.Article.ID, lex)
				}
				prev = start
			}
		}
	}
}

func fixtureDocuments(t *testing.T) []*Document {
	t.Helper()
	return fixtureDocumentsWith(t, realLexicons(t))
}

func fixtureDocumentsWith(t *testing.T, set *lexicon.Set) []*Document {
	t.Helper()
	as, errs := article.Load([]string{"../../fixtures"}, article.LoadOptions{})
	if len(errs) != 0 {
		t.Fatalf("fixtures: %v", errs)
	}
	if len(as) < 10 {
		t.Fatalf("only %d fixture articles", len(as))
	}
	var out []*Document
	for _, a := range as {
		out = append(out, buildArticle(t, a, set))
	}
	return out
}

func TestJSONIsDeterministic(t *testing.T) {
	t.Parallel()
	first := map[string][]byte{}
	for run := 0; run < 3; run++ {
		// A fresh lexicon set each run: map order must not leak into output.
		set, err := loadRealLexicons()
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range fixtureDocumentsWith(t, set) {
			raw, err := d.JSON(true)
			if err != nil {
				t.Fatal(err)
			}
			compact, err := d.JSON(false)
			if err != nil {
				t.Fatal(err)
			}
			var a, b any
			if json.Unmarshal(raw, &a) != nil || json.Unmarshal(compact, &b) != nil || !cmp.Equal(a, b) {
				t.Errorf("%s: indented and compact JSON differ", d.Article.ID)
			}
			if ast.Compare(d.Value(), d.Value()) != 0 {
				t.Errorf("%s: two calls of Value differ", d.Article.ID)
			}
			id := d.Article.ID
			if prev, ok := first[id]; ok && !bytes.Equal(prev, raw) {
				t.Errorf("%s: JSON differs between runs", id)
			}
			first[id] = raw
		}
	}
}

func TestJSONRoundsFloats(t *testing.T) {
	d := build(t, article.Text, "One two three. One two. Four five six seven. Eight nine ten eleven twelve. The value was 1.234567 units.")
	in := input(t, d)
	st := in["stats"].(map[string]any)
	for _, k := range []string{"sentence_length_mean", "sentence_length_sd", "type_token_ratio", "mattr"} {
		v := st[k].(float64)
		if r := float64(int64(v*1e4+0.5)) / 1e4; r != v {
			t.Errorf("stats.%s = %v, not rounded to four decimals", k, v)
		}
	}
	if v := in["numbers"].([]any)[0].(map[string]any)["value"]; v != 1.2346 {
		t.Errorf("value = %v, want 1.2346", v)
	}
}

func TestMatchFields(t *testing.T) {
	set := smallSet(t, `
closers:
  groups:
    opener: [in conclusion]
hedges:
  groups:
    hearsay: [(is|are|was|were) said to]
residue:
  kind: patterns
  entries: ['^share this post$']
`)
	src := "In conclusion, the port *was*\n said   to be safe. It was said to\n\nShare this post\n\nIn conclusion"
	d := buildArticle(t, newArticle(article.Markdown, src), set)
	type match struct {
		Lexicon, Term, Group, Text string
		Sentence, First, Last      int
		FollowedBy                 string
	}
	var got []match
	for _, m := range d.Matches {
		got = append(got, match{m.Lexicon, m.Term, m.Group, m.Text, m.Sentence, m.FirstToken, m.LastToken, m.FollowedBy})
	}
	want := []match{
		{"closers", "in conclusion", "opener", "In conclusion", 0, 0, 1, ","},
		{"hedges", "(is|are|was|were) said to", "hearsay", "was said to", 0, 4, 6, "b"},
		{"hedges", "(is|are|was|were) said to", "hearsay", "was said to", 1, 1, 3, ""},
		{"residue", "^share this post$", "", "Share this post", 2, -1, -1, ""},
		{"closers", "in conclusion", "opener", "In conclusion", 3, 0, 1, ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	var sentenceMatches [][]int
	for _, s := range d.Sentences {
		sentenceMatches = append(sentenceMatches, s.Matches)
	}
	if diff := cmp.Diff([][]int{{0, 1}, {2}, {3}, {4}}, sentenceMatches); diff != "" {
		t.Errorf("sentence match indexes (-want +got):\n%s", diff)
	}
}

func TestPatternMatchesIgnoreMarkupAndFrontMatter(t *testing.T) {
	set := smallSet(t, `
residue:
  kind: patterns
  entries: ['spot_img', '^subscribe$']
`)
	src := "---\nnote: spot_img\n---\n\nText here. `spot_img` in code.\n\n```\nspot_img\nsubscribe\n```\n\nSubscribe\n"
	d := buildArticle(t, newArticle(article.Markdown, src), set)
	var got []string
	for _, m := range d.Matches {
		line, _ := d.Position(m.Start)
		got = append(got, fmt.Sprintf("%s@%d", m.Text, line))
	}
	if diff := cmp.Diff([]string{"Subscribe@12"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestEndingsAndQuotesInTheInput(t *testing.T) {
	d := build(t, article.Text, "Harbour Fees Rise\n\nThe board raised the fees. Why would it hide the vote? \"Is that fair?\" asked Jo Bell. It did it again!\n\n\"We will reopen the berth in May,\" the harbour master said.\n")
	raw, err := ast.JSON(d.Value())
	if err != nil {
		t.Fatal(err)
	}
	data, _ := json.Marshal(raw)
	var in map[string]any
	if err := json.Unmarshal(data, &in); err != nil {
		t.Fatal(err)
	}
	endings := in["endings"].(map[string]any)
	sentence := func(i any) string { return d.Sentences[int(i.(float64))].Text }
	var questions, exclamations []string
	for _, i := range endings["question"].([]any) {
		questions = append(questions, sentence(i))
	}
	for _, i := range endings["exclamation"].([]any) {
		exclamations = append(exclamations, sentence(i))
	}
	// The quoted question ends with a quote mark, not "?": it is the
	// speaker's, not the writer's.
	if diff := cmp.Diff([]string{"Why would it hide the vote?"}, questions); diff != "" {
		t.Errorf("questions (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"It did it again!"}, exclamations); diff != "" {
		t.Errorf("exclamations (-want +got):\n%s", diff)
	}
	quotes := in["quotes"].([]any)
	last := quotes[len(quotes)-1].(map[string]any)
	if last["words"] != float64(7) || !strings.HasPrefix(sentence(last["sentence"]), "\"We will reopen") {
		t.Errorf("last quote = %v, want 7 words in the harbour master's sentence", last)
	}
}
