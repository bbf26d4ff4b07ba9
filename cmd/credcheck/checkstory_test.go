package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// check --story reports the articles as check does and, beside them, the
// stories in the story report's own schema.
func TestCheckStoryJSONHasArticlesAndStories(t *testing.T) {
	t.Parallel()
	r := credcheck(t, "", nil, "", "check", "--story", "--format", "json", "--fail-level", "none", oneReport)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	var rep struct {
		Articles []struct {
			Path  string `json:"path"`
			Score int    `json:"score"`
		} `json:"articles"`
		Stories struct {
			Version int `json:"version"`
			Stories []struct {
				Articles []struct {
					Path  string `json:"path"`
					Score int    `json:"score"`
				} `json:"articles"`
				Findings []struct {
					Rule string `json:"rule"`
				} `json:"findings"`
			} `json:"stories"`
		} `json:"stories"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("%v\n%.2000s", err, r.stdout)
	}
	if len(rep.Articles) != 4 || rep.Stories.Version != 1 || len(rep.Stories.Stories) != 1 {
		t.Fatalf("want 4 articles and one story:\n%.3000s", r.stdout)
	}
	st := rep.Stories.Stories[0]
	for i, a := range st.Articles {
		if a.Path != rep.Articles[i].Path || a.Score != rep.Articles[i].Score {
			t.Errorf("story article %d is %+v; the check gave %+v", i, a, rep.Articles[i])
		}
	}
	alone := credcheck(t, "", nil, "", "story", "--format", "json", oneReport)
	var own struct {
		Stories json.RawMessage `json:"stories"`
	}
	var inCheck struct {
		Stories struct {
			Stories json.RawMessage `json:"stories"`
		} `json:"stories"`
	}
	if json.Unmarshal([]byte(alone.stdout), &own) != nil || json.Unmarshal([]byte(r.stdout), &inCheck) != nil {
		t.Fatal("reports do not parse")
	}
	if compactJSON(t, own.Stories) != compactJSON(t, inCheck.Stories.Stories) {
		t.Errorf("check --story's stories differ from credcheck story's:\n%s\n%s", own.Stories, inCheck.Stories.Stories)
	}
	plain := credcheck(t, "", nil, "", "check", "--format", "json", "--fail-level", "none", oneReport)
	if strings.Contains(plain.stdout, `"stories"`) {
		t.Errorf("check without --story writes stories")
	}
}

// check --story --format jsonl ends with the json report's tail, stories
// included: each line but the last is an article, the last carries them.
func TestCheckStoryJSONLEndsWithTheStories(t *testing.T) {
	t.Parallel()
	r := credcheck(t, "", nil, "", "check", "--story", "--format", "jsonl", "--fail-level", "none", oneReport)
	full := credcheck(t, "", nil, "", "check", "--story", "--format", "json", "--fail-level", "none", oneReport)
	if r.code != 0 || full.code != 0 {
		t.Fatalf("exit %d / %d\n%s%s", r.code, full.code, r.stderr, full.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	var last, whole struct {
		Stories json.RawMessage `json:"stories"`
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &last); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(full.stdout), &whole); err != nil {
		t.Fatal(err)
	}
	if len(lines) != 5 || len(last.Stories) == 0 || compactJSON(t, last.Stories) != compactJSON(t, whole.Stories) {
		t.Errorf("want 4 article lines and a last line with the json report's stories:\n%.3000s", r.stdout)
	}
	for _, l := range lines[:len(lines)-1] {
		if strings.Contains(l, `"stories"`) {
			t.Errorf("an article line carries stories: %.200s", l)
		}
	}
}

func compactJSON(t *testing.T, raw json.RawMessage) string {
	t.Helper()
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func TestCheckStorySARIFAndMarkdown(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	r := credcheck(t, "", nil, "", "check", "--story", "--fail-level", "none", "--format", "sarif", "--format", "markdown", "--output", "-", "--output", dir+"/report.md", oneReport)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID           string `json:"ruleId"`
				RelatedLocations []any  `json:"relatedLocations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("want one SARIF run: %v\n%.2000s", err, r.stdout)
	}
	articleResults, storyResults := 0, 0
	for _, res := range log.Runs[0].Results {
		if strings.HasPrefix(res.RuleID, "story-") {
			storyResults++
			if len(res.RelatedLocations) < 1 {
				t.Errorf("story result %s has no related locations", res.RuleID)
			}
		} else {
			articleResults++
		}
	}
	if articleResults == 0 || storyResults == 0 {
		t.Errorf("want article and story results in one run, got %d and %d", articleResults, storyResults)
	}
	md := readFile(t, dir+"/report.md")
	if !strings.Contains(md, "\n### Story report\n") || !strings.Contains(md, "\n#### Story story-1 (4 articles)\n") || !strings.Contains(md, "`story-figure-conflict`") {
		t.Errorf("markdown has no story section under the check report:\n%s", md)
	}
}

func TestCheckStoryRefusesFormatsWithoutStories(t *testing.T) {
	t.Parallel()
	r := credcheck(t, "", nil, "", "check", "--story", "--format", "junit", oneReport)
	if r.code != 2 || !strings.Contains(r.stderr, "--story: the junit format has no place for story findings") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	cfg := storyConfig(t, "story: true\nformat: [github]\n")
	r = credcheck(t, "", nil, "", "check", "--config", cfg, oneReport)
	if r.code != 2 || !strings.Contains(r.stderr, "the github format has no place") {
		t.Errorf("story: true in configuration is not check --story: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestCheckStoryTextAndBadInput(t *testing.T) {
	t.Parallel()
	r := credcheck(t, "", nil, "", "check", "--story", "--fail-level", "none", oneReport, "no-such-article.md")
	if r.code != 2 {
		t.Fatalf("exit %d, want 2\n%s", r.code, r.stderr)
	}
	if lines := strings.Split(strings.TrimSpace(r.stderr), "\n"); len(lines) != 1 || !strings.Contains(lines[0], "no-such-article.md") {
		t.Errorf("want one error line naming the missing input, got:\n%s", r.stderr)
	}
	for _, want := range []string{"story story-1: 4 articles", "warning story-figure-conflict:", "4 articles checked"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("no %q in:\n%s", want, r.stdout)
		}
	}
}
