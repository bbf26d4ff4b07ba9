package main

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
)

// check --format html writes one page that marks every finding the json
// report gives, in the same run, without changing the json report's
// bytes, and the same page on every run.
func TestHTMLFormatMarksUpEveryFinding(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	page, js := filepath.Join(dir, "scorecard.html"), filepath.Join(dir, "report.json")
	args := []string{"check", "--format", "html", "--output", page, "--format", "json", "--output", js,
		"fixtures/hedged-scoop.txt", "fixtures/chatbot-leak.md"}
	res := credcheck(t, "", nil, "", args...)
	if res.code != 1 {
		t.Fatalf("exit %d, want 1 (the fixtures fail at error level): %s", res.code, res.stderr)
	}
	html, jsonBytes := readFile(t, page), readFile(t, js)
	if !strings.HasPrefix(html, "<!DOCTYPE html>") || !strings.Contains(html, "Content-Security-Policy") {
		t.Fatalf("not a self-contained page:\n%.300s", html)
	}
	for _, remote := range []string{`src="http`, `href="//`, `<link `, `@import`} {
		if strings.Contains(html, remote) {
			t.Errorf("the page loads something (%s)", remote)
		}
	}
	rep := decode(t, jsonBytes)
	for i, a := range rep.Articles {
		if !strings.Contains(html, "<span class=\"big\">"+itoa(a.Score)+"</span>") {
			t.Errorf("%s: score %d not shown", a.Path, a.Score)
		}
		for j := range a.Findings {
			id := "a" + itoa(i+1) + "-f" + itoa(j+1)
			if !strings.Contains(html, `<li id="`+id+`" class="finding" tabindex="-1">`) || !strings.Contains(html, `href="#`+id+`"`) {
				t.Errorf("%s: finding %d (%s) has no badge or explanation", a.Path, j+1, a.Findings[j].Rule)
			}
		}
	}
	// The json report alone is the same bytes: keeping the text for the
	// page changes nothing else.
	alone := credcheck(t, "", nil, "", "check", "--format", "json", "--json-indent", "never", "fixtures/hedged-scoop.txt", "fixtures/chatbot-leak.md")
	if strings.TrimSpace(alone.stdout) != strings.TrimSpace(jsonBytes) {
		t.Error("the json report differs when written beside the html one")
	}
	again := credcheck(t, "", nil, "", args...)
	if again.code != 1 || readFile(t, page) != html {
		t.Error("a second run wrote another page")
	}
}

func TestHTMLFormatShowsStories(t *testing.T) {
	t.Parallel()
	res := credcheck(t, "", nil, "", "check", "--story", "--format", "html", "fixtures/testdata/stories/bridge-budget/")
	if res.code > 1 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	for _, want := range []string{`<h2 id="stories-h">Stories</h2>`, "(best-sourced)", "<strong>Corroboration:</strong>"} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("the story page lacks %s", want)
		}
	}
}

// The web scorecard of credcheck serve renders a pasted article as check
// --format html renders it from standard input under the same name: the
// same article element, byte for byte.
func TestServePageIsTheHTMLFormat(t *testing.T) {
	t.Parallel()
	s := startServe(t)
	if page := get(t, s.url+"/"); !strings.Contains(page, `<form method="post" action="./" enctype="multipart/form-data">`) {
		t.Fatalf("GET / is not the form:\n%.400s", page)
	}
	text := readFile(t, "../../fixtures/hedged-scoop.txt")
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	_ = mw.WriteField("text", text)
	_ = mw.Close()
	status, page := post(t, s.url+"/", mw.FormDataContentType(), &body)
	if status != http.StatusOK {
		t.Fatalf("POST / = %d:\n%.400s", status, page)
	}
	res := credcheck(t, "", nil, text, "check", "--format", "html", "--stdin-name", "pasted text", "-")
	if res.code != 1 {
		t.Fatalf("check exit %d: %s", res.code, res.stderr)
	}
	article := func(s string) string {
		i, j := strings.Index(s, `<article class="article"`), strings.LastIndex(s, "</article>")
		if i < 0 || j < i {
			t.Fatalf("no article element in:\n%.400s", s)
		}
		return s[i:j]
	}
	if got, want := article(page), article(res.stdout); got != want {
		t.Errorf("the page's article differs from check --format html's:\n%s", firstDifference(got, want))
	}
}

func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	return "page:  …" + a[from:min(len(a), i+80)] + "\ncheck: …" + b[from:min(len(b), i+80)]
}
