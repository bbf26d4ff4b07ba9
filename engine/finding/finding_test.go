package finding

import (
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
)

func TestParseSeverity(t *testing.T) {
	for in, want := range map[string]Severity{"error": Error, " Warning ": Warning, "INFO": Info} {
		got, err := ParseSeverity(in)
		if err != nil || got != want {
			t.Errorf("ParseSeverity(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseSeverity("fatal"); err == nil {
		t.Error("ParseSeverity accepted an unknown severity")
	}
}

func TestSeveritiesAreRankedMostSeriousFirst(t *testing.T) {
	ranks := []int{}
	for _, s := range Severities {
		ranks = append(ranks, s.Rank())
	}
	if diff := cmp.Diff([]int{3, 2, 1}, ranks); diff != "" {
		t.Errorf("ranks (-want +got):\n%s", diff)
	}
	if Severity("none").Rank() != 0 {
		t.Error("an unknown severity has a rank")
	}
}

func TestSortOrdersByPositionThenRuleThenMessage(t *testing.T) {
	fs := []*Finding{
		{Rule: "b", Start: 10, End: 12, Message: "x"},
		{Rule: "a", Start: 10, End: 12, Message: "y"},
		{Rule: "a", Start: 10, End: 12, Message: "x"},
		{Rule: "z", Start: 2, End: 30},
		{Rule: "a", Start: 10, End: 11},
	}
	Sort(fs)
	var got [][3]any
	for _, f := range fs {
		got = append(got, [3]any{f.Start, f.Rule, f.Message})
	}
	want := [][3]any{{2, "z", ""}, {10, "a", ""}, {10, "a", "x"}, {10, "a", "y"}, {10, "b", "x"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
}

func TestKnownCategory(t *testing.T) {
	for _, c := range Categories {
		if !KnownCategory(c) {
			t.Errorf("%s not known", c)
		}
	}
	if KnownCategory("style") {
		t.Error("style is not a category")
	}
}

// Findings that differ only in their problem sort the same whatever order
// they come in: the first of a problem is the one that costs points.
func TestSortOrdersProblems(t *testing.T) {
	a := &Finding{Rule: "r", Start: 1, End: 2, Message: "m", Problem: "0-2"}
	b := &Finding{Rule: "r", Start: 1, End: 2, Message: "m", Problem: "0-1"}
	for _, in := range [][]*Finding{{a, b}, {b, a}} {
		Sort(in)
		if in[0] != b {
			t.Fatalf("problem %s sorted first", in[0].Problem)
		}
	}
}

// normaliseBySplitting is normalise as lower-casing, splitting on every rune
// that is neither letter nor digit and joining with spaces.
func normaliseBySplitting(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

func TestNormaliseKeepsWordsLowerCasedOneSpaceApart(t *testing.T) {
	for _, s := range []string{
		"The port, reportedly, was SOLD.",
		"  leading and trailing  ",
		"“Curly” quotes — and dashes – too",
		"İstanbul ΣΊΣΥΦΟΣ Straße",
		"2,000 people; 11%",
		"Invalid \xff byte and a cut rune \xe2\x80",
		"中文 没有 空格的句子",
		"",
		"...",
	} {
		if got, want := normalise(s), normaliseBySplitting(s); got != want {
			t.Errorf("normalise(%q) = %q, want %q", s, got, want)
		}
	}
	if got := Fingerprint("r", "The port was SOLD.", "sold"); got != Fingerprint("r", "the  port, was sold", "Sold") {
		t.Errorf("fingerprints differ for the same words: %s", got)
	}
}
