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
