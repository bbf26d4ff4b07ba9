package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// storyFiles are the story fixtures: stories linked by names and figures,
// stories with copied text, and stories their articles name.
func storyFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../../fixtures/testdata/stories/*/*.md")
	if err != nil || len(files) < 10 {
		t.Fatalf("story fixtures: %v %v", files, err)
	}
	files = append(files, "../../fixtures/testdata/stories/ferries.jsonl")
	slices.Sort(files)
	return files
}

// normal re-encodes a JSON value compactly with sorted keys, so that two
// encoders' spacing does not count.
func normal(t *testing.T, raw []byte) string {
	t.Helper()
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// readStories gives the lines of the stories files, normalised and sorted.
func readStories(t *testing.T, out string) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(out, "stories-*.jsonl"))
	var got []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range lines(string(data)) {
			got = append(got, normal(t, []byte(l)))
		}
	}
	slices.Sort(got)
	return got
}

// On the story fixtures, the pipeline's grouping (LSH bands, the story
// rule's link, named stories) finds the stories story mode finds, and each
// story line is the story `credcheck story --format json` reports:
// articles, findings with their cites, scorecard.
func TestPipelineStoriesMatchStoryMode(t *testing.T) {
	files := storyFiles(t)
	out := t.TempDir()
	args := []string{"--output", out, "--shards", "2"}
	for _, f := range files {
		args = append(args, "--input", f)
	}
	_, stderr, code := runBin(t, "credcheck-pipeline", args...)
	if code != 0 {
		t.Fatalf("exit status %d; stderr:\n%s", code, stderr)
	}
	stdout, storyErr, code := runBin(t, "credcheck", append([]string{"story", "--format", "json"}, files...)...)
	if code != 0 {
		t.Fatalf("credcheck story: exit status %d; stderr:\n%s", code, storyErr)
	}
	var report struct{ Stories []json.RawMessage }
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, s := range report.Stories {
		want = append(want, normal(t, s))
	}
	slices.Sort(want)
	got := readStories(t, out)
	if len(want) < 6 || !slices.Equal(got, want) {
		t.Errorf("pipeline stories differ from credcheck story:\n got %d:\n%s\nwant %d:\n%s",
			len(got), strings.Join(got, "\n"), len(want), strings.Join(want, "\n"))
	}
	if !strings.Contains(stderr, "; 7 stories judged, 0 cut to --max-story, 0 LSH buckets cut to --max-bucket") {
		t.Errorf("stderr lacks the story counts:\n%s", stderr)
	}
}

// A story past --max-story is judged with its first articles and says how
// many it left out; the run says how many stories it cut.
func TestPipelineCapsStories(t *testing.T) {
	out := t.TempDir()
	_, stderr, code := runBin(t, "credcheck-pipeline", "--input", "../../fixtures/testdata/stories/one-report/*.md",
		"--input", "../../fixtures/testdata/stories/bridge-budget/*.md", "--output", out, "--shards", "1", "--max-story", "2")
	if code != 0 {
		t.Fatalf("exit status %d; stderr:\n%s", code, stderr)
	}
	got := readStories(t, out)
	if len(got) != 2 {
		t.Fatalf("%d stories, want 2:\n%s", len(got), strings.Join(got, "\n"))
	}
	for _, line := range got {
		var s struct {
			Articles []struct{ Path string }
			LeftOut  int `json:"left_out"`
		}
		if err := json.Unmarshal([]byte(line), &s); err != nil {
			t.Fatal(err)
		}
		dir := filepath.Base(filepath.Dir(s.Articles[0].Path))
		wantLeft := map[string]int{"one-report": 2, "bridge-budget": 1}[dir]
		if len(s.Articles) != 2 || s.LeftOut != wantLeft || !strings.HasPrefix(filepath.Base(s.Articles[0].Path), "1-") {
			t.Errorf("%s: %d articles from %s, left out %d; want the first 2 and %d left out", dir, len(s.Articles), s.Articles[0].Path, s.LeftOut, wantLeft)
		}
	}
	if !strings.Contains(stderr, "2 stories judged, 2 cut to --max-story") {
		t.Errorf("stderr lacks the cut stories:\n%s", stderr)
	}
}
