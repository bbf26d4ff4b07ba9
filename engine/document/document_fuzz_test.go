package document

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/internal/fuzzseed"
)

var buildSeeds = []string{
	"",
	"Plain.",
	"# Title\n\nBody text here. More text.",
	"---\ntitle: T\n---\n# T\n\n> quote\n\n- item\n\n```\ncode\n```\n<!-- c -->",
	"“Open quote never closed.\n\nNext. \"x\" «y» ” stray",
	"Mr. A. B. Smith of the U.S. paid $2.4bn (ABC) on Jan. 3... Then 1.5%!",
	"\ufeffBOM text\r\nwith CRLF\r\n\r\n• bullet\r\n",
	"<!--\nunclosed comment",
	"Zoë’s café — 日本語 — naïve\u0301.",
	"*emph* _u_ **b** `c` [l](u) ![i](p) <https://x> <b>t</b>",
	"Share this post\nspot_img\nI hope this helps!",
}

// FuzzBuild checks that any text, in any format and with any record title,
// either has no prose or yields a document that holds together: offsets in
// the text, indexes in their lists, statistics that are numbers, and the
// same policy input when built twice.
func FuzzBuild(f *testing.F) {
	files, _ := filepath.Glob("../../fixtures/*")
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err == nil && !strings.HasSuffix(file, ".jsonl") {
			f.Add(string(raw), uint8(1), "")
		}
	}
	for i, s := range buildSeeds {
		f.Add(s, uint8(i%3), []string{"", "A Title", "Ends."}[i%3])
	}
	for i, s := range fuzzseed.Articles() {
		f.Add(string(s), uint8(i%3), []string{"", "\x1b[1mBold\x1b[0m Title", "   "}[i%3])
	}
	set := realLexicons(f)
	f.Fuzz(func(t *testing.T, src string, format uint8, title string) {
		if len(src)+len(title) > fuzzseed.MaxInput {
			t.Skip("larger than the fuzzed size")
		}
		if !utf8.ValidString(src) || !utf8.ValidString(title) {
			return // article.Load rejects invalid UTF-8
		}
		a := newArticle([]article.Format{article.Text, article.Markdown, article.JSONLines}[format%3], src)
		a.Title = title
		d, err := Build(a, set)
		if err != nil {
			if !errors.Is(err, ErrNoProse) {
				t.Fatalf("Build: %v", err)
			}
			return
		}
		checkInvariants(t, d)
		checkDocument(t, d)
		first, err := d.JSON(false)
		if err != nil {
			t.Fatalf("JSON: %v", err)
		}
		d2, err := Build(a, set)
		if err != nil {
			t.Fatalf("second Build: %v", err)
		}
		second, err := d2.JSON(false)
		if err != nil {
			t.Fatalf("second JSON: %v", err)
		}
		if !bytes.Equal(first, second) {
			t.Fatalf("two builds of the same article give different policy input")
		}
		checkJSONAsEncodingJSON(t, d.Value())
	})
}

// checkDocument adds to checkInvariants the parts of a document it leaves
// out: attributions, repeats, comments and statistics.
func checkDocument(t *testing.T, d *Document) {
	t.Helper()
	span := func(what string, i, start, end int) {
		if start < 0 || start > end || end > len(d.Text) {
			t.Fatalf("%s %d spans [%d,%d) in a text of %d bytes", what, i, start, end, len(d.Text))
		}
	}
	for i, a := range d.Attributions {
		span("attribution", i, a.Start, a.End)
		if a.Sentence < 0 || a.Sentence >= len(d.Sentences) {
			t.Fatalf("attribution %d in sentence %d of %d", i, a.Sentence, len(d.Sentences))
		}
		if a.Source != nil {
			span("attribution source", i, a.Source.Start, a.Source.End)
		}
	}
	for i, r := range d.Repeats {
		if r.Of < 0 || r.Of >= r.Sentence || r.Sentence >= len(d.Sentences) {
			t.Fatalf("repeat %d: sentence %d repeats %d", i, r.Sentence, r.Of)
		}
	}
	for i, c := range d.Comments {
		span("comment", i, c.Start, c.End)
		if line, _ := d.Position(c.Start); c.Line != line {
			t.Fatalf("comment %d on line %d, position says %d", i, c.Line, line)
		}
	}
	for i, n := range d.Numbers {
		if math.IsNaN(n.Value) {
			t.Fatalf("number %d %q has no value", i, n.Text)
		}
	}
	st := d.Stats
	for _, v := range []float64{st.SentenceLengthMean, st.SentenceLengthSD, st.TypeTokenRatio, st.MATTR, st.WordLengthMean, st.SentenceLengthCV, st.SpecificsPer1000} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("statistics hold %v: %+v", v, st)
		}
	}
}
