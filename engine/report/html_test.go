package report_test

import (
	"context"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/internal/golden"
	"github.com/credcheck/credcheck/engine/policy"
	"github.com/credcheck/credcheck/engine/report"
)

// TestHTMLGolden renders two fixtures, a text and a Markdown article, as
// the checker finds them: the page is the same bytes on every run. After
// a deliberate change, go test ./engine/report -run TestHTMLGolden -update
// and look at testdata/report.html in a browser before committing it.
func TestHTMLGolden(t *testing.T) {
	c, err := checker.New(context.Background(), config.Config{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	c.KeepText = true
	r := c.Run(context.Background(), []string{"../../fixtures/hedged-scoop.txt", "../../fixtures/chatbot-leak.md"}, article.LoadOptions{})
	if len(r.Errors) > 0 || len(r.Articles) != 2 {
		t.Fatalf("checked %d articles, errors %v", len(r.Articles), r.Errors)
	}
	got := write(t, "html", r, report.Options{Version: "v1.2.3", Gate: report.Gate{FailRank: 3}})
	golden.File(t, filepath.Join("testdata", "report.html"), []byte(got), update())
	// Every finding that costs or earns points is marked in the text and
	// explained in the list.
	for i, a := range r.Articles {
		for j, f := range a.Findings {
			id := "a" + itoa(i+1) + "-f" + itoa(j+1)
			if !strings.Contains(got, `data-f="`+id+`"`) && f.Start < f.End {
				t.Errorf("%s finding %d (%s at %d–%d) is not marked in the text", a.Path, j+1, f.Rule, f.Start, f.End)
			}
			if !strings.Contains(got, `<li id="`+id+`" class="finding" tabindex="-1">`) {
				t.Errorf("%s finding %d (%s) has no explanation", a.Path, j+1, f.Rule)
			}
		}
	}
	// The Markdown article gets the inline comment to copy; the text one
	// cannot take comments and gets only the baseline entry.
	if !strings.Contains(got, "&lt;!-- credcheck-disable-next-line ") {
		t.Error("no inline suppression comment for the Markdown article")
	}
	if !strings.Contains(got, `{&#34;article&#34;:&#34;../../fixtures/hedged-scoop.txt&#34;,&#34;rule&#34;:`) {
		t.Error("no baseline entry for the text article")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// An article written to attack the page that shows it: its text, path,
// metadata and the messages quoting it must come out as text.
func TestHTMLEscapesHostileArticles(t *testing.T) {
	text := "Officials said <script>alert(1)</script> and <img src=x onerror=alert(2)> happened.\n"
	start := strings.Index(text, "<script>")
	f := &finding.Finding{Rule: "hearsay-hedge", Category: "hedge", Severity: finding.Error, Message: `"<script>alert(1)</script>" is hearsay`,
		Cue: "<script>", Start: start, End: start + len("<script>alert(1)</script>"), Line: 1, Column: start + 1, Excerpt: text, Fingerprint: "f00"}
	a := &report.Article{ID: `x"><script>alert(3)</script>.md`, Path: `x"><script>alert(3)</script>.md`, Format: article.Markdown,
		Headline: "<b>bold</b>", Metadata: report.Metadata{Outlet: "<iframe src=//evil>"}, Text: text, Findings: []*finding.Finding{f}}
	r := &report.Report{Articles: []*report.Article{a}, Rules: []*policy.Rule{{ID: "hearsay-hedge", Title: "Hearsay <hedge>",
		References: []policy.Reference{{URL: "javascript:alert(4)", Description: "click"}}}}}
	got := write(t, "html", r, report.Options{})
	for _, bad := range []string{"<script>alert", "<img", "<iframe", "<b>bold", `href="javascript:`, "ZgotmplZ", "<hedge>"} {
		if strings.Contains(got, bad) {
			t.Errorf("the page holds %q as markup", bad)
		}
	}
	if n := len(regexp.MustCompile(`<script[ >]`).FindAllString(got, -1)); n != 1 {
		t.Errorf("the page has %d script elements, want its own one", n)
	}
	if !strings.Contains(got, "&lt;script&gt;alert(1)&lt;/script&gt;</mark>") {
		t.Error("the hostile text is not shown, escaped, as the marked passage")
	}
}

// Overlapping findings are all marked and each keeps its badge where it
// ends; an offset inside a character is moved to its start.
func TestHTMLMarksOverlappingFindings(t *testing.T) {
	text := "The café reportedly closed, sources say.\n"
	at := func(s string) int { return strings.Index(text, s) }
	wide := &finding.Finding{Rule: "vague-source", Category: "attribution", Severity: finding.Warning, Start: at("café"), End: at(", sources")}
	inner := &finding.Finding{Rule: "hearsay-hedge", Category: "hedge", Severity: finding.Error, Start: at("reportedly"), End: at(" closed")}
	credit := &finding.Finding{Rule: "named-source", Category: finding.CreditCategory, Severity: finding.Info, Start: at("é") + 1, End: at("é") + 1}
	a := &report.Article{ID: "c.txt", Path: "c.txt", Format: article.Text, Text: text, Findings: []*finding.Finding{wide, credit, inner}}
	got := write(t, "html", &report.Report{Articles: []*report.Article{a}}, report.Options{})
	for _, want := range []string{
		`<mark class="cat-attribution sev-warning" data-f="a1-f1" title="vague-source: ">caf</mark>`,
		`<mark class="cat-hedge sev-error" data-f="a1-f3" title="hearsay-hedge: ">reportedly</mark><a class="badge sev-error" id="a1-m3" href="#a1-f3"`,
		`<mark class="cat-attribution sev-warning" data-f="a1-f1" title="vague-source: "> closed</mark><a class="badge sev-warning" id="a1-m1"`,
		`caf</mark><a class="badge sev-credit" id="a1-m2" href="#a1-f2"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}
