package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A page named by URL is fetched and checked like a saved page; a page
// that cannot be fetched is one line and exit 2, and the other inputs are
// still checked; --offline refuses to fetch.
func TestCheckFetchesURLs(t *testing.T) {
	t.Parallel()
	page, err := os.ReadFile("../../fixtures/ferry-route-page.html")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/ferry.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "hedged.md"), hedgedArticle)

	r := credcheck(t, dir, nil, "", "check", "--format", "json", "--fail-level", "none", srv.URL+"/ferry.html", srv.URL+"/gone.html", "hedged.md")
	if r.code != 2 {
		t.Fatalf("exit %d, want 2 for the missing page\n%s", r.code, r.stderr)
	}
	if want := "credcheck: " + srv.URL + "/gone.html: fetching: the server answered 404 Not Found\n"; r.stderr != want {
		t.Errorf("stderr %q, want %q", r.stderr, want)
	}
	var rep struct {
		Articles []struct {
			Path      string `json:"path"`
			Format    string `json:"format"`
			Positions string `json:"positions"`
			Findings  []struct {
				Rule string `json:"rule"`
				Line int    `json:"line"`
			} `json:"findings"`
		} `json:"articles"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if len(rep.Articles) != 2 || rep.Articles[0].Path != srv.URL+"/ferry.html" || rep.Articles[0].Format != "html" ||
		rep.Articles[0].Positions != "extracted" || rep.Articles[1].Path != "hedged.md" {
		t.Fatalf("articles %+v; want the fetched page, then hedged.md", rep.Articles)
	}
	hedge := false
	for _, f := range rep.Articles[0].Findings {
		hedge = hedge || f.Rule == "hearsay-hedge"
	}
	if !hedge {
		t.Errorf("the fetched page's findings %+v lack the hearsay-hedge its saved copy gets", rep.Articles[0].Findings)
	}

	r = credcheck(t, dir, nil, "", "check", "--offline", "--fail-level", "none", srv.URL+"/ferry.html", "hedged.md")
	if r.code != 2 || !strings.Contains(r.stderr, "/ferry.html: not fetched: fetching pages is off (--offline)") || !strings.Contains(r.stdout, "hedged.md") {
		t.Errorf("--offline: exit %d\n%s\n%s", r.code, r.stderr, tail(r.stdout))
	}
}
