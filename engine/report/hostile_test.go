package report_test

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/report"
	"github.com/credcheck/credcheck/engine/suppress"
)

// hostileReport holds text that acts on a terminal wherever an article or
// a file name reaches a report: the excerpt and message of a finding, a
// suppression comment, a record ID, a file name with a newline, a notice.
func hostileReport() *report.Report {
	sentence := "The minister reportedly said \x1b[2J the plan\a would work\r, and \u202eit did."
	f := marked("hearsay-hedge", "hedge", finding.Error, sentence, "reportedly", 1, 14, "the lede rests on \"reportedly\x1b]0;pwned\a\"")
	cut := marked("loaded-language", "editorial", finding.Warning, strings.Repeat("\x1b[1m", 40)+" clearly wrong", "clearly", 2, 3, "loaded")
	named := &report.Article{
		ID: "a\nb.md", Path: "news/a\ncredcheck: forged.md", Format: article.Markdown, Words: 20, Language: "en", LanguageName: "English",
		Findings:  []*finding.Finding{f, cut},
		Scorecard: card(40, "D", 60, fullCategories(nil)...),
	}
	named.Stale = []suppress.Stale{{Line: 9, Text: "<!-- credcheck-disable \x1b[31mx -->", Reason: "suppresses no finding"}}
	record := &report.Article{
		ID: "r\x1b[31m1", Path: "wire.jsonl", Line: 3, Format: article.JSONLines, Words: 20, Language: "en", LanguageName: "English",
		Findings:  []*finding.Finding{marked("hearsay-hedge", "hedge", finding.Error, "Officials reportedly agreed.", "reportedly", 1, 11, "hedge")},
		Scorecard: card(50, "D", 50, fullCategories(nil)...),
	}
	return &report.Report{
		Articles: []*report.Article{named, record},
		Errors:   []*article.InputError{{Path: "bin\x1b[2J\n.txt", Reason: "binary data, not text"}},
		Notices:  []string{"house/\x1b[2Jhedge.rego replaces a rule"},
	}
}

// rawControl returns the first control character other than newline (and
// tab) in s, or -1.
func rawControl(s string) rune {
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r < 0xa0 || r == '\u202e' {
			return r
		}
	}
	return -1
}

func TestHostileTextIsEscaped(t *testing.T) {
	gate := report.Gate{FailRank: finding.Warning.Rank(), FailUnder: 90}
	for _, format := range []string{"text", "github", "markdown"} {
		out := write(t, format, hostileReport(), report.Options{Scorecards: true, Gate: gate})
		if r := rawControl(out); r >= 0 {
			t.Errorf("%s report holds the raw control character %U:\n%s", format, r, out)
		}
		if format == "markdown" {
			continue
		}
		for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			if strings.HasPrefix(line, "credcheck: forged") {
				t.Errorf("%s report: a file name forged the line %q", format, line)
			}
		}
	}
}

func TestTextEscapesAndKeepsCaretsUnderTheSpan(t *testing.T) {
	out := write(t, "text", hostileReport(), report.Options{})
	for _, want := range []string{
		`"news/a\ncredcheck: forged.md":1:14: error: the lede rests on "reportedly\x1b]0;pwned\a" [hearsay-hedge]`,
		`    The minister reportedly said \x1b[2J the plan\a would work\r, and \u202eit did.`,
		`                 ^^^^^^^^^^`,
		`"wire.jsonl#r\x1b[31m1":1:11: error: hedge [hearsay-hedge]`,
		`"news/a\ncredcheck: forged.md":9: warning: suppresses no finding <!-- credcheck-disable \x1b[31mx -->`,
		`note: house/\x1b[2Jhedge.rego replaces a rule`,
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("text report lacks the line\n%s\nin:\n%s", want, out)
		}
	}
	// The span after forty escapes: the carets stay under "clearly" as the
	// escapes widen the line.
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		if strings.Contains(l, "clearly wrong") {
			col := utf8.RuneCountInString(l[:strings.Index(l, "clearly")])
			if carets := lines[i+1]; strings.Index(carets, "^") != col || strings.Count(carets, "^") != len("clearly") {
				t.Errorf("carets not under the span:\n%s\n%s", l, carets)
			}
		}
	}
}

func TestGitHubEscapesControlCharacters(t *testing.T) {
	out := write(t, "github", hostileReport(), report.Options{})
	for _, want := range []string{
		`::error file=news/a%0Acredcheck%3A forged.md,line=1,col=14,endLine=1,endColumn=24,title=credcheck hearsay-hedge::the lede rests on "reportedly\x1b]0;pwned\a"`,
		`::error file=wire.jsonl,line=3,title=credcheck hearsay-hedge::record r\x1b[31m1, line 1, column 11: hedge`,
		`::error file=bin\x1b[2J%0A.txt::binary data, not text`,
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("github output lacks the line\n%s\nin:\n%s", want, out)
		}
	}
}

// JSON and SARIF escape control characters by construction and keep the
// text exactly: a reader gets back the bytes of the article.
func TestJSONAndSARIFEscapeByConstruction(t *testing.T) {
	for _, format := range []string{"json", "sarif"} {
		out := write(t, format, hostileReport(), report.Options{})
		if r := rawControl(out); r >= 0 && r != '\u202e' {
			t.Errorf("%s report holds the raw control character %U", format, r)
		}
		if !json.Valid([]byte(out)) {
			t.Fatalf("%s report is not valid JSON", format)
		}
		if !strings.Contains(out, `\u001b[2J the plan\u0007 would work\r`) {
			t.Errorf("%s report does not keep the excerpt escaped and exact", format)
		}
	}
}
