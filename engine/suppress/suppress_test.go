package suppress_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/document"
	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/lexicon"
	"github.com/credcheck/credcheck/engine/pathglob"
	"github.com/credcheck/credcheck/engine/suppress"
)

func markdown(t *testing.T, text string) *document.Document {
	t.Helper()
	set, err := lexicon.FromData(map[string]any{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := document.Build(&article.Article{ID: "a.md", Path: "a.md", Format: article.Markdown, Source: text}, set)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// at is a finding of rule on the first occurrence of cue in the document.
func at(t *testing.T, doc *document.Document, rule, category, cue string) *finding.Finding {
	t.Helper()
	i := strings.Index(doc.Text, cue)
	if i < 0 {
		t.Fatalf("%q not in the article", cue)
	}
	line, col := doc.Position(i)
	return &finding.Finding{Rule: rule, Category: category, Severity: finding.Warning, Cue: cue, Start: i, End: i + len(cue), Line: line, Column: col}
}

func knownNames(name string) bool {
	return finding.KnownCategory(name) || name == "hearsay-hedge" || name == "vague-source" || name == "loaded-language"
}

func suppressedBy(fs []*finding.Finding) []string {
	var out []string
	for _, f := range fs {
		if f.Suppressed == nil {
			out = append(out, f.Cue+": counts")
		} else {
			out = append(out, f.Cue+": "+f.Suppressed.Kind+" "+f.Suppressed.Reason)
		}
	}
	return out
}

const regions = `# Harbour deal

Harbor Lines has reportedly chosen a partner.

<!-- credcheck-disable hearsay-hedge -->
The merger was allegedly signed on Tuesday.

The tech behemoth apparently agreed.
<!-- credcheck-enable hearsay-hedge -->

Officials reportedly welcomed it.

<!-- credcheck-disable editorial, attribution -- quoting a critic -->
Critics call it a disaster, people familiar with the matter said.
<!-- credcheck-enable -->
Another disaster followed.
`

func TestDisableEnableRegions(t *testing.T) {
	doc := markdown(t, regions)
	fs := []*finding.Finding{
		at(t, doc, "hearsay-hedge", "hedge", "reportedly chosen"),
		at(t, doc, "hearsay-hedge", "hedge", "allegedly"),
		at(t, doc, "loaded-language", "editorial", "behemoth"),
		at(t, doc, "hearsay-hedge", "hedge", "apparently"),
		at(t, doc, "hearsay-hedge", "hedge", "reportedly welcomed"),
		at(t, doc, "loaded-language", "editorial", "disaster,"),
		at(t, doc, "vague-source", "attribution", "people familiar"),
		at(t, doc, "loaded-language", "editorial", "Another disaster"),
	}
	stale := suppress.Inline(doc, fs, knownNames)
	want := []string{
		"reportedly chosen: counts", // before any comment
		"allegedly: inline line 5: <!-- credcheck-disable hearsay-hedge -->",
		"behemoth: counts", // the region names another rule
		"apparently: inline line 5: <!-- credcheck-disable hearsay-hedge -->",
		"reportedly welcomed: counts",                 // after the enable
		"disaster,: inline line 13: quoting a critic", // a category, with its reason
		"people familiar: inline line 13: quoting a critic",
		"Another disaster: counts", // enable with no names ends every region
	}
	if diff := cmp.Diff(want, suppressedBy(fs)); diff != "" {
		t.Errorf("suppressions (-want +got):\n%s", diff)
	}
	if len(stale) != 0 {
		t.Errorf("stale = %+v, want none", stale)
	}
}

func TestDisableNextLineSkipsBlankLines(t *testing.T) {
	doc := markdown(t, `# Title

<!-- credcheck-disable-next-line hearsay-hedge -->

Harbor Lines has reportedly chosen a partner. It apparently agreed.
Officials reportedly welcomed it.
`)
	fs := []*finding.Finding{
		at(t, doc, "hearsay-hedge", "hedge", "reportedly chosen"),
		at(t, doc, "hearsay-hedge", "hedge", "apparently"),
		at(t, doc, "hearsay-hedge", "hedge", "reportedly welcomed"),
	}
	suppress.Inline(doc, fs, knownNames)
	got := suppressedBy(fs)
	if !strings.HasPrefix(got[0], "reportedly chosen: inline") || !strings.HasPrefix(got[1], "apparently: inline") || got[2] != "reportedly welcomed: counts" {
		t.Errorf("suppressions = %q: want the whole next text line and nothing after it", got)
	}
}

func TestStaleAndUnknownDirectives(t *testing.T) {
	doc := markdown(t, `# Title

<!-- credcheck-disable vague-source -->
Harbor Lines has reportedly chosen a partner.
<!-- credcheck-disable-next-line no-such-rule, hedge -->
It apparently agreed.
<!-- an ordinary comment -->
<!-- credcheck-enable -->
`)
	fs := []*finding.Finding{
		at(t, doc, "hearsay-hedge", "hedge", "reportedly"),
		at(t, doc, "hearsay-hedge", "hedge", "apparently"),
	}
	stale := suppress.Inline(doc, fs, knownNames)
	want := []suppress.Stale{
		{Line: 3, Text: "<!-- credcheck-disable vague-source -->", Reason: "suppresses no finding; remove it"},
		{Line: 5, Text: "<!-- credcheck-disable-next-line no-such-rule, hedge -->", Reason: "names no loaded rule or category: no-such-rule"},
	}
	if diff := cmp.Diff(want, stale); diff != "" {
		t.Errorf("stale (-want +got):\n%s", diff)
	}
	// The known name in the directive still works.
	if fs[1].Suppressed == nil {
		t.Error("the hedge on the next line was not suppressed")
	}
}

func TestDirectivesIgnoreOtherComments(t *testing.T) {
	doc := markdown(t, "# T\n\n<!-- credcheck is great -->\n<!--credcheck-disable-->\nText here.\n<!-- credcheck-disable-next-line   a   b -->\nMore.\n")
	ds := suppress.Directives(doc)
	if len(ds) != 2 {
		t.Fatalf("directives = %+v, want 2", ds)
	}
	if ds[0].Kind != suppress.Disable || len(ds[0].Rules) != 0 {
		t.Errorf("first directive = %+v, want disable of every rule", ds[0])
	}
	if ds[1].Kind != suppress.DisableNextLine || !cmp.Equal(ds[1].Rules, []string{"a", "b"}) || ds[1].Line != 6 {
		t.Errorf("second directive = %+v, want disable-next-line a b on line 6", ds[1])
	}
}

func TestIgnoreEntries(t *testing.T) {
	dir := t.TempDir()
	paths, err := pathglob.New(dir, []string{"opinion/**"})
	if err != nil {
		t.Fatal(err)
	}
	ig := &suppress.Ignore{Rules: []string{"editorial", "vague-source"}, Paths: paths, Reason: "columns take sides", Label: "ignore[0]"}
	mk := func() []*finding.Finding {
		return []*finding.Finding{
			{Rule: "loaded-language", Category: "editorial"},
			{Rule: "vague-source", Category: "attribution"},
			{Rule: "hearsay-hedge", Category: "hedge"},
		}
	}
	news := mk()
	ig.Apply(filepath.Join(dir, "news", "a.md"), news)
	if ig.Used() {
		t.Error("entry used on a path it does not cover")
	}
	for _, f := range news {
		if f.Suppressed != nil {
			t.Errorf("%s suppressed outside opinion/", f.Rule)
		}
	}
	opinion := mk()
	ig.Apply(filepath.Join(dir, "opinion", "2026", "b.md"), opinion)
	got := []bool{opinion[0].Suppressed != nil, opinion[1].Suppressed != nil, opinion[2].Suppressed != nil}
	if !cmp.Equal(got, []bool{true, true, false}) {
		t.Errorf("suppressed = %v, want the category and the rule named, not the other rule", got)
	}
	if s := opinion[0].Suppressed; s.Kind != finding.SuppressedConfig || s.Reason != "ignore[0]: columns take sides" {
		t.Errorf("suppression = %+v", s)
	}
	if !ig.Used() {
		t.Error("entry not marked used")
	}
	if d := ig.Describe(); d != "ignore[0] (editorial, vague-source in opinion/**)" {
		t.Errorf("Describe() = %q", d)
	}
}

func TestBaselineRoundTripSurvivesMovesAndCountsDuplicates(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ci", "baseline.json")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	article := filepath.Join(dir, "news", "a.md")
	f := func(rule, sentence, cue string, line int) *finding.Finding {
		return &finding.Finding{Rule: rule, Line: line, Excerpt: sentence, Fingerprint: finding.Fingerprint(rule, sentence, cue)}
	}
	old := []*finding.Finding{
		f("hearsay-hedge", "It reportedly agreed.", "reportedly", 3),
		f("hearsay-hedge", "It reportedly agreed.", "reportedly", 9), // the same sentence twice
		f("vague-source", "Sources said so.", "Sources", 5),
	}
	old[2].Suppressed = &finding.Suppression{Kind: finding.SuppressedInline}
	if err := suppress.WriteBaseline(path, []suppress.Article{{Path: article, Findings: old}}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), `"article": "../news/a.md"`) {
		t.Errorf("baseline does not name the article relative to itself:\n%s", data)
	}
	if strings.Contains(string(data), "vague-source") {
		t.Errorf("baseline records a finding the article suppresses itself:\n%s", data)
	}
	b, err := suppress.LoadBaseline(path)
	if err != nil {
		t.Fatal(err)
	}
	// Later: the sentence moved (line 12), re-spaced and re-punctuated,
	// and occurs three times now; a new hedge appeared.
	now := []*finding.Finding{
		f("hearsay-hedge", "It  reportedly agreed!", "reportedly", 12),
		f("hearsay-hedge", "It reportedly agreed.", "Reportedly", 20),
		f("hearsay-hedge", "It reportedly agreed.", "reportedly", 30),
		f("hearsay-hedge", "Talks reportedly stalled.", "reportedly", 31),
	}
	b.Apply(article, "", now)
	got := []bool{now[0].Suppressed != nil, now[1].Suppressed != nil, now[2].Suppressed != nil, now[3].Suppressed != nil}
	if !cmp.Equal(got, []bool{true, true, false, false}) {
		t.Errorf("baselined = %v: want the two known occurrences, not the third nor the new sentence", got)
	}
	if now[0].Suppressed.Kind != finding.SuppressedBaseline {
		t.Errorf("kind = %q", now[0].Suppressed.Kind)
	}
	// Another article with the same sentence is not covered.
	other := []*finding.Finding{f("hearsay-hedge", "It reportedly agreed.", "reportedly", 3)}
	b.Apply(filepath.Join(dir, "news", "b.md"), "", other)
	if other[0].Suppressed != nil {
		t.Error("a finding of another article matched the baseline")
	}
}

func TestBaselineKeysJSONLinesRecords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.json")
	fp := finding.Fingerprint("r", "s", "c")
	if err := suppress.WriteBaseline(path, []suppress.Article{{Path: "wire.jsonl", Record: "r1", Findings: []*finding.Finding{{Rule: "r", Fingerprint: fp}}}}); err != nil {
		t.Fatal(err)
	}
	b, err := suppress.LoadBaseline(path)
	if err != nil {
		t.Fatal(err)
	}
	r2 := []*finding.Finding{{Rule: "r", Fingerprint: fp}}
	b.Apply("wire.jsonl", "r2", r2)
	r1 := []*finding.Finding{{Rule: "r", Fingerprint: fp}}
	b.Apply("wire.jsonl", "r1", r1)
	if r2[0].Suppressed != nil || r1[0].Suppressed == nil {
		t.Errorf("record r2 suppressed %v, r1 suppressed %v: want only r1", r2[0].Suppressed != nil, r1[0].Suppressed != nil)
	}
}

func TestLoadBaselineErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := map[string]struct{ path, want string }{
		"missing":       {filepath.Join(dir, "none.json"), "no such file (write one with --write-baseline)"},
		"not json":      {write("a.json", "findings: []"), "not a credcheck baseline"},
		"wrong version": {write("b.json", `{"version": 2, "findings": []}`), "version 2, want 1"},
		"unknown field": {write("c.json", `{"version": 1, "results": []}`), "not a credcheck baseline"},
		"no fingerprint": {write("d.json", `{"version": 1, "findings": [{"article": "a.md", "rule": "r"}]}`),
			"finding 0 needs article, rule and fingerprint"},
	}
	for name, c := range cases {
		_, err := suppress.LoadBaseline(c.path)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), c.path) {
			t.Errorf("%s: err = %v, want one naming the file and %q", name, err, c.want)
		}
	}
}

func TestWriteBaselineIsStable(t *testing.T) {
	dir := t.TempDir()
	fs := []*finding.Finding{
		{Rule: "b", Line: 2, Fingerprint: "2"}, {Rule: "a", Line: 2, Fingerprint: "1"}, {Rule: "a", Line: 1, Fingerprint: "3"},
	}
	var outs []string
	for i := range 2 {
		p := filepath.Join(dir, "x.json")
		articles := []suppress.Article{{Path: filepath.Join(dir, "z.md"), Findings: fs}, {Path: filepath.Join(dir, "y.md"), Findings: fs[:1]}}
		if i == 1 {
			articles[0], articles[1] = articles[1], articles[0]
		}
		if err := suppress.WriteBaseline(p, articles); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(p)
		outs = append(outs, string(data))
	}
	if outs[0] != outs[1] {
		t.Errorf("baseline depends on article order:\n%s", cmp.Diff(outs[0], outs[1]))
	}
	if !strings.Contains(outs[0], `"article": "y.md"`) || strings.Index(outs[0], `"y.md"`) > strings.Index(outs[0], `"z.md"`) {
		t.Errorf("baseline not sorted by article:\n%s", outs[0])
	}
}
