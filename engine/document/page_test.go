package document

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/article"
)

func TestPageEvidenceReadWithTheLexicons(t *testing.T) {
	a := newArticle(article.HTML, "# Pier to reopen\n\nThe pier will reopen in May, the council said.\n")
	a.URL = "https://www.baypost.example/news/pier"
	a.Evidence = &article.Evidence{
		From: "html", Byline: "Jane Roe, transport reporter", DeclaredAuthors: []string{"Jane Roe"},
		Published: "2026-04-01", Section: "Comment", Type: "NewsArticle",
		Labels: []string{"Advertisement", "Sponsored by Acme", "Share", "Corrections policy"},
		Links: []article.Link{
			{Text: "the ruling", URL: "https://ecf.uscourts.gov/doc/1"},
			{Text: "the study", URL: "https://doi.org/10.5555/x"},
			{Text: "earlier", URL: "/news/pier-closed"},
			{Text: "photos", URL: "https://photos.baypost.example/pier"},
			{Text: "email us", URL: "mailto:desk@baypost.example"},
			{Text: "the Ledger", URL: "https://Ledger.example./story"},
		},
	}
	d := buildArticle(t, a, realLexicons(t))
	raw, err := d.JSON(false)
	if err != nil {
		t.Fatal(err)
	}
	var in struct {
		Page map[string]any `json:"page"`
	}
	if err := json.Unmarshal(raw, &in); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"version": 1.0, "from": "html", "byline": "Jane Roe, transport reporter", "authors": []any{"Jane Roe"},
		"declared_authors": []any{"Jane Roe"}, "published": "2026-04-01", "modified": "", "publisher": "",
		"section": "Comment", "type": "NewsArticle", "opinion": true, "sponsored": false, "corrections": true,
		"labels": []any{
			map[string]any{"text": "Advertisement", "group": "advertising"},
			map[string]any{"text": "Sponsored by Acme", "group": "sponsored"},
			map[string]any{"text": "Corrections policy", "group": "correction"},
		},
		"links": []any{
			link("the ruling", "https://ecf.uscourts.gov/doc/1", "ecf.uscourts.gov", false, "court"),
			link("the study", "https://doi.org/10.5555/x", "doi.org", false, "journal"),
			link("earlier", "/news/pier-closed", "www.baypost.example", true, ""),
			link("photos", "https://photos.baypost.example/pier", "photos.baypost.example", true, ""),
			link("email us", "mailto:desk@baypost.example", "", false, ""),
			link("the Ledger", "https://Ledger.example./story", "ledger.example", false, ""),
		},
	}
	if diff := cmp.Diff(want, in.Page); diff != "" {
		t.Errorf("input.page (-want +got):\n%s", diff)
	}
}

func link(text, url, host string, own bool, primary string) map[string]any {
	return map[string]any{"text": text, "url": url, "host": host, "own_site": own, "primary": primary}
}

func TestNoPageWithoutEvidence(t *testing.T) {
	for _, f := range []article.Format{article.Text, article.Markdown, article.JSONLines} {
		d := build(t, f, "The pier will reopen in May, the council said.\n")
		if d.Page != nil {
			t.Errorf("%s: page evidence from nothing: %+v", f, d.Page)
		}
		raw, _ := d.JSON(false)
		var in map[string]any
		_ = json.Unmarshal(raw, &in)
		if _, ok := in["page"]; ok {
			t.Errorf("%s: input.page present without evidence", f)
		}
	}
}

// A Markdown article whose page block lists no links has its body's links
// as the page's: inline, reference and bare addresses, in order, with the
// text the reader sees; a block that lists links keeps its own, and a
// record's plain text gives none.
func TestMarkdownBodyLinksStandForThePageLinks(t *testing.T) {
	src := "# Mill sold\n\nThe mill was sold, according to [*The* Ledger](https://ledger.example/a \"t\").\n\n" +
		"The [council's\nfiling][f] and <https://gov.example/f> agree; `[not](a link)` and ![a photo](p.jpg) are not links.\n\n" +
		"[f]: https://council.example/filing\n"
	lex := realLexicons(t)
	var got []article.Link
	for _, d := range []*Document{
		buildArticle(t, withPage(newArticle(article.Markdown, src), nil), lex),
		buildArticle(t, withPage(newArticle(article.Markdown, "# No links\n\nThe mill was sold.\n"), nil), lex),
		buildArticle(t, withPage(newArticle(article.Markdown, src), []article.Link{{Text: "own", URL: "https://x.example"}}), lex),
		buildArticle(t, withPage(newArticle(article.JSONLines, "The mill was sold, according to [The Ledger](https://ledger.example/a).\n"), nil), lex),
	} {
		if d.Page == nil {
			t.Fatal("no page")
		}
		got = append(got, article.Link{Text: "--"})
		for _, l := range d.Page.Links {
			got = append(got, article.Link{Text: l.Text, URL: l.URL})
		}
		if d.Page.Links == nil {
			got = append(got, article.Link{Text: "nil"})
		}
	}
	want := []article.Link{
		{Text: "--"},
		{Text: "The Ledger", URL: "https://ledger.example/a"},
		{Text: "council's filing", URL: "https://council.example/filing"},
		{Text: "https://gov.example/f", URL: "https://gov.example/f"},
		{Text: "--"},
		{Text: "--"},
		{Text: "own", URL: "https://x.example"},
		{Text: "--"}, {Text: "nil"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func withPage(a *article.Article, links []article.Link) *article.Article {
	a.Evidence = &article.Evidence{From: "front_matter", Byline: "Jane Roe", Links: links}
	return a
}
