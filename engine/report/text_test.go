package report_test

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/report"
)

const sampleText = `note: house/hedge.rego replaces the built-in rule hearsay-hedge
fixtures/deal.txt:1:16: error: the headline rests on "Reportedly": say who reported or claimed it, or verify it [hearsay-hedge]
    Harwick Motors Reportedly Partners With Daejin Cells
                   ^^^^^^^^^^
fixtures/deal.txt:5:1: warning: "People familiar with the matter": an anonymous source; say why they cannot be named, or describe them precisely [vague-source]
    People familiar with the matter said the talks began last year.
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
fixtures/deal.txt:7:10: info: "clearly" tells the reader what to think [loaded-language]
    The deal clearly helps both firms.
             ^^^^^^^
fixtures/deal.txt:11: warning: suppresses no finding; remove it <!-- credcheck-disable vague-source -->

fixtures/deal.txt  score 86/100  grade B  3 findings (1 suppressed)  (base 100, −14.5)
  "Harwick Motors Partners With Daejin Cells"
  attribution     88  █████████░  -3 of 25  1 finding
  hedge           27  ███░░░░░░░  -11 of 15  1 finding
  contradiction  100  ██████████
  machine        100  ██████████
  editorial       95  ██████████  -0.5 of 10  1 finding
  boilerplate    100  ██████████
  sourcing       100  ██████████
wire.jsonl#r2:3:5: warning: gives the deal as $2.4 billion, but line 4 gives $3.1 billion [number-mismatch]
    The $2.4 billion deal closes in May.
        ^^^^^^^^^^^^
wire.jsonl#r2:4:23: warning: gives the deal as $3.1 billion, but line 3 gives $2.4 billion [number-mismatch]
    Analysts welcomed the $3.1 billion deal.
                          ^^^^^^^^^^^^

wire.jsonl#r2  score 96/100  grade A  2 findings  (base 100, −4)
  attribution    100  ██████████
  hedge          100  ██████████
  contradiction   84  ████████░░  -4 of 25  2 findings
  machine        100  ██████████
  editorial      100  ██████████
  boilerplate    100  ██████████
  sourcing       100  ██████████

2 articles checked: 5 findings (1 error, 3 warnings, 1 info), 1 suppressed; mean score 91; lowest 86 (fixtures/deal.txt)
by rule:
  number-mismatch     2
  hearsay-hedge       1
  loaded-language     1
  vague-source        1
2 inputs could not be checked (reasons on standard error)
FAIL fixtures/deal.txt: 2 finding(s) at or above warning; score 86 is below 90
FAIL wire.jsonl#r2: 2 finding(s) at or above warning
`

var sampleOptions = report.Options{Scorecards: true, Gate: report.Gate{FailRank: finding.Warning.Rank(), FailUnder: 90}}

func TestTextReport(t *testing.T) {
	if diff := cmp.Diff(sampleText, write(t, "text", sampleReport(), sampleOptions)); diff != "" {
		t.Errorf("text report (-want +got):\n%s", diff)
	}
}

func TestTextWithoutScorecardsOrFailures(t *testing.T) {
	r := sampleReport()
	r.Errors, r.Notices = nil, nil
	got := write(t, "text", r, report.Options{})
	var want []string
	for _, l := range strings.Split(sampleText, "\n") {
		if !strings.HasPrefix(l, "FAIL") && (strings.Contains(l, ".txt:") || strings.Contains(l, "#r2:") || strings.HasPrefix(l, "    ")) {
			want = append(want, l)
		}
	}
	want = append(want, "", "2 articles checked: 5 findings (1 error, 3 warnings, 1 info), 1 suppressed; mean score 91; lowest 86 (fixtures/deal.txt)", strings.TrimSuffix(`by rule:
  number-mismatch     2
  hearsay-hedge       1
  loaded-language     1
  vague-source        1
`, "\n"), "")
	if diff := cmp.Diff(strings.Join(want, "\n"), got); diff != "" {
		t.Errorf("text report without scorecards (-want +got):\n%s", diff)
	}
}

func TestTextSummaryCounts(t *testing.T) {
	cases := []struct {
		name string
		r    *report.Report
		want string
	}{
		{"nothing checked", &report.Report{}, "\n0 articles checked: 0 findings (0 errors, 0 warnings, 0 info)\n"},
		{"one clean article", &report.Report{Articles: []*report.Article{{ID: "a.md", Path: "a.md", Format: article.Markdown, Scorecard: card(100, "A", 0)}}},
			"\n1 article checked: 0 findings (0 errors, 0 warnings, 0 info); mean score 100; lowest 100 (a.md)\n"},
		{"one input error only", &report.Report{Errors: []*article.InputError{{Path: "x", Reason: "r"}}},
			"\n0 articles checked: 0 findings (0 errors, 0 warnings, 0 info)\n1 input could not be checked (reasons on standard error)\n"},
		{"singulars", &report.Report{Articles: []*report.Article{{ID: "a", Path: "a", Scorecard: card(97, "A", 2.5),
			Findings: []*finding.Finding{{Rule: "r", Severity: finding.Error, Message: "m", Line: 1, Column: 1, Excerpt: "x", MarkEnd: 1}}}}},
			"a:1:1: error: m [r]\n    x\n    ^\n\n1 article checked: 1 finding (1 error, 0 warnings, 0 info); mean score 97; lowest 97 (a)\nby rule:\n  r     1\n"},
		{"mean with a decimal", &report.Report{Articles: []*report.Article{{Path: "a", Scorecard: card(90, "A", 10)}, {Path: "b", Scorecard: card(75, "B", 25)}}},
			"\n2 articles checked: 0 findings (0 errors, 0 warnings, 0 info); mean score 82.5; lowest 75 (b)\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if diff := cmp.Diff(c.want, write(t, "text", c.r, report.Options{})); diff != "" {
				t.Errorf("text (-want +got):\n%s", diff)
			}
		})
	}
}

var ansi = regexp.MustCompile("\x1b\\[[0-9;]*m")

func TestTextColourOnlyWithColorOption(t *testing.T) {
	plain := write(t, "text", sampleReport(), sampleOptions)
	if strings.Contains(plain, "\x1b") {
		t.Errorf("text without Color holds escape sequences:\n%q", plain)
	}
	opts := sampleOptions
	opts.Color = true
	coloured := write(t, "text", sampleReport(), opts)
	// Colour only decorates: without the escapes the output is the same.
	if diff := cmp.Diff(plain, ansi.ReplaceAllString(coloured, "")); diff != "" {
		t.Errorf("coloured text differs from plain text beyond escapes (-plain +stripped):\n%s", diff)
	}
	for _, want := range []string{
		"\x1b[1;31merror\x1b[0m:", "\x1b[33mwarning\x1b[0m:", "\x1b[36minfo\x1b[0m:",
		"\x1b[2m[hearsay-hedge]\x1b[0m",
		"    \x1b[1;35m               ^^^^^^^^^^\x1b[0m\n",
		"\x1b[1mfixtures/deal.txt\x1b[0m  score \x1b[1m86/100\x1b[0m  grade \x1b[1mB\x1b[0m",
		"\x1b[1;31mFAIL\x1b[0m wire.jsonl#r2: ",
	} {
		if !strings.Contains(coloured, want) {
			t.Errorf("coloured text lacks %q", want)
		}
	}
	// Every escape is closed on the same line.
	for _, line := range strings.Split(coloured, "\n") {
		if strings.Count(line, "\x1b[") != 2*strings.Count(line, "\x1b[0m") {
			t.Errorf("unbalanced escapes on line %q", line)
		}
	}
}

// caretCheck writes one finding on sentence with span marked and checks
// that the carets sit under the span, counted in characters.
func caretCheck(t *testing.T, sentence, span string) (excerptLine, caretLine string) {
	t.Helper()
	f := marked("loaded-language", "editorial", finding.Warning, sentence, span, 3, 7, "message")
	r := &report.Report{Articles: []*report.Article{{ID: "a.txt", Path: "a.txt", Scorecard: card(98, "A", 2), Findings: []*finding.Finding{f}}}}
	lines := strings.Split(write(t, "text", r, report.Options{}), "\n")
	if lines[0] != "a.txt:3:7: warning: message [loaded-language]" {
		t.Fatalf("finding line = %q", lines[0])
	}
	excerptLine, caretLine = lines[1], lines[2]
	if !strings.HasPrefix(excerptLine, "    ") || !strings.HasPrefix(caretLine, "    ") {
		t.Fatalf("excerpt and caret lines are not indented:\n%s\n%s", excerptLine, caretLine)
	}
	at := strings.Index(excerptLine, span)
	if at < 0 {
		t.Fatalf("excerpt line %q does not show the span %q", excerptLine, span)
	}
	spanCol := utf8.RuneCountInString(excerptLine[:at])
	caretCol := utf8.RuneCountInString(caretLine[:strings.Index(caretLine, "^")])
	if caretCol != spanCol {
		t.Errorf("carets start at character %d, span at %d:\n%s\n%s", caretCol, spanCol, excerptLine, caretLine)
	}
	if strings.TrimLeft(caretLine, " ") != strings.Repeat("^", utf8.RuneCountInString(span)) {
		t.Errorf("caret line %q: want %d carets and nothing else", caretLine, utf8.RuneCountInString(span))
	}
	return excerptLine, caretLine
}

func TestTextCaretsAlign(t *testing.T) {
	long := "The council of Saint-Étienne-du-Rouvray voted on Tuesday, after a debate that lasted well into the night and drew a crowd of residents, to approve the budget, which the mayor called “a visionary plan” for the town."
	if utf8.RuneCountInString(long) <= 150 {
		t.Fatalf("the long sentence has only %d characters", utf8.RuneCountInString(long))
	}
	cases := []struct {
		name, sentence, span string
		// leading and trailing say whether the excerpt is cut there.
		leading, trailing bool
	}{
		{"short ASCII", "The deal clearly helps both firms.", "clearly", false, false},
		{"short with multi-byte characters before the span", "Café owner José Núñez — “visibly” upset — said the décor was fake.", "décor", false, false},
		{"span at the start", "Visionary plans rarely survive the budget.", "Visionary", false, false},
		{"span at the end", "The mayor called it visionary", "visionary", false, false},
		{"long sentence, span near the end", long, "visionary plan", true, false},
		{"long sentence, span near the start", long, "Saint-Étienne", false, true},
		{"long sentence, span in the middle", long + " " + long, "well into the night", true, true},
		{"span with multi-byte characters itself", "Critics said the “élan” of the café faded.", "“élan”", false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			line, _ := caretCheck(t, c.sentence, c.span)
			shown := strings.TrimPrefix(line, "    ")
			if got := strings.HasPrefix(shown, "…"); got != c.leading {
				t.Errorf("excerpt cut at the start: %v, want %v: %q", got, c.leading, shown)
			}
			if got := strings.HasSuffix(shown, "…"); got != c.trailing {
				t.Errorf("excerpt cut at the end: %v, want %v: %q", got, c.trailing, shown)
			}
			if n := utf8.RuneCountInString(strings.Trim(shown, "…")); n > 100 {
				t.Errorf("excerpt shows %d characters, want at most 100", n)
			}
			if !c.leading && !c.trailing && shown != c.sentence {
				t.Errorf("short excerpt %q, want the whole sentence", shown)
			}
		})
	}
}

func TestTextCaretsForLongSpan(t *testing.T) {
	span := strings.Repeat("word ", 30) + "end"
	sentence := "It began: " + span + ", then more text follows to make it long enough to need a window."
	line, carets := caretCheck(t, sentence, span)
	if !strings.HasSuffix(line, "…") {
		t.Errorf("excerpt %q: want it cut after the span", line)
	}
	if n := strings.Count(carets, "^"); n != len(span) {
		t.Errorf("%d carets for a %d-character span", n, len(span))
	}
}

func TestTextCaretsForEmptyAndOutOfRangeMarks(t *testing.T) {
	cases := []struct {
		name                string
		excerpt             string
		markStart, markEnd  int
		wantLine, wantCaret string
	}{
		{"empty span gets one caret", "Share This Post", 6, 6, "    Share This Post", "          ^"},
		{"span past the end is clamped", "Share This Post", 40, 50, "    Share This Post", "                   ^"},
		{"end before start", "Share This Post", 11, 3, "    Share This Post", "               ^"},
		{"whole sentence", "Subscribe", 0, 9, "    Subscribe", "    ^^^^^^^^^"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := &finding.Finding{Rule: "scraper-residue", Severity: finding.Warning, Message: "m", Line: 9, Column: 1, Excerpt: c.excerpt, MarkStart: c.markStart, MarkEnd: c.markEnd}
			r := &report.Report{Articles: []*report.Article{{Path: "p", Findings: []*finding.Finding{f}}}}
			lines := strings.Split(write(t, "text", r, report.Options{}), "\n")
			if diff := cmp.Diff([]string{c.wantLine, c.wantCaret}, lines[1:3]); diff != "" {
				t.Errorf("excerpt and carets (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTextScorecardClipsLongHeadline(t *testing.T) {
	headline := strings.Repeat("Ünïcode headline words ", 6) // 138 characters
	r := &report.Report{Articles: []*report.Article{{ID: "h.md", Path: "h.md", Headline: headline, Scorecard: card(100, "A", 0)}}}
	out := write(t, "text", r, report.Options{Scorecards: true})
	lines := strings.Split(out, "\n")
	if lines[1] != "h.md  score 100/100  grade A  0 findings  (base 100, ±0)" {
		t.Errorf("scorecard header = %q", lines[1])
	}
	want := `  "` + string([]rune(headline)[:89]) + `…"`
	if lines[2] != want {
		t.Errorf("headline line = %q\nwant            %q", lines[2], want)
	}
}

func TestTextScorecardBars(t *testing.T) {
	cases := []struct {
		score int
		bar   string
	}{
		{100, "██████████"}, {95, "██████████"}, {94, "█████████░"}, {44, "████░░░░░░"}, {5, "█░░░░░░░░░"}, {4, "░░░░░░░░░░"}, {0, "░░░░░░░░░░"},
	}
	for _, c := range cases {
		cats := fullCategories(nil)
		cats[0].Score, cats[0].Deduction, cats[0].Findings = c.score, 25*float64(100-c.score)/100, 1
		r := &report.Report{Articles: []*report.Article{{Path: "p", Scorecard: card(c.score, "?", 0, cats...)}}}
		out := write(t, "text", r, report.Options{Scorecards: true})
		line := strings.Split(out, "\n")[2]
		if !strings.HasPrefix(line, "  attribution") || !strings.Contains(line, "  "+c.bar) {
			t.Errorf("score %d: line %q, want bar %s", c.score, line, c.bar)
		}
	}
}
