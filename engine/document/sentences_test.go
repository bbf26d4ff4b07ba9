package document

import (
	"strings"
	"testing"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/google/go-cmp/cmp"
)

func TestSentenceSegmentation(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{
			name: "titles and company abbreviations do not end sentences",
			text: "Dr. Okafor met Mr. Lund and Mrs. Berg at Calder Inc. on Friday. They talked.",
			want: []string{"Dr. Okafor met Mr. Lund and Mrs. Berg at Calder Inc. on Friday.", "They talked."},
		},
		{
			name: "a company abbreviation ends a sentence before a sentence opener",
			text: "She joined Calder Inc. The firm grew. Calder Inc. shares rose.",
			want: []string{"She joined Calder Inc.", "The firm grew.", "Calder Inc. shares rose."},
		},
		{
			name: "No. before a figure, and a quoted no at a sentence end",
			text: "It ranked No. 3 in the list. They said “no.” Others agreed.",
			want: []string{"It ranked No. 3 in the list.", "They said “no.”", "Others agreed."},
		},
		{
			name: "month abbreviations",
			text: "The vote is on Jan. 14 and Sept. 2 this year. Few expect change.",
			want: []string{"The vote is on Jan. 14 and Sept. 2 this year.", "Few expect change."},
		},
		{
			name: "initials before a name",
			text: "J. Smith and T. R. Ames signed it. A. Court rejected it.",
			want: []string{"J. Smith and T. R. Ames signed it.", "A. Court rejected it."},
		},
		{
			name: "an initial-like capital followed by a sentence opener ends the sentence",
			text: "The plan was called Option B. The board liked it.",
			want: []string{"The plan was called Option B.", "The board liked it."},
		},
		{
			name: "U.S. in the middle of a sentence",
			text: "The U.S. Treasury and U.K. officials met. Talks went on.",
			want: []string{"The U.S. Treasury and U.K. officials met.", "Talks went on."},
		},
		{
			name: "U.S. at the end of a sentence before The",
			text: "Sales fell in the U.S. The decline was steep.",
			want: []string{"Sales fell in the U.S.", "The decline was steep."},
		},
		{
			name: "U.S. at the end of a sentence before a name is kept together",
			text: "Sales fell in the U.S. Grupo Norte was hit hardest.",
			want: []string{"Sales fell in the U.S. Grupo Norte was hit hardest."},
		},
		{
			name: "decimals and figures",
			text: "Prices rose 1.5% to $3.25 in 2024. Wages rose 2.1 per cent.",
			want: []string{"Prices rose 1.5% to $3.25 in 2024.", "Wages rose 2.1 per cent."},
		},
		{
			name: "a sentence may start with a figure",
			text: "Output fell. 2025 was worse. $4 billion was lost.",
			want: []string{"Output fell.", "2025 was worse.", "$4 billion was lost."},
		},
		{
			name: "ellipses",
			text: "He paused... Then he left. The end… Or not.",
			want: []string{"He paused...", "Then he left.", "The end…", "Or not."},
		},
		{
			name: "an ellipsis before a lower-case word continues",
			text: "He said the plan was... unclear to him.",
			want: []string{"He said the plan was... unclear to him."},
		},
		{
			name: "closing quotes and brackets after the period",
			text: "She said, \"It is done.\" He left. They said “yes.” Others agreed (mostly.) The end.",
			want: []string{"She said, \"It is done.\"", "He left.", "They said “yes.”", "Others agreed (mostly.)", "The end."},
		},
		{
			name: "question and exclamation marks, repeated",
			text: "Why now?! Nobody knows!!! Was it planned? Perhaps.",
			want: []string{"Why now?!", "Nobody knows!!!", "Was it planned?", "Perhaps."},
		},
		{
			name: "a quote may open the next sentence",
			text: "He left. \"We tried,\" he said. ‘Fine,’ she said.",
			want: []string{"He left.", "\"We tried,\" he said.", "‘Fine,’ she said."},
		},
		{
			name: "a lower-case word after a period continues the sentence",
			text: "See fig. three and no. five for details. Done.",
			want: []string{"See fig. three and no. five for details.", "Done."},
		},
		{
			name: "no space after the period",
			text: "Visit example.com today.Then leave.",
			want: []string{"Visit example.com today.Then leave."},
		},
		{
			name: "white space is collapsed in the text",
			text: "Too   many\tspaces  here.   Next   one.",
			want: []string{"Too many spaces here.", "Next one."},
		},
		{
			name: "e.g. and i.e. before a lower-case word",
			text: "Some firms, e.g. banks, agreed. Others, i.e. insurers, did not.",
			want: []string{"Some firms, e.g. banks, agreed.", "Others, i.e. insurers, did not."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := build(t, article.Text, tt.text)
			if diff := cmp.Diff(tt.want, sentenceTexts(d)); diff != "" {
				t.Errorf("sentences of %q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestSentencesOfAHardWrappedParagraph(t *testing.T) {
	src := "The port reopened on Monday after\na strike. Ships moved again on\nTuesday, officials said."
	d := build(t, article.Text, src)
	type sent struct {
		Text         string
		Line, Column int
		Span         string
	}
	var got []sent
	for _, s := range d.Sentences {
		got = append(got, sent{s.Text, s.Line, s.Column, d.Text[s.Start:s.End]})
	}
	want := []sent{
		{"The port reopened on Monday after a strike.", 1, 1, "The port reopened on Monday after\na strike."},
		{"Ships moved again on Tuesday, officials said.", 2, 11, "Ships moved again on\nTuesday, officials said."},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if len(d.Paragraphs) != 1 {
		t.Errorf("got %d paragraphs, want 1", len(d.Paragraphs))
	}
}

func TestSentenceTokensAreFoldedWords(t *testing.T) {
	d := build(t, article.Text, "Calder’s CEO didn’t say \"It's AI-powered\" in the U.S. today.")
	want := []string{"calder's", "ceo", "didn't", "say", "it's", "ai-powered", "in", "the", "u.s", "today"}
	var got []string
	for _, tk := range d.Sentences[0].Tokens {
		got = append(got, tk.Fold)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestPosition(t *testing.T) {
	text := "Zoë’s café\nnaïve “quote”\n\n日本 end"
	d := &Document{Text: text, lineStarts: lineStarts(text)}
	tests := []struct {
		offset       int
		line, column int
	}{
		{0, 1, 1},
		{strings.Index(text, "’"), 1, 4},
		{strings.Index(text, "café"), 1, 7},
		{strings.Index(text, "\n"), 1, 11}, // the line break itself
		{strings.Index(text, "naïve"), 2, 1},
		{strings.Index(text, "“"), 2, 7},
		{strings.Index(text, "quote"), 2, 8},
		{strings.Index(text, "\n\n") + 1, 3, 1},
		{strings.Index(text, "日本"), 4, 1},
		{strings.Index(text, "end"), 4, 4},
		{len(text), 4, 7},
		{len(text) + 10, 4, 7},
		{-1, 0, 0},
	}
	for _, tt := range tests {
		line, column := d.Position(tt.offset)
		if line != tt.line || column != tt.column {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", tt.offset, line, column, tt.line, tt.column)
		}
	}
}

func TestSentencePositionsCountCharacters(t *testing.T) {
	src := "Café owners in Zürich “welcomed” it. Prices rose.\n\nÉlodie Brun said the naïve plan worked. It did."
	d := build(t, article.Text, src)
	type pos struct {
		Text         string
		Line, Column int
	}
	var got []pos
	for _, s := range d.Sentences {
		got = append(got, pos{s.Text, s.Line, s.Column})
	}
	want := []pos{
		{"Café owners in Zürich “welcomed” it.", 1, 1},
		{"Prices rose.", 1, 38},
		{"Élodie Brun said the naïve plan worked.", 3, 1},
		{"It did.", 3, 41},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestSentenceAt(t *testing.T) {
	src := "First one.  Second one.\n\nThird one."
	d := build(t, article.Text, src)
	tests := []struct {
		offset, want int
	}{
		{0, 0},
		{strings.Index(src, "one."), 0},
		{strings.Index(src, "  Second"), 1}, // between sentences: the next one
		{strings.Index(src, "Second"), 1},
		{strings.Index(src, "\n\n"), 2},
		{strings.Index(src, "Third"), 2},
		{len(src) - 1, 2},
		{len(src), -1},
	}
	for _, tt := range tests {
		if got := d.SentenceAt(tt.offset); got != tt.want {
			t.Errorf("SentenceAt(%d) = %d, want %d", tt.offset, got, tt.want)
		}
	}
}

func TestCollapseTakesTheFastPathOnlyWhenItGivesTheSameText(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"Plain words, single spaces.",
		" Leading and trailing ",
		"Two  spaces",
		"A tab\there",
		"A line\nbreak",
		"“Curly quotes” and it’s fine",
		"No-break\u00a0space",
		"Ideographic\u3000space",
		"Em\u2003space after “quotes”",
		"Invalid \xff byte",
		"Cut rune \xe2\x80",
		"Ends with a curly quote”",
		"” starts with one",
		"Café résumé naïve",
		"",
		"   ",
	} {
		if got, want := collapse(s), collapseRunes(s); got != want {
			t.Errorf("collapse(%q) = %q, want %q", s, got, want)
		}
	}
	if !needsCollapse("a\u00a0b") || !needsCollapse("a\xffb") || needsCollapse("“a” b’s") {
		t.Error("needsCollapse misjudges spaces or letters beyond ASCII")
	}
}
