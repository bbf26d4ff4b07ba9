package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rivo/uniseg"
)

// wideArticle has one long sentence with a hedge near its end, after a
// name in CJK characters, two columns each on a terminal.
const wideArticle = `Council Approves Budget

The council of Saint-Étienne-du-Rouvray, twinned with 東京都 since 1990, voted on Tuesday after a debate that lasted well into the night and drew a crowd of residents who had waited since the afternoon, and the mayor reportedly called the budget a plan for the whole town.
`

// excerpts returns the excerpt and caret lines the text report prints
// under the finding of rule, without their indent.
func excerpts(t *testing.T, stdout, rule string) []string {
	t.Helper()
	lines := strings.Split(stdout, "\n")
	for i, l := range lines {
		if strings.HasSuffix(l, "["+rule+"]") {
			var out []string
			for _, x := range lines[i+1:] {
				if !strings.HasPrefix(x, "    ") {
					break
				}
				out = append(out, strings.TrimPrefix(x, "    "))
			}
			return out
		}
	}
	t.Fatalf("no %s finding in:\n%s", rule, stdout)
	return nil
}

func TestExcerptsFitTheWidthAndBreakOnWords(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "budget.md"), wideArticle)
	for _, c := range []struct {
		env   []string
		width int
	}{{nil, 100}, {[]string{"COLUMNS=60"}, 60}, {[]string{"COLUMNS=140"}, 140}} {
		r := credcheck(t, dir, c.env, "", "check", "--scorecard=false", "budget.md")
		ex := excerpts(t, r.stdout, "hearsay-hedge")
		if len(ex) != 2 {
			t.Fatalf("%v: want an excerpt line and a caret line, got %q", c.env, ex)
		}
		line, carets := ex[0], ex[1]
		if w := 4 + uniseg.StringWidth(line); w > c.width || w < c.width-25 {
			t.Errorf("%v: the excerpt takes %d columns of %d: %q", c.env, w, c.width, line)
		}
		shown := strings.Trim(line, "…")
		if !strings.Contains(wideArticle, shown) || !strings.HasPrefix(line, "…") {
			t.Fatalf("%v: %q is not a window of the sentence", c.env, line)
		}
		at := strings.Index(wideArticle, shown)
		if before := wideArticle[at-1]; before != ' ' {
			t.Errorf("%v: the window starts inside a word: %q", c.env, line)
		}
		if after := wideArticle[at+len(shown)]; strings.HasSuffix(line, "…") && after != ' ' {
			t.Errorf("%v: the window ends inside a word: %q", c.env, line)
		}
		// The carets sit under "reportedly", counted in display columns.
		i := strings.Index(line, "reportedly")
		if pad := len(carets) - len(strings.TrimLeft(carets, " ")); i < 0 || pad != uniseg.StringWidth(line[:i]) || strings.Count(carets, "^") != len("reportedly") {
			t.Errorf("%v: carets not under the span:\n%s\n%s", c.env, line, carets)
		}
	}
}

func TestCaretsAfterCJKAndFullSentences(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "budget.md"), wideArticle)
	r := credcheck(t, dir, []string{"COLUMNS=50"}, "", "check", "--scorecard=false", "--full-sentences", "budget.md")
	ex := excerpts(t, r.stdout, "hearsay-hedge")
	var text []string
	found := false
	for i := 0; i < len(ex); i++ {
		if w := 4 + uniseg.StringWidth(ex[i]); w > 50 {
			t.Errorf("line %q takes %d columns of 50", ex[i], w)
		}
		text = append(text, ex[i])
		if i+1 < len(ex) && strings.Trim(ex[i+1], " ^") == "" {
			carets := ex[i+1]
			at := strings.Index(ex[i], "reportedly")
			pad := len(carets) - len(strings.TrimLeft(carets, " "))
			found = at >= 0 && pad == uniseg.StringWidth(ex[i][:at]) && strings.Count(carets, "^") == len("reportedly")
			i++
		}
	}
	sentence := strings.TrimSpace(strings.SplitN(wideArticle, "\n\n", 2)[1])
	if got := strings.Join(text, " "); got != sentence {
		t.Errorf("--full-sentences lines joined:\n%q\nwant the sentence:\n%q", got, sentence)
	}
	if !found {
		t.Errorf("no caret line under \"reportedly\":\n%s", strings.Join(ex, "\n"))
	}
	// The CJK name is on a line before the span: the carets after it stay
	// under the span because they count columns, not characters.
	r = credcheck(t, dir, []string{"COLUMNS=400"}, "", "check", "--scorecard=false", "budget.md")
	ex = excerpts(t, r.stdout, "hearsay-hedge")
	if !strings.Contains(ex[0], "東京都") {
		t.Fatalf("the excerpt does not show the CJK name: %q", ex[0])
	}
	at := strings.Index(ex[0], "reportedly")
	if pad := len(ex[1]) - len(strings.TrimLeft(ex[1], " ")); pad != uniseg.StringWidth(ex[0][:at]) {
		t.Errorf("carets at column %d, span at %d:\n%s\n%s", pad, uniseg.StringWidth(ex[0][:at]), ex[0], ex[1])
	}
}

func TestQuietPrintsFailuresAndTally(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "budget.md"), wideArticle)
	write(t, filepath.Join(dir, "port.md"), hedgedArticle)
	write(t, filepath.Join(dir, "view.md"), "Plan Criticised\n\nThe plan is clearly a disaster, people familiar with the matter said on Monday.\n")
	full := credcheck(t, dir, nil, "", "check", "--fail-level", "error", ".")
	quiet := credcheck(t, dir, nil, "", "check", "--quiet", "--fail-level", "error", ".")
	if full.code != quiet.code || quiet.code != 1 {
		t.Fatalf("exit %d quiet, %d not: want 1 both\n%s", quiet.code, full.code, quiet.stderr)
	}
	var findings, failing int
	for _, l := range strings.Split(full.stdout, "\n") {
		if strings.Contains(l, ": error: ") {
			failing++
		}
		if strings.Contains(l, ": error: ") || strings.Contains(l, ": warning: ") || strings.Contains(l, ": info: ") {
			findings++
		}
	}
	var shown int
	for _, l := range strings.Split(quiet.stdout, "\n") {
		switch {
		case strings.Contains(l, ": warning: ") || strings.Contains(l, ": info: ") || strings.Contains(l, "score ") && strings.Contains(l, "grade"):
			t.Errorf("--quiet printed %q", l)
		case strings.Contains(l, ": error: "):
			shown++
		}
	}
	if shown != failing || findings <= failing {
		t.Errorf("--quiet shows %d findings; want the %d that fail of %d", shown, failing, findings)
	}
	summary := full.stdout[strings.Index(full.stdout, "\n3 articles checked"):]
	if !strings.HasSuffix(quiet.stdout, summary) {
		t.Errorf("--quiet does not end with the same summary:\n%s\nwant\n%s", tail(quiet.stdout), summary)
	}
	if !strings.Contains(summary, "by rule:\n  ") {
		t.Errorf("the summary has no tally:\n%s", summary)
	}
	// The same from the configuration file and from the environment.
	write(t, filepath.Join(dir, ".credcheck.yaml"), "quiet: true\nfail-level: error\n")
	if fromFile := credcheck(t, dir, nil, "", "check", "."); fromFile.stdout != quiet.stdout {
		t.Errorf("quiet: true in the configuration printed\n%s\nwant what --quiet prints\n%s", fromFile.stdout, quiet.stdout)
	}
	write(t, filepath.Join(dir, ".credcheck.yaml"), "fail-level: error\n")
	if fromEnv := credcheck(t, dir, []string{"CREDCHECK_QUIET=true"}, "", "check", "."); fromEnv.stdout != quiet.stdout {
		t.Errorf("CREDCHECK_QUIET=true printed\n%s\nwant what --quiet prints", fromEnv.stdout)
	}
	write(t, filepath.Join(dir, ".credcheck.yaml"), "markdown-limit: -1\n")
	if bad := credcheck(t, dir, nil, "", "check", "."); bad.code != 2 || !strings.Contains(bad.stderr, "markdown-limit must not be negative") {
		t.Errorf("markdown-limit: -1 gave exit %d:\n%s", bad.code, bad.stderr)
	}
}

func TestMarkdownIsCutWithAPointer(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for i := range 60 {
		write(t, filepath.Join(dir, fmt.Sprintf("news/a%02d.md", i)), hedgedArticle)
	}
	r := credcheck(t, dir, nil, "", "check", "--format", "markdown", "--output", "pr.md", "--markdown-limit", "4096",
		"--format", "json", "--output", "full.json", "news/")
	if r.code != 1 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	md := readFile(t, filepath.Join(dir, "pr.md"))
	if len(md) > 4096 || !strings.Contains(md, "**Cut short** to stay within 4096 bytes") || !strings.Contains(md, "The full report: the json report full.json.") {
		t.Errorf("markdown of %d bytes, want at most 4096 ending with a pointer to full.json:\n%s", len(md), md[max(0, len(md)-400):])
	}
	// The job summary is cut to what is left of GitHub's 1 MiB.
	summary := filepath.Join(dir, "summary.md")
	earlier := strings.Repeat("x", 1<<20-3000) + "\n"
	write(t, summary, earlier)
	r = credcheck(t, dir, []string{"GITHUB_STEP_SUMMARY=" + summary, "GITHUB_SERVER_URL=https://github.com", "GITHUB_REPOSITORY=news/desk", "GITHUB_RUN_ID=7"},
		"", "check", "--format", "github", "news/")
	got := readFile(t, summary)
	if len(got) > 1<<20 || !strings.HasPrefix(got, earlier) || !strings.Contains(got, "the job log, https://github.com/news/desk/actions/runs/7") {
		t.Errorf("step summary of %d bytes, want at most 1 MiB pointing at the job log:\n%s", len(got), got[len(earlier):])
	}
}

func TestNullDeviceIsNoTerminal(t *testing.T) {
	t.Parallel()
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	if isTerminal(null) {
		t.Errorf("%s counts as a terminal", os.DevNull)
	}
}

func TestProgressOnlyForLongRuns(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	p := progress(&buf)
	for i := 1; i <= 50; i++ {
		p(i, 50)
	}
	if buf.Len() != 0 {
		t.Errorf("a run of 50 articles drew progress: %q", buf.String())
	}
	p = progress(&buf)
	p(1, 500)
	if !strings.Contains(buf.String(), "checking") || !strings.Contains(buf.String(), "1/500") {
		t.Errorf("progress of a long run: %q", buf.String())
	}
	// Standard error of the tests is a pipe: a long run draws nothing.
	dir := t.TempDir()
	for i := range progressFrom + 10 {
		write(t, filepath.Join(dir, fmt.Sprintf("a%03d.md", i)), cleanArticle)
	}
	if r := credcheck(t, dir, nil, "", "check", "--format", "json", "."); r.stderr != "" {
		t.Errorf("progress on a pipe: %q", r.stderr)
	}
}
