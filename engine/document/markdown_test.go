package document

import (
	"strings"
	"testing"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/google/go-cmp/cmp"
)

// TestMarkdownBlocksThatAreNotProse: tables, code, HTML blocks and link
// reference definitions give no sentence, so no rule can find anything in
// them; footnote texts are prose where they stand.
func TestMarkdownBlocksThatAreNotProse(t *testing.T) {
	src := strings.Join([]string{
		"# Harbour Tolls Rise", // 1
		"",
		"Tolls rose on Monday, the port said.[^1] See [the notice][notice].", // 3
		"",
		"| Vessel | Old toll | New toll |", // 5
		"|--------|---------:|---------:|",
		"| Ferry  | £40      | £44      |",
		"| Yacht reportedly | £12 | £15 |",
		"",
		"```",
		"Sources say the toll is secret.",
		"```",
		"",
		"    Officials reportedly said so in indented code.",
		"",
		"<div class=\"share\">",
		"Share This Post reportedly",
		"</div>",
		"",
		"[notice]: https://example.org/notice \"Reportedly the notice\"",
		"",
		"[^1]: The port's notice of 2 May.", // 22
		"",
		"The board meets again in June.", // 24
	}, "\n")
	d := build(t, article.Markdown, src)
	want := []para{
		{Headline, KindHeading, 1, 1, "Harbour Tolls Rise"},
		{Lede, KindText, 0, 3, "Tolls rose on Monday, the port said. | See the notice ."},
		{Body, KindText, 0, 22, "The port's notice of 2 May."},
		{Body, KindText, 0, 24, "The board meets again in June."},
	}
	if diff := cmp.Diff(want, paras(d)); diff != "" {
		t.Errorf("paragraphs (-want +got):\n%s", diff)
	}
	for _, hidden := range []string{"vessel", "yacht", "reportedly", "sources", "officials", "share", "notice]", "https", "1"} {
		for _, s := range d.Sentences {
			for _, tk := range s.Tokens {
				if tk.Fold == hidden {
					t.Errorf("%q read as prose in %q", hidden, s.Text)
				}
			}
		}
	}
	for _, m := range d.Matches {
		if m.Term == "reportedly" || strings.EqualFold(m.Text, "share this post") {
			t.Errorf("match %s %q at %d in markup", m.Lexicon, m.Text, m.Start)
		}
	}
}

// TestMarkdownPositionsCountCharacters: a finding's column counts
// characters of the original line, whatever Markdown stood before it.
func TestMarkdownPositionsCountCharacters(t *testing.T) {
	src := "+++\ntitle = \"Zürich\"\n+++\n\n> **Ça va**, dit-il — Zoë *reportedly* said.\n\n- Über [straße](https://example.org/ß) reportedly grew.\n"
	d := build(t, article.Markdown, src)
	type at struct {
		Text         string
		Line, Column int
	}
	var got []at
	for _, m := range d.Matches {
		if m.Term == "reportedly" {
			line, col := d.Position(m.Start)
			got = append(got, at{d.Text[m.Start:m.End], line, col})
		}
	}
	want := []at{{"reportedly", 5, 28}, {"reportedly", 7, 40}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	var sentences []at
	for _, s := range d.Sentences {
		sentences = append(sentences, at{s.Text, s.Line, s.Column})
	}
	wantSentences := []at{
		{"Zürich", 2, 10},
		{"Ça va , dit-il — Zoë reportedly said.", 5, 5}, // the closing ** is blanked, not removed
		{"Über straße reportedly grew.", 7, 3},
	}
	if diff := cmp.Diff(wantSentences, sentences); diff != "" {
		t.Errorf("sentences (-want +got):\n%s", diff)
	}
}

func TestMarkdownListsAndQuotesKeepTheirZones(t *testing.T) {
	src := strings.Join([]string{
		"Intro paragraph here.", // 1
		"",
		"1. First item", // 3
		"   continues here.",
		"",
		"   Second paragraph of the item.", // 6
		"   - Nested item",                 // 7
		"2) Another list",                  // 8
		"",
		"> Quoted line one", // 10
		"lazily continued.",
		">",
		"> Second quoted paragraph.",
		"",
		"Setext Heading", // 15
		"---",
	}, "\n")
	d := build(t, article.Markdown, src)
	want := []para{
		{Lede, KindText, 0, 1, "Intro paragraph here."},
		{Body, KindItem, 0, 3, "First item continues here."},
		{Body, KindItem, 0, 6, "Second paragraph of the item."},
		{Body, KindItem, 0, 7, "Nested item"},
		{Body, KindItem, 0, 8, "Another list"},
		{Quote, KindQuote, 0, 10, "Quoted line one lazily continued. | Second quoted paragraph."},
		{Heading, KindHeading, 2, 15, "Setext Heading"},
	}
	if diff := cmp.Diff(want, paras(d)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestDeepNestingKeepsOffsets: past maxPrefix bytes of container marks a
// line is read less deeply nested, and every offset still points at the
// same words of the source.
func TestDeepNestingKeepsOffsets(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Port Budget Items\n\n")
	for i := range 80 {
		b.WriteString(strings.Repeat("  ", i) + "- Item " + strings.Repeat("> ", i%3) + "the council reportedly backed the levy\n")
	}
	b.WriteString("\n" + strings.Repeat("> ", 60) + "Quoted ünïcode reportedly deep.\n\nThe end, reportedly.\n")
	src := b.String()
	d := build(t, article.Markdown, src)
	checkInvariants(t, d)
	n := 0
	for _, m := range d.Matches {
		if m.Term == "reportedly" {
			n++
			if d.Text[m.Start:m.End] != "reportedly" {
				t.Fatalf("match at [%d,%d) holds %q", m.Start, m.End, d.Text[m.Start:m.End])
			}
		}
	}
	if n != 82 {
		t.Errorf("%d matches of reportedly, want 82", n)
	}
	for _, s := range d.Sentences {
		for _, tk := range s.Tokens {
			if !strings.EqualFold(d.Text[tk.Start:tk.End], tk.Text) {
				t.Fatalf("token %q at [%d,%d) holds %q", tk.Text, tk.Start, tk.End, d.Text[tk.Start:tk.End])
			}
		}
	}
}
