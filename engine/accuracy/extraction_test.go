package accuracy

import (
	"bytes"
	"compress/gzip"
	"math"
	"os"
	"path/filepath"
	"testing"
)

func TestShingleMatchFollowsTheBenchmark(t *testing.T) {
	for _, c := range []struct {
		name, truth, pred string
		tp, fp, fn        float64
	}{
		{"same text", "one two three four five", "one two three four five", 1, 0, 0},
		// Punctuation and spacing are not words.
		{"same words", "one, two; three four five!", "one two  three\nfour five", 1, 0, 0},
		// truth shingles: 1234 2345; predicted: 1234 2346 -> tp 1 fp 1 fn 1
		{"one word wrong", "one two three four five", "one two three four six", 1.0 / 3, 1.0 / 3, 1.0 / 3},
		{"nothing predicted", "one two three four", "", 0, 0, 1},
		// Fewer than four words are one shingle.
		{"short", "one two", "one two", 1, 0, 0},
	} {
		tp, fp, fn := shingleMatch(c.truth, c.pred)
		if math.Abs(tp-c.tp) > 1e-9 || math.Abs(fp-c.fp) > 1e-9 || math.Abs(fn-c.fn) > 1e-9 {
			t.Errorf("%s: got %.3f/%.3f/%.3f, want %.3f/%.3f/%.3f", c.name, tp, fp, fn, c.tp, c.fp, c.fn)
		}
	}
}

// TestExtractionScoresPages runs the task on a directory in the
// benchmark's layout: a page whose body is extracted whole scores 1, and
// the navigation around it costs precision only when extraction keeps it.
func TestExtractionScoresPages(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "html"), 0o755); err != nil {
		t.Fatal(err)
	}
	body := "The harbour board postponed its vote on the crane contract on Tuesday. " +
		"A losing bidder had asked the court to halt the award, the board said in a statement. " +
		"The board's procurement director said the vote would be held once the court had ruled on the request."
	page := `<!DOCTYPE html><html><head><title>Crane vote delayed</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Crane vote delayed</h1><p>` + body + `</p><p>` + body + `</p></article>
<footer>Subscribe to our newsletter for more stories every morning.</footer></body></html>`
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(page))
	zw.Close()
	if err := os.WriteFile(filepath.Join(dir, "html", "k1.html.gz"), gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	truth := `{"k1": {"articleBody": "` + body + `\n` + body + `", "url": "https://example.test/a"}}`
	if err := os.WriteFile(filepath.Join(dir, "ground-truth.json"), []byte(truth), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := DefaultOptions()
	opts.Predictions = map[string]string{}
	r, errs := runExtraction([]string{dir}, opts)
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	if r.Records != 1 {
		t.Fatalf("%d records, want 1", r.Records)
	}
	got := r.Flat()
	if got["f1"] != 1 || got["precision"] != 1 || got["recall"] != 1 {
		t.Errorf("figures %v, want 1 each; extracted %q", got, opts.Predictions["k1"])
	}
}

func TestExtractionNamesAMissingPage(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ground-truth.json"), []byte(`{"gone": {"articleBody": "text"}}`), 0o644)
	_, errs := runExtraction([]string{dir}, DefaultOptions())
	if len(errs) != 1 || errs[0].Path != filepath.Join(dir, "html", "gone.html.gz") {
		t.Fatalf("errors %v, want one naming the missing page", errs)
	}
}
