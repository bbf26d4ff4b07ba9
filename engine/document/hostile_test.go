package document

import (
	"fmt"
	"strings"
	"testing"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/document/documenttest"
	"github.com/credcheck/credcheck/engine/lexicon"
)

// A run-on line is cut into sentences of at most MaxSentenceWords words,
// each after a clause mark, and no word is lost or moved.
func TestRunOnIsCutAtClauses(t *testing.T) {
	src := documenttest.RunOn(210 << 10)
	d := build(t, article.Text, src)
	body := d.Sentences[1:] // the headline is its own sentence
	if len(body) < 2 {
		t.Fatalf("%d sentences; the run-on was not cut", len(d.Sentences))
	}
	words := 0
	for i, s := range body {
		if len(s.Tokens) > MaxSentenceWords {
			t.Fatalf("sentence %d has %d words", s.Index, len(s.Tokens))
		}
		if i < len(body)-1 && (!strings.HasSuffix(s.Text, ",") || len(s.Tokens) < MaxSentenceWords/2) {
			t.Fatalf("sentence %d (%d words) does not end at a clause: …%s", s.Index, len(s.Tokens), s.Text[max(0, len(s.Text)-40):])
		}
		if s.Tokens[0].Joined {
			t.Fatalf("sentence %d starts with a word joined to the one before", s.Index)
		}
		words += len(s.Tokens)
	}
	whole := lexicon.Tokenize(d.Clean[body[0].Start:body[len(body)-1].End], body[0].Start)
	if words != len(whole) {
		t.Fatalf("the pieces hold %d words, the run-on %d", words, len(whole))
	}
}

// Without a clause mark, a long run is cut after MaxSentenceWords words,
// punctuation glued to the last word staying with it.
func TestLongRunWithoutClausesIsCutAtTheCap(t *testing.T) {
	var b strings.Builder
	for i := range 2*MaxSentenceWords + 10 {
		fmt.Fprintf(&b, "w%d", i)
		if i == MaxSentenceWords-1 {
			b.WriteString("'") // glued to the last word of the first piece
		}
		b.WriteByte(' ')
	}
	d := build(t, article.Text, b.String())
	if len(d.Sentences) != 3 {
		t.Fatalf("%d sentences, want 3", len(d.Sentences))
	}
	for i, want := range []int{MaxSentenceWords, MaxSentenceWords, 10} {
		if got := len(d.Sentences[i].Tokens); got != want {
			t.Errorf("sentence %d has %d words, want %d", i, got, want)
		}
	}
	if s := d.Sentences[0].Text; !strings.HasSuffix(s, fmt.Sprintf("w%d'", MaxSentenceWords-1)) {
		t.Errorf("first piece ends %q", s[len(s)-10:])
	}
}

// Sentences within the cap are not touched: the longest sentences of real
// copy run to about 150 words.
func TestSentencesWithinTheCapStayWhole(t *testing.T) {
	words := strings.Repeat("the council met, ", (MaxSentenceWords-4)/3)
	d := build(t, article.Text, "Officials said "+words+"and left.")
	if len(d.Sentences) != 1 {
		t.Fatalf("%d sentences, want 1", len(d.Sentences))
	}
}

// Columns on a long line are counted from marks, and agree with counting
// from the start of the line, multi-byte characters and invalid bytes
// included.
func TestPositionOnLongLines(t *testing.T) {
	var b strings.Builder
	b.WriteString("Head line\n")
	pieces := []string{"café ", "naïve ", "\xff", "日本語 ", "word "}
	for line := range 2 {
		for i := 0; i < 5000; i++ {
			b.WriteString(pieces[(i+line)%len(pieces)])
		}
		b.WriteByte('\n')
	}
	text := b.String()
	d := &Document{Text: text, lineStarts: lineStarts(text), runeMarks: runeMarks(text)}
	if len(d.runeMarks) < 20 {
		t.Fatalf("%d marks for %d bytes", len(d.runeMarks), len(text))
	}
	plain := &Document{Text: text, lineStarts: lineStarts(text)}
	for off := 0; off <= len(text); off += 29 {
		l1, c1 := d.Position(off)
		l2, c2 := plain.Position(off)
		if l1 != l2 || c1 != c2 {
			t.Fatalf("offset %d: %d:%d with marks, %d:%d counting", off, l1, c1, l2, c2)
		}
	}
}

// inSpans finds a span by binary search; it must agree with looking at
// every span.
func TestInSpansAgreesWithAScan(t *testing.T) {
	spans := []Span{{2, 5}, {7, 8}, {10, 20}, {25, 26}}
	for start := 0; start < 30; start++ {
		for end := start; end < 31; end++ {
			want := false
			for _, s := range spans {
				want = want || start >= s.Start && end <= s.End
			}
			if got := inSpans(spans, start, end); got != want {
				t.Fatalf("inSpans(%d, %d) = %v, want %v", start, end, got, want)
			}
		}
	}
}

// The names index lists, per key, the sentences naming it outside quotes.
func TestNamesIndex(t *testing.T) {
	d := build(t, article.Text, "Harbor Lines has announced a deal. Norden said \"Harbor Lines is late.\" Harbor Lines and Harbor Lines agreed.")
	in := input(t, d)
	names, _ := in["names"].(map[string]any)
	got := fmt.Sprint(names["harbor lines"])
	if got != "[0 2]" {
		t.Errorf("names[harbor lines] = %s, want [0 2]", got)
	}
}
