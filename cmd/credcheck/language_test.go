package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	langDir  = "fixtures/testdata/language/"
	deNotice = "the text reads as German (de); the built-in catalog reads English"
)

// A German and a Chinese article full of rumour get a notice and no score,
// fail no threshold and are no input error: exit 0.
func TestCheckLeavesForeignArticlesUnscored(t *testing.T) {
	t.Parallel()
	r := credcheck(t, "", nil, "", "check", "--fail-under", "90", "--fail-level", "info", langDir+"de-rumour.md", langDir+"zh-rumour.txt")
	if r.code != 0 {
		t.Errorf("exit %d, want 0\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{
		langDir + "de-rumour.md: not scored: " + deNotice + "\n",
		langDir + "zh-rumour.txt: not scored: the text reads as Chinese (zh); the built-in catalog reads English\n",
		"2 articles checked: 0 findings (0 errors, 0 warnings, 0 info); 2 articles not scored (not in English)\n",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "100/100") || strings.Contains(r.stdout, "grade A") || r.stderr != "" {
		t.Errorf("a foreign article was scored, or stderr not empty:\n%s%s", r.stdout, r.stderr)
	}

	r = credcheck(t, "", nil, "", "check", "--format", "json", langDir+"de-rumour.md", langDir+"en-foreign-quotes.txt")
	var rep struct {
		Articles []map[string]any `json:"articles"`
		Summary  map[string]any   `json:"summary"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	de, en := rep.Articles[0], rep.Articles[1]
	if de["language"] != "de" || de["scored"] != false || de["score"] != nil || de["grade"] != nil || de["notice"] != deNotice {
		t.Errorf("German article in JSON: %v", de)
	}
	if en["language"] != "en" || en["scored"] != true || en["score"] == nil || en["notice"] != nil {
		t.Errorf("English article quoting German in JSON: %v", en)
	}
	if rep.Summary["unscored"] != float64(1) || rep.Summary["mean_score"] != en["score"] {
		t.Errorf("summary %v: want 1 unscored and the English article's score as the mean", rep.Summary)
	}
}

func TestCheckLanguageEnForcesScoring(t *testing.T) {
	t.Parallel()
	for _, how := range []struct {
		name string
		env  []string
		args []string
	}{
		{"flag", nil, []string{"--language", "en"}},
		{"environment", []string{"CREDCHECK_LANGUAGE=en"}, nil},
	} {
		t.Run(how.name, func(t *testing.T) {
			args := append([]string{"check", "--format", "json"}, how.args...)
			r := credcheck(t, "", how.env, "", append(args, langDir+"de-rumour.md")...)
			if strings.Contains(r.stdout, `"scored":false`) || !strings.Contains(r.stdout, `"scored":true`) || !strings.Contains(r.stdout, `"language":"en"`) {
				t.Errorf("forced English did not score:\n%s%s", r.stdout, r.stderr)
			}
		})
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, ".credcheck.yaml"), "language: en\n")
	write(t, filepath.Join(dir, "de.md"), readRepoFile(t, langDir+"de-rumour.md"))
	r := credcheck(t, dir, nil, "", "check", "--format", "json", "de.md")
	if !strings.Contains(r.stdout, `"scored":true`) {
		t.Errorf("language: en in the configuration did not score:\n%s%s", r.stdout, r.stderr)
	}
	r = credcheck(t, dir, nil, "", "check", "--language", "auto", "de.md")
	if !strings.Contains(r.stdout, "de.md: not scored: "+deNotice) {
		t.Errorf("--language auto did not override the file:\n%s%s", r.stdout, r.stderr)
	}
	r = credcheck(t, "", nil, "", "check", "--language", "de", langDir+"de-rumour.md")
	if r.code != 2 || !strings.Contains(r.stderr, `language: "de" is not auto or en`) {
		t.Errorf("--language de: exit %d\n%s", r.code, r.stderr)
	}
}

func TestParseShowsTheLanguage(t *testing.T) {
	t.Parallel()
	r := credcheck(t, "", nil, "", "parse", langDir+"zh-rumour.txt")
	var doc struct {
		Language map[string]string `json:"language"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if doc.Language["code"] != "zh" || doc.Language["name"] != "Chinese" || doc.Language["source"] != "detected" {
		t.Errorf("parse language = %v", doc.Language)
	}
}

func readRepoFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("../..", path))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
