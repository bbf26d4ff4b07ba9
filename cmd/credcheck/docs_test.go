package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var updateDocs = flag.Bool("update", false, "rewrite the generated samples in docs/ from the binary's output")

// docSample is a block of the documentation that the binary generates:
// in docs/<file>, the fenced block after <!-- golden: name --> holds the
// standard output of credcheck with args (and stdin), run from the
// repository root, through keep when it shows an excerpt.
type docSample struct {
	file, name string
	args       []string
	stdin      string
	keep       func(t *testing.T, out string) string
	dir        func(t *testing.T) string // where it runs, when not the repository
}

var docSamples = []docSample{
	{file: "output/text.md", name: "output-text", args: []string{"check", "docs/examples/articles/deal.md"}},
	{file: "output/text.md", name: "output-text-unscored", args: []string{"check", "docs/examples/de/rathaus.md"}},
	{file: "output/json.md", name: "output-json", args: []string{"check", "--format", "json", "--json-indent", "always", "docs/examples/articles/deal.md"}, keep: toolVersionAsDev},
	{file: "output/jsonl.md", name: "output-jsonl", args: []string{"check", "--format", "jsonl", "docs/examples/articles/wire.jsonl"}, keep: toolVersionAsDevJSONL},
	{file: "output/junit.md", name: "output-junit", args: []string{"check", "--format", "junit", "--fail-under", "40", "docs/examples/articles/deal.md"}},
	{file: "output/github.md", name: "output-github", args: []string{"check", "--format", "github", "docs/examples/articles/"}},
	{file: "output/markdown.md", name: "output-markdown", args: []string{"check", "--format", "markdown", "docs/examples/articles/"}},
	{file: "writing-policies.md", name: "house-rule-check", args: []string{"check", "--policy", "house-rules", "story.md"}, dir: houseRuleWalkthrough},
	{file: "story.md", name: "story-text", args: []string{"story", "fixtures/testdata/stories/one-report/"}},
	{file: "input.md", name: "input-followed-by", args: []string{"parse", "-"}, stdin: "In conclusion, the council approved the budget.\n", keep: matchesOf("formulaic_closers", "institutions")},
}

// houseRuleWalkthrough is a directory where the worked example of
// docs/writing-policies.md has been followed: the rule scaffolded, then
// the files the page shows written over the scaffold.
func houseRuleWalkthrough(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if r := credcheck(t, dir, nil, "", "policy", "new", "hedge/sources-say-headline", "--dir", "house-rules"); r.code != 0 {
		t.Fatalf("policy new: exit %d\n%s", r.code, r.stderr)
	}
	for _, f := range readDocPage(t, "docs/writing-policies.md").fences() {
		b, ok, err := readBlock("docs/writing-policies.md", f)
		if err != nil {
			t.Fatal(err)
		}
		if ok && b.file != "" {
			write(t, filepath.Join(dir, filepath.FromSlash(b.file)), b.content)
		}
	}
	return dir
}

// toolVersionAsDev writes the json report's tool version as "dev", what a
// build from source without version information says, so that the sample
// does not change with every commit the test binary is built from.
func toolVersionAsDev(t *testing.T, out string) string {
	v := toolVersionLine.FindString(out)
	if v == "" {
		t.Fatalf("the json report names no tool version:\n%.300s", out)
	}
	return strings.Replace(out, v, `    "version": "dev"`, 1)
}

var toolVersionLine = regexp.MustCompile(`(?m)(?:^    "version": "[^"]*")`)

// toolVersionAsDevJSONL is toolVersionAsDev for the jsonl report's last line.
func toolVersionAsDevJSONL(t *testing.T, out string) string {
	v := toolVersionJSONL.FindString(out)
	if v == "" {
		t.Fatalf("the jsonl report names no tool version:\n%.300s", out)
	}
	return strings.Replace(out, v, `"tool":{"name":"credcheck","version":"dev"}`, 1)
}

var toolVersionJSONL = regexp.MustCompile(`"tool":\{"name":"credcheck","version":"[^"]*"\}`)

// matchesOf keeps the given lexicons of a parse output's matches.
func matchesOf(lexicons ...string) func(t *testing.T, out string) string {
	return func(t *testing.T, out string) string {
		var doc struct {
			Matches map[string]json.RawMessage `json:"matches"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		kept := map[string]json.RawMessage{}
		for _, l := range lexicons {
			kept[l] = doc.Matches[l]
		}
		b, err := json.MarshalIndent(kept, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		return string(b) + "\n"
	}
}

var goldenMarker = regexp.MustCompile("(?m)^<!-- (golden|checked): ([a-z0-9-]+) -->\n(`{3,})([a-z]*)\n")

// blocks finds the marked fenced blocks of a Markdown file: name → the
// byte range of the block's content.
func blocks(t *testing.T, file, text string) map[string][2]int {
	t.Helper()
	out := map[string][2]int{}
	for _, m := range goldenMarker.FindAllStringSubmatchIndex(text, -1) {
		name, fence := text[m[4]:m[5]], text[m[6]:m[7]]
		start := m[1]
		end := strings.Index(text[start:], fence+"\n")
		if end < 0 || (end > 0 && text[start+end-1] != '\n') {
			t.Fatalf("docs/%s: the block of %s is not closed by %s on a line of its own", file, name, fence)
		}
		out[name] = [2]int{start, start + end}
	}
	return out
}

// TestDocsSamples regenerates every marked sample output in docs/ with the
// binary and fails when one drifted from what the code produces; go test
// ./cmd/credcheck -run TestDocsSamples -update rewrites them.
func TestDocsSamples(t *testing.T) {
	t.Parallel()
	byFile := map[string][]docSample{}
	for _, s := range docSamples {
		byFile[s.file] = append(byFile[s.file], s)
	}
	for file, samples := range byFile {
		path := filepath.Join("..", "..", "docs", file)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		for _, s := range samples {
			dir := ""
			if s.dir != nil {
				dir = s.dir(t)
			}
			r := credcheck(t, dir, nil, s.stdin, s.args...)
			if r.code > 2 || r.stdout == "" {
				t.Fatalf("credcheck %s: exit %d, no output: %s", strings.Join(s.args, " "), r.code, r.stderr)
			}
			out := r.stdout
			if s.keep != nil {
				out = s.keep(t, out)
			}
			where, ok := blocks(t, file, text)[s.name]
			if !ok {
				t.Errorf("docs/%s has no block marked <!-- golden: %s -->", file, s.name)
				continue
			}
			if got := text[where[0]:where[1]]; got != out {
				if !*updateDocs {
					t.Errorf("docs/%s, sample %s (credcheck %s) drifted from the output (-docs +output); rerun with -update:\n%s",
						file, s.name, strings.Join(s.args, " "), cmp.Diff(got, out))
				}
				text = text[:where[0]] + out + text[where[1]:]
			}
		}
		if *updateDocs && text != string(data) {
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestDocsMarkersHaveSamples: a golden marker no sample fills would leave a
// block that nothing checks.
func TestDocsMarkersHaveSamples(t *testing.T) {
	t.Parallel()
	known := map[string]bool{"configuration-file": true}
	for _, s := range docSamples {
		known[s.name] = true
	}
	for _, page := range docPages(t) {
		f := filepath.Join(repoRoot, filepath.FromSlash(page))
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for name := range blocks(t, page, string(data)) {
			if !known[name] {
				t.Errorf("%s marks a block %q that no test fills or checks", f, name)
			}
		}
	}
}

// TestDocsConfigurationFileLoads: the example file of docs/configuration.md
// works as pasted, as .credcheck.yaml, for check and rules.
func TestDocsConfigurationFileLoads(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "configuration.md"))
	if err != nil {
		t.Fatal(err)
	}
	where, ok := blocks(t, "configuration.md", string(data))["configuration-file"]
	if !ok {
		t.Fatal("docs/configuration.md has no block marked <!-- checked: configuration-file -->")
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, ".credcheck.yaml"), string(data[where[0]:where[1]]))
	write(t, filepath.Join(dir, "story.md"), cleanArticle)
	for _, args := range [][]string{{"check", "story.md"}, {"rules"}} {
		r := credcheck(t, dir, nil, "", args...)
		if r.code > 1 || r.stderr != "" {
			t.Errorf("credcheck %s with the documented configuration: exit %d\n%s", strings.Join(args, " "), r.code, r.stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "reports", "credcheck.sarif")); err != nil {
		t.Errorf("the documented output: [-, reports/credcheck.sarif] wrote no SARIF: %v", err)
	}
}
