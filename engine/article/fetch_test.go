package article_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/credcheck/credcheck/engine/article"
)

const fetchedPage = `<!doctype html><html lang="en"><head><title>Harbour dredging to start in May</title>
<meta name="author" content="Ines Calder"></head><body><nav>Home | News | Sport</nav>
<article><h1>Harbour dredging to start in May</h1>
<p>Dredging of the inner harbour will start in May, the port's engineer, Tomas Reyes, told the board on Monday.</p>
<p>The work will take eleven weeks and cost 3.2 million euros, according to the board's published budget.</p>
<p>Ferries will use the outer berth while the work goes on, the operator said in a statement.</p>
</article><footer>Subscribe to our newsletter</footer></body></html>`

// pageServer serves the page and the failures a fetch must report, and a
// slow path that answers only when the test ends.
func pageServer(t *testing.T) *httptest.Server {
	t.Helper()
	done := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/story.html", func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.UserAgent(), "credcheck") {
			http.Error(w, "who are you", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(fetchedPage))
	})
	mux.HandleFunc("/data.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"a":1}`))
	})
	mux.HandleFunc("/big.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(fetchedPage + strings.Repeat("<p>padding</p>", 10000)))
	})
	mux.HandleFunc("/slow.html", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-done:
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(func() { close(done); srv.Close() })
	return srv
}

func TestFetchReadsAPageAndReportsEachFailure(t *testing.T) {
	srv := pageServer(t)
	paths := []string{
		srv.URL + "/story.html", srv.URL + "/missing.html", srv.URL + "/data.json",
		srv.URL + "/big.html", srv.URL + "/slow.html", srv.URL + "/loop",
	}
	start := time.Now()
	articles, problems := article.Load(paths, article.LoadOptions{FetchTimeout: 300 * time.Millisecond, MaxBytes: 64 << 10})
	if elapsed := time.Since(start); elapsed > 10*time.Second {
		t.Errorf("fetching took %v with a 300 ms timeout", elapsed)
	}
	if len(articles) != 1 || articles[0].Path != srv.URL+"/story.html" || articles[0].Format != article.HTML {
		t.Fatalf("articles %+v; want the one page, read as HTML", articles)
	}
	if a := articles[0]; a.Author != "Ines Calder" || !strings.Contains(a.Source, "Dredging of the inner harbour") || strings.Contains(a.Source, "Subscribe") {
		t.Errorf("page read as author %q, text %q", a.Author, a.Source)
	}
	want := map[string]string{
		"/missing.html": "fetching: the server answered 404 Not Found",
		"/data.json":    `fetching: content type "application/json", not a web page`,
		"/big.html":     "more than the limit of 65536 bytes (--max-bytes raises it)",
		"/slow.html":    "fetching: no answer within 300ms",
		"/loop":         "fetching: more than 5 redirects",
	}
	if len(problems) != len(want) {
		t.Fatalf("problems %+v; want one per failing page", problems)
	}
	for _, p := range problems {
		reason, ok := want[strings.TrimPrefix(p.Path, srv.URL)]
		if !ok || p.Reason != reason {
			t.Errorf("%s: %q; want %q", p.Path, p.Reason, reason)
		}
	}
}

func TestOfflineRefusesURLs(t *testing.T) {
	srv := pageServer(t)
	articles, problems := article.Load([]string{srv.URL + "/story.html"}, article.LoadOptions{Offline: true})
	if len(articles) != 0 || len(problems) != 1 || problems[0].Reason != "not fetched: fetching pages is off (--offline)" {
		t.Errorf("offline: articles %d, problems %+v", len(articles), problems)
	}
}
