package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestPageRulesNeedPageEvidence checks the same unsigned, undated story
// given as a saved page, as a record with a page block, as a record
// without one and as plain text: the page rules fire on the first two and
// never on text that cannot tell what the page showed. A page block of the
// wrong shape is one line naming the record, exit 2, and the other records
// are still checked.
func TestPageRulesNeedPageEvidence(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	story := "The harbour office will move to the old ferry terminal in June, the port authority said on Monday."
	write(t, filepath.Join(dir, "page.html"), `<!DOCTYPE html><html><head><title>Harbour office to move</title></head><body><article><h1>Harbour office to move</h1><p>`+story+`</p><p>The move was approved by the port board last week, its chair said.</p></article></body></html>`)
	write(t, filepath.Join(dir, "records.jsonl"), `{"id": "with-page", "text": "`+story+`", "page": {"section": "News"}}
{"id": "without-page", "text": "`+story+`"}
{"id": "bad-page", "text": "`+story+`", "page": ["News"]}
`)
	write(t, filepath.Join(dir, "story.txt"), story+"\n")
	r := credcheck(t, dir, nil, "", "check", "--format", "json", "page.html", "records.jsonl", "story.txt")
	if r.code != 2 {
		t.Fatalf("exit %d, want 2 for the bad record:\n%s", r.code, r.stderr)
	}
	if want := `records.jsonl:3: "page" must be an object, not a JSON array`; strings.TrimSpace(r.stderr) != "credcheck: "+want {
		t.Errorf("stderr %q, want the one line %q", r.stderr, want)
	}
	var rep struct {
		Articles []struct {
			ID       string `json:"id"`
			Findings []struct {
				Rule string `json:"rule"`
			} `json:"findings"`
		} `json:"articles"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, a := range rep.Articles {
		got[a.ID] = []string{}
		for _, f := range a.Findings {
			if slices.Contains([]string{"no-byline", "no-date", "byline-mismatch", "opinion-unlabelled", "sponsored-unlabelled", "outlet-unlinked"}, f.Rule) {
				got[a.ID] = append(got[a.ID], f.Rule)
			}
		}
	}
	want := map[string][]string{
		"page.html":    {"no-byline", "no-date"},
		"with-page":    {"no-byline", "no-date"},
		"without-page": {},
		"story.txt":    {},
	}
	for id, w := range want {
		if !slices.Equal(got[id], w) {
			t.Errorf("%s: page rules %v, want %v", id, got[id], w)
		}
	}
}
