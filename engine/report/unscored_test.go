package report_test

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/report"
	"github.com/credcheck/credcheck/engine/report/reporttest"
)

const deNotice = "the text reads as German (de); the built-in catalog reads English"

// onlyUnscored is a report on one German article and one German JSON Lines
// record, neither scored.
func onlyUnscored() *report.Report {
	return &report.Report{Articles: []*report.Article{
		{ID: "de.md", Path: "de.md", Format: article.Markdown, Language: "de", LanguageName: "German", Unscored: deNotice},
		{ID: "r7", Path: "wire.jsonl", Line: 7, Format: article.JSONLines, Language: "de", LanguageName: "German", Unscored: deNotice},
	}}
}

func TestUnscoredSummary(t *testing.T) {
	s := unscoredReport().Summarize()
	if s.Articles != 3 || s.Unscored != 1 || s.Scored() != 2 || s.MeanScore != 91 || s.LowestScore != 86 {
		t.Errorf("summary %+v: want 3 articles, 1 unscored, mean 91 and lowest 86 over the scored two", s)
	}
	if s.Grades[""] != 0 {
		t.Errorf("grades %v count the unscored article", s.Grades)
	}
	s = onlyUnscored().Summarize()
	if s.Unscored != 2 || s.MeanScore != 0 || s.LowestArticle != "" {
		t.Errorf("summary %+v: want no mean and no lowest article", s)
	}
}

// An unscored article has no score to fall below a threshold and no
// findings: it neither fails the run nor makes it an input error.
func TestUnscoredPassesTheGate(t *testing.T) {
	r := onlyUnscored()
	g := report.Gate{FailRank: finding.Info.Rank(), FailUnder: 99}
	if f := g.Failures(r); len(f) != 0 || g.ExitCode(r) != report.ExitClean {
		t.Errorf("failures %v, exit %d; want none and 0", f, g.ExitCode(r))
	}
	if g.FailsScore(r.Articles[0]) {
		t.Error("FailsScore on an unscored article")
	}
}

func TestUnscoredText(t *testing.T) {
	out := write(t, "text", unscoredReport(), report.Options{Scorecards: true, Gate: report.Gate{FailUnder: 50}})
	for _, want := range []string{
		"news/de.md: not scored: " + deNotice + "\n",
		"3 articles checked: 5 findings (1 error, 3 warnings, 1 info), 1 suppressed; mean score 91; lowest 86 (fixtures/deal.txt); 1 article not scored (not in English)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "news/de.md  score") || strings.Contains(out, "FAIL") {
		t.Errorf("text gives the unscored article a scorecard or fails it:\n%s", out)
	}
	out = write(t, "text", onlyUnscored(), report.Options{Scorecards: true})
	if strings.Contains(out, "mean score") || !strings.Contains(out, "; 2 articles not scored (not in English)\n") {
		t.Errorf("text of unscored articles only:\n%s", out)
	}
}

func TestUnscoredMarkdown(t *testing.T) {
	out := write(t, "markdown", unscoredReport(), report.Options{Gate: report.Gate{FailUnder: 99}})
	for _, want := range []string{
		" · mean score 91 · 1 article not scored (not in English) · ",
		"| `news/de.md` | Bürgermeister soll zurücktreten | – | – | not scored (German) | – | – | – | – | – | – | – |\n",
		"### `news/de.md`\n\nnot scored: " + deNotice + "\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q:\n%s", want, out)
		}
	}
}

func TestUnscoredJUnit(t *testing.T) {
	out := write(t, "junit", onlyUnscored(), report.Options{Gate: report.Gate{FailUnder: 99, FailRank: finding.Info.Rank()}})
	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Skipped  int `xml:"skipped,attr"`
		Suites   []struct {
			Name  string `xml:"name,attr"`
			Cases []struct {
				Name    string `xml:"name,attr"`
				Skipped *struct {
					Message string `xml:"message,attr"`
				} `xml:"skipped"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Tests != 2 || doc.Failures != 0 || doc.Skipped != 2 || len(doc.Suites) != 2 {
		t.Fatalf("totals tests %d failures %d skipped %d suites %d; want 2, 0, 2, 2\n%s", doc.Tests, doc.Failures, doc.Skipped, len(doc.Suites), out)
	}
	c := doc.Suites[1].Cases[0]
	if doc.Suites[1].Name != "wire.jsonl#r7" || c.Name != "language" || c.Skipped == nil || c.Skipped.Message != "not scored: "+deNotice {
		t.Errorf("suite %+v", doc.Suites[1])
	}
}

func TestUnscoredGitHub(t *testing.T) {
	out := write(t, "github", onlyUnscored(), report.Options{})
	for _, want := range []string{
		"::notice file=de.md,title=credcheck not scored::not scored: " + deNotice + "\n",
		"::notice file=wire.jsonl,line=7,title=credcheck not scored::record r7: not scored: " + deNotice + "\n",
		"credcheck: 2 articles checked, 0 findings (0 errors, 0 warnings, 0 info); 2 articles not scored (not in English); passed\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("github lacks %q:\n%s", want, out)
		}
	}
}

func TestUnscoredSARIF(t *testing.T) {
	out := write(t, "sarif", unscoredReport(), report.Options{})
	if err := reporttest.ValidateSARIF([]byte(out)); err != nil {
		t.Fatalf("SARIF with an unscored article does not validate: %v", err)
	}
	if !strings.Contains(out, `"text":"not scored: `+deNotice+`"`) || !strings.Contains(out, `"language":"de"`) {
		t.Errorf("SARIF has no note for the unscored article:\n%s", out)
	}
}
