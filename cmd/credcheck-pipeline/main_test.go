package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// bin holds the two binaries the tests run: this one and the credcheck
// CLI of the same checkout.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "credcheck-pipeline-test")
	if err != nil {
		panic(err)
	}
	bin = dir
	// The CLI is built in the repository's own module, with its own
	// dependency versions: the binary users run, not one built with
	// Beam's.
	for _, b := range []struct{ dir, pkg, name string }{
		{".", ".", "credcheck-pipeline"},
		{"../..", "./cmd/credcheck", "credcheck"},
	} {
		cmd := exec.Command("go", "build", "-o", filepath.Join(dir, b.name), b.pkg)
		cmd.Dir = b.dir
		if out, err := cmd.CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "building %s: %v\n%s", b.name, err, out)
			os.RemoveAll(dir)
			os.Exit(1)
		}
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runBin runs one of the binaries and gives its output and exit status.
func runBin(t *testing.T, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(filepath.Join(bin, name), args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("%s: %v", name, err)
	}
	return out.String(), errOut.String(), cmd.ProcessState.ExitCode()
}

// lines splits text into its lines, sorted.
func lines(text string) []string {
	l := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(l) == 1 && l[0] == "" {
		return nil
	}
	slices.Sort(l)
	return l
}

// The pipeline on Prism gives, for every article of a small corpus, the
// bytes check gives, in json and jsonl alike; the malformed record and
// the blank file land in the dead-letter file with check's reasons, and
// the rest is still checked.
func TestPipelineMatchesCheck(t *testing.T) {
	comparePipelineWithCheck(t)
}

// A configuration file (rule severity, weight and switch, an ignore entry,
// scoring, timeout) changes the pipeline's results as it changes check's.
func TestPipelineConfigurationAsCheck(t *testing.T) {
	comparePipelineWithCheck(t, "--config", "testdata/pipeline.yaml")
}

// comparePipelineWithCheck runs both on the corpus with the same extra
// flags and compares every result and the dead letter.
func comparePipelineWithCheck(t *testing.T, extra ...string) {
	files, err := filepath.Glob("testdata/corpus/*")
	if err != nil || len(files) < 5 {
		t.Fatalf("corpus: %v %v", files, err)
	}
	out := t.TempDir()
	pipelineArgs := append([]string{"--input", "testdata/corpus/*", "--output", out, "--shards", "3"}, extra...)
	_, stderr, code := runBin(t, "credcheck-pipeline", pipelineArgs...)
	if code != 2 {
		t.Fatalf("exit status %d, want 2 (inputs in the dead letter); stderr:\n%s", code, stderr)
	}
	var got []string
	for i := range 3 {
		data, err := os.ReadFile(filepath.Join(out, fmt.Sprintf("results-%05d-of-00003.jsonl", i)))
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		got = append(got, lines(string(data))...)
	}
	slices.Sort(got)

	jsonl, checkErr, code := runBin(t, "credcheck", append(append([]string{"check", "--format", "jsonl"}, extra...), files...)...)
	if code != 2 {
		t.Fatalf("check exit status %d, want 2; stderr:\n%s", code, checkErr)
	}
	want := strings.Split(strings.TrimSuffix(jsonl, "\n"), "\n")
	want = want[:len(want)-1] // the summary line
	slices.Sort(want)
	if len(want) < 6 {
		t.Fatalf("check found only %d articles", len(want))
	}
	if !slices.Equal(got, want) {
		t.Errorf("pipeline results differ from check --format jsonl:\n got %d lines:\n%s\nwant %d lines:\n%s",
			len(got), strings.Join(got, "\n"), len(want), strings.Join(want, "\n"))
	}

	whole, _, _ := runBin(t, "credcheck", append(append([]string{"check", "--format", "json", "--json-indent", "never"}, extra...), files...)...)
	var report struct{ Articles []json.RawMessage }
	if err := json.Unmarshal([]byte(whole), &report); err != nil {
		t.Fatal(err)
	}
	var articles []string
	for _, a := range report.Articles {
		articles = append(articles, string(a))
	}
	slices.Sort(articles)
	if !slices.Equal(got, articles) {
		t.Error("pipeline results differ from the articles of check --format json")
	}
	compareAggregates(t, out, whole)

	dead, err := os.ReadFile(filepath.Join(out, "dead-letter.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var wantDead []string
	for _, l := range lines(checkErr) {
		wantDead = append(wantDead, strings.TrimPrefix(l, "credcheck: "))
	}
	slices.Sort(wantDead)
	if gotDead := lines(string(dead)); !slices.Equal(gotDead, wantDead) {
		t.Errorf("dead letter:\n%s\nwant check's errors:\n%s", dead, strings.Join(wantDead, "\n"))
	}
	for _, reason := range []string{"testdata/corpus/malformed.jsonl:2: ", "testdata/corpus/blank.txt: empty article"} {
		if !strings.Contains(string(dead), reason) {
			t.Errorf("dead letter lacks %q:\n%s", reason, dead)
		}
	}
	if !strings.Contains(stderr, fmt.Sprintf("credcheck-pipeline: %d articles checked, 2 inputs in dead-letter.txt", len(want))) {
		t.Errorf("stderr lacks the run's counts:\n%s", stderr)
	}
	if len(extra) > 0 {
		return
	}
	// Same input, same bytes: a second run writes the same files.
	again := t.TempDir()
	if _, stderr, code := runBin(t, "credcheck-pipeline", "--input", "testdata/corpus/*", "--output", again, "--shards", "3"); code != 2 {
		t.Fatalf("second run: exit status %d; stderr:\n%s", code, stderr)
	}
	first, _ := filepath.Glob(filepath.Join(out, "*"))
	second, _ := filepath.Glob(filepath.Join(again, "*"))
	if len(first) != len(second) {
		t.Fatalf("runs wrote %d and %d files", len(first), len(second))
	}
	for i := range first {
		a, _ := os.ReadFile(first[i])
		b, _ := os.ReadFile(second[i])
		if filepath.Base(first[i]) != filepath.Base(second[i]) || !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs of the same input", filepath.Base(first[i]))
		}
	}
}

// A setting check would refuse stops the launch with one line and
// status 2, before any runner starts.
func TestPipelineRefusesBadSettings(t *testing.T) {
	for _, args := range [][]string{
		{"--input", "testdata/corpus/*", "--output", t.TempDir(), "--shards", "0"},
		{"--input", "testdata/corpus/*", "--output", t.TempDir(), "--language", "fr"},
		{"--output", t.TempDir()},
		{"--input", "nosuch://archive/*.jsonl", "--output", t.TempDir()},
		{"--input", "testdata/corpus/*", "--output", t.TempDir(), "--max-story", "1"},
	} {
		_, stderr, code := runBin(t, "credcheck-pipeline", args...)
		if code != 2 || strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "credcheck-pipeline: ") {
			t.Errorf("%v: exit status %d, stderr %q; want 2 and one line", args, code, stderr)
		}
	}
}
