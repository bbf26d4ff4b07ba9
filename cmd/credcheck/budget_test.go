package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// budgetRule is a user rule in category hedge with the given ID and body.
func budgetRule(id, body string) string {
	return fmt.Sprintf(`# METADATA
# title: Budget test rule
# description: A rule written to cost too much.
# custom:
#   category: hedge
#   severity: warning
#   weight: 1
package credcheck.rules.hedge[%q]

%s`, id, body)
}

// loopRule spins for hours on an article that asks it to: ten billion
// pairs of numbers, none of which matches.
var loopRule = budgetRule("spin", `
report contains {"sentence": 0, "message": "never reached"} if {
	some s in input.sentences
	contains(s.text, "spin forever")
	some a in numbers.range(1, 100000)
	some b in numbers.range(1, 100000)
	a + b < 0
}
`)

func TestLoopingPolicyIsStoppedAtTheDeadline(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "house", "spin.rego"), loopRule)
	write(t, filepath.Join(dir, "articles", "a-spin.txt"), "Council vote delayed\n\nThe council will spin forever, the mayor said on Monday. Officials reportedly disagreed.\n")
	write(t, filepath.Join(dir, "articles", "b-hedged.txt"), hedgedArticle)

	start := time.Now()
	r := credcheck(t, dir, nil, "", "check", "--policy", "house", "--timeout", "400ms", "--format", "json", "articles")
	if elapsed := time.Since(start); elapsed > 60*time.Second {
		t.Fatalf("check took %v with --timeout 400ms", elapsed)
	}
	want := "credcheck: articles/a-spin.txt: stopped after 400ms: rule spin did not finish (--timeout raises the limit)\n"
	if r.code != 2 || r.stderr != want {
		t.Fatalf("exit %d, stderr:\n%s\nwant exit 2 and:\n%s", r.code, r.stderr, want)
	}
	var rep struct {
		Articles []struct {
			Path     string
			Findings []struct{ Rule string }
		}
		Errors []struct{ Path, Message string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Articles) != 1 || rep.Articles[0].Path != "articles/b-hedged.txt" || len(rep.Articles[0].Findings) == 0 {
		t.Errorf("the other article was not checked: %+v", rep.Articles)
	}
	if len(rep.Errors) != 1 || rep.Errors[0].Path != "articles/a-spin.txt" {
		t.Errorf("report errors = %+v", rep.Errors)
	}

	// The configuration file sets it too, and eval goes through the same
	// deadline.
	write(t, filepath.Join(dir, ".credcheck.yaml"), "policies: [house]\ntimeout: 250ms\n")
	write(t, filepath.Join(dir, "labelled.jsonl"), `{"id": "spin", "text": "The council will spin forever, the mayor said on Monday.", "spans": []}`+"\n")
	start = time.Now()
	r = credcheck(t, dir, nil, "", "eval", "labelled.jsonl")
	if elapsed := time.Since(start); elapsed > 60*time.Second {
		t.Fatalf("eval took %v with timeout: 250ms", elapsed)
	}
	if r.code != 2 || !strings.Contains(r.stderr, "labelled.jsonl:1: stopped after 250ms: rule spin did not finish (--timeout raises the limit)") {
		t.Errorf("eval with a looping rule: exit %d\n%s", r.code, r.stderr)
	}

	write(t, filepath.Join(dir, "news.jsonl"), `{"id": "spin", "label": "reliable", "text": "The council will spin forever, the mayor said on Monday."}`+"\n"+
		`{"id": "calm", "label": "unreliable", "text": "Officials reportedly said the council met on Monday."}`+"\n"+
		`{"id": "named", "label": "reliable", "text": "The council met on Monday, the mayor, Ann Lee, said."}`+"\n")
	r = credcheck(t, dir, nil, "", "calibrate", "news.jsonl", "-o", "weights.yaml")
	if r.code != 2 || !strings.Contains(r.stderr, "news.jsonl:1: stopped after 250ms: rule spin did not finish (--timeout raises the limit)") {
		t.Errorf("calibrate with a looping rule: exit %d\n%s", r.code, r.stderr)
	}
	if !strings.Contains(readFile(t, filepath.Join(dir, "weights.yaml")), "weights") {
		t.Errorf("calibrate wrote no weights from the other articles")
	}

	write(t, filepath.Join(dir, ".credcheck.yaml"), "timeout: 5\n")
	if r := credcheck(t, dir, nil, "", "check", "articles/b-hedged.txt"); r.code != 2 || !strings.Contains(r.stderr, "timeout: 5ns is too short; give a duration with its unit, such as 10s") {
		t.Errorf("timeout without a unit: exit %d\n%s", r.code, r.stderr)
	}
}

func TestFindingsPerRuleAreCapped(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "house", "flood.rego"), budgetRule("flood", `
report contains {"sentence": 0, "message": sprintf("finding %d", [i])} if {
	some i in numbers.range(1, 5000)
}
`))
	write(t, filepath.Join(dir, "story.txt"), hedgedArticle)
	for _, tc := range []struct {
		args []string
		kept int
	}{{nil, 100}, {[]string{"--max-findings", "7"}, 7}} {
		args := append([]string{"check", "--policy", "house", "--format", "json", "--format", "text", "-o", "-", "-o", "report.txt"}, tc.args...)
		r := credcheck(t, dir, nil, "", append(args, "story.txt")...)
		var rep struct {
			Articles []struct {
				Notices  []string
				Findings []struct{ Rule string }
			}
		}
		if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || len(rep.Articles) != 1 {
			t.Fatalf("exit %d: %v\n%s", r.code, err, r.stderr)
		}
		a := rep.Articles[0]
		n := 0
		for _, f := range a.Findings {
			if f.Rule == "flood" {
				n++
			}
		}
		notice := fmt.Sprintf("rule flood reported 5000 findings; the first %d are kept (--max-findings raises the cap)", tc.kept)
		if n != tc.kept || len(a.Notices) != 1 || a.Notices[0] != notice {
			t.Errorf("%v: %d findings of flood, notices %q; want %d and %q", tc.args, n, a.Notices, tc.kept, notice)
		}
		if text := readFile(t, filepath.Join(dir, "report.txt")); !strings.Contains(text, "story.txt: note: "+notice+"\n") {
			t.Errorf("text report lacks the notice:\n%s", tail(text))
		}
	}
	// Every format carries the notice.
	r := credcheck(t, dir, nil, "", "check", "--policy", "house", "--format", "github", "--format", "sarif", "-o", "-", "-o", "report.sarif",
		"--format", "markdown", "-o", "report.md", "story.txt")
	notice := "rule flood reported 5000 findings; the first 100 are kept (--max-findings raises the cap)"
	if !strings.Contains(r.stdout, "::notice file=story.txt,title=credcheck::"+notice+"\n") {
		t.Errorf("github output lacks the notice:\n%s", tail(r.stdout))
	}
	if !strings.Contains(readFile(t, filepath.Join(dir, "report.sarif")), notice) || !strings.Contains(readFile(t, filepath.Join(dir, "report.md")), "- `story.txt`: "+notice) {
		t.Errorf("sarif or markdown report lacks the notice")
	}
}

func TestLongMessagesAreCutAndExcerptsBounded(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "house", "long.rego"), budgetRule("long", `
report contains {"sentence": s.index, "start": m.start, "end": m.end, "message": concat("", ["very long message " | some _ in numbers.range(1, 100)])} if {
	some m in input.matches.hearsay_hedges
	s := input.sentences[m.sentence]
}
`))
	runOn := strings.Repeat("the harbour board met again and talked about the audit and ", 60) + "reportedly the chair will resign " +
		strings.Repeat("and the clerk took notes on every word that was said ", 60) + "today."
	write(t, filepath.Join(dir, "story.txt"), "Harbour board meets\n\n"+runOn+"\n")
	r := credcheck(t, dir, nil, "", "check", "--policy", "house", "--format", "json", "story.txt")
	var rep struct {
		Articles []struct {
			Notices  []string
			Findings []struct{ Rule, Message, Excerpt, Cue string }
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || len(rep.Articles) != 1 {
		t.Fatalf("exit %d: %v\n%s", r.code, err, r.stderr)
	}
	found := false
	for _, f := range rep.Articles[0].Findings {
		if f.Rule != "long" {
			continue
		}
		found = true
		if n := len([]rune(f.Message)); n != 500 || !strings.HasSuffix(f.Message, "…") {
			t.Errorf("message of %d characters: %q", n, f.Message)
		}
		// The run-on is cut into sentences of at most 200 words, and an
		// excerpt never passes 1,200 characters.
		if n := len([]rune(f.Excerpt)); n > 1200 || !strings.Contains(f.Excerpt, "reportedly the chair will resign") {
			t.Errorf("excerpt of %d characters, or without the cue: %.80q…", n, f.Excerpt)
		}
	}
	want := []string{
		"rule long: 1 message longer than 500 characters cut short",
	}
	notices := strings.Join(rep.Articles[0].Notices, "\n")
	for _, w := range want {
		if !found || !strings.Contains(notices, w) {
			t.Errorf("found %v, notices %q; want %q", found, rep.Articles[0].Notices, w)
		}
	}
}
