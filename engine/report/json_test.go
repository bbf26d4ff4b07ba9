package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/report"
)

// objectKeys reads a JSON document token by token and records, for every
// object, its keys in the order they appear, by path ("articles[].findings[]").
func objectKeys(t *testing.T, data []byte) map[string][][]string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	out := map[string][][]string{}
	var walk func(path string)
	walk = func(path string) {
		tok, err := dec.Token()
		if err != nil {
			t.Fatalf("reading JSON at %s: %v", path, err)
		}
		switch tok {
		case json.Delim('{'):
			var keys []string
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					t.Fatal(err)
				}
				keys = append(keys, k.(string))
				walk(path + "." + k.(string))
			}
			if _, err := dec.Token(); err != nil {
				t.Fatal(err)
			}
			out[path] = append(out[path], keys)
		case json.Delim('['):
			for dec.More() {
				walk(path + "[]")
			}
			if _, err := dec.Token(); err != nil {
				t.Fatal(err)
			}
		}
	}
	walk("")
	if dec.More() {
		t.Fatal("trailing data after the JSON document")
	}
	return out
}

// docsExample is the JSON example of docs/output/json.md.
func docsExample(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "output", "json.md"))
	if err != nil {
		t.Fatalf("reading docs/output/json.md: %v", err)
	}
	_, rest, ok := strings.Cut(string(data), "```json\n")
	if !ok {
		t.Fatal("docs/output/json.md has no json example")
	}
	example, _, _ := strings.Cut(rest, "```")
	return []byte(example)
}

// The key order docs/output/json.md gives (fields "line" and "problem" are
// optional and absent from its example).
var wantKeys = map[string][]string{
	"":                         {"version", "tool", "articles", "errors", "notices", "summary"},
	".tool":                    {"name", "version"},
	".articles[].metadata":     {"title", "author", "date", "outlet", "url"},
	".articles[]":              {"id", "path", "line", "format", "positions", "headline", "metadata", "words", "language", "scored", "notice", "score", "grade", "base", "deduction", "subscores", "categories", "findings", "stale_suppressions"},
	".articles[].subscores":    {"attribution", "boilerplate", "contradiction", "editorial", "hedge", "machine", "sourcing"},
	".articles[].categories[]": {"name", "score", "points", "deduction", "cap", "findings"},
	".articles[].findings[]": {"rule", "category", "severity", "message", "cue", "start", "end", "line", "column",
		"end_line", "end_column", "sentence", "excerpt", "problem", "strength", "points", "fingerprint", "suppressed"},
	".articles[].findings[].suppressed": {"kind", "reason"},
	".articles[].stale_suppressions[]":  {"line", "directive", "reason"},
	".errors[]":                         {"path", "line", "message"},
	".summary":                          {"articles", "findings", "error_findings", "warning_findings", "info_findings", "suppressed", "input_errors", "unscored", "mean_score", "failed"},
}

// without drops optional keys from a key list.
func without(keys []string, drop ...string) []string {
	var out []string
	for _, k := range keys {
		if indexOf(drop, k) < 0 {
			out = append(out, k)
		}
	}
	return out
}

func TestJSONKeysFollowDocsOrder(t *testing.T) {
	got := objectKeys(t, []byte(write(t, "json", unscoredReport(), report.Options{})))
	optional := map[string][]string{".articles[]": {"line", "positions", "notice"}, ".articles[].findings[]": {"problem", "suppressed"}, ".errors[]": {"line"},
		".articles[].metadata": wantKeys[".articles[].metadata"]}
	for path, want := range wantKeys {
		objs := got[path]
		if len(objs) == 0 {
			t.Errorf("no object at %s", path)
			continue
		}
		for i, keys := range objs {
			if path == ".articles[].subscores" && len(keys) == 0 {
				continue // the unscored article has none
			}
			// Optional keys may be absent; every key present must be in
			// the documented order.
			if diff := cmp.Diff(without(want, optional[path]...), without(keys, optional[path]...)); diff != "" {
				t.Errorf("%s #%d keys (-docs +output):\n%s", path, i, diff)
			}
			for _, k := range keys {
				if indexOf(want, k) < 0 {
					t.Errorf("%s #%d has undocumented key %q", path, i, k)
				}
			}
			if !inOrder(want, keys) {
				t.Errorf("%s #%d keys %v are not in the documented order %v", path, i, keys, want)
			}
		}
	}
	// The optional keys appear where they should: "line" for the JSON Lines
	// record and for the bad record, "problem" for the contradiction,
	// "suppressed" for the finding the article switched off.
	articles := got[".articles[]"]
	if indexOf(articles[0], "line") >= 0 || indexOf(articles[1], "line") != 2 {
		t.Errorf("article keys %v / %v: want line only for the JSON Lines record, third", articles[0], articles[1])
	}
	if indexOf(articles[0], "notice") >= 0 || indexOf(articles[2], "notice") < 0 {
		t.Errorf("article keys %v / %v: want notice only for the unscored article", articles[0], articles[2])
	}
	findings := got[".articles[].findings[]"]
	for i, keys := range findings {
		hasProblem := indexOf(keys, "problem") >= 0
		if hasProblem != (i >= 4) {
			t.Errorf("finding %d keys %v: problem present %v, want %v", i, keys, hasProblem, i >= 4)
		}
		if suppressed := indexOf(keys, "suppressed") >= 0; suppressed != (i == 3) {
			t.Errorf("finding %d keys %v: suppressed present %v, want %v", i, keys, suppressed, i == 3)
		}
	}
	errs := got[".errors[]"]
	if diff := cmp.Diff([][]string{{"path", "line", "message"}, {"path", "message"}}, errs); diff != "" {
		t.Errorf("error keys (-want +got):\n%s", diff)
	}
}

// inOrder reports whether keys appear in the order of want.
func inOrder(want, keys []string) bool {
	last := -1
	for _, k := range keys {
		i := indexOf(want, k)
		if i <= last {
			return false
		}
		last = i
	}
	return true
}

func TestJSONDocsExampleUsesTheSameKeys(t *testing.T) {
	doc := objectKeys(t, docsExample(t))
	for path, objs := range doc {
		want, ok := wantKeys[path]
		if !ok {
			t.Errorf("docs example has an object at %s, which the report does not", path)
			continue
		}
		for i, keys := range objs {
			if !inOrder(want, keys) {
				t.Errorf("docs example %s #%d keys %v are not in the writer's order %v", path, i, keys, want)
			}
		}
	}
	// And the writer's output holds every key the docs show.
	got := objectKeys(t, []byte(write(t, "json", sampleReport(), report.Options{})))
	for path, objs := range doc {
		for _, k := range objs[0] {
			if indexOf(got[path][0], k) < 0 && !(path == ".errors[]" && k == "line") {
				t.Errorf("docs show %s.%s, which the writer does not write", path, k)
			}
		}
	}
}

func TestJSONValues(t *testing.T) {
	r := sampleReport()
	var got map[string]any
	if err := json.Unmarshal([]byte(write(t, "json", r, report.Options{Gate: report.Gate{FailRank: finding.Error.Rank()}})), &got); err != nil {
		t.Fatal(err)
	}
	articles := got["articles"].([]any)
	deal := articles[0].(map[string]any)
	// The finding as the docs describe it.
	wantFinding := map[string]any{
		"rule": "hearsay-hedge", "category": "hedge", "severity": "error",
		"message": `the headline rests on "Reportedly": say who reported or claimed it, or verify it`,
		"cue":     "Reportedly", "start": float64(115), "end": float64(125), "line": float64(1), "column": float64(16),
		"end_line": float64(1), "end_column": float64(26), "sentence": float64(1),
		"excerpt": "Harwick Motors Reportedly Partners With Daejin Cells", "strength": float64(1), "points": float64(6),
		"fingerprint": finding.Fingerprint("hearsay-hedge", "Harwick Motors Reportedly Partners With Daejin Cells", "Reportedly"),
	}
	if diff := cmp.Diff(wantFinding, deal["findings"].([]any)[0]); diff != "" {
		t.Errorf("first finding (-want +got):\n%s", diff)
	}
	wantArticle := map[string]any{
		"id": "fixtures/deal.txt", "path": "fixtures/deal.txt", "format": "text",
		"headline": "Harwick Motors Partners With Daejin Cells", "words": float64(81),
		"language": "en", "scored": true, "score": float64(86), "grade": "B", "deduction": 14.5,
		"subscores": map[string]any{"attribution": float64(88), "hedge": float64(27), "contradiction": float64(100),
			"machine": float64(100), "editorial": float64(95), "boilerplate": float64(100), "sourcing": float64(100)},
	}
	for k, v := range wantArticle {
		if diff := cmp.Diff(v, deal[k]); diff != "" {
			t.Errorf("article %s (-want +got):\n%s", k, diff)
		}
	}
	wantCategory := map[string]any{"name": "hedge", "score": float64(27), "points": float64(11), "deduction": float64(11), "cap": float64(15), "findings": float64(1)}
	if diff := cmp.Diff(wantCategory, deal["categories"].([]any)[1]); diff != "" {
		t.Errorf("hedge category (-want +got):\n%s", diff)
	}
	brief := articles[1].(map[string]any)
	if brief["id"] != "r2" || brief["path"] != "wire.jsonl" || brief["line"] != float64(2) || brief["format"] != "jsonl" || brief["headline"] != "" {
		t.Errorf("JSON Lines article header = %v", brief)
	}
	if p := brief["findings"].([]any)[1].(map[string]any); p["problem"] != "0-1" || p["points"] != float64(0) {
		t.Errorf("second contradiction finding: problem %v points %v, want 0-1 and 0", p["problem"], p["points"])
	}
	wantErrors := []any{
		map[string]any{"path": "wire.jsonl", "line": float64(5), "message": `record has no "text"`},
		map[string]any{"path": "missing.md", "message": "no such file or directory"},
	}
	if diff := cmp.Diff(wantErrors, got["errors"]); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]any{"house/hedge.rego replaces the built-in rule hearsay-hedge"}, got["notices"]); diff != "" {
		t.Errorf("notices (-want +got):\n%s", diff)
	}
	wantSummary := map[string]any{
		"articles": float64(2), "findings": float64(5), "error_findings": float64(1), "warning_findings": float64(3), "info_findings": float64(1),
		"suppressed": float64(1), "input_errors": float64(2), "unscored": float64(0), "mean_score": float64(91), "failed": true,
	}
	if diff := cmp.Diff(wantSummary, got["summary"]); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
	if got["version"] != float64(report.SchemaVersion) || report.SchemaVersion != 3 {
		t.Errorf("version %v, want 3", got["version"])
	}
}

// An article not in English has no score: null, not a zero that would read
// as the worst score, and the summary's mean leaves it out.
func TestJSONUnscoredArticle(t *testing.T) {
	var got struct {
		Articles []map[string]any `json:"articles"`
		Summary  map[string]any   `json:"summary"`
	}
	out := write(t, "json", unscoredReport(), report.Options{Gate: report.Gate{FailUnder: 99}})
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	de := got.Articles[2]
	want := map[string]any{
		"language": "de", "scored": false, "notice": "the text reads as German (de); the built-in catalog reads English",
		"score": nil, "grade": nil, "deduction": nil, "subscores": map[string]any{}, "categories": []any{}, "findings": []any{},
	}
	for k, v := range want {
		if diff := cmp.Diff(v, de[k]); diff != "" {
			t.Errorf("unscored article %s (-want +got):\n%s", k, diff)
		}
	}
	if got.Summary["unscored"] != float64(1) || got.Summary["mean_score"] != float64(91) || got.Summary["articles"] != float64(3) {
		t.Errorf("summary %v: want 3 articles, 1 unscored, mean 91 over the scored two", got.Summary)
	}
}

func TestJSONFailedFollowsTheGate(t *testing.T) {
	failed := func(r *report.Report, g report.Gate) bool {
		var out struct {
			Summary struct {
				Failed bool `json:"failed"`
			} `json:"summary"`
		}
		if err := json.Unmarshal([]byte(write(t, "json", r, report.Options{Gate: g})), &out); err != nil {
			t.Fatal(err)
		}
		return out.Summary.Failed
	}
	r := gateReport()
	if failed(r, report.Gate{}) {
		t.Error("failed with no gate and no input errors")
	}
	if !failed(r, report.Gate{FailUnder: 60}) {
		t.Error("not failed although an article scores under fail-under")
	}
	if failed(r, report.Gate{FailUnder: 50}) {
		t.Error("failed although every article scores above fail-under")
	}
	r.Errors = sampleReport().Errors
	if !failed(r, report.Gate{}) {
		t.Error("not failed although inputs could not be checked (exit 2)")
	}
}

func TestJSONEmptyReportHasEmptyArrays(t *testing.T) {
	want := `{
  "version": 3,
  "tool": {
    "name": "credcheck",
    "version": "v1.2.3"
  },
  "articles": [],
  "errors": [],
  "notices": [],
  "summary": {
    "articles": 0,
    "findings": 0,
    "error_findings": 0,
    "warning_findings": 0,
    "info_findings": 0,
    "suppressed": 0,
    "input_errors": 0,
    "unscored": 0,
    "mean_score": 0,
    "failed": false
  }
}
`
	if diff := cmp.Diff(want, write(t, "json", &report.Report{}, report.Options{Version: "v1.2.3"})); diff != "" {
		t.Errorf("empty report (-want +got):\n%s", diff)
	}
}

func TestJSONArticleWithoutFindingsHasEmptyArrays(t *testing.T) {
	r := &report.Report{Articles: []*report.Article{{ID: "clean.txt", Path: "clean.txt", Format: "text", Words: 10, Scorecard: card(100, "A", 0)}}, Notices: nil}
	out := write(t, "json", r, report.Options{})
	for _, want := range []string{`"subscores": {}`, `"categories": []`, `"findings": []`, `"notices": []`, `"errors": []`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, "null") {
		t.Errorf("output holds null:\n%s", out)
	}
}

func TestJSONIsByteIdenticalAcrossRuns(t *testing.T) {
	first := write(t, "json", sampleReport(), report.Options{Gate: report.Gate{FailRank: 2}})
	for range 20 {
		if again := write(t, "json", sampleReport(), report.Options{Gate: report.Gate{FailRank: 2}}); again != first {
			t.Fatalf("JSON output differs between runs:\n%s", cmp.Diff(first, again))
		}
	}
	if !strings.HasSuffix(first, "}\n") || !strings.HasPrefix(first, "{\n  \"version\": 3,\n") {
		t.Errorf("output is not indented JSON ending in a newline:\n%.80s", first)
	}
}

func TestJSONDoesNotEscapeHTML(t *testing.T) {
	r := sampleReport()
	r.Articles[0].Findings[0].Message = `"<b>Bold</b> & more" is page residue`
	out := write(t, "json", r, report.Options{})
	if !strings.Contains(out, `"message": "\"<b>Bold</b> & more\" is page residue"`) {
		t.Errorf("message was escaped:\n%s", out)
	}
}
