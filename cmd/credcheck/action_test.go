package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"
)

// releases are the fake releases made so far, by corrupt; the tests that
// share them run in parallel.
var (
	releasesMu sync.Mutex
	releases   = map[bool]string{}
)

// fakeRelease publishes the binary under test as release 1.2.3 in a
// directory laid out as GitHub's release downloads are, and returns its
// file:// URL for the action's download-url input. corrupt spoils the
// checksum. Made once per kind, beside the binary, which TestMain removes.
// The archive's credcheck is a script that runs the binary under test:
// the action downloads, verifies and unpacks it as it would the real one,
// without compressing and unpacking sixty megabytes on every run.
func fakeRelease(t *testing.T, corrupt bool) string {
	t.Helper()
	releasesMu.Lock()
	defer releasesMu.Unlock()
	if url, ok := releases[corrupt]; ok {
		return url
	}
	dir := filepath.Join(filepath.Dir(binary), fmt.Sprintf("release-%v", corrupt))
	asset := "credcheck_1.2.3_" + map[string]string{"Linux": "linux", "macOS": "darwin"}[runnerOS()] + "_" +
		map[string]string{"X64": "amd64", "ARM64": "arm64"}[runnerArch()] + ".tar.gz"
	bin := []byte("#!/bin/sh\nexec '" + binary + "' \"$@\"\n")
	var archive bytes.Buffer
	gz, _ := gzip.NewWriterLevel(&archive, gzip.BestSpeed)
	tw := tar.NewWriter(gz)
	for _, f := range []struct {
		name string
		mode int64
		data []byte
	}{{"credcheck", 0o755, bin}, {"LICENSE", 0o644, []byte("...")}} {
		if err := tw.WriteHeader(&tar.Header{Name: f.name, Mode: f.mode, Size: int64(len(f.data)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		tw.Write(f.data)
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	gz.Close()
	write(t, filepath.Join(dir, "v1.2.3", asset), archive.String())
	sum := sha256.Sum256(archive.Bytes())
	if corrupt {
		sum[0] ^= 1
	}
	write(t, filepath.Join(dir, "v1.2.3", "credcheck_1.2.3_checksums.txt"), hex.EncodeToString(sum[:])+"  "+asset+"\n")
	releases[corrupt] = "file://" + dir
	return releases[corrupt]
}

// forkPR is the part of a pull_request event payload for a pull request
// from a fork that the action reads.
var forkPR = map[string]any{
	"pull_request": map[string]any{
		"head": map[string]any{"repo": map[string]any{"fork": true, "full_name": "reader/credcheck-fork"}},
		"base": map[string]any{"repo": map[string]any{"fork": false, "full_name": "newsroom/articles"}},
	},
}

func actionWorkspace(t *testing.T) string {
	t.Helper()
	dir := newsroomRepo(t)
	write(t, filepath.Join(dir, "opinion pieces/harbour.md"), newsroom["opinion/column.md"])
	return dir
}

// multiLinePaths names four articles over three lines, one path quoted for
// its space: the action must check all of them.
const multiLinePaths = `news/port-sale.md news/quoted.md
"opinion pieces/harbour.md"
wire/feed.jsonl
`

func TestActionOnAForkPullRequest(t *testing.T) {
	t.Parallel()
	dir := actionWorkspace(t)
	a := newActionRun(t, dir, map[string]string{
		"paths": multiLinePaths, "upload-sarif": "true", "version": "1.2.3", "download-url": fakeRelease(t, false),
	}, "pull_request", forkPR)
	a.run()
	log := a.log.String()

	if slices.Contains(a.ran, "actions/setup-go@v5") {
		t.Error("Go is set up although a released version is installed")
	}
	for _, want := range []string{"file=news/port-sale.md", "file=opinion pieces/harbour.md", "file=wire/feed.jsonl", "credcheck: 5 articles checked"} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %q: not every path of the multi-line input was checked\n%s", want, log)
		}
	}
	if !strings.Contains(log, "::notice title=credcheck::SARIF upload skipped: a pull request from a fork") {
		t.Errorf("no notice that the upload was skipped:\n%s", log)
	}
	if _, ok := a.uses["github/codeql-action/upload-sarif"]; ok {
		t.Error("SARIF is uploaded from a fork's pull request, whose token cannot write security events")
	}
	// The findings still fail the job, through the last step, and the job
	// summary has the scorecard.
	if a.outputs["exit-code"] != "1" || !a.failed || a.ran[len(a.ran)-1] != "Fail on findings" {
		t.Errorf("exit-code %q, failed %v, steps %v; want the findings to fail the job", a.outputs["exit-code"], a.failed, a.ran)
	}
	if a.outputs["sarif-file"] != "" {
		t.Errorf("sarif-file = %q, want empty when nothing was written", a.outputs["sarif-file"])
	}
	if s := readFile(t, a.summary); !strings.Contains(s, "news/port-sale.md") {
		t.Errorf("job summary lacks the articles:\n%s", s)
	}
	if !regexp.MustCompile(`(?m)^credcheck \S+$`).MatchString(log) {
		t.Errorf("the installed binary does not report its version:\n%s", log)
	}
}

func TestActionUploadsSARIFOnlyWhenAsked(t *testing.T) {
	t.Parallel()
	release := fakeRelease(t, false)
	dir := actionWorkspace(t)
	a := newActionRun(t, dir, map[string]string{"paths": "news/port-strike.md", "version": "1.2.3", "download-url": release}, "pull_request",
		map[string]any{"pull_request": map[string]any{"head": map[string]any{"repo": map[string]any{"fork": false}}}})
	a.run()
	if _, ok := a.uses["github/codeql-action/upload-sarif"]; ok || strings.Contains(a.log.String(), "SARIF upload skipped") {
		t.Errorf("SARIF uploaded (or a notice given) by default:\n%s", a.log.String())
	}
	if matches, _ := filepath.Glob(filepath.Join(dir, "*.sarif")); len(matches) > 0 {
		t.Errorf("SARIF written though not asked for: %v", matches)
	}
	if a.failed || a.outputs["exit-code"] != "0" || slices.Contains(a.ran, "Fail on findings") {
		t.Errorf("a clean article fails the job: exit-code %q, steps %v\n%s", a.outputs["exit-code"], a.ran, a.log.String())
	}

	// Asked, on a push: uploaded, from a valid SARIF file, even though the
	// findings fail the job.
	a = newActionRun(t, dir, map[string]string{"paths": "news/", "upload-sarif": "true", "version": "1.2.3", "download-url": release}, "push", map[string]any{})
	a.run()
	with, ok := a.uses["github/codeql-action/upload-sarif"]
	if !ok || with["sarif_file"] != "credcheck.sarif" || with["category"] != "credcheck" {
		t.Fatalf("upload-sarif: ran %v with %v\n%s", ok, with, a.log.String())
	}
	var sarif struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []json.RawMessage `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(dir, "credcheck.sarif"))), &sarif); err != nil || sarif.Version != "2.1.0" || len(sarif.Runs[0].Results) == 0 {
		t.Errorf("uploaded SARIF: %v, version %q", err, sarif.Version)
	}
	if a.outputs["sarif-file"] != "credcheck.sarif" || !a.failed {
		t.Errorf("sarif-file %q, failed %v", a.outputs["sarif-file"], a.failed)
	}
}

func TestActionReadsTheForkFromTheEventPayload(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("jq"); err != nil {
		t.Skip("jq is not installed (GitHub's runners have it)")
	}
	dir := actionWorkspace(t)
	out := filepath.Join(t.TempDir(), "output")
	event := filepath.Join(t.TempDir(), "event.json")
	payload, _ := json.Marshal(forkPR)
	write(t, event, string(payload))
	write(t, out, "")
	cmd := exec.Command("bash", "../../scripts/action.sh", "check")
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "RUNNER_TEMP=" + t.TempDir(), "GITHUB_OUTPUT=" + out, "GITHUB_EVENT_PATH=" + event,
		"CREDCHECK=" + binary, "PATHS=" + filepath.Join(dir, "news/port-strike.md"), "UPLOAD_SARIF=true"}
	log, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(log), "SARIF upload skipped") || !strings.Contains(readFile(t, out), "upload-sarif=false") {
		t.Errorf("fork in the payload only: %v\n%s%s", err, log, readFile(t, out))
	}
}

func TestActionBadInputs(t *testing.T) {
	t.Parallel()
	dir := actionWorkspace(t)
	release := fakeRelease(t, false)
	for _, c := range []struct {
		name   string
		inputs map[string]string
		want   string
	}{
		{"unmatched quote", map[string]string{"paths": "news/\n\"opinion pieces/harbour.md\n"}, "::error title=credcheck::paths: cannot split"},
		{"upload-sarif", map[string]string{"upload-sarif": "yes"}, "::error title=credcheck::upload-sarif must be true or false, not yes"},
		{"checksum", map[string]string{"download-url": fakeRelease(t, true)}, "does not match its checksum"},
		{"no such version", map[string]string{"version": "9.9.9"}, "::error title=credcheck::version 9.9.9: cannot download"},
	} {
		inputs := map[string]string{"version": "1.2.3", "download-url": release}
		for k, v := range c.inputs {
			inputs[k] = v
		}
		a := newActionRun(t, dir, inputs, "push", map[string]any{})
		a.run()
		log := a.log.String()
		if !a.failed || !strings.Contains(log, c.want) {
			t.Errorf("%s: failed %v, log lacks %q:\n%s", c.name, a.failed, c.want, log)
		}
		if strings.Contains(log, "articles checked") || len(a.uses) > 0 {
			t.Errorf("%s: the action went on after the error: %v\n%s", c.name, a.ran, log)
		}
	}
}

// TestActionBuildsWithTheGoCache follows the default path, no version: Go
// set up with its module and build caches keyed on the action's go.sum,
// and credcheck built from the action's checkout with go build. The
// runner's temporary directory already holds the binary TestMain built, as
// the release builds it: go build (which runs: a go first on PATH records
// it) finds that output up to date by build ID and does not link it again.
// Were the action's build not the release's, it would link its own, and
// the installed binary would differ from the one under test.
func TestActionBuildsWithTheGoCache(t *testing.T) {
	t.Parallel()
	dir := actionWorkspace(t)
	a := newActionRun(t, dir, map[string]string{"paths": "news/port-strike.md"}, "push", map[string]any{})
	installed := filepath.Join(a.temp, "credcheck-bin", "credcheck")
	if err := copyExecutable(binary, installed); err != nil {
		t.Fatal(err)
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	shim := t.TempDir()
	calls := filepath.Join(shim, "calls")
	write(t, calls, "")
	if err := os.WriteFile(filepath.Join(shim, "go"), []byte("#!/bin/sh\necho \"$*\" >> '"+calls+"'\nexec '"+goBin+"' \"$@\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	a.env = append(a.env, "PATH="+shim+string(os.PathListSeparator)+os.Getenv("PATH"))
	a.run()
	setup, ok := a.uses["actions/setup-go"]
	if !ok || setup["cache"] != "true" || setup["cache-dependency-path"] != filepath.Join(a.root, "go.sum") || setup["go-version"] != "1.26" {
		t.Errorf("setup-go: ran %v with %v", ok, setup)
	}
	if a.failed || a.outputs["exit-code"] != "0" || a.steps["install"]["bin"] != installed {
		t.Errorf("build and check: failed %v, outputs %v %v\n%s", a.failed, a.outputs, a.steps["install"], a.log.String())
	}
	if got := readFile(t, calls); !strings.HasPrefix(got, "build ") || !strings.Contains(got, " -o "+installed+" ") {
		t.Errorf("the action did not build credcheck into %s with go build; go ran with:\n%s", installed, got)
	}
	if !sameBytes(t, installed, binary) {
		t.Error("the action's build differs from the release build the tests run")
	}
}

// sameBytes compares two files a block at a time: binaries of some 50 MB
// each, which reading whole would make the test allocate four times over.
func sameBytes(t *testing.T, a, b string) bool {
	t.Helper()
	fa, err := os.Open(a)
	if err != nil {
		t.Fatal(err)
	}
	defer fa.Close()
	fb, err := os.Open(b)
	if err != nil {
		t.Fatal(err)
	}
	defer fb.Close()
	bufA, bufB := make([]byte, 1<<20), make([]byte, 1<<20)
	for {
		na, errA := io.ReadFull(fa, bufA)
		nb, errB := io.ReadFull(fb, bufB)
		if !bytes.Equal(bufA[:na], bufB[:nb]) {
			return false
		}
		endA := errA == io.EOF || errA == io.ErrUnexpectedEOF
		endB := errB == io.EOF || errB == io.ErrUnexpectedEOF
		switch {
		case errA != nil && !endA:
			t.Fatal(errA)
		case errB != nil && !endB:
			t.Fatal(errB)
		case endA || endB:
			return endA == endB
		}
	}
}

// TestActionInputsAreDocumented keeps docs/ci.md and the example workflow
// in step with action.yml: every input is in the table, and every input the
// examples give exists.
func TestActionInputsAreDocumented(t *testing.T) {
	t.Parallel()
	var action actionFile
	if err := yaml.Unmarshal([]byte(readFile(t, "../../action.yml")), &action); err != nil {
		t.Fatal(err)
	}
	docs := readFile(t, "../../docs/ci.md")
	for name := range action.Inputs {
		if !strings.Contains(docs, "| `"+name+"`") && !strings.Contains(docs, "`"+name+"`, `") && !strings.Contains(docs, ", `"+name+"` |") {
			t.Errorf("input %s is not in docs/ci.md's table", name)
		}
	}
	var workflow struct {
		Jobs map[string]struct {
			Steps []struct {
				Uses string            `yaml:"uses"`
				With map[string]string `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal([]byte(readFile(t, "../../docs/examples/github-workflow.yml")), &workflow); err != nil {
		t.Fatal(err)
	}
	uses := 0
	for _, job := range workflow.Jobs {
		for _, step := range job.Steps {
			if !strings.HasPrefix(step.Uses, "credcheck/credcheck@") {
				continue
			}
			uses++
			for name := range step.With {
				if _, ok := action.Inputs[name]; !ok {
					t.Errorf("the example workflow gives the action an input it does not have: %s", name)
				}
			}
		}
	}
	if uses == 0 {
		t.Error("the example workflow does not use the action")
	}
}

// sameBytes is what stands between the Action's build and the release
// build: it must see a difference in the last byte of a block, past a
// block, and in length alone.
func TestSameBytesSeesEveryDifference(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	base := bytes.Repeat([]byte("credcheck"), 300000) // past two blocks
	lastOfBlock := bytes.Clone(base)
	lastOfBlock[1<<20-1] ^= 1
	for name, other := range map[string][]byte{
		"same":           base,
		"last of block":  lastOfBlock,
		"last byte":      append(bytes.Clone(base[:len(base)-1]), 'x'),
		"shorter":        base[:len(base)-1],
		"longer":         append(bytes.Clone(base), 0),
		"a block longer": append(bytes.Clone(base), make([]byte, 1<<20)...),
		"empty":          nil,
	} {
		a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b-"+strings.ReplaceAll(name, " ", "-"))
		write(t, a, string(base))
		write(t, b, string(other))
		if got, want := sameBytes(t, a, b), bytes.Equal(base, other); got != want {
			t.Errorf("%s: sameBytes = %v, want %v", name, got, want)
		}
	}
}
