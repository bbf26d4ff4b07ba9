package document

import (
	"errors"
	"strings"
	"testing"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/google/go-cmp/cmp"
)

// para is a paragraph reduced to what the layout tests compare.
type para struct {
	Zone  Zone
	Kind  Kind
	Level int
	Line  int
	Text  string // its sentences' texts joined by " | "
}

func paras(d *Document) []para {
	var out []para
	for _, p := range d.Paragraphs {
		var texts []string
		for _, s := range d.Sentences[p.FirstSentence : p.LastSentence+1] {
			texts = append(texts, s.Text)
		}
		out = append(out, para{p.Zone, p.Kind, p.Level, p.Line, strings.Join(texts, " | ")})
	}
	return out
}

type headline struct {
	Text         string
	Line, Column int
	Kind         Kind
	Level        int
}

func headlineOf(d *Document) *headline {
	if d.Headline < 0 {
		return nil
	}
	s := d.Sentences[d.Headline]
	p := d.Paragraphs[s.Paragraph]
	return &headline{s.Text, s.Line, s.Column, p.Kind, p.Level}
}

func TestHeadline(t *testing.T) {
	tests := []struct {
		name   string
		format article.Format
		title  string // JSON Lines title
		src    string
		want   *headline
	}{
		{
			name:   "front-matter title repeated by the first heading",
			format: article.Markdown,
			src:    "---\ntitle: Harbour Tolls Rise\n---\n\n# Harbour Tolls Rise\n\nTolls rose on Monday.\n",
			want:   &headline{"Harbour Tolls Rise", 5, 3, KindHeading, 1},
		},
		{
			name:   "front-matter title repeated by a heading with emphasis and other case",
			format: article.Markdown,
			src:    "---\ntitle: Harbour tolls rise\n---\n\n## *Harbour Tolls  Rise*\n\nTolls rose on Monday.\n",
			want:   &headline{"Harbour Tolls Rise", 5, 5, KindHeading, 2},
		},
		{
			name:   "front-matter title only: the headline points into the front matter",
			format: article.Markdown,
			src:    "---\nauthor: Sam Poe\ntitle: Harbour Tolls Rise\n---\n\nTolls rose on Monday.\n",
			want:   &headline{"Harbour Tolls Rise", 3, 8, KindHeading, 1},
		},
		{
			name:   "double-quoted front-matter title",
			format: article.Markdown,
			src:    "---\ntitle: \"Tolls: Up Again\"\n---\n\nTolls rose on Monday.\n",
			want:   &headline{"Tolls: Up Again", 2, 9, KindHeading, 1},
		},
		{
			name:   "single-quoted front-matter title with a comment after it",
			format: article.Markdown,
			src:    "---\ntitle: 'Tolls Up Again' # subeditor's pick\n---\n\nTolls rose on Monday.\n",
			want:   &headline{"Tolls Up Again", 2, 9, KindHeading, 1},
		},
		{
			name:   "plain front-matter title with a comment after it",
			format: article.Markdown,
			src:    "---\ntitle: Tolls Up Again   # draft\n---\n\nTolls rose on Monday.\n",
			want:   &headline{"Tolls Up Again", 2, 8, KindHeading, 1},
		},
		{
			name:   "Hugo TOML front-matter title: the headline points into it",
			format: article.Markdown,
			src:    "+++\ndate = 2026-05-01T07:00:00Z\ntitle = \"Harbour Tolls Rise\"\n+++\n\nTolls rose on Monday.\n",
			want:   &headline{"Harbour Tolls Rise", 3, 10, KindHeading, 1},
		},
		{
			name:   "JSON front-matter title: the headline points into it",
			format: article.Markdown,
			src:    "{\n  \"author\": \"Sam Poe\",\n  \"title\": \"Harbour Tolls Rise\"\n}\n\nTolls rose on Monday.\n",
			want:   &headline{"Harbour Tolls Rise", 3, 13, KindHeading, 1},
		},
		{
			name:   "TOML front-matter title repeated by the first heading",
			format: article.Markdown,
			src:    "+++\ntitle = 'Harbour Tolls Rise'\n+++\n\n# Harbour Tolls Rise\n\nTolls rose on Monday.\n",
			want:   &headline{"Harbour Tolls Rise", 5, 3, KindHeading, 1},
		},
		{
			name:   "front-matter title differs from the first heading",
			format: article.Markdown,
			src:    "---\ntitle: Harbour Tolls Rise\n---\n\n## Background\n\nTolls rose on Monday.\n",
			want:   &headline{"Harbour Tolls Rise", 2, 8, KindHeading, 1},
		},
		{
			name:   "leading level-1 heading",
			format: article.Markdown,
			src:    "# Harbour Tolls Rise\n\nTolls rose on Monday.\n",
			want:   &headline{"Harbour Tolls Rise", 1, 3, KindHeading, 1},
		},
		{
			name:   "leading level-1 heading after a byte-order mark",
			format: article.Markdown,
			src:    "\ufeff# Harbour Tolls Rise\n\nTolls rose on Monday.\n",
			want:   &headline{"Harbour Tolls Rise", 1, 4, KindHeading, 1},
		},
		{
			name:   "setext level-1 heading",
			format: article.Markdown,
			src:    "Harbour Tolls Rise\n==================\n\nTolls rose on Monday.\n",
			want:   &headline{"Harbour Tolls Rise", 1, 1, KindHeading, 1},
		},
		{
			name:   "leading level-2 heading is no headline",
			format: article.Markdown,
			src:    "## Background\n\nTolls rose on Monday.\n",
			want:   nil,
		},
		{
			name:   "markdown first line that reads as a title",
			format: article.Markdown,
			src:    "Harbour tolls rise for the third year\n\nTolls rose on Monday.\n",
			want:   &headline{"Harbour tolls rise for the third year", 1, 1, KindHeading, 1},
		},
		{
			name:   "json lines title is prepended",
			format: article.JSONLines,
			title:  "  Harbour tolls rise ",
			src:    "Tolls rose on Monday.",
			want:   &headline{"Harbour tolls rise", 1, 1, KindHeading, 1},
		},
		{
			name:   "json lines title is the headline even when it ends with a period",
			format: article.JSONLines,
			title:  "Tolls rose.",
			src:    "Tolls rose on Monday.",
			want:   &headline{"Tolls rose.", 1, 1, KindHeading, 1},
		},
		{
			name:   "json lines without a title falls back to the first line",
			format: article.JSONLines,
			src:    "Harbour Tolls Rise\n\nTolls rose on Monday.",
			want:   &headline{"Harbour Tolls Rise", 1, 1, KindHeading, 2},
		},
		{
			name:   "plain text title line",
			format: article.Text,
			src:    "Harbour Tolls Rise Again\nTolls rose on Monday, the port said.\n",
			want:   &headline{"Harbour Tolls Rise Again", 1, 1, KindHeading, 2},
		},
		{
			name:   "plain text short first line in sentence case",
			format: article.Text,
			src:    "Harbour tolls rise again\n\nTolls rose on Monday, the port said.\n",
			want:   &headline{"Harbour tolls rise again", 1, 1, KindHeading, 1},
		},
		{
			name:   "plain text first line that ends with a period",
			format: article.Text,
			src:    "Harbour tolls rose again.\n\nTolls rose on Monday, the port said.\n",
			want:   nil,
		},
		{
			name:   "plain text long first line",
			format: article.Text,
			src:    "harbour tolls rose again on monday for the third time in three years as the port authority tried to close a gap in its budget\n\nMore.\n",
			want:   nil,
		},
		{
			name:   "plain text first paragraph of two lines",
			format: article.Text,
			src:    "Harbour tolls rose again on Monday\nfor the third year running, officials said\n\nMore.\n",
			want:   nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newArticle(tt.format, tt.src)
			a.Title = tt.title
			d := buildArticle(t, a, realLexicons(t))
			if diff := cmp.Diff(tt.want, headlineOf(d)); diff != "" {
				t.Errorf("headline (-want +got):\n%s", diff)
			}
			if tt.want != nil && d.Headline != 0 {
				t.Errorf("headline is sentence %d, want 0", d.Headline)
			}
			if tt.want == nil && d.Headline != -1 {
				t.Errorf("headline = %d, want -1", d.Headline)
			}
		})
	}
}

func TestJSONLinesTitleShiftsTheTextToLineThree(t *testing.T) {
	a := newArticle(article.JSONLines, "Tolls rose on Monday.\nThe port said so.")
	a.Title = "Harbour tolls rise"
	d := buildArticle(t, a, realLexicons(t))
	if want := "Harbour tolls rise\n\nTolls rose on Monday.\nThe port said so."; d.Text != want {
		t.Errorf("Text = %q, want %q", d.Text, want)
	}
	if a.Source != "Tolls rose on Monday.\nThe port said so." {
		t.Errorf("the article's Source was changed to %q", a.Source)
	}
	type pos struct {
		Text         string
		Line, Column int
		Start        int
	}
	var got []pos
	for _, s := range d.Sentences {
		got = append(got, pos{s.Text, s.Line, s.Column, s.Start})
	}
	want := []pos{
		{"Harbour tolls rise", 1, 1, 0},
		{"Tolls rose on Monday.", 3, 1, 20},
		{"The port said so.", 4, 1, 42},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestMarkdownZones(t *testing.T) {
	src := strings.Join([]string{
		"# Ferry Fares Rise", // 1
		"",
		"By Jane Roe", // 3
		"",
		"Fares rose on Monday. Riders were unhappy.", // 5
		"",
		"## Reaction", // 7
		"",
		"> Nobody warned us, one rider said.", // 9
		"> Another rider agreed.",
		"",
		"- First point about the fares", // 12
		"* Second point",
		"1. Third point",
		"",
		"By the end of the year, fares in the city had risen sharply once again.", // 16
		"",
		"Written by Sam Poe", // 18
	}, "\n")
	d := build(t, article.Markdown, src)
	want := []para{
		{Headline, KindHeading, 1, 1, "Ferry Fares Rise"},
		{Byline, KindText, 0, 3, "By Jane Roe"},
		{Lede, KindText, 0, 5, "Fares rose on Monday. | Riders were unhappy."},
		{Heading, KindHeading, 2, 7, "Reaction"},
		{Quote, KindQuote, 0, 9, "Nobody warned us, one rider said. | Another rider agreed."},
		{Body, KindItem, 0, 12, "First point about the fares"},
		{Body, KindItem, 0, 13, "Second point"},
		{Body, KindItem, 0, 14, "Third point"},
		{Body, KindText, 0, 16, "By the end of the year, fares in the city had risen sharply once again."},
		{Byline, KindText, 0, 18, "Written by Sam Poe"},
	}
	if diff := cmp.Diff(want, paras(d)); diff != "" {
		t.Errorf("paragraphs (-want +got):\n%s", diff)
	}
}

func TestFrontMatterIsNeverTheLede(t *testing.T) {
	for _, src := range []string{
		"+++\ntitle = \"Harbour Tolls Rise\"\nauthor = \"Sam Poe\"\ndraft = false\n+++\n\nTolls rose on Monday.\n",
		"{\n  \"title\": \"Harbour Tolls Rise\",\n  \"author\": \"Sam Poe\"\n}\n\nTolls rose on Monday.\n",
	} {
		d := build(t, article.Markdown, src)
		want := []para{
			{Headline, KindHeading, 1, 2, "Harbour Tolls Rise"},
			{Lede, KindText, 0, 7, "Tolls rose on Monday."},
		}
		if strings.HasPrefix(src, "{") {
			want[1].Line = 6
		}
		if diff := cmp.Diff(want, paras(d)); diff != "" {
			t.Errorf("%q (-want +got):\n%s", src, diff)
		}
	}
}

func TestLedeIsTheFirstProseParagraph(t *testing.T) {
	// Items and quotes before the first prose paragraph are not the lede.
	src := "# Title Here\n\n- An item first\n\n> A block quote.\n\nThe first prose paragraph.\n\nThe second one.\n"
	d := build(t, article.Markdown, src)
	var zones []Zone
	for _, p := range d.Paragraphs {
		zones = append(zones, p.Zone)
	}
	if diff := cmp.Diff([]Zone{Headline, Body, Quote, Lede, Body}, zones); diff != "" {
		t.Errorf("zones (-want +got):\n%s", diff)
	}
}

func TestPlainTextParagraphs(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []para
	}{
		{
			name: "a line break after a sentence end starts a paragraph",
			src:  "The port reopened.\nShips moved again!\nWas it safe?\nOfficials said “yes.”\nIt was (mostly).\nNext: the budget:\nFinal words here",
			want: []para{
				{Lede, KindText, 0, 1, "The port reopened."},
				{Body, KindText, 0, 2, "Ships moved again!"},
				{Body, KindText, 0, 3, "Was it safe?"},
				{Body, KindText, 0, 4, "Officials said “yes.”"},
				{Body, KindText, 0, 5, "It was (mostly)."},
				{Heading, KindHeading, 2, 6, "Next: the budget:"},
				{Body, KindText, 0, 7, "Final words here"},
			},
		},
		{
			name: "hard-wrapped prose stays one paragraph",
			src:  "the port reopened on monday after a\nweek in which no ships moved, and\nofficials said trade would recover.\n\nA second paragraph.",
			want: []para{
				{Lede, KindText, 0, 1, "the port reopened on monday after a week in which no ships moved, and officials said trade would recover."},
				{Body, KindText, 0, 5, "A second paragraph."},
			},
		},
		{
			name: "a title-like line ends a paragraph and becomes a heading",
			src:  "the port reopened on monday, and\nofficials were pleased.\nWhat Happens Next\nTrade should recover, they said.",
			want: []para{
				{Lede, KindText, 0, 1, "the port reopened on monday, and officials were pleased."},
				{Heading, KindHeading, 2, 3, "What Happens Next"},
				{Body, KindText, 0, 4, "Trade should recover, they said."},
			},
		},
		{
			// Only the line a break follows decides: a title after an
			// unfinished line continues it.
			name: "a title-like line after an unfinished line continues it",
			src:  "officials were pleased\nWhat Happens Next\nTrade should recover, they said.",
			want: []para{
				{Lede, KindText, 0, 1, "officials were pleased What Happens Next"},
				{Body, KindText, 0, 3, "Trade should recover, they said."},
			},
		},
		{
			name: "bullets",
			src:  "The council agreed three things:\n• Fares rise 4%\n- Routes stay open\n* Night buses return\n– Fewer stops\n\nThat was all.",
			want: []para{
				{Heading, KindHeading, 2, 1, "The council agreed three things:"},
				{Body, KindItem, 0, 2, "Fares rise 4%"},
				{Body, KindItem, 0, 3, "Routes stay open"},
				{Body, KindItem, 0, 4, "Night buses return"},
				{Body, KindItem, 0, 5, "Fewer stops"},
				{Lede, KindText, 0, 7, "That was all."},
			},
		},
		{
			name: "a hyphenated word at a line start is no bullet",
			src:  "Prices rose\n-5 points\n\nDone.",
			want: []para{
				{Lede, KindText, 0, 1, "Prices rose -5 points"},
				{Body, KindText, 0, 4, "Done."},
			},
		},
		{
			name: "markdown heading marks in plain text",
			src:  "## Budget Plans\nThe council met.\n\nKey Points:\nFares rise.",
			want: []para{
				{Headline, KindHeading, 2, 1, "Budget Plans"},
				{Lede, KindText, 0, 2, "The council met."},
				{Heading, KindHeading, 2, 4, "Key Points:"},
				{Body, KindText, 0, 5, "Fares rise."},
			},
		},
		{
			name: "blank lines with spaces and CRLF endings",
			src:  "First paragraph here.\r\n  \r\nSecond paragraph here.\r\n",
			want: []para{
				{Lede, KindText, 0, 1, "First paragraph here."},
				{Body, KindText, 0, 3, "Second paragraph here."},
			},
		},
		{
			name: "byline",
			src:  "Port Reopens\nBY JANE ROE\nThe port reopened.",
			want: []para{
				{Headline, KindHeading, 2, 1, "Port Reopens"},
				{Byline, KindText, 0, 2, "BY JANE ROE"},
				{Lede, KindText, 0, 3, "The port reopened."},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := build(t, article.Text, tt.src)
			if diff := cmp.Diff(tt.want, paras(d)); diff != "" {
				t.Errorf("paragraphs (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPlainTextBylineZone(t *testing.T) {
	d := build(t, article.Text, "Port reopens after strike\n\nBy Jane Roe and Sam Poe\n\nThe port reopened on Monday.")
	want := []para{
		{Headline, KindHeading, 1, 1, "Port reopens after strike"},
		{Byline, KindText, 0, 3, "By Jane Roe and Sam Poe"},
		{Lede, KindText, 0, 5, "The port reopened on Monday."},
	}
	if diff := cmp.Diff(want, paras(d)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestMarkdownMasksMarkup(t *testing.T) {
	src := strings.Join([]string{
		"---",
		"title: Not Prose Here",
		"---",
		"",
		"Use `the tool` and [the report](https://example.org/report \"Report\") and ![a chart](chart.png) now.", // 5
		"",
		"```python",
		"share_this_post = 'Share this post'",
		"```",
		"",
		"~~~",
		"hidden fence",
		"~~~",
		"",
		"Visit <https://example.org/x> or <span class=\"x\">styled</span> words.", // 15
		"",
		"*Emphasis* and **strong** and _under_ and __double__ but spot_img stays.", // 17
		"",
		"[ref]: https://example.org/ref",
		"",
		"    indented code block",
		"",
		"Escaped \\*stars\\* and a line with a ***rule*** inside.", // 23
		"",
		"---",
		"",
		"After the rule.", // 27
	}, "\n")
	d := build(t, article.Markdown, src)
	want := []string{
		"Not Prose Here",
		"Use and the report and now.",
		"Visit or styled words.",
		"Emphasis and strong and under and double but spot_img stays.",
		"Escaped stars and a line with a rule inside.",
		"After the rule.",
	}
	if diff := cmp.Diff(want, sentenceTexts(d)); diff != "" {
		t.Errorf("sentences (-want +got):\n%s", diff)
	}
	for _, hidden := range []string{"tool", "https", "example", "chart", "python", "hidden", "span", "class", "ref", "indented"} {
		for _, s := range d.Sentences {
			for _, tk := range s.Tokens {
				if tk.Fold == hidden {
					t.Errorf("markup word %q read as prose in %q", hidden, s.Text)
				}
			}
		}
	}
	// Pattern lexicons read the clean text: the residue inside the code
	// fence is not a match, the one in prose is.
	var residue []string
	for _, m := range d.Matches {
		if m.Lexicon == "boilerplate_lines" {
			residue = append(residue, m.Text)
		}
	}
	if diff := cmp.Diff([]string{"spot_img"}, residue); diff != "" {
		t.Errorf("boilerplate matches (-want +got):\n%s", diff)
	}
}

func TestMarkdownHeadingsAndBreaks(t *testing.T) {
	src := "# Title With Closing Hashes ##\n\nSecond Level\n------------\n\nA paragraph\n    continued with indentation.\n\n***\n\n### Third level ###\n\nEnd."
	d := build(t, article.Markdown, src)
	want := []para{
		{Headline, KindHeading, 1, 1, "Title With Closing Hashes"},
		{Heading, KindHeading, 2, 3, "Second Level"},
		{Lede, KindText, 0, 6, "A paragraph continued with indentation."},
		{Heading, KindHeading, 3, 11, "Third level"},
		{Body, KindText, 0, 13, "End."},
	}
	if diff := cmp.Diff(want, paras(d)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestMarkdownCommentsAreCollected(t *testing.T) {
	src := strings.Join([]string{
		"# Port Reopens",
		"",
		"<!-- credcheck-disable hedge/hearsay-hedge -->", // 3
		"The port reportedly reopened.",
		"",
		"<!--", // 6
		"a note for editors",
		"spanning lines -->",
		"Text after it.", // 9
		"",
		"Boats ran. <!-- inline note --> Fares held. <!-- second -->", // 11
		"",
		"Code `<!-- not a comment -->` stays code.", // 13
		"",
		"<!-- closes here --> and no prose follows: an HTML block runs to the end of the line that closes it.", // 15
		"",
		"```",
		"<!-- inside a fence -->",
		"```",
	}, "\n")
	d := build(t, article.Markdown, src)
	type comment struct {
		Line int
		Text string
	}
	var got []comment
	for _, c := range d.Comments {
		got = append(got, comment{c.Line, c.Text})
		if !strings.HasPrefix(d.Text[c.Start:c.End], "<!--") || !strings.HasSuffix(d.Text[c.Start:c.End], "-->") {
			t.Errorf("comment span [%d,%d) holds %q", c.Start, c.End, d.Text[c.Start:c.End])
		}
		if strings.TrimSpace(d.Clean[c.Start:c.End]) != "" {
			t.Errorf("comment %q left in the clean text", c.Text)
		}
	}
	want := []comment{
		{3, "credcheck-disable hedge/hearsay-hedge"},
		{6, "a note for editors\nspanning lines"},
		{11, "inline note"},
		{11, "second"},
		{15, "closes here"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("comments (-want +got):\n%s", diff)
	}
	wantSentences := []string{
		"Port Reopens",
		"The port reportedly reopened.",
		"Text after it.",
		"Boats ran.", "Fares held.",
		"Code stays code.",
	}
	if diff := cmp.Diff(wantSentences, sentenceTexts(d)); diff != "" {
		t.Errorf("sentences (-want +got):\n%s", diff)
	}
}

func TestBuildWithoutProse(t *testing.T) {
	tests := []struct {
		name   string
		format article.Format
		src    string
	}{
		{"markdown code only", article.Markdown, "```\nfunc main() {}\n```\n"},
		{"markdown indented code only", article.Markdown, "    code line\n    another\n"},
		{"markdown front matter and code", article.Markdown, "---\nauthor: Sam\n---\n\n```\nx\n```\n"},
		{"markdown comments and rules", article.Markdown, "<!-- nothing -->\n\n---\n\n***\n"},
		{"markdown images only", article.Markdown, "![chart](a.png)\n"},
		{"text with punctuation only", article.Text, "... --- !!!\n\n* * *\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Build(newArticle(tt.format, tt.src), realLexicons(t))
			if !errors.Is(err, ErrNoProse) {
				t.Fatalf("Build = %v, %v; want ErrNoProse", d, err)
			}
		})
	}
}
