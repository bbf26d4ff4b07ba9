package report_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/pathglob"
	"github.com/credcheck/credcheck/engine/report"
)

// sampleMarkdown is written with ' for ` so that it can be a raw string.
var sampleMarkdown = strings.ReplaceAll(`## credcheck

**failed** · 2 articles · 5 findings (1 error, 3 warnings, 1 info) · 1 suppressed · mean score 91 · 2 inputs could not be checked

| article | headline | score | grade | result | attribution | hedge | contradiction | machine | editorial | boilerplate | sourcing |
|---|---|--:|:-:|---|--:|--:|--:|--:|--:|--:|--:|
| 'fixtures/deal.txt' | Harwick Motors Partners With Daejin Cells | 86 | B | **fail** | 88 | 27 | 100 | 100 | 95 | 100 | 100 |
| 'wire.jsonl#r2' |  | 96 | A | **fail** | 100 | 100 | 84 | 100 | 100 | 100 | 100 |

### 'fixtures/deal.txt'

86/100, grade B · 3 findings · 1 suppressed

- '1:16' **error** 'hearsay-hedge': the headline rests on "Reportedly": say who reported or claimed it, or verify it (cue 'Reportedly')
- '5:1' **warning** 'vague-source': "People familiar with the matter": an anonymous source; say why they cannot be named, or describe them precisely (cue 'People familiar with the matter')
- '7:10' **info** 'loaded-language': "clearly" tells the reader what to think (cue 'clearly')
- '11' **stale suppression** '<!-- credcheck-disable vague-source -->': suppresses no finding; remove it

### 'wire.jsonl#r2'

96/100, grade A · 2 findings

Positions are within record 'r2', on line 2 of 'wire.jsonl'.

- '3:5' **warning** 'number-mismatch': gives the deal as \$2.4 billion, but line 4 gives \$3.1 billion (cue '$2.4 billion')
- '4:23' **warning** 'number-mismatch': gives the deal as \$3.1 billion, but line 3 gives \$2.4 billion (cue '$3.1 billion')

### Inputs that could not be checked

- 'wire.jsonl:5': record has no "text"
- 'missing.md': no such file or directory

### Notes

- house/hedge.rego replaces the built-in rule hearsay-hedge
`, "'", "`")

func TestMarkdownReport(t *testing.T) {
	got := write(t, "markdown", sampleReport(), sampleOptions)
	if diff := cmp.Diff(sampleMarkdown, got); diff != "" {
		t.Errorf("markdown report (-want +got):\n%s", diff)
	}
	if again := write(t, "markdown", sampleReport(), sampleOptions); again != got {
		t.Errorf("markdown report differs between runs")
	}
}

// mdCells splits a table row on the pipes that end cells: those not
// escaped with a backslash, as GitHub does.
func mdCells(row string) []string {
	var cells []string
	var cell strings.Builder
	escaped := false
	for _, r := range strings.TrimSpace(row) {
		switch {
		case escaped:
			escaped = false
		case r == '\\':
			escaped = true
		case r == '|':
			cells = append(cells, strings.TrimSpace(cell.String()))
			cell.Reset()
			continue
		}
		cell.WriteRune(r)
	}
	cells = append(cells, strings.TrimSpace(cell.String()))
	// A row starts and ends with a pipe, leaving an empty cell at each end.
	return cells[1 : len(cells)-1]
}

func mdTableRows(t *testing.T, out string) [][]string {
	t.Helper()
	var rows [][]string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "|") {
			rows = append(rows, mdCells(l))
		}
	}
	if len(rows) < 2 {
		t.Fatalf("no table in:\n%s", out)
	}
	return rows
}

func TestMarkdownEscapesArticleText(t *testing.T) {
	headline := "Deal | Off `now` <script>alert(1)</script> [x](http://e.test) $5 or 6$ @everyone"
	msg := "says `x` | y\n# not a heading <img src=x onerror=alert(1)>"
	f := marked("hearsay-hedge", "hedge", finding.Error, "It says ``b`` | c here.", "``b`` | c", 2, 4, msg)
	r := &report.Report{Articles: []*report.Article{{
		ID: "news/a|b.md", Path: "news/a|b.md", Format: article.Markdown, Headline: headline,
		Scorecard: card(70, "C", 30, fullCategories(nil)...), Findings: []*finding.Finding{f},
	}}}
	out := write(t, "markdown", r, report.Options{})

	rows := mdTableRows(t, out)
	if len(rows) != 3 {
		t.Fatalf("table has %d rows, want header, rule and one article:\n%s", len(rows), out)
	}
	for i, row := range rows {
		if len(row) != len(rows[0]) {
			t.Errorf("row %d has %d cells, the header %d: %q", i, len(row), len(rows[0]), row)
		}
	}
	wantCells := []string{"`news/a\\|b.md`", "Deal \\| Off \\`now\\` \\<script\\>alert(1)\\</script\\> \\[x\\](http://e.test) \\$5 or 6\\$ @\u200beveryone"}
	if diff := cmp.Diff(wantCells, rows[2][:2]); diff != "" {
		t.Errorf("article and headline cells (-want +got):\n%s", diff)
	}
	// No tag of the article's reaches the page, and the message stays one
	// list item on one line.
	for _, tag := range []string{"<script", "<img", "</script"} {
		if strings.Contains(strings.ReplaceAll(out, "\\<", ""), tag) {
			t.Errorf("output holds an unescaped %s:\n%s", tag, out)
		}
	}
	wantItem := "- `2:4` **error** `hearsay-hedge`: says \\`x\\` \\| y # not a heading \\<img src=x onerror=alert(1)\\> (cue ``` ``b`` | c ```)"
	if !strings.Contains(out, "\n"+wantItem+"\n") {
		t.Errorf("finding item missing; want line\n%s\nin\n%s", wantItem, out)
	}
}

func TestMarkdownTopFindings(t *testing.T) {
	a := &report.Article{ID: "long.txt", Path: "long.txt", Format: article.Text, Scorecard: card(20, "F", 80, fullCategories(nil)...)}
	// Text order: three infos, five warnings, five errors.
	for line := 1; line <= 13; line++ {
		sev := finding.Info
		switch {
		case line > 8:
			sev = finding.Error
		case line > 3:
			sev = finding.Warning
		}
		a.Findings = append(a.Findings, &finding.Finding{Rule: "r", Severity: sev, Message: fmt.Sprintf("m%d", line), Line: line, Column: 1})
	}
	out := write(t, "markdown", &report.Report{Articles: []*report.Article{a}}, report.Options{})
	var items []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "- ") {
			items = append(items, l)
		}
	}
	var want []string
	for _, line := range []int{9, 10, 11, 12, 13, 4, 5, 6, 7, 8} {
		sev := "error"
		if line < 9 {
			sev = "warning"
		}
		want = append(want, fmt.Sprintf("- `%d:1` **%s** `r`: m%d", line, sev, line))
	}
	want = append(want, "- … and 3 more")
	if diff := cmp.Diff(want, items); diff != "" {
		t.Errorf("listed findings (-want +got):\n%s", diff)
	}
}

// The result column follows the thresholds of each article's path.
func TestMarkdownResultHonoursPathThresholds(t *testing.T) {
	errorRank := finding.Error.Rank()
	gate := report.Gate{FailRank: finding.Warning.Rank(), Paths: []report.PathGate{
		{Paths: pathglob.Set{Globs: []string{"*.jsonl"}}, FailRank: &errorRank},
	}}
	rows := mdTableRows(t, write(t, "markdown", sampleReport(), report.Options{Gate: gate}))
	got := map[string]string{}
	for _, row := range rows[2:] {
		got[row[0]] = row[4]
	}
	want := map[string]string{"`fixtures/deal.txt`": "**fail**", "`wire.jsonl#r2`": "pass"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("result column (-want +got):\n%s", diff)
	}
}

func TestMarkdownEmptyReport(t *testing.T) {
	got := write(t, "markdown", &report.Report{}, report.Options{})
	want := "## credcheck\n\n**passed** · 0 articles · 0 findings (0 errors, 0 warnings, 0 info)\n"
	if got != want {
		t.Errorf("empty report = %q, want %q", got, want)
	}
}
