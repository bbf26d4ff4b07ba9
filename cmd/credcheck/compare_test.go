package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const compareData = "fixtures/testdata/compare/"

// The misleading summary of the fixture article gets one finding per
// error it was written with, and the output is the one docs/compare.md
// shows.
func TestCompareMisleadingSummary(t *testing.T) {
	t.Parallel()
	r := credcheck(t, "", nil, "", "compare", compareData+"library.md", compareData+"misleading.txt")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	page, err := os.ReadFile("../../docs/compare.md")
	if err != nil {
		t.Fatal(err)
	}
	_, shown, ok := strings.Cut(string(page), "```text\n")
	if !ok {
		t.Fatal("docs/compare.md shows no output")
	}
	shown, _, _ = strings.Cut(shown, "```")
	if r.stdout != shown {
		t.Errorf("output differs from docs/compare.md:\n got:\n%s\nshown:\n%s", r.stdout, shown)
	}
}

func TestCompareFaithfulSummary(t *testing.T) {
	t.Parallel()
	r := credcheck(t, "", nil, "", "compare", "--format", "json", compareData+"library.md", compareData+"faithful.txt")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, want 0\n%s", r.code, r.stderr)
	}
	var rep struct {
		Version    int               `json:"version"`
		Consistent bool              `json:"consistent"`
		Findings   []json.RawMessage `json:"findings"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Version != 1 || !rep.Consistent || rep.Findings == nil || len(rep.Findings) != 0 {
		t.Errorf("report = %s", r.stdout)
	}
}

// The summary can come as text or on standard input; --input prints the
// comparison document instead of judging it.
func TestCompareSummaryAsTextStdinAndInput(t *testing.T) {
	t.Parallel()
	r := credcheck(t, "", nil, "", "compare", compareData+"library.md", "--summary", "The council voted on Friday.")
	if r.code != 1 || !strings.Contains(r.stdout, "summary: 1 problem against") || !strings.Contains(r.stdout, "summary-swapped-value") {
		t.Errorf("--summary: exit %d\n%s", r.code, r.stdout)
	}
	r = credcheck(t, "", nil, "Councillors voted to close the old library.\n", "compare", compareData+"library.md", "-")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "-: nothing contradicts") {
		t.Errorf("stdin: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = credcheck(t, "", nil, "", "compare", "--input", compareData+"library.md", "--summary", "The council will sell the library.")
	var in struct {
		Version int `json:"version"`
		Claims  []struct {
			Source int `json:"source"`
		} `json:"claims"`
	}
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &in) != nil || in.Version != 1 || len(in.Claims) != 1 || in.Claims[0].Source < 0 {
		t.Errorf("--input: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestCompareBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	many := filepath.Join(dir, "many.jsonl")
	if err := os.WriteFile(many, []byte(`{"text":"One article."}`+"\n"+`{"text":"Another article."}`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{compareData + "library.md", compareData + "absent.txt"}, "credcheck: " + compareData + "absent.txt: no such file or directory\n"},
		{[]string{compareData + "absent.md", "--summary", "x"}, "credcheck: " + compareData + "absent.md: no such file or directory\n"},
		{[]string{many, "--summary", "x"}, "credcheck: " + many + ": holds 2 articles; compare takes one\n"},
		{[]string{compareData + "library.md"}, "no summary: give a SUMMARY file, - for standard input, or --summary TEXT"},
		{[]string{compareData + "library.md", compareData + "faithful.txt", "--summary", "x"}, "not both"},
	} {
		r := credcheck(t, "", nil, "", append([]string{"compare"}, c.args...)...)
		if r.code != 2 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("compare %v: exit %d, want 2 with %q\n%s", c.args, r.code, c.want, r.stderr)
		}
	}
}
