package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
)

// houseRule is a user rule whose report body is given.
func houseRule(id, body string) string {
	return `# METADATA
# title: House rule ` + id + `
# description: A rule written for these tests.
# custom:
#   category: attribution
#   severity: warning
#   weight: 1
package credcheck.rules.attribution["` + id + `"]

` + body
}

// A policy from someone else must not reach the network: http.send and
// net.lookup_ip_addr fail to load, located, naming the opt-in; with the
// opt-in (flag or configuration) the policy loads.
func TestSandboxRefusesBuiltinsThatReachOut(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "house", "leak.rego"), houseRule("leak", `report contains f if {
	some s in input.sentences
	r := http.send({"method": "POST", "url": "http://127.0.0.1:1/", "body": s.text})
	ips := net.lookup_ip_addr("example.com")
	f := {"sentence": s.index, "message": sprintf("%v %v", [r, ips])}
}
`))
	write(t, filepath.Join(dir, "story.txt"), hedgedArticle)
	r := credcheck(t, dir, nil, "", "check", "--policy", "house", "story.txt")
	for _, want := range []string{
		`house/leak.rego:12:7: built-in http.send is not allowed in policies .*--allow-builtin http.send`,
		`house/leak.rego:13:9: built-in net.lookup_ip_addr is not allowed in policies .*--allow-builtin net.lookup_ip_addr`,
	} {
		if !regexp.MustCompile(want).MatchString(r.stderr) {
			t.Errorf("want %q in stderr; exit %d:\n%s", want, r.code, r.stderr)
		}
	}
	if r.code != 2 || r.stdout != "" {
		t.Errorf("exit %d, stdout:\n%s", r.code, r.stdout)
	}

	r = credcheck(t, dir, nil, "", "rules", "--policy", "house", "--allow-builtin", "http.send", "--allow-builtin", "net.lookup_ip_addr")
	if r.code != 0 || !regexp.MustCompile(`(?m)^leak\s+attribution`).MatchString(r.stdout) {
		t.Errorf("with --allow-builtin: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	write(t, filepath.Join(dir, ".credcheck.yaml"), "allow-builtins: [http.send, net.lookup_ip_addr]\n")
	if r := credcheck(t, dir, nil, "", "rules", "--policy", "house"); r.code != 0 {
		t.Errorf("with allow-builtins: exit %d\n%s", r.code, r.stderr)
	}
	os.Remove(filepath.Join(dir, ".credcheck.yaml"))
	if r := credcheck(t, dir, []string{"CREDCHECK_ALLOW_BUILTINS=http.send,net.lookup_ip_addr"}, "", "rules", "--policy", "house"); r.code != 0 {
		t.Errorf("with CREDCHECK_ALLOW_BUILTINS: exit %d\n%s", r.code, r.stderr)
	}
	if r := credcheck(t, dir, nil, "", "rules", "--allow-builtin", "http.sned"); r.code != 2 || !strings.Contains(r.stderr, "--allow-builtin http.sned: OPA has no built-in of that name") {
		t.Errorf("misspelt built-in: exit %d\n%s", r.code, r.stderr)
	}
}

// opa.runtime is refused too, and when allowed tells a policy nothing.
func TestOPARuntimeStaysEmpty(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "house", "env.rego"), houseRule("env", `report contains f if {
	f := {"sentence": input.headline, "message": sprintf("runtime is %v", [opa.runtime()])}
}
`))
	write(t, filepath.Join(dir, "story.txt"), hedgedArticle)
	if r := credcheck(t, dir, nil, "", "check", "--policy", "house", "story.txt"); r.code != 2 || !strings.Contains(r.stderr, "built-in opa.runtime is not allowed") {
		t.Errorf("opa.runtime without opt-in: exit %d\n%s", r.code, r.stderr)
	}
	r := credcheck(t, dir, []string{"SECRET_TOKEN=hunter2"}, "", "check", "--policy", "house", "--allow-builtin", "opa.runtime", "story.txt")
	if !strings.Contains(r.stdout, "runtime is {}") || strings.Contains(r.stdout, "hunter2") {
		t.Errorf("opa.runtime() is not {}: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// A policy directory is read without leaving it: a data file that links
// out is refused (its contents never reach a finding), a symlink loop and
// a named pipe end in an error instead of a hang, and a symlink inside the
// directory still works.
func TestPolicyDirectoryIsReadWithoutLeavingIt(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "story.txt"), hedgedArticle)
	write(t, filepath.Join(dir, "secret.json"), `{"token": "hunter2"}`)
	house := filepath.Join(dir, "house")
	write(t, filepath.Join(house, "show.rego"), houseRule("show", `report contains f if {
	some k, v in data.credcheck_extra
	f := {"sentence": input.headline, "message": sprintf("%v=%v", [k, v])}
}
`))
	os.MkdirAll(filepath.Join(house, "credcheck_extra"), 0o755)
	symlink(t, filepath.Join(dir, "secret.json"), filepath.Join(house, "credcheck_extra", "data.json"))
	r := credcheckWithin(t, dir, nil, "check", "--policy", "house", "story.txt")
	if r.code != 2 || strings.Contains(r.stdout+r.stderr, "hunter2") ||
		!strings.Contains(r.stderr, "house/credcheck_extra/data.json: symlink leads out of the policy directory") {
		t.Errorf("data.json linking out: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// The same data inside the directory, through a symlink, is read.
	os.Remove(filepath.Join(house, "credcheck_extra", "data.json"))
	write(t, filepath.Join(house, "extra.json"), `{"token": "inside"}`)
	symlink(t, "../extra.json", filepath.Join(house, "credcheck_extra", "data.json"))
	if r := credcheckWithin(t, dir, nil, "check", "--policy", "house", "story.txt"); !strings.Contains(r.stdout, "token=inside") {
		t.Errorf("symlink inside the directory not followed: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// A loop: the walk used to go round it for ever.
	symlink(t, ".", filepath.Join(house, "again"))
	r = credcheckWithin(t, dir, nil, "check", "--policy", "house", "story.txt")
	if r.code != 2 || !strings.Contains(r.stderr, "house/again: symlink loop") {
		t.Errorf("symlink loop: exit %d\n%s", r.code, r.stderr)
	}
	os.Remove(filepath.Join(house, "again"))

	// A named pipe where a data file goes: opening it used to block.
	fifo := filepath.Join(house, "more", "data.yaml")
	os.MkdirAll(filepath.Dir(fifo), 0o755)
	// mkfifo(1) rather than syscall.Mkfifo, which Windows builds lack.
	if err := exec.Command("mkfifo", fifo).Run(); err != nil {
		t.Skip("no named pipes here:", err)
	}
	r = credcheckWithin(t, dir, nil, "check", "--policy", "house", "story.txt")
	if r.code != 2 || !strings.Contains(r.stderr, "house/more/data.yaml: a named pipe (FIFO), not a regular file") {
		t.Errorf("named pipe: exit %d\n%s", r.code, r.stderr)
	}
	// Given as a data file (--data), the same.
	r = credcheckWithin(t, dir, nil, "check", "--data", fifo, "story.txt")
	if r.code != 2 || !strings.Contains(r.stderr, "data.yaml: a named pipe (FIFO), not a regular file") {
		t.Errorf("named pipe as --data: exit %d\n%s", r.code, r.stderr)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
}

// A rule that fails at run time is an error naming the article and the
// rule, whether the failing call is in the rule or in a helper it calls;
// the other articles are still checked, and policy test fails.
func TestRuleRuntimeErrorIsReported(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	house := filepath.Join(dir, "house")
	write(t, filepath.Join(house, "boom.rego"), houseRule("boom", `report contains f if {
	some s in input.sentences
	contains(s.text, "BOOM")
	n := to_number(s.text)
	f := {"sentence": s.index, "message": sprintf("%v", [n])}
}
`))
	write(t, filepath.Join(house, "lib.rego"), "package credcheck.lib.house\n\nratio(a, b) := a / b\n")
	write(t, filepath.Join(house, "zero.rego"), houseRule("zero", `import data.credcheck.lib.house

report contains f if {
	some s in input.sentences
	contains(s.text, "ZERO")
	r := house.ratio(1, count(s.text) - count(s.text))
	f := {"sentence": s.index, "message": sprintf("%v", [r])}
}
`))
	write(t, filepath.Join(dir, "a.txt"), "Officials said BOOM was approved.\n")
	write(t, filepath.Join(dir, "z.txt"), "Officials said ZERO was approved.\n")
	write(t, filepath.Join(dir, "b.txt"), hedgedArticle)
	r := credcheck(t, dir, nil, "", "check", "--policy", "house", "--format", "json", "a.txt", "b.txt", "z.txt")
	if r.code != 2 {
		t.Errorf("exit %d, want 2\n%s", r.code, r.stderr)
	}
	for _, want := range []string{
		`a.txt: evaluating policies: rule boom failed: .*house/boom.rego:13: eval_builtin_error: to_number`,
		`z.txt: evaluating policies: rule zero failed: .*house/lib.rego:3: eval_builtin_error: div: divide by zero`,
	} {
		if !regexp.MustCompile(want).MatchString(r.stderr) {
			t.Errorf("want %q in stderr:\n%s", want, r.stderr)
		}
	}
	rep := decode(t, r.stdout)
	if len(rep.Articles) != 1 || !strings.HasSuffix(rep.Articles[0].Path, "b.txt") || len(rep.Articles[0].Findings) == 0 {
		t.Errorf("the other article was not checked: %+v", rep.Articles)
	}

	write(t, filepath.Join(house, "boom_test.rego"), `package credcheck.rules.attribution["boom_test"]

import data.credcheck.rules.attribution.boom

test_quiet_on_plain_text if {
	count(boom.report) == 0 with input as {"sentences": [{"index": 0, "text": "BOOM today"}]}
}
`)
	r = credcheck(t, dir, nil, "", "policy", "test", "house")
	if r.code != 1 || !regexp.MustCompile(`FAIL .*boom_test.rego:5 .*\n\s+error: rule boom failed: .*boom.rego:13: eval_builtin_error: to_number`).MatchString(r.stdout) {
		t.Errorf("policy test: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// The bundle comes with capabilities stock OPA reads, which allow what
// check allows and refuse the rest; the bundle's modules compile under them.
func TestBundleCarriesCapabilities(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	r := credcheck(t, dir, nil, "", "policy", "bundle", "-o", "credcheck-bundle.tar.gz", "--allow-builtin", "time.now_ns")
	if r.code != 0 || !strings.Contains(r.stderr, "capabilities in credcheck-bundle.capabilities.json") {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "credcheck-bundle.capabilities.json"))
	if err != nil {
		t.Fatal(err)
	}
	caps, err := ast.LoadCapabilitiesJSON(strings.NewReader(string(raw)))
	if err != nil {
		t.Fatalf("OPA cannot read the capabilities: %v", err)
	}
	allowed := map[string]bool{}
	for _, b := range caps.Builtins {
		allowed[b.Name] = true
	}
	for name, want := range map[string]bool{"http.send": false, "net.lookup_ip_addr": false, "opa.runtime": false, "rand.intn": false,
		"to_number": true, "regex.match": true, "time.now_ns": true} {
		if allowed[name] != want {
			t.Errorf("capabilities allow %s: %v, want %v", name, allowed[name], want)
		}
	}
	if caps.AllowNet == nil || len(caps.AllowNet) != 0 {
		t.Errorf("allow_net = %v, want present and empty (no host)", caps.AllowNet)
	}

	f, err := os.Open(filepath.Join(dir, "credcheck-bundle.tar.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := bundle.NewReader(f).Read()
	if err != nil {
		t.Fatal(err)
	}
	modules := map[string]*ast.Module{}
	for _, m := range b.Modules {
		modules[m.Path] = m.Parsed
	}
	c := ast.NewCompiler().WithCapabilities(caps)
	if c.Compile(modules); c.Failed() {
		t.Errorf("the bundle does not compile under its capabilities: %v", c.Errors)
	}
	// And the same capabilities refuse what check refuses.
	leak, _ := ast.ParseModuleWithOpts("leak.rego", "package x\n\ny := http.send({})\n", ast.ParserOptions{RegoVersion: ast.RegoV1})
	c = ast.NewCompiler().WithCapabilities(caps)
	if c.Compile(map[string]*ast.Module{"leak.rego": leak}); !c.Failed() {
		t.Error("the capabilities let http.send through")
	}
}
