package main

import (
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
