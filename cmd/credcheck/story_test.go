package main

import (
	"encoding/json"
	"strings"
	"testing"
)

const oneReport = "fixtures/testdata/stories/one-report/"

func TestStoryJSONNamesArticlesAndLines(t *testing.T) {
	t.Parallel()
	r := credcheck(t, "", nil, "", "story", "--format", "json", oneReport)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	var rep struct {
		Version int `json:"version"`
		Stories []struct {
			Articles []struct {
				Path  string `json:"path"`
				Score int    `json:"score"`
			} `json:"articles"`
			Findings []struct {
				Rule  string `json:"rule"`
				Cites []struct {
					Article int    `json:"article"`
					Path    string `json:"path"`
					Line    int    `json:"line"`
				} `json:"cites"`
			} `json:"findings"`
			Scorecard struct {
				Best          int    `json:"best"`
				Corroboration string `json:"corroboration"`
			} `json:"scorecard"`
		} `json:"stories"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if rep.Version != 1 || len(rep.Stories) != 1 || len(rep.Stories[0].Articles) != 4 {
		t.Fatalf("want version 1 and one story of 4 articles:\n%s", r.stdout)
	}
	st := rep.Stories[0]
	rules := map[string]bool{}
	for _, f := range st.Findings {
		rules[f.Rule] = true
		for _, c := range f.Cites {
			if c.Path != st.Articles[c.Article].Path || c.Line < 1 {
				t.Errorf("%s cites %+v, not a line of the article it names", f.Rule, c)
			}
		}
	}
	for _, want := range []string{"story-figure-conflict", "story-single-upstream", "story-announced-vs-silent", "story-sole-confirmation", "story-copied-text"} {
		if !rules[want] {
			t.Errorf("no %s finding:\n%s", want, r.stdout)
		}
	}
	if st.Scorecard.Best != 2 || st.Scorecard.Corroboration != "one on-record source" {
		t.Errorf("scorecard %+v: want article 3 best-sourced, one on-record source", st.Scorecard)
	}
}

func TestStoryBadInputStillReadsTheRest(t *testing.T) {
	t.Parallel()
	r := credcheck(t, "", nil, "", "story", oneReport, "no-such-article.md")
	if r.code != 2 {
		t.Fatalf("exit %d, want 2\n%s", r.code, r.stderr)
	}
	if lines := strings.Split(strings.TrimSpace(r.stderr), "\n"); len(lines) != 1 || !strings.Contains(lines[0], "no-such-article.md") {
		t.Errorf("want one error line naming the missing input, got:\n%s", r.stderr)
	}
	if !strings.Contains(r.stdout, "story story-1: 4 articles") || !strings.Contains(r.stdout, "story-figure-conflict") {
		t.Errorf("the other inputs were not read as a story:\n%s", r.stdout)
	}
}

func TestStoryInputIsTheRulesDocument(t *testing.T) {
	t.Parallel()
	r := credcheck(t, "", nil, "", "story", "--input", oneReport)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	var in struct {
		Version  int `json:"version"`
		Articles []struct {
			Path string `json:"path"`
		} `json:"articles"`
		Figures []struct {
			Entity, Measure, Approx string
			Value                   float64
		} `json:"figures"`
		Statements []struct {
			Kind    string   `json:"kind"`
			Parties []string `json:"parties"`
		} `json:"statements"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &in); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if in.Version != 1 || len(in.Articles) != 4 || len(in.Figures) != 2 || in.Figures[1].Approx != "nearly" || in.Figures[1].Entity != "corvane" {
		t.Errorf("story input: %+v", in)
	}
}

func TestStoryUnknownFormat(t *testing.T) {
	t.Parallel()
	r := credcheck(t, "", nil, "", "story", "--format", "junit", oneReport)
	if r.code != 2 || !strings.Contains(r.stderr, `unknown story format "junit"`) {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestStoryRulesListsTheStoryRules(t *testing.T) {
	t.Parallel()
	r := credcheck(t, "", nil, "", "story", "--rules")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	for _, want := range []string{"story-figure-conflict      contradiction  warning", "story-sole-confirmation    attribution    info", "story-copied-text"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("no %q in:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "hearsay-hedge") {
		t.Errorf("article rules listed as story rules:\n%s", r.stdout)
	}
}
