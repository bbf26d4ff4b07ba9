package report_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/internal/golden"
	"github.com/credcheck/credcheck/engine/report"
)

// update is the package's -update flag (declared by its schema test).
func update() bool { return flag.Lookup("update").Value.(flag.Getter).Get().(bool) }

func TestJSONLGolden(t *testing.T) {
	got := write(t, "jsonl", unscoredReport(), report.Options{Version: "v1.2.3", Gate: report.Gate{FailRank: 2}})
	golden.File(t, filepath.Join("testdata", "report.jsonl"), []byte(got), update())
}

// Each line but the last is, byte for byte, an article of the compact json
// report, in its order; the last is the rest of that report. json-indent
// does not indent the lines.
func TestJSONLLinesAreTheJSONReport(t *testing.T) {
	r := unscoredReport()
	opts := report.Options{Version: "v1.2.3", CompactJSON: true, Gate: report.Gate{FailRank: 2}}
	whole := write(t, "json", r, opts)
	lines := write(t, "jsonl", r, opts)
	opts.CompactJSON = false
	if indented := write(t, "jsonl", r, opts); indented != lines {
		t.Error("the indented setting changed the jsonl lines")
	}
	var doc struct{ Articles []json.RawMessage }
	if err := json.Unmarshal([]byte(whole), &doc); err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSuffix(lines, "\n"), "\n")
	if len(got) != len(r.Articles)+1 {
		t.Fatalf("%d lines for %d articles, want one each and one summary:\n%s", len(got), len(r.Articles), lines)
	}
	for i, a := range doc.Articles {
		if got[i] != string(a) {
			t.Errorf("line %d is not the json report's article %d:\n%s\n%s", i+1, i, got[i], a)
		}
	}
	var rest, last map[string]any
	if err := json.Unmarshal([]byte(whole), &rest); err != nil {
		t.Fatal(err)
	}
	delete(rest, "articles")
	if err := json.Unmarshal([]byte(got[len(got)-1]), &last); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(rest, last); diff != "" {
		t.Errorf("the last line is not the json report without its articles (-json +jsonl):\n%s", diff)
	}
}

// A streamed jsonl report has written each article's line out by the time
// Article returns, before the run is over.
func TestJSONLStreamWritesEachArticleAtOnce(t *testing.T) {
	r := sampleReport()
	var out bytes.Buffer
	s, err := report.NewStream(&out, "jsonl", &report.Report{}, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range r.Articles {
		if err := s.Article(a); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(out.String(), "\n"); n != i+1 {
			t.Fatalf("after article %d, %d lines written", i+1, n)
		}
	}
	if !report.Streams("jsonl") {
		t.Error("jsonl does not say it streams")
	}
	if err := s.Finish(&report.Report{Errors: r.Errors, Totals: report.NewTotals(report.Gate{}, false)}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "\n"); n != len(r.Articles)+1 {
		t.Errorf("%d lines in all, want %d", n, len(r.Articles)+1)
	}
}

// ArticleJSON is the jsonl format's article line, byte for byte, for
// scored and unscored articles alike (the archive pipeline writes it).
func TestArticleJSONIsTheJSONLLine(t *testing.T) {
	for _, r := range []*report.Report{sampleReport(), unscoredReport()} {
		lines := strings.Split(strings.TrimSuffix(write(t, "jsonl", r, report.Options{Version: "v1"}), "\n"), "\n")
		if len(lines) != len(r.Articles)+1 {
			t.Fatalf("%d jsonl lines for %d articles", len(lines), len(r.Articles))
		}
		for i, a := range r.Articles {
			got, err := report.ArticleJSON(a)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != lines[i] {
				t.Errorf("article %s:\n got %s\nwant %s", a.ID, got, lines[i])
			}
		}
	}
}
