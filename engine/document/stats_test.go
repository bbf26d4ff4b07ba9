package document

import (
	"math"
	"strings"
	"testing"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/lexicon"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestStatsCountRunningProseOnly(t *testing.T) {
	src := "Port Strike Ends\n\nBy Jane Roe\n\nDock workers went back. The union agreed to the new offer on Monday.\n\nWhat Comes Next\n\nShips will move again."
	d := build(t, article.Text, src)
	// Prose: 4, 9 and 4 words; "the" twice among the 17.
	mean := 17.0 / 3
	sd := math.Sqrt((2*(4-mean)*(4-mean) + (9-mean)*(9-mean)) / 3)
	want := Stats{
		Words: 17, Sentences: 3, Paragraphs: 2,
		SentenceLengthMean: mean, SentenceLengthSD: sd,
		TypeTokenRatio: 16.0 / 17, MATTR: 16.0 / 17,
		// Letters: 19 + 35 + 18.
		WordLengthMean:   72.0 / 17,
		SentenceLengthCV: sd / mean,
		// The byline's "Jane Roe" is the one name; no figure, quote or
		// attribution cue.
		SpecificsPer1000: 1000.0 / 17,
	}
	if diff := cmp.Diff(want, d.Stats, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	var zones []Zone
	for _, p := range d.Paragraphs {
		zones = append(zones, p.Zone)
	}
	if diff := cmp.Diff([]Zone{Headline, Byline, Lede, Heading, Body}, zones); diff != "" {
		t.Errorf("zones (-want +got):\n%s", diff)
	}
}

func TestStatsOfAnArticleWithoutProse(t *testing.T) {
	d := build(t, article.Markdown, "# Port Strike Ends\n\n## What Comes Next\n")
	if diff := cmp.Diff(Stats{}, d.Stats); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestMATTRDoesNotFallWithLength(t *testing.T) {
	cycle := "Alpha beta gamma delta epsilon zeta eta theta iota kappa. "
	for _, n := range []int{10, 20, 40} {
		d := build(t, article.Text, strings.Repeat(cycle, n))
		words := 10 * n
		if d.Stats.Words != words {
			t.Fatalf("%d sentences: %d words, want %d", n, d.Stats.Words, words)
		}
		if got, want := d.Stats.TypeTokenRatio, 10.0/float64(words); math.Abs(got-want) > 1e-12 {
			t.Errorf("%d words: type-token ratio %v, want %v", words, got, want)
		}
		// Every window of 50 words holds exactly the 10 distinct words.
		if got, want := d.Stats.MATTR, 10.0/MATTRWindow; math.Abs(got-want) > 1e-12 {
			t.Errorf("%d words: MATTR %v, want %v", words, got, want)
		}
	}
}

func TestMATTRWindows(t *testing.T) {
	tests := []struct {
		words  []int32
		types  int
		window int
		want   float64
	}{
		{nil, 0, 50, 0},
		{[]int32{0, 1, 2}, 3, 5, 1},          // shorter than the window: plain ratio
		{[]int32{0, 1, 0}, 2, 3, 2.0 / 3},    // exactly one window
		{[]int32{0, 1, 0, 2}, 3, 2, 1},       // windows 01, 10, 02
		{[]int32{0, 0, 1, 1}, 2, 2, 4.0 / 6}, // windows 00, 01, 11
		{[]int32{0, 0, 0, 0, 0, 0}, 1, 3, 1.0 / 3},
		{[]int32{0, 1, 2, 0, 1, 2, 3}, 4, 4, 13.0 / 16}, // 3, 3, 3 and 4 distinct in four windows of 4
	}
	for _, tt := range tests {
		if got := mattr(tt.words, tt.types, tt.window); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("mattr(%v, window %d) = %v, want %v", tt.words, tt.window, got, tt.want)
		}
	}
}

func TestSpecificsCountNamesFiguresQuotesAndAttributionCues(t *testing.T) {
	src := "Harbor Lines Buys Norden\n\nHarbor Lines paid $40 million, the company said. \"It is done,\" Mara Holt told reporters."
	d := build(t, article.Text, src)
	attributionCues := 0
	for _, m := range d.Matches {
		if m.Lexicon == "attribution_cues" {
			attributionCues++
		}
	}
	// Names (headline ones included), "$40 million", the quote, and
	// "said" and "told".
	if len(d.Numbers) != 1 || len(d.Quotes) != 1 || attributionCues != 2 || len(d.Entities) < 3 {
		t.Fatalf("entities %v, %d numbers, %d quotes, %d attribution cues", d.Entities, len(d.Numbers), len(d.Quotes), attributionCues)
	}
	want := float64(len(d.Entities)+1+1+2) * 1000 / float64(d.Stats.Words)
	if math.Abs(d.Stats.SpecificsPer1000-want) > 1e-9 {
		t.Errorf("SpecificsPer1000 = %g, want %g", d.Stats.SpecificsPer1000, want)
	}
	// Without the lexicons that credit a source, only names, figures and
	// quotes count.
	bare := buildArticle(t, newArticle(article.Text, src), emptyLexicons(t))
	if got, want := bare.Stats.SpecificsPer1000, float64(len(bare.Entities)+2)*1000/float64(bare.Stats.Words); math.Abs(got-want) > 1e-9 {
		t.Errorf("without lexicons: SpecificsPer1000 = %g, want %g", got, want)
	}
}

func emptyLexicons(t *testing.T) *lexicon.Set {
	t.Helper()
	set, err := lexicon.FromData(map[string]any{})
	if err != nil {
		t.Fatal(err)
	}
	return set
}
