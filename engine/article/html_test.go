package article

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const storyPage = `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Tram depot to close | Riverside Post</title>
<meta name="description" content="The depot closes in June.">
<meta property="og:site_name" content="Riverside Post">
<meta property="og:title" content="Tram depot to close">
<meta property="article:modified_time" content="2026-03-03T10:00:00Z">
<link rel="canonical" href="https://post.example/tram-depot">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Tram depot to close",
"datePublished":"2026-03-02T08:00:00Z","dateModified":"2026-03-03T10:00:00Z","author":{"@type":"Person","name":"Priya Lund"}}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/subscribe">Subscribe</a></nav>
<article>
<h1>Tram depot to close</h1>
<p class="byline">By Priya Lund</p>
<p>The city will close the Eastgate tram depot in June, the transport office said on Monday. The office published <a href="https://city.example/plan.pdf">its plan</a> the same day.</p>
<p>- Dashes open this paragraph, which is not a list item, and 40 staff will move to the new depot at Northgate.</p>
<h2>What the union says</h2>
<blockquote><p>We were told in January and we agreed to the move, the union's branch secretary wrote in a letter to members.</p></blockquote>
<ol start="3"><li>Eastgate closes on June 1.</li><li>Northgate opens on June 2, <a href="/timetable">timetable</a>.</li></ol>
<pre>route  trams
1      12</pre>
<p>1. This paragraph opens with a number and the words after it are the rest of a sentence about the depot's history.</p>
</article>
<footer>Subscribe to our newsletter</footer>
</body></html>`

func TestHTMLExtractsTextZonesAndMetadata(t *testing.T) {
	as, errs := Parse("story.html", HTML, []byte(storyPage))
	if len(errs) > 0 || len(as) != 1 {
		t.Fatalf("articles %d, errors %v", len(as), errs)
	}
	a := as[0]
	want := `# Tram depot to close

By Priya Lund

The city will close the Eastgate tram depot in June, the transport office said on Monday. The office published its plan the same day.

\- Dashes open this paragraph, which is not a list item, and 40 staff will move to the new depot at Northgate.

## What the union says

> We were told in January and we agreed to the move, the union's branch secretary wrote in a letter to members.

3. Eastgate closes on June 1.

4. Northgate opens on June 2, timetable.

` + "```\nroute  trams\n1      12\n```" + `

\1. This paragraph opens with a number and the words after it are the rest of a sentence about the depot's history.
`
	if diff := cmp.Diff(want, a.Source); diff != "" {
		t.Errorf("extracted text (-want +got):\n%s", diff)
	}
	got := *a
	got.Source, got.Page, got.Evidence = "", nil, nil
	wantArticle := Article{ID: "story.html", Path: "story.html", Format: HTML, Title: "Tram depot to close", Author: "Priya Lund",
		Date: "2026-03-02", Outlet: "Riverside Post", URL: "https://post.example/tram-depot"}
	if diff := cmp.Diff(wantArticle, got); diff != "" {
		t.Errorf("metadata (-want +got):\n%s", diff)
	}
	wantPage := Page{Language: "en-GB", Description: "The depot closes in June.", Modified: "2026-03-03",
		Links: []Link{{"its plan", "https://city.example/plan.pdf"}, {"timetable", "/timetable"}}}
	page := *a.Page
	page.Body = ""
	if diff := cmp.Diff(wantPage, page); diff != "" {
		t.Errorf("page (-want +got):\n%s", diff)
	}
	if strings.Contains(a.Page.Body, "# ") || strings.Contains(a.Page.Body, "Subscribe") || !strings.Contains(a.Page.Body, "Eastgate closes on June 1.") {
		t.Errorf("body for scoring keeps markers or chrome, or lost text: %q", a.Page.Body)
	}
}

func TestHTMLDecodesDeclaredCharset(t *testing.T) {
	page := []byte("<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9</title></head><body><article><p>The caf\xe9 on the corner charged \xa33 for a cr\xe8me br\xfbl\xe9e, its owner said on Friday.</p></article></body></html>")
	as, errs := Parse("latin1.html", HTML, page)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if !strings.Contains(as[0].Source, "The café on the corner charged £3 for a crème brûlée") {
		t.Errorf("not decoded: %q", as[0].Source)
	}
}

func TestHTMLReadsCompressedPagesWithinTheLimit(t *testing.T) {
	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(storyPage))
	zw.Close()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	page := write("story.html.gz", gz.Bytes())
	as, errs := Load([]string{dir}, LoadOptions{})
	if len(errs) > 0 || len(as) != 1 || as[0].Format != HTML || as[0].Title != "Tram depot to close" {
		t.Fatalf("articles %v, errors %v", as, errs)
	}
	// The limit holds for the page as expanded, not as stored.
	if len(storyPage) <= 1200 || gz.Len() > 1200 {
		t.Fatalf("page of %d bytes, %d compressed: the test needs a page that only fits compressed", len(storyPage), gz.Len())
	}
	_, errs = ReadFile(page, HTML, 1200)
	if len(errs) != 1 || !strings.Contains(errs[0].Reason, "uncompressed") || !strings.Contains(errs[0].Reason, "--max-bytes") {
		t.Errorf("errors %v, want the uncompressed page over the limit", errs)
	}
	bad := write("bad.html.gz", append([]byte{0x1f, 0x8b}, "not gzip at all"...))
	_, errs = ReadFile(bad, HTML, 0)
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Reason, "gzip: ") {
		t.Errorf("errors %v, want one gzip error", errs)
	}
}

func TestDetectRecognisesPages(t *testing.T) {
	for in, want := range map[string]Format{
		"<!DOCTYPE html>\n<html><body><p>x</p></body></html>": HTML,
		"  <HTML lang=en><p>x</p>":                            HTML,
		"\x1f\x8b\x08\x00":                                    HTML,
		"<p>a fragment</p>":                                   Text,
		"# Heading\n\n<div>html block</div>":                  Markdown,
	} {
		if got := Detect([]byte(in)); got != want {
			t.Errorf("Detect(%q) = %q, want %q", in, got, want)
		}
	}
}
