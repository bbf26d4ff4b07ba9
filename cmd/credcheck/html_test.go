package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const pageFixture = "fixtures/ferry-route-page.html"

// TestCheckPageFromFileDirectoryAndStdin checks one saved page read three
// ways: named, found in a directory (gzip-compressed), and piped with
// --stdin-format html. Each is the same article with the same findings,
// and the JSON report says where its positions point.
func TestCheckPageFromFileDirectoryAndStdin(t *testing.T) {
	t.Parallel()
	page, err := os.ReadFile(filepath.Join("..", "..", pageFixture))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(page)
	zw.Close()
	write(t, filepath.Join(dir, "saved", "story.html.gz"), gz.String())
	write(t, filepath.Join(dir, "saved", "notes.xhtml"), "<p>not an article ending</p>")

	type article struct {
		Format    string `json:"format"`
		Positions string `json:"positions"`
		Headline  string `json:"headline"`
		Score     int    `json:"score"`
		Findings  []struct {
			Rule   string `json:"rule"`
			Cue    string `json:"cue"`
			Line   int    `json:"line"`
			Column int    `json:"column"`
		} `json:"findings"`
	}
	read := func(r result) article {
		t.Helper()
		if r.code != 0 {
			t.Fatalf("exit %d, want 0 (warnings only):\n%s", r.code, r.stderr)
		}
		var rep struct{ Articles []article }
		if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || len(rep.Articles) != 1 {
			t.Fatalf("report: %v, %d articles", err, len(rep.Articles))
		}
		return rep.Articles[0]
	}
	named := read(credcheck(t, "", nil, "", "check", "--format", "json", pageFixture))
	walked := read(credcheck(t, dir, nil, "", "check", "--format", "json", "saved"))
	piped := read(credcheck(t, dir, nil, string(page), "check", "--format", "json", "--stdin-format", "html", "-"))
	detected := read(credcheck(t, dir, nil, string(page), "check", "--format", "json", "-"))
	if named.Format != "html" || named.Positions != "extracted" || named.Headline != "Port authority weighs second ferry route to Kessel Island" {
		t.Errorf("named page: format %q, positions %q, headline %q", named.Format, named.Positions, named.Headline)
	}
	var hedge bool
	for _, f := range named.Findings {
		// Line 7 of the extracted text, not of the page's markup.
		hedge = hedge || f.Rule == "hearsay-hedge" && f.Cue == "reportedly" && f.Line == 7 && f.Column == 26
	}
	if !hedge {
		t.Errorf("no hearsay-hedge at 7:26 of the extracted text: %+v", named.Findings)
	}
	for name, a := range map[string]article{"walked": walked, "piped": piped, "detected": detected} {
		if a.Score != named.Score || len(a.Findings) != len(named.Findings) || a.Positions != "extracted" {
			t.Errorf("%s page: score %d with %d findings (positions %q), named: %d with %d", name, a.Score, len(a.Findings), a.Positions, named.Score, len(named.Findings))
		}
	}
}

// TestParseShowsExtractedTextAndPageMetadata runs parse on a saved page.
func TestParseShowsExtractedTextAndPageMetadata(t *testing.T) {
	t.Parallel()
	r := credcheck(t, "", nil, "", "parse", pageFixture)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var doc struct {
		Article struct {
			Format, Title, Author, Date, Outlet, URL, Language, Modified string
			ExtractedText                                                string `json:"extracted_text"`
			Links                                                        []struct{ Text, URL string }
		}
		Paragraphs []struct{ Zone string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	a := doc.Article
	if a.Format != "html" || a.Author != "Dana Whitlow" || a.Date != "2026-05-04" || a.Modified != "2026-05-05" ||
		a.Outlet != "Northshore Gazette" || a.URL != "https://gazette.example/news/2026/05/04/ferry-route" || a.Language != "en-GB" {
		t.Errorf("metadata: %+v", a)
	}
	if len(a.Links) != 1 || a.Links[0].URL != "https://port.example/budget-2026.pdf" || a.Links[0].Text != "authority’s budget for 2026" {
		t.Errorf("links: %+v", a.Links)
	}
	if !strings.HasPrefix(a.ExtractedText, "# Port authority weighs") || strings.Contains(a.ExtractedText, "Subscribe") || strings.Contains(a.ExtractedText, "Advertisement") {
		t.Errorf("extracted text:\n%s", a.ExtractedText)
	}
	var zones []string
	for _, p := range doc.Paragraphs {
		zones = append(zones, p.Zone)
	}
	if got := strings.Join(zones, " "); got != "headline lede body body body heading quote body body body" {
		t.Errorf("zones: %s", got)
	}
}

// TestBadPagesAreOneLineEach gives pages that cannot be checked beside one
// that can: each bad one is one line naming it, exit 2, and the good one is
// still checked.
func TestBadPagesAreOneLineEach(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "deep.html"), strings.Repeat("<div>", 2000)+"<p>text</p>")
	write(t, filepath.Join(dir, "bomb.html.gz"), gzipOf(t, strings.Repeat("<p>again</p>", 200_000)))
	write(t, filepath.Join(dir, "broken.html.gz"), "\x1f\x8bnot really gzip")
	r := credcheckWithin(t, dir, nil, "check", "--max-bytes", "1000000", "deep.html", "bomb.html.gz", "broken.html.gz", filepath.Join(mustAbs(t, "../.."), pageFixture))
	if r.code != 2 {
		t.Errorf("exit %d, want 2", r.code)
	}
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	want := []string{
		"deep.html: page nested more than 512 elements deep",
		"bomb.html.gz: uncompressed",
		"broken.html.gz: gzip: ",
	}
	if len(lines) != len(want) {
		t.Fatalf("standard error:\n%s", r.stderr)
	}
	for i, w := range want {
		if !strings.Contains(lines[i], w) {
			t.Errorf("line %d %q, want %q", i+1, lines[i], w)
		}
	}
	if !strings.Contains(r.stdout, "ferry-route-page.html") {
		t.Errorf("the good page was not checked:\n%s", r.stdout)
	}
}

func gzipOf(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// TestEvalExtraction scores a saved page against its true body, in the
// benchmark's layout, and writes the predictions its own scorer reads.
func TestEvalExtraction(t *testing.T) {
	t.Parallel()
	page, err := os.ReadFile(filepath.Join("..", "..", pageFixture))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "bench", "html", "ferry.html.gz"), gzipOf(t, string(page)))
	body := "The Northshore Port Authority is studying a second ferry route to Kessel Island, its chair said on Monday.\n" +
		"Chair Olwen Brask said the study would be finished by September. “Demand has doubled since the bridge closed,” Brask said.\n" +
		"The island’s council has reportedly asked for the route to run all year.\n" +
		"The study will cost £1.2 million, according to the authority’s budget for 2026.\n" +
		"What happens next\nWe will not choose a route before the islanders have had their say.\n" +
		"The authority said it would hold two public meetings:\none in Kessel harbour on June 12;\none in Northshore town hall on June 19."
	truth, _ := json.Marshal(map[string]map[string]string{"ferry": {"articleBody": body}})
	write(t, filepath.Join(dir, "bench", "ground-truth.json"), string(truth))
	r := credcheck(t, dir, nil, "", "eval", "--task", "extraction", "--format", "json", "--predictions", "pred.json", "bench")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var res struct {
		Records int
		Metrics []struct {
			Name  string
			Value float64
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
		t.Fatal(err)
	}
	if res.Records != 1 || len(res.Metrics) != 3 || res.Metrics[0].Name != "f1" || res.Metrics[0].Value != 1 {
		t.Errorf("result: %+v", res)
	}
	data, err := os.ReadFile(filepath.Join(dir, "pred.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pred map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(data, &pred); err != nil || pred["ferry"].ArticleBody != body {
		t.Errorf("predictions %s (%v), want the body", data, err)
	}
	r = credcheck(t, dir, nil, "", "eval", "--task", "hedge", "--predictions", "pred.json", "bench")
	if r.code != 2 || !strings.Contains(r.stderr, "--predictions is for --task extraction only") {
		t.Errorf("predictions for another task: exit %d, %s", r.code, r.stderr)
	}
}
