package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// publishedSchema compiles one of the schemas published in docs/schema.
func publishedSchema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	path := filepath.Join("..", "..", "docs", "schema", name)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(name, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(name)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return s
}

func validate(t *testing.T, s *jsonschema.Schema, what, out string) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatalf("%s is not JSON: %v\n%.300s", what, err, out)
	}
	if err := s.Validate(v); err != nil {
		t.Errorf("%s does not validate against its published schema:\n%v", what, err)
	}
}

// TestJSONReportMatchesPublishedSchema validates a real json report (every
// fixture, a German article left unscored, a suppressed finding, a stale
// suppression and an input that could not be read) against
// docs/schema/report.json.
func TestJSONReportMatchesPublishedSchema(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "de.md"), strings.Repeat("Der Stadtrat hat am Dienstag den Haushalt für das kommende Jahr beschlossen. ", 12))
	write(t, filepath.Join(dir, "hedge.md"), hedgedArticle+"\n<!-- credcheck-disable-next-line hearsay-hedge -- checked -->\nThe sale was reportedly agreed.\n<!-- credcheck-disable vague-source -->\n")
	fixtures, err := filepath.Abs(filepath.Join("..", "..", "fixtures"))
	if err != nil {
		t.Fatal(err)
	}
	r := credcheck(t, dir, nil, "", "check", "--format", "json", fixtures, "de.md", "hedge.md", "missing.md")
	if r.code != 2 {
		t.Fatalf("exit %d, want 2 (missing.md):\n%s", r.code, r.stderr)
	}
	for _, want := range []string{`"scored":false`, `"suppressed":{`, `"stale_suppressions":[{`, `"path":"missing.md"`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the report lacks %s, so the schema is not exercised on it", want)
		}
	}
	validate(t, publishedSchema(t, "report.json"), "check --format json", r.stdout)
}

// TestParseOutputMatchesPublishedSchema validates real parse output, of a
// text, a Markdown and every record of a JSON Lines file, against
// docs/schema/input.json.
func TestParseOutputMatchesPublishedSchema(t *testing.T) {
	t.Parallel()
	s := publishedSchema(t, "input.json")
	for _, f := range []string{"fixtures/hedged-scoop.txt", "fixtures/well-sourced-harbour.md", "fixtures/machine-styled-alliance.md", "fixtures/number-mismatch.md", "fixtures/ferry-route-page.html", "fixtures/pages/rumour-page.html"} {
		r := credcheck(t, "", nil, "", "parse", f)
		if r.code != 0 {
			t.Fatalf("parse %s: exit %d: %s", f, r.code, r.stderr)
		}
		validate(t, s, "parse "+f, r.stdout)
	}
	r := credcheck(t, "", nil, "", "parse", "fixtures/wire-briefs.jsonl")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.code != 0 || len(lines) < 2 {
		t.Fatalf("parse fixtures/wire-briefs.jsonl: exit %d, %d documents: %s", r.code, len(lines), r.stderr)
	}
	for i, line := range lines {
		validate(t, s, "parse fixtures/wire-briefs.jsonl record "+string(rune('1'+i)), line)
	}
}
