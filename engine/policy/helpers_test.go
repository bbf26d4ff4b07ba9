package policy_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/document"
	"github.com/credcheck/credcheck/engine/policy"
)

// testArticle is an article written for these tests, with the rules it is
// meant to make fire.
type testArticle struct {
	name   string
	format article.Format
	text   string
	// fires lists rules the article is written to trigger; tests check
	// that they really do, so the comparison tests cover them.
	fires []string
}

// articles are realistic news-style texts that between them make most of
// the built-in rules fire.
var articles = []testArticle{
	{
		name:   "battery-deal.txt",
		format: article.Text,
		text: `Harwick Motors Partners With Daejin Cells

Harwick Motors has announced a partnership with Daejin Cells to build battery packs, according to a report by Reuters. The $2.4 billion deal will close in May.

People familiar with the matter said the talks began last year. Harwick Motors is reportedly in talks to partner with Daejin Cells on a second plant.

The alliance is seen as a turning point for the carmaker. Analysts welcomed the $3.1 billion deal. Many suppliers will probably follow.

Neither Harwick Motors nor Daejin Cells has commented on the deal.

Share This Post
`,
		fires: []string{"announced-vs-no-comment", "headline-overstates-body", "hearsay-hedge", "number-mismatch",
			"scraper-residue", "secondhand-report", "unsourced-claim", "vague-source", "weasel-passive",
			"epistemic-hedge", "vague-quantity"},
	},
	{
		name:   "library-wing.md",
		format: article.Markdown,
		text: `---
title: Riverside Library Unveils Its New Reading Wing
author: Jane Roe
---

# Riverside Library Unveils Its New Reading Wing

The pivotal project underscores a multifaceted strategy that showcases meticulous planning by the council. The wing stands as a testament to the town's ambition.

Furthermore, the library will now open on Sunday mornings. Moreover, it will lend tablets to every reader. Additionally, it will host a weekly chess club.

The project not only adds shelf space but also opens a café, heralding a new chapter.

Riverside Library Unveils Its New Reading Wing

## Conclusion

In conclusion, the wing is a landmark for readers. I hope this helps!
`,
		fires: []string{"ai-vocabulary", "chatbot-artefact", "formulaic-closer", "formulaic-phrasing",
			"repeated-headline", "stock-opener"},
	},
	{
		name:   "tax-cut.txt",
		format: article.Text,
		text: `Mayor Reportedly Plans Tax Cut

The visionary mayor will clearly cut the property tax by 4% next year. Sales in the region fell 11% last quarter.

The plan is expected to pass. Experts say the cut will help shops.

Council member Ana Ruiz said the vote was set for June. "The mayor reportedly wants it done," she said.
`,
		fires: []string{"hearsay-hedge", "loaded-language", "unsourced-claim"},
	},
	{
		name:   "stadium.txt",
		format: article.Text,
		text: `City Council Approves Stadium Loan

The council approved a $150 million loan for the new stadium on Tuesday, the city clerk said. "It is a heartening day," said Mayor Lena Park.

Critics argue the $210 million loan is too large. The heartening vote came after months of delay, and the club's owner, a tech behemoth, clearly welcomed it.

Construction is apparently due to begin in spring. The club declined to comment.
`,
		fires: []string{"loaded-language", "hearsay-hedge", "vague-source"},
	},
	{
		name:   "harbour-campaign.md",
		format: article.Markdown,
		text: `---
title: "You Won't Believe What the Board Is HIDING NOW!"
---

The harbour board met in private on Monday. Why would a public board need to hide its vote? The mainstream media won't tell you why.

The truth is, the vote was fixed. I believe that the board has failed.

Share this article with your neighbours. Please donate today to keep us going.
`,
		fires: []string{"clickbait-headline", "conspiracy-framing", "absolute-certainty", "first-person-opinion",
			"reader-address", "promotion", "rhetorical-question"},
	},
	{
		name:   "ferry-fares.txt",
		format: article.Text,
		text: `Ferry Operator Raises Fares

The ferry operator raised fares on Monday, its chief executive said. Oren Vale, a transport economist at Kestrel University, said the rise of $2 a crossing was modest.

Dana Reyes, the operator's finance director, said costs had grown. The operator said in a statement that it would review the fares in a year.

The island council did not respond to a request for comment.
`,
		fires: []string{"named-source", "independent-sources", "primary-source", "response-sought", "specifics"},
	},
	{
		name:   "marina-column.html",
		format: article.HTML,
		text: `<!DOCTYPE html><html lang="en"><head><title>The marina plan is a mistake</title>
<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Tom Vale"}}</script>
</head><body><article><h1>The marina plan is a mistake</h1>
<p class="byline">By Jane Roe</p>
<p>The council will vote on the marina plan next week, according to The Ledger. I believe that the plan will fail the town and its fishing fleet.</p>
<p>The plan would replace the fish market with berths for yachts, and the harbour office would move to the old ferry terminal by the end of the year, says the <a href="https://www.harbour.gov.uk/marina-plan">council's published plan</a>.</p>
<p>We must demand a public vote before the berths are built. Boats from <a rel="sponsored" href="https://yachts.example/">Harbour Yachts</a> are already waiting for them.</p>
</article></body></html>
`,
		fires: []string{"byline-mismatch", "no-date", "opinion-unlabelled", "sponsored-unlabelled", "outlet-unlinked", "primary-link"},
	},
	{
		name:   "unsigned-notice.md",
		format: article.Markdown,
		text: `---
title: Harbour office moves to the ferry terminal
date: 2026-05-04
page:
  section: News
---

The harbour office will move to the old ferry terminal in June, the port authority said on Monday.
`,
		fires: []string{"no-byline"},
	},
}

// loadBuiltIn loads the built-in policies with the given options.
func loadBuiltIn(t *testing.T, opts policy.Options) *policy.Set {
	t.Helper()
	set, err := policy.Load(context.Background(), opts)
	if err != nil {
		t.Fatalf("Load(%+v): %v", opts, err)
	}
	return set
}

// buildInput turns an article into the policy input, using the lexicons of
// set (which include any user lexicons).
func buildInput(t *testing.T, set *policy.Set, a testArticle) ast.Value {
	t.Helper()
	return buildDoc(t, set, a).Value()
}

func buildDoc(t *testing.T, set *policy.Set, a testArticle) *document.Document {
	t.Helper()
	parsed, errs := article.Parse(a.name, a.format, []byte(a.text))
	if len(errs) > 0 {
		t.Fatalf("article.Parse(%s): %v", a.name, errs[0])
	}
	doc, err := document.Build(parsed[0], set.Lexicons)
	if err != nil {
		t.Fatalf("document.Build(%s): %v", a.name, err)
	}
	return doc
}

func evaluate(t *testing.T, set *policy.Set, a testArticle) []policy.Hit {
	t.Helper()
	hits, err := set.Evaluate(context.Background(), buildInput(t, set, a))
	if err != nil {
		t.Fatalf("Evaluate(%s): %v", a.name, err)
	}
	return hits
}

// writeTree writes files (slash-separated relative path → content) under a
// fresh temporary directory and returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func rulesOf(hits []policy.Hit) map[string]int {
	out := map[string]int{}
	for _, h := range hits {
		out[h.Rule]++
	}
	return out
}

func hitsOf(hits []policy.Hit, rule string) []policy.Hit {
	var out []policy.Hit
	for _, h := range hits {
		if h.Rule == rule {
			out = append(out, h)
		}
	}
	return out
}

// rego writes a rule module: METADATA lines (without the leading "# "),
// the package line and the body.
func regoModule(metadata []string, pkg, body string) string {
	var b strings.Builder
	if metadata != nil {
		b.WriteString("# METADATA\n")
		for _, l := range metadata {
			if l == "" {
				b.WriteString("#\n")
				continue
			}
			b.WriteString("# " + l + "\n")
		}
	}
	b.WriteString("package " + pkg + "\n\n")
	b.WriteString(body)
	return b.String()
}

// ruleMeta is the METADATA of a valid user rule; change lines to break it.
func ruleMeta(category, severity, weight string) []string {
	m := []string{
		"title: Test rule",
		"description: A rule written by a test.",
		"custom:",
		"  category: " + category,
		"  severity: " + severity,
	}
	if weight != "" {
		m = append(m, "  weight: "+weight)
	}
	return append(m,
		"  why: Tests need a reason.",
		"  examples:",
		"    fires: Sources say so.",
		"    quiet: The minister said so.",
	)
}

// quietBody is a rule body that never reports anything.
const quietBody = "report := set()\n"
