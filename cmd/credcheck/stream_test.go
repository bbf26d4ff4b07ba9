package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// A JSON Lines corpus with good records, a bad one and metadata, written
// in a temporary directory: name → content.
func streamCorpus(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	var b strings.Builder
	for i := range n {
		if i == 3 {
			b.WriteString("{\"id\": \"broken\"\n")
			continue
		}
		rec := map[string]string{"id": fmt.Sprintf("r%02d", i), "title": fmt.Sprintf("Story %d", i), "author": "Desk", "date": "2026-01-02",
			"outlet": "The Ledger", "url": fmt.Sprintf("https://example.com/%d", i), "text": strings.Repeat("The minister reportedly said the plan would work. ", 1+i%4)}
		if i%5 == 0 {
			delete(rec, "url")
		}
		line, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	write(t, filepath.Join(dir, "wire.jsonl"), b.String())
	return dir
}

// The json report written while the run goes is one line for a program
// (standard output is no terminal here), indented with json-indent:
// always, the same report either way, in input order and the same bytes
// whatever the number of workers; it names the tool's version and carries
// each article's metadata.
func TestJSONReportStreamsCompactWithMetadata(t *testing.T) {
	t.Parallel()
	dir := streamCorpus(t, 12)
	compact := credcheck(t, dir, nil, "", "check", "--format", "json", "--fail-level", "none", "--workers", "2", "wire.jsonl")
	if compact.code != 2 || !strings.Contains(compact.stderr, "wire.jsonl:4:") {
		t.Fatalf("exit %d, want 2 for the broken record on line 4:\n%s", compact.code, compact.stderr)
	}
	if strings.Count(compact.stdout, "\n") != 1 || !strings.HasPrefix(compact.stdout, `{"version":3,"tool":{"name":"credcheck","version":`) {
		t.Errorf("json to a program is not one line opening with the version and the tool:\n%.300s", compact.stdout)
	}
	one := credcheck(t, dir, nil, "", "check", "--format", "json", "--fail-level", "none", "--workers", "1", "wire.jsonl")
	if one.stdout != compact.stdout {
		t.Error("one worker and two wrote different bytes")
	}
	write(t, filepath.Join(dir, ".credcheck.yaml"), "json-indent: always\n")
	indented := credcheck(t, dir, nil, "", "check", "--format", "json", "--fail-level", "none", "wire.jsonl")
	if !strings.HasPrefix(indented.stdout, "{\n  \"version\": 3,\n  \"tool\": {\n") {
		t.Errorf("json-indent: always did not indent:\n%.200s", indented.stdout)
	}
	never := credcheck(t, dir, nil, "", "check", "--format", "json", "--json-indent", "never", "--fail-level", "none", "wire.jsonl")
	if never.stdout != compact.stdout {
		t.Error("--json-indent never (over the file's always) is not the compact report")
	}
	var a, b any
	if err := json.Unmarshal([]byte(compact.stdout), &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(indented.stdout), &b); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Error("the compact and the indented report differ in content")
	}
	var rep struct {
		Tool struct {
			Name, Version string
		}
		Articles []struct {
			ID       string
			Metadata map[string]string
		}
		Errors  []struct{ Line int }
		Summary struct{ Articles int }
	}
	if err := json.Unmarshal([]byte(compact.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	version := strings.TrimSpace(strings.TrimPrefix(credcheck(t, "", nil, "", "version").stdout, "credcheck "))
	if rep.Tool.Name != "credcheck" || rep.Tool.Version != version {
		t.Errorf("tool %+v, want credcheck %s as `credcheck version` says", rep.Tool, version)
	}
	if len(rep.Articles) != 11 || rep.Summary.Articles != 11 || len(rep.Errors) != 1 || rep.Errors[0].Line != 4 {
		t.Fatalf("%d articles (summary %d), errors %+v; want 11 and the broken line 4", len(rep.Articles), rep.Summary.Articles, rep.Errors)
	}
	for i, art := range rep.Articles {
		n := i
		if i >= 3 {
			n = i + 1 // line 4 is the broken record
		}
		if art.ID != fmt.Sprintf("r%02d", n) {
			t.Fatalf("article %d is %s: not in input order", i, art.ID)
		}
		want := map[string]string{"title": fmt.Sprintf("Story %d", n), "author": "Desk", "date": "2026-01-02", "outlet": "The Ledger", "url": fmt.Sprintf("https://example.com/%d", n)}
		if n%5 == 0 {
			delete(want, "url") // unknown, so left out
		}
		if fmt.Sprint(art.Metadata) != fmt.Sprint(want) {
			t.Errorf("%s: metadata %v, want %v", art.ID, art.Metadata, want)
		}
	}
	if bad := credcheck(t, dir, nil, "", "check", "--format", "json", "--json-indent", "pretty", "wire.jsonl"); bad.code != 2 || !strings.Contains(bad.stderr, "json-indent") {
		t.Errorf("--json-indent pretty: exit %d, %q; want 2 and the setting named", bad.code, bad.stderr)
	}
}

// Results are handed on in input order whatever order the workers finish
// in: every format writes the same bytes with two workers as with one.
func TestStreamedReportsKeepInputOrder(t *testing.T) {
	t.Parallel()
	dir := streamCorpus(t, 9)
	for _, format := range []string{"text", "json", "junit", "markdown", "gitlab", "sarif", "github"} {
		two := credcheck(t, dir, nil, "", "check", "--format", format, "--workers", "2", "wire.jsonl")
		one := credcheck(t, dir, nil, "", "check", "--format", format, "--workers", "1", "wire.jsonl")
		if two.stdout != one.stdout || two.code != one.code || two.stderr != one.stderr {
			t.Errorf("%s: two workers and one differ (exit %d, %d)", format, two.code, one.code)
		}
	}
}
