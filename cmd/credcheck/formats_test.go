package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestGitLabAndTemplateFormats runs the two formats through the command
// line: flags, the configuration file, several templates in one run, and
// the samples docs/output/ shows.
func TestGitLabAndTemplateFormats(t *testing.T) {
	t.Parallel()
	dir := newsroomRepo(t)
	write(t, filepath.Join(dir, "ci/rules.tmpl"), "{{range .articles}}{{range .findings}}{{.rule}}\n{{end}}{{end}}")
	write(t, filepath.Join(dir, "ci/paths.tmpl"), "{{range .articles}}{{upper .path}}\n{{end}}")
	r := credcheck(t, dir, nil, "", "check", "--format", "gitlab", "--output", "gl.json",
		"--format", "template=ci/rules.tmpl", "--output", "rules.txt", "--format", "template", "--template", "ci/paths.tmpl", "news/")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1 for the findings\n%s", r.code, r.stderr)
	}
	var issues []struct {
		CheckName string `json:"check_name"`
		Severity  string `json:"severity"`
		Location  struct {
			Path string `json:"path"`
		} `json:"location"`
	}
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(dir, "gl.json"))), &issues); err != nil || len(issues) == 0 {
		t.Fatalf("gitlab report: %v, %d issues", err, len(issues))
	}
	for _, is := range issues {
		if !strings.HasPrefix(is.Location.Path, "news/") || !strings.HasPrefix(is.CheckName, "credcheck/") {
			t.Errorf("issue %+v", is)
		}
	}
	if rules := readFile(t, filepath.Join(dir, "rules.txt")); !strings.Contains(rules, "hearsay-hedge\n") {
		t.Errorf("template=FILE output:\n%s", rules)
	}
	if !strings.Contains(r.stdout, "NEWS/PORT-SALE.MD\n") {
		t.Errorf("--template output:\n%s", r.stdout)
	}

	// template: in the configuration is relative to the file, whatever
	// the working directory.
	write(t, filepath.Join(dir, ".credcheck.yaml"), newsroomConfig+"format: [template]\ntemplate: ci/paths.tmpl\n")
	r = credcheck(t, filepath.Join(dir, "news"), nil, "", "check", "port-sale.md")
	if r.stdout != "PORT-SALE.MD\n" {
		t.Errorf("template from the configuration: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// A broken template stops the run before any article is read: one
	// line, exit 2.
	write(t, filepath.Join(dir, "ci/broken.tmpl"), "{{range .articles}}\n{{.path | shout}}{{end}}\n")
	for _, args := range [][]string{
		{"--format", "template=ci/broken.tmpl"},
		{"--format", "template", "--template", "ci/broken.tmpl"},
	} {
		r = credcheck(t, dir, nil, "", append(append([]string{"check"}, args...), "news/")...)
		if r.code != 2 || r.stdout != "" || r.stderr != "credcheck: template: ci/broken.tmpl:2: function \"shout\" not defined\n" {
			t.Errorf("%v: exit %d\n%q%q", args, r.code, r.stdout, r.stderr)
		}
	}
	r = credcheck(t, dir, nil, "", "check", "--format", "template", "--template", "", "news/")
	if r.code != 2 || !strings.Contains(r.stderr, "the template format needs a template") {
		t.Errorf("no template: exit %d\n%s", r.code, r.stderr)
	}

	// The samples of docs/output/ are what the commands print.
	docs := readFile(t, "../../docs/output/template.md")
	r = credcheck(t, "", nil, "", "check", "--format", "template=docs/examples/findings.tmpl", "fixtures/number-mismatch.md")
	if !strings.Contains(docs, "$ credcheck check --format template=docs/examples/findings.tmpl fixtures/number-mismatch.md\n"+r.stdout+"```") {
		t.Errorf("docs/output/template.md shows other output than:\n%s", r.stdout)
	}
	r = credcheck(t, "", nil, "", "check", "--format", "gitlab", "fixtures/number-mismatch.md")
	first := r.stdout[:strings.Index(r.stdout, "\n  },")]
	docs = readFile(t, "../../docs/output/gitlab.md")
	if !strings.Contains(docs, "```json\n"+first+"\n  }\n]\n```") {
		t.Errorf("docs/output/gitlab.md shows another first issue than:\n%s", first)
	}
}
