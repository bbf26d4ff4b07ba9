package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// --format jsonl writes, for each article in input order, the object the
// json report lists, one per line, then the rest of the json report on a
// last line; the same bytes with one worker as with two.
func TestJSONLReportIsTheJSONReportByLine(t *testing.T) {
	t.Parallel()
	dir := streamCorpus(t, 12)
	whole := credcheck(t, dir, nil, "", "check", "--format", "json", "--fail-level", "none", "wire.jsonl")
	lines := credcheck(t, dir, nil, "", "check", "--format", "jsonl", "--fail-level", "none", "--workers", "2", "wire.jsonl")
	if lines.code != 2 || !strings.Contains(lines.stderr, "wire.jsonl:4:") {
		t.Fatalf("exit %d, want 2 for the broken record on line 4:\n%s", lines.code, lines.stderr)
	}
	if one := credcheck(t, dir, nil, "", "check", "--format", "jsonl", "--fail-level", "none", "--workers", "1", "wire.jsonl"); one.stdout != lines.stdout {
		t.Error("one worker and two wrote different bytes")
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal([]byte(whole.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	var articles []json.RawMessage
	if err := json.Unmarshal(doc["articles"], &articles); err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSuffix(lines.stdout, "\n"), "\n")
	if len(articles) != 11 || len(got) != 12 {
		t.Fatalf("%d articles in json, %d lines in jsonl; want 11 and 12", len(articles), len(got))
	}
	for i, a := range articles {
		if got[i] != string(a) {
			t.Errorf("line %d:\n%s\nis not the json report's article:\n%s", i+1, got[i], a)
		}
	}
	delete(doc, "articles")
	var last map[string]json.RawMessage
	if err := json.Unmarshal([]byte(got[11]), &last); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(last) != fmt.Sprint(doc) {
		t.Errorf("last line %s\nis not the json report without its articles", got[11])
	}
}

// A program reading credcheck's output gets each article's line while its
// input is still open: with standard input and output pipes, the line of
// the first record comes before the second record is written.
func TestJSONLStreamsFromAPipe(t *testing.T) {
	t.Parallel()
	cmd := exec.Command(binary, "check", "--format", "jsonl", "--fail-level", "none", "-")
	cmd.Env = []string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}
	cmd.Dir = t.TempDir()
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := make(chan string)
	go func() {
		r := bufio.NewReader(stdout)
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				close(lines)
				return
			}
			lines <- line
		}
	}()
	next := func() map[string]any {
		t.Helper()
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatal("output ended early")
			}
			var v map[string]any
			if err := json.Unmarshal([]byte(line), &v); err != nil {
				t.Fatalf("%q: %v", line, err)
			}
			return v
		case <-time.After(2 * time.Minute): // a guard against hanging, not a timing
			t.Fatal("no line while the input stays open")
		}
		return nil
	}
	for _, id := range []string{"first", "second"} {
		if _, err := io.WriteString(stdin, `{"id": "`+id+`", "text": "The minister reportedly said the plan would work."}`+"\n"); err != nil {
			t.Fatal(err)
		}
		if got := next(); got["id"] != id {
			t.Fatalf("line %v, want the article %s", got, id)
		}
	}
	stdin.Close()
	if s, ok := next()["summary"].(map[string]any); !ok || s["articles"] != 2.0 {
		t.Errorf("last line's summary %v, want 2 articles", s)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
}

// json-indent does not indent jsonl: a line is a record.
func TestJSONLIgnoresJSONIndent(t *testing.T) {
	t.Parallel()
	dir := streamCorpus(t, 3)
	write(t, filepath.Join(dir, ".credcheck.yaml"), "json-indent: always\n")
	out := credcheck(t, dir, nil, "", "check", "--format", "jsonl", "--fail-level", "none", "wire.jsonl")
	if n := strings.Count(out.stdout, "\n"); n != 4 {
		t.Errorf("%d lines for 3 articles, want 4:\n%s", n, out.stdout)
	}
}
