package main

import (
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// hook is an entry of .pre-commit-hooks.yaml, the part pre-commit reads to
// decide what to run on which files.
type hook struct {
	ID            string   `yaml:"id"`
	Entry         string   `yaml:"entry"`
	Args          []string `yaml:"args"`
	Files         string   `yaml:"files"`
	Exclude       string   `yaml:"exclude"`
	PassFilenames *bool    `yaml:"pass_filenames"`
	AlwaysRun     bool     `yaml:"always_run"`
}

func readHooks(t *testing.T) map[string]hook {
	t.Helper()
	var list []hook
	if err := yaml.Unmarshal([]byte(readFile(t, "../../.pre-commit-hooks.yaml")), &list); err != nil {
		t.Fatal(err)
	}
	hooks := map[string]hook{}
	for _, h := range list {
		hooks[h.ID] = h
	}
	return hooks
}

// runHook does what pre-commit does with a hook on a commit of files: keep
// those that match files and not exclude (searched, as Python's re.search
// does), skip the hook when none is left, and run the entry with the
// hook's args and, unless pass_filenames is false, the files. The entry's
// credcheck is the binary under test.
func runHook(t *testing.T, h hook, dir string, staged []string) (ran bool, r result) {
	t.Helper()
	files := regexp.MustCompile(h.Files)
	var exclude *regexp.Regexp
	if h.Exclude != "" {
		exclude = regexp.MustCompile(h.Exclude)
	}
	var matched []string
	for _, f := range staged {
		if files.MatchString(f) && (exclude == nil || !exclude.MatchString(f)) {
			matched = append(matched, f)
		}
	}
	if len(matched) == 0 && !h.AlwaysRun {
		return false, result{}
	}
	argv := strings.Fields(h.Entry)
	if argv[0] != "credcheck" {
		t.Fatalf("hook %s runs %q, not credcheck", h.ID, argv[0])
	}
	args := append(argv[1:], h.Args...)
	if h.PassFilenames == nil || *h.PassFilenames {
		args = append(args, matched...)
	}
	return true, credcheck(t, dir, nil, "", args...)
}

// repoFiles lists a directory's files as pre-commit names them: relative,
// with forward slashes, sorted.
func repoFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		out = append(out, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// TestPreCommitHooks runs every published hook on a newsroom repository
// that holds a rule fresh from policy new: all pass on a first commit of
// everything, and each fails on what it is there to stop.
func TestPreCommitHooks(t *testing.T) {
	t.Parallel()
	hooks := readHooks(t)
	for _, id := range []string{"credcheck", "credcheck-policy-test", "credcheck-policy-fmt"} {
		if _, ok := hooks[id]; !ok {
			t.Fatalf(".pre-commit-hooks.yaml has no hook %s", id)
		}
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "news/port-strike.md"), cleanArticle)
	write(t, filepath.Join(dir, "README.md"), "# Newsroom\n\nThe port has reportedly been sold, the README says.\n")
	write(t, filepath.Join(dir, ".credcheck.yaml"), "policies: [house]\nfail-level: warning\n")
	if r := credcheck(t, dir, nil, "", "policy", "new", "hedge/sources-say-headline", "--dir", "house"); r.code != 0 {
		t.Fatalf("policy new: %s", r.stderr)
	}
	example := "house/credcheck/rules/hedge/sources-say-headline/testdata/example.md"
	staged := repoFiles(t, dir)
	if !slices.Contains(staged, example) {
		t.Fatalf("policy new wrote no %s: %v", example, staged)
	}
	// The example is written to fail, so neither the hook nor a walk of
	// the repository may take it for an article.
	if r := credcheck(t, dir, nil, "", "check", "--policy", "house", example); r.code != 1 {
		t.Fatalf("the scaffold's example does not fail when named: exit %d\n%s", r.code, r.stderr)
	}
	empty := filepath.Join(t.TempDir(), "empty.yaml")
	write(t, empty, "fail-level: warning\n")
	if r := credcheck(t, dir, nil, "", "check", "--config", empty, "--format", "json", "."); r.code != 0 || len(decodeFull(t, r.stdout).Articles) != 1 {
		t.Errorf("walking the repository without policies configured: exit %d\n%s", r.code, r.stdout)
	}

	for _, id := range []string{"credcheck", "credcheck-policy-test", "credcheck-policy-fmt"} {
		ran, r := runHook(t, hooks[id], dir, staged)
		if !ran || r.code != 0 {
			t.Errorf("hook %s on the first commit: ran %v, exit %d\n%s%s", id, ran, r.code, r.stdout, r.stderr)
		}
	}

	// What each hook stops.
	write(t, filepath.Join(dir, "news/port-sale.md"), hedgedArticle)
	if _, r := runHook(t, hooks["credcheck"], dir, []string{"news/port-sale.md", "README.md"}); r.code != 1 || !strings.Contains(r.stdout, "hearsay-hedge") || strings.Contains(r.stdout, "README") {
		t.Errorf("credcheck hook on a hedged lede: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	rule := filepath.Join(dir, "house/credcheck/rules/hedge/sources-say-headline/sources_say_headline.rego")
	src := readFile(t, rule)
	write(t, rule, strings.Replace(src, "\tm.quoted == false\n", "\tm.quoted   ==   false\n", 1))
	if _, r := runHook(t, hooks["credcheck-policy-fmt"], dir, []string{"house/credcheck/rules/hedge/sources-say-headline/sources_say_headline.rego"}); r.code != 1 || !strings.Contains(r.stdout, "sources_say_headline.rego") {
		t.Errorf("fmt hook on an unformatted rule: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	write(t, rule, strings.Replace(src, "\tm.quoted == false\n", "\tm.quoted == true\n", 1))
	if _, r := runHook(t, hooks["credcheck-policy-test"], dir, []string{"house/credcheck/lexicons/sources_say_headline/data.yaml"}); r.code != 1 || !strings.Contains(r.stdout, "FAIL") {
		t.Errorf("policy test hook on a broken rule: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if ran, _ := runHook(t, hooks["credcheck-policy-test"], dir, []string{"news/port-sale.md"}); ran {
		t.Error("the policy test hook runs on a commit of articles only")
	}
}
