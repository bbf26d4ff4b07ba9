package report_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/credcheck/credcheck/engine/report"
)

func templateFile(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.tmpl")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestTemplateSeesTheJSONReport(t *testing.T) {
	tmpl, err := report.ParseTemplate(templateFile(t, `{{- range .articles}}{{.path}}{{if .line}}:{{.line}}{{end}} score={{.score}} grade={{.grade}}
{{- range .findings}}{{if not .suppressed}}
  {{.line}}:{{.column}} {{upper .severity}} {{.rule}} {{json .cue}}{{if eq .line 5}} (line five){{end}}
{{- end}}{{end}}
{{end -}}
{{range .errors}}error {{.path}}: {{.message}}
{{end -}}
{{join ", " .notices}}
{{.summary.findings}} findings, {{.summary.input_errors}} unreadable, mean {{.summary.mean_score}}, failed={{.summary.failed}}
`))
	if err != nil {
		t.Fatal(err)
	}
	out := write(t, "template", sampleReport(), report.Options{Template: tmpl})
	want := `fixtures/deal.txt score=86 grade=B
  1:16 ERROR hearsay-hedge "Reportedly"
  5:1 WARNING vague-source "People familiar with the matter" (line five)
  7:10 INFO loaded-language "clearly"
wire.jsonl:2 score=96 grade=A
  3:5 WARNING number-mismatch "$2.4 billion"
  4:23 WARNING number-mismatch "$3.1 billion"
error wire.jsonl: record has no "text"
error missing.md: no such file or directory
house/hedge.rego replaces the built-in rule hearsay-hedge
5 findings, 2 unreadable, mean 91, failed=true
`
	if out != want {
		t.Errorf("template output:\n%s\nwant:\n%s", out, want)
	}

	// Every key of the JSON report is there, with the same name.
	var fromJSON map[string]any
	if err := json.Unmarshal([]byte(write(t, "json", sampleReport(), report.Options{})), &fromJSON); err != nil {
		t.Fatal(err)
	}
	keys, err := report.NewTemplate("keys", `{{range $k, $v := .}}{{$k}} {{end}}|{{range $k, $v := index .articles 0}}{{$k}} {{end}}`)
	if err != nil {
		t.Fatal(err)
	}
	got := write(t, "template", sampleReport(), report.Options{Template: keys})
	var top, article []string
	for k := range fromJSON {
		top = append(top, k)
	}
	for k := range fromJSON["articles"].([]any)[0].(map[string]any) {
		article = append(article, k)
	}
	for _, k := range top {
		if !strings.Contains(strings.Split(got, "|")[0], k+" ") {
			t.Errorf("template data lacks the top-level key %q: %s", k, got)
		}
	}
	for _, k := range article {
		if !strings.Contains(strings.Split(got, "|")[1], k+" ") {
			t.Errorf("template data lacks the article key %q: %s", k, got)
		}
	}
}

func TestTemplateErrorsAreOneLineWithThePlace(t *testing.T) {
	path := templateFile(t, "{{range .articles}}\n{{.path | nosuch}}\n{{end}}\n")
	_, err := report.ParseTemplate(path)
	if err == nil || err.Error() != "template: "+path+`:2: function "nosuch" not defined` {
		t.Errorf("parse error = %v", err)
	}
	if _, err := report.ParseTemplate(filepath.Join(t.TempDir(), "missing.tmpl")); err == nil || !strings.Contains(err.Error(), "missing.tmpl: no such file") {
		t.Errorf("missing file: %v", err)
	}

	// A key the data does not have fails at its place rather than
	// printing "<no value>"; nothing is written.
	tmpl, err := report.NewTemplate("t.tmpl", "ok\n{{range .articles}}{{.title}}{{end}}")
	if err != nil {
		t.Fatal(err)
	}
	var buf strings.Builder
	err = report.Write(&buf, "template", sampleReport(), report.Options{Template: tmpl})
	if err == nil || !strings.HasPrefix(err.Error(), `template: t.tmpl:2:21: executing "t.tmpl" at <.title>: map has no entry for key "title"`) || strings.Contains(err.Error(), "\n") {
		t.Errorf("execution error = %v", err)
	}
	if buf.Len() != 0 {
		t.Errorf("a failed template wrote %q", buf.String())
	}
	if err := report.Write(&buf, "template", sampleReport(), report.Options{}); err == nil || !strings.Contains(err.Error(), "--template FILE") {
		t.Errorf("no template: %v", err)
	}
}

func TestFormatArguments(t *testing.T) {
	for format, want := range map[string]string{
		"template=x.tmpl": "",
		"template":        "",
		"gitlab":          "",
		"json=x":          `format "json=x": only the template format takes a file (template=FILE)`,
		"template=":       `format "template=": name the template file after the =`,
	} {
		err := report.CheckFormat(format)
		if got := ""; err != nil {
			got = err.Error()
			if got != want {
				t.Errorf("CheckFormat(%q) = %q, want %q", format, got, want)
			}
		} else if want != "" {
			t.Errorf("CheckFormat(%q) = nil, want %q", format, want)
		}
	}
}
