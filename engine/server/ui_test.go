package server

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// uiForm is what the web scorecard's form posts: fields, and files by
// name with their content.
type uiForm struct {
	fields map[string]string
	files  [][2]string
}

func (f uiForm) encode(t *testing.T) (contentType, body string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range f.fields {
		if err := mw.WriteField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	for _, file := range f.files {
		w, err := mw.CreateFormFile("files", file[0])
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write([]byte(file[1]))
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return mw.FormDataContentType(), buf.String()
}

func post(t *testing.T, url string, f uiForm, header ...string) answer {
	t.Helper()
	ct, body := f.encode(t)
	return do(t, http.MethodPost, url, ct, body, header...)
}

func testdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "ui", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var scoreShown = regexp.MustCompile(`<span class="big">(\d+)</span>`)

func TestPageIsTheFormAndFetchesNothing(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	a := do(t, http.MethodGet, ts.URL+"/", "", "")
	if a.status != http.StatusOK || !strings.HasPrefix(a.header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET / = %d %s", a.status, a.header.Get("Content-Type"))
	}
	if csp := a.header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("Content-Security-Policy = %q", csp)
	}
	for _, want := range []string{`<label for="text">`, `<textarea id="text" name="text"`, `<label for="files">`, `enctype="multipart/form-data"`, `<label for="story">`} {
		if !strings.Contains(a.body, want) {
			t.Errorf("the form lacks %s", want)
		}
	}
	// The shared set is offline: it fetches no page, so the form asks for none.
	if strings.Contains(a.body, `name="url"`) || strings.Contains(a.body, `name="token"`) {
		t.Error("an offline server without a token shows the URL or token field")
	}
	if strings.Contains(a.body, "http://") || strings.Contains(a.body, "https://") {
		t.Error("the page names a remote address")
	}
	if a := do(t, http.MethodGet, ts.URL+"/nothing-here", "", ""); a.status != http.StatusNotFound {
		t.Errorf("GET /nothing-here = %d, want 404", a.status)
	}
}

// The pasted article is checked as POST /v1/check checks it: the page
// shows the score and findings the json report gives.
func TestFormChecksThePastedArticleAsTheAPIDoes(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	text := testdata(t, "harbour-scoop.md")
	a := post(t, ts.URL+"/", uiForm{fields: map[string]string{"text": text, "outlet": "Harbour <Ledger>"}})
	if a.status != http.StatusOK {
		t.Fatalf("POST / = %d: %.400s", a.status, a.body)
	}
	api := do(t, http.MethodPost, ts.URL+"/v1/check", "application/json", articleJSON(t, map[string]string{"text": text, "outlet": "Harbour <Ledger>"}))
	var rep struct {
		Articles []struct {
			Score    int `json:"score"`
			Findings []struct {
				Rule string `json:"rule"`
			} `json:"findings"`
		} `json:"articles"`
	}
	if err := json.Unmarshal([]byte(api.body), &rep); err != nil || len(rep.Articles) != 1 {
		t.Fatalf("api answer: %v %.300s", err, api.body)
	}
	m := scoreShown.FindStringSubmatch(a.body)
	if m == nil || m[1] != strconv.Itoa(rep.Articles[0].Score) {
		t.Errorf("page shows score %v, the API gives %d", m, rep.Articles[0].Score)
	}
	if got, want := strings.Count(a.body, `class="finding"`), len(rep.Articles[0].Findings); got != want || want < 5 {
		t.Errorf("page explains %d findings, the API reports %d", got, want)
	}
	for _, want := range []string{"<mark class=\"cat-hedge sev-error\"", "Harbour &lt;Ledger&gt;", "&lt;!-- credcheck-disable-next-line hearsay-hedge -- REASON --&gt;",
		`<textarea id="text" name="text" rows="10" spellcheck="false">---`} {
		if !strings.Contains(a.body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if a.header.Get("Cache-Control") != "no-store" {
		t.Error("a page holding an article may be cached")
	}
}

func TestFormReadsUploadsAndTellsStories(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	a := post(t, ts.URL+"/", uiForm{fields: map[string]string{"story": "1"}, files: [][2]string{
		{"story-ledger.md", testdata(t, "story-ledger.md")},
		{"story-courier.md", testdata(t, "story-courier.md")},
		{"notes.docx", "not an article"},
	}})
	if a.status != http.StatusUnprocessableEntity {
		t.Fatalf("POST / with a .docx = %d, want 422 (an input that could not be checked)", a.status)
	}
	for _, want := range []string{`<span class="loc">story-ledger.md</span>`, `<span class="loc">story-courier.md</span>`,
		"notes.docx: not a .txt, .md, .html or .jsonl file", `<h2 id="stories-h">Stories</h2>`, "Story ardmore-cranes (2 articles)", "(best-sourced)"} {
		if !strings.Contains(a.body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	lines := `{"id":"a","title":"Port buys cranes","text":"The port reportedly bought cranes."}` + "\n" + `{"id":"b","text":"Officials said the port bought cranes."}` + "\n"
	a = post(t, ts.URL+"/", uiForm{files: [][2]string{{"wire.jsonl", lines}}})
	if a.status != http.StatusOK || !strings.Contains(a.body, `<span class="loc">wire.jsonl#a</span>`) || !strings.Contains(a.body, `<span class="loc">wire.jsonl#b</span>`) {
		t.Errorf("JSON Lines upload = %d, records not shown", a.status)
	}
}

func TestFormRefusals(t *testing.T) {
	_, ts := newTestServer(t, Options{MaxBody: 2048})
	for name, c := range map[string]struct {
		form   uiForm
		status int
		reason string
	}{
		"nothing":  {uiForm{fields: map[string]string{"text": "  "}}, http.StatusBadRequest, "Nothing to check"},
		"offline":  {uiForm{fields: map[string]string{"url": "https://news.example/a"}}, http.StatusBadRequest, "does not fetch pages"},
		"too big":  {uiForm{fields: map[string]string{"text": strings.Repeat("word ", 1000)}}, http.StatusRequestEntityTooLarge, "larger than 2048 bytes"},
		"escaped":  {uiForm{fields: map[string]string{"url": "https://x/<script>"}}, http.StatusBadRequest, "does not fetch"},
		"bad file": {uiForm{files: [][2]string{{"a.pdf", "%PDF"}}}, http.StatusUnprocessableEntity, "a.pdf: not a .txt"},
	} {
		a := post(t, ts.URL+"/", c.form)
		if a.status != c.status || !strings.Contains(a.body, c.reason) {
			t.Errorf("%s: %d, want %d with %q: %.300s", name, a.status, c.status, c.reason, a.body)
		}
		if strings.Contains(a.body, "<script>alert") || strings.Contains(a.body, "/<script>") {
			t.Errorf("%s: the page holds posted markup", name)
		}
	}
}

// With a token the page asks for it, and a post without it is refused as
// the API refuses one: the page is no way around the token.
func TestFormNeedsTheToken(t *testing.T) {
	_, ts := newTestServer(t, Options{Token: "s3cret"})
	if a := do(t, http.MethodGet, ts.URL+"/", "", ""); a.status != http.StatusOK || !strings.Contains(a.body, `<input id="token" name="token" type="password"`) {
		t.Fatalf("GET / with a token = %d, token field shown: %v", a.status, strings.Contains(a.body, `name="token"`))
	}
	text := "Officials reportedly agreed the deal."
	for _, token := range []string{"", "wrong"} {
		a := post(t, ts.URL+"/", uiForm{fields: map[string]string{"text": text, "token": token}})
		if a.status != http.StatusUnauthorized || strings.Contains(a.body, `class="finding"`) || !strings.Contains(a.body, "Missing or wrong access token") {
			t.Errorf("token %q: %d, want 401 and no report", token, a.status)
		}
		if strings.Contains(a.body, "s3cret") {
			t.Error("the page gives the token away")
		}
	}
	if a := post(t, ts.URL+"/", uiForm{fields: map[string]string{"text": text, "token": "s3cret"}}); a.status != http.StatusOK || !strings.Contains(a.body, `class="finding"`) {
		t.Errorf("right token in the form: %d", a.status)
	}
	// The header is read as the API reads it: the scheme in any case.
	for _, h := range []string{"Bearer s3cret", "bearer s3cret"} {
		if a := post(t, ts.URL+"/", uiForm{fields: map[string]string{"text": text}}, "Authorization", h); a.status != http.StatusOK {
			t.Errorf("right token in the header %q: %d", h, a.status)
		}
	}
}

func TestFormKeepsTheLimits(t *testing.T) {
	s, ts := newTestServer(t, Options{Concurrency: 1})
	s.slots <- struct{}{} // one request in flight
	a := post(t, ts.URL+"/", uiForm{fields: map[string]string{"text": "Officials reportedly agreed the deal."}})
	<-s.slots
	if a.status != http.StatusTooManyRequests || a.header.Get("Retry-After") == "" {
		t.Errorf("saturated: %d, want 429 with Retry-After", a.status)
	}
	_, slow := newTestServer(t, Options{Deadline: time.Nanosecond})
	a = post(t, slow.URL+"/", uiForm{fields: map[string]string{"text": testdata(t, "harbour-scoop.md")}})
	if a.status != http.StatusServiceUnavailable || !strings.Contains(a.body, "deadline") {
		t.Errorf("past the deadline: %d, want 503", a.status)
	}
}
