package report_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/report"
	"github.com/credcheck/credcheck/engine/scoring"
	"github.com/credcheck/credcheck/engine/suppress"
)

// marked builds a finding whose excerpt is sentence with span marked, the
// mark given in characters as the checker computes it.
func marked(rule, category string, sev finding.Severity, sentence, span string, line, col int, msg string) *finding.Finding {
	i := strings.Index(sentence, span)
	if i < 0 {
		panic(span + " not in " + sentence)
	}
	ms := utf8.RuneCountInString(sentence[:i])
	me := ms + utf8.RuneCountInString(span)
	return &finding.Finding{
		Rule: rule, Category: category, Severity: sev, Message: msg, Cue: span,
		Start: 100 + i, End: 100 + i + len(span), Line: line, Column: col, EndLine: line, EndColumn: col + me - ms,
		Sentence: 1, Excerpt: sentence, MarkStart: ms, MarkEnd: me, Strength: 1,
		Fingerprint: finding.Fingerprint(rule, sentence, span),
	}
}

func card(score int, grade string, deduction float64, cats ...scoring.Category) scoring.Scorecard {
	return scoring.Scorecard{Score: score, Grade: grade, Base: 100, Deduction: deduction, Categories: cats}
}

// fullCategories is a scorecard's category list with the given sub-scores.
func fullCategories(over map[string]scoring.Category) []scoring.Category {
	caps := scoring.Defaults().Caps
	var out []scoring.Category
	for _, name := range finding.Categories {
		c, ok := over[name]
		if !ok {
			c = scoring.Category{Score: 100}
		}
		c.Name, c.Cap = name, caps[name]
		out = append(out, c)
	}
	return out
}

// sampleReport is a report on two articles, a text file and a JSON Lines
// record, with an input error and a notice.
func sampleReport() *report.Report {
	deal := &report.Article{
		ID: "fixtures/deal.txt", Path: "fixtures/deal.txt", Format: article.Text,
		Headline: "Harwick Motors Partners With Daejin Cells", Words: 81, Language: "en", LanguageName: "English",
		Metadata: report.Metadata{Title: "Harwick Motors Partners With Daejin Cells", Author: "Mara Holt", Date: "2026-03-02", Outlet: "Ardmore Ledger", URL: "https://ledger.example/harwick"},
		Findings: []*finding.Finding{
			marked("hearsay-hedge", "hedge", finding.Error, "Harwick Motors Reportedly Partners With Daejin Cells", "Reportedly", 1, 16,
				`the headline rests on "Reportedly": say who reported or claimed it, or verify it`),
			marked("vague-source", "attribution", finding.Warning, "People familiar with the matter said the talks began last year.", "People familiar with the matter", 5, 1,
				`"People familiar with the matter": an anonymous source; say why they cannot be named, or describe them precisely`),
			marked("loaded-language", "editorial", finding.Info, "The deal clearly helps both firms.", "clearly", 7, 10,
				`"clearly" tells the reader what to think`),
		},
		Scorecard: card(86, "B", 14.5, fullCategories(map[string]scoring.Category{
			"attribution": {Score: 88, Points: 3, Deduction: 3, Findings: 1},
			"hedge":       {Score: 27, Points: 11, Deduction: 11, Findings: 1},
			"editorial":   {Score: 95, Points: 0.5, Deduction: 0.5, Findings: 1},
		})...),
	}
	deal.Findings[0].Points, deal.Findings[1].Points, deal.Findings[2].Points = 6, 3, 0.5
	// A finding the article switched off: listed, counted apart, no points.
	quiet := marked("loaded-language", "editorial", finding.Warning, "Critics call the plan a disaster.", "disaster", 9, 26,
		`"disaster" tells the reader what to think`)
	quiet.Suppressed = &finding.Suppression{Kind: finding.SuppressedInline, Reason: "line 8: quoting critics"}
	deal.Findings = append(deal.Findings, quiet)
	deal.Stale = []suppress.Stale{{Line: 11, Text: "<!-- credcheck-disable vague-source -->", Reason: "suppresses no finding; remove it"}}
	brief := &report.Article{
		ID: "r2", Path: "wire.jsonl", Line: 2, Format: article.JSONLines, Headline: "", Words: 40, Language: "en", LanguageName: "English",
		Findings: []*finding.Finding{
			marked("number-mismatch", "contradiction", finding.Warning, "The $2.4 billion deal closes in May.", "$2.4 billion", 3, 5,
				"gives the deal as $2.4 billion, but line 4 gives $3.1 billion"),
			marked("number-mismatch", "contradiction", finding.Warning, "Analysts welcomed the $3.1 billion deal.", "$3.1 billion", 4, 23,
				"gives the deal as $3.1 billion, but line 3 gives $2.4 billion"),
		},
		Scorecard: card(96, "A", 4, fullCategories(map[string]scoring.Category{
			"contradiction": {Score: 84, Points: 4, Deduction: 4, Findings: 2},
		})...),
	}
	brief.Findings[0].Problem, brief.Findings[1].Problem = "0-1", "0-1"
	brief.Findings[0].Points = 4
	return &report.Report{
		Articles: []*report.Article{deal, brief},
		Errors:   []*article.InputError{{Path: "wire.jsonl", Line: 5, Reason: `record has no "text"`}, {Path: "missing.md", Reason: "no such file or directory"}},
		Notices:  []string{"house/hedge.rego replaces the built-in rule hearsay-hedge"},
	}
}

// unscoredReport is sampleReport with a third article, in German, which
// the checker did not score.
func unscoredReport() *report.Report {
	r := sampleReport()
	r.Articles = append(r.Articles, &report.Article{
		ID: "news/de.md", Path: "news/de.md", Format: article.Markdown, Headline: "Bürgermeister soll zurücktreten", Words: 96,
		Language: "de", LanguageName: "German", Findings: []*finding.Finding{},
		Unscored: "the text reads as German (de); the built-in catalog reads English",
	})
	return r
}

func write(t *testing.T, format string, r *report.Report, opts report.Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := report.Write(&buf, format, r, opts); err != nil {
		t.Fatalf("Write(%s): %v", format, err)
	}
	return buf.String()
}
