package checker

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// A sentence up to MaxExcerpt characters is shown whole, white space
// collapsed, as before windows existed.
func TestExcerptShowsAProseSentenceWhole(t *testing.T) {
	text := "Harbor  Lines\nhas reportedly   chosen Norden."
	start := strings.Index(text, "reportedly")
	got, ms, me := excerpt(text, 0, len(text), start, start+len("reportedly"))
	if got != "Harbor Lines has reportedly chosen Norden." || string([]rune(got)[ms:me]) != "reportedly" {
		t.Fatalf("excerpt %q marked [%d,%d)", got, ms, me)
	}
	long := strings.Repeat("wörd ", MaxExcerpt/5-1) + "end"
	if got, _, _ := excerpt(long, 0, len(long), 0, 4); utf8.RuneCountInString(got) != utf8.RuneCountInString(long) {
		t.Fatalf("a sentence of %d characters was cut", utf8.RuneCountInString(long))
	}
}

// A longer sentence gives a window around the span, with ellipses, however
// long the sentence and wherever the span.
func TestExcerptWindowsALongSentence(t *testing.T) {
	sentence := strings.Repeat("the council weighed a levy, ", 20000) // 560 KB
	for _, at := range []int{0, 5000, len(sentence) / 2, len(sentence) - 30} {
		start := strings.Index(sentence[at:], "levy") + at
		got, ms, me := excerpt(sentence, 0, len(sentence), start, start+4)
		runes := []rune(got)
		if len(runes) > MaxWindow {
			t.Fatalf("at %d: window of %d characters", at, len(runes))
		}
		if string(runes[ms:me]) != "levy" {
			t.Fatalf("at %d: mark [%d,%d) of %q is %q", at, ms, me, got, string(runes[ms:me]))
		}
		cutAfter := at < len(sentence)-1000
		if (at > 0) != (runes[0] == ellipsis) || cutAfter != (runes[len(runes)-1] == ellipsis) {
			t.Fatalf("at %d: window %q has ellipses where it was not cut, or lacks them where it was", at, got)
		}
	}
	// A finding on the whole sentence shows its first characters, marked.
	got, ms, me := excerpt(sentence, 0, len(sentence), 0, len(sentence))
	if runes := []rune(got); ms != 0 || me != 2*ExcerptContext || len(runes) > MaxWindow || !strings.HasPrefix(got, "the council") {
		t.Fatalf("whole-sentence window %q marked [%d,%d)", got, ms, me)
	}
}

// Collapsing the span of a long sentence walks only the bytes around it, so
// a thousand findings on one long sentence cost a thousand windows.
func BenchmarkExcerptLongSentence(b *testing.B) {
	sentence := strings.Repeat("the council weighed a levy, ", 20000)
	start := len(sentence) / 2
	for b.Loop() {
		excerpt(sentence, 0, len(sentence), start, start+4)
	}
}
