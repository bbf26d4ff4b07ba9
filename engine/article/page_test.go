package article

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

const evidencePage = `<!DOCTYPE html><html><head><title>Pier to reopen</title>
<meta property="article:section" content="Opinion">
<meta name="author" content="Meta Name">
<script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "Bay Post"},
 {"@type": "OpinionNewsArticle", "author": [{"@type": "Person", "name": "Tom Vale"}, "By Ann Lee"],
  "dateModified": "2026-04-02T23:30:00-02:00", "publisher": {"name": "Bay Post"}, "sponsor": {"name": "Acme"}}]}</script>
</head><body>
<nav><span class="label">Opinion</span></nav>
<article><span class="kicker">Sponsored by Acme Boats</span><h1>Pier to reopen</h1>
<p class="byline">By <a rel="author" href="/a/jr">Jane Roe</a> and <a rel="author" href="/a/al">Ann Lee</a> | <time datetime="2026-04-01">1 April</time></p>
<p>The pier will reopen in May, the council said on Monday, after a repair that took two years and cost more than planned.</p>
<p class="correction-notice">Correction: an earlier version gave the wrong month.</p>
<p>Boats from <a rel="sponsored nofollow" href="https://boats.example/">Acme Boats</a> will dock there.</p>
</article></body></html>`

func TestPageEvidenceFromHTML(t *testing.T) {
	as, errs := Parse("pier.html", HTML, []byte(evidencePage))
	if len(errs) > 0 || len(as) != 1 {
		t.Fatalf("articles %d, errors %v", len(as), errs)
	}
	e := *as[0].Evidence
	e.Links = nil
	want := Evidence{
		From: "html", Byline: "Jane Roe and Ann Lee", BylineNames: []string{"Jane Roe", "Ann Lee"},
		DeclaredAuthors: []string{"Tom Vale", "Ann Lee"},
		Published:       "2026-04-01", Modified: "2026-04-03", Publisher: "Bay Post", Section: "Opinion",
		Type: "OpinionNewsArticle", Sponsored: true, Corrections: true,
		Labels: []string{"Sponsored by Acme Boats", "Correction: an earlier version gave the wrong month.", "Acme Boats"},
	}
	if diff := cmp.Diff(want, e); diff != "" {
		t.Errorf("evidence (-want +got):\n%s", diff)
	}
	// The byline's author links are in the extracted body too.
	if got := as[0].Evidence.Links; len(got) != 3 || got[2].URL != "https://boats.example/" {
		t.Errorf("links %v, want the body's three links", got)
	}
}

func TestPageEvidenceOnlyFromAPageBlock(t *testing.T) {
	md := "---\ntitle: Pier to reopen\nauthor: Jane Roe\ndate: 2026-04-01\noutlet: Bay Post\npage:\n  section: News\n  labels: [Analysis]\n  links:\n    - {text: the plan, url: 'https://council.example/plan'}\n---\n\nThe pier will reopen in May.\n"
	as, errs := Parse("pier.md", Markdown, []byte(md))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := &Evidence{From: "front_matter", Byline: "Jane Roe", Published: "2026-04-01", Publisher: "Bay Post", Section: "News",
		Labels: []string{"Analysis"}, Links: []Link{{Text: "the plan", URL: "https://council.example/plan"}}}
	if diff := cmp.Diff(want, as[0].Evidence); diff != "" {
		t.Errorf("front matter evidence (-want +got):\n%s", diff)
	}

	jsonl := `{"id": "a", "text": "The pier will reopen.", "page": {"byline": "", "sponsored": true}}
{"id": "b", "text": "The pier will reopen.", "author": "Jane Roe"}
`
	as, errs = Parse("pier.jsonl", JSONLines, []byte(jsonl))
	if len(errs) > 0 || len(as) != 2 {
		t.Fatalf("articles %d, errors %v", len(as), errs)
	}
	if diff := cmp.Diff(&Evidence{From: "record", Sponsored: true}, as[0].Evidence); diff != "" {
		t.Errorf("record evidence (-want +got):\n%s", diff)
	}
	if as[1].Evidence != nil {
		t.Errorf("a record without a page block has evidence: %+v", as[1].Evidence)
	}
	as, _ = Parse("pier.md", Markdown, []byte("---\ntitle: Pier\nauthor: Jane Roe\n---\n\nThe pier will reopen.\n"))
	if as[0].Evidence != nil {
		t.Errorf("front matter without a page block has evidence: %+v", as[0].Evidence)
	}
	as, _ = Parse("pier.txt", Text, []byte("The pier will reopen.\n"))
	if as[0].Evidence != nil {
		t.Errorf("plain text has evidence: %+v", as[0].Evidence)
	}
}

func TestBylineNames(t *testing.T) {
	for in, want := range map[string][]string{
		"By Jane Roe":                        {"Jane Roe"},
		"Dana Whitlow, transport reporter":   {"Dana Whitlow"},
		"Jane Roe and Ann Lee in Northshore": {"Jane Roe"},
		"Jane Roe & Ann Lee":                 {"Jane Roe", "Ann Lee"},
		"Staff":                              nil,
	} {
		if diff := cmp.Diff(want, BylineNames(in)); diff != "" {
			t.Errorf("BylineNames(%q) (-want +got):\n%s", in, diff)
		}
	}
}
