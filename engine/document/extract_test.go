package document

import (
	"strings"
	"testing"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func quoteTexts(d *Document) []string {
	var out []string
	for _, q := range d.Quotes {
		out = append(out, d.Text[q.Start:q.End])
	}
	return out
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		name   string
		format article.Format
		src    string
		want   []string
	}{
		{
			name: "straight quotes pair up",
			src:  `He said "we are ready" and then "we will win" again.`,
			want: []string{`"we are ready"`, `"we will win"`},
		},
		{
			name: "curly and angle quotes",
			src:  "“We are ready,” she said. He added «the team is fit».",
			want: []string{"“We are ready,”", "«the team is fit»"},
		},
		{
			name: "a quote left open runs to the end of its paragraph only",
			src:  "He said “the plan is sound and\nit will work. Nobody doubts it.\n\nA new paragraph starts here.",
			want: []string{"“the plan is sound and\nit will work. Nobody doubts it."},
		},
		{
			name: "a stray closing quote opens nothing",
			src:  "The so-called ” plan” was dropped.",
			want: nil,
		},
		{
			name:   "a markdown block quote is one quote",
			format: article.Markdown,
			src:    "Intro line.\n\n> Nobody warned us,\n> one rider said.\n\nOutro line.",
			want:   []string{"Nobody warned us,\n> one rider said."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			format := tt.format
			if format == "" {
				format = article.Text
			}
			d := build(t, format, tt.src)
			if diff := cmp.Diff(tt.want, quoteTexts(d)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestQuotedFlags(t *testing.T) {
	src := strings.Join([]string{
		"Officials reportedly agreed on Monday.",
		"",
		"“The deal is reportedly worth $2 billion to Calder Group,” Jane Roe said.",
		"",
		"\"It is allegedly done. Calder Group will pay 5%.\"",
		"",
		"He said “the plan is reportedly sound and",
		"it will cost $3 million.",
	}, "\n")
	d := build(t, article.Text, src)

	var quoted []bool
	for _, s := range d.Sentences {
		quoted = append(quoted, s.Quoted)
	}
	// Only the sentences every word of which lies in a quote are quoted.
	if diff := cmp.Diff([]bool{false, false, true, true, false}, quoted); diff != "" {
		t.Errorf("sentence quoted flags (-want +got):\n%s", diff)
	}

	type flag struct {
		Text   string
		Quoted bool
	}
	var hedges []flag
	for _, m := range d.Matches {
		if m.Lexicon == "hearsay_hedges" {
			hedges = append(hedges, flag{m.Text, m.Quoted})
		}
	}
	wantHedges := []flag{{"reportedly", false}, {"reportedly", true}, {"allegedly", true}, {"reportedly", true}}
	if diff := cmp.Diff(wantHedges, hedges); diff != "" {
		t.Errorf("hedge matches (-want +got):\n%s", diff)
	}

	var numbers []flag
	for _, n := range d.Numbers {
		numbers = append(numbers, flag{n.Text, n.Quoted})
	}
	wantNumbers := []flag{{"$2 billion", true}, {"5%", true}, {"$3 million", true}}
	if diff := cmp.Diff(wantNumbers, numbers); diff != "" {
		t.Errorf("numbers (-want +got):\n%s", diff)
	}

	var entities []flag
	for _, e := range d.Entities {
		entities = append(entities, flag{e.Text, e.Quoted})
	}
	wantEntities := []flag{{"Calder Group", true}, {"Jane Roe", false}, {"Calder Group", true}}
	if diff := cmp.Diff(wantEntities, entities); diff != "" {
		t.Errorf("entities (-want +got):\n%s", diff)
	}
}

func TestMatchesInABlockQuoteAreQuoted(t *testing.T) {
	d := build(t, article.Markdown, "Intro line here.\n\n> The club reportedly agreed.\n\nOutro line here.")
	var got []bool
	for _, m := range d.Matches {
		if m.Lexicon == "hearsay_hedges" {
			got = append(got, m.Quoted)
		}
	}
	if diff := cmp.Diff([]bool{true}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if !d.Sentences[1].Quoted {
		t.Errorf("block-quote sentence not quoted")
	}
}

// figure is a number reduced to what the tests compare.
type figure struct {
	Text     string
	Value    float64
	Unit     string
	Scale    string
	Quantity string
}

func numbersOf(d *Document) []figure {
	var out []figure
	for _, n := range d.Numbers {
		out = append(out, figure{n.Text, n.Value, n.Unit, n.Scale, n.Quantity})
	}
	return out
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		text string
		want []figure
	}{
		{"Profit rose 12% in the quarter.", []figure{{"12%", 12, "%", "", ""}}},
		{"Profit rose 12 percent and 3 per cent.", []figure{{"12 percent", 12, "%", "", ""}, {"3 per cent", 3, "%", "", ""}}},
		{"Margins widened by 1.5 percentage points.", []figure{{"1.5 percentage points", 1.5, "pp", "", ""}}},
		{"The fee was $3.25 each.", []figure{{"$3.25", 3.25, "$", "", ""}}},
		{"It paid €40m and £3.5bn and ¥900.", []figure{{"€40m", 4e7, "€", "m", ""}, {"£3.5bn", 3.5e9, "£", "bn", ""}, {"¥900", 900, "¥", "", ""}}},
		{"It raised US$1.2 billion.", []figure{{"US$1.2 billion", 1.2e9, "US$", "billion", ""}}},
		{"It raised HK$800 million.", []figure{{"HK$800 million", 8e8, "HK$", "million", ""}}},
		{"About 2.5 million people and 3 thousand cars.", []figure{{"2.5 million", 2.5e6, "", "million", "people"}, {"3 thousand", 3000, "", "thousand", "cars"}}},
		{"Debt reached 1.2 trillion.", []figure{{"1.2 trillion", 1.2e12, "", "trillion", ""}}},
		{"A 5m swim and 7b vote.", []figure{{"5m", 5, "m", "", "swim"}, {"7b", 7, "b", "", "vote"}}},
		{"Rates rose 2 per annum.", []figure{{"2", 2, "", "", ""}}},
		{"It opened in 2024 and closed in 1750.", []figure{{"2024", 2024, "year", "", ""}, {"1750", 1750, "", "", ""}}},
		{"It sold 2,024 units.", []figure{{"2,024", 2024, "", "", "units"}}},
		{"The vote is on March 14 and Jan. 3.", []figure{{"14", 14, "day", "", ""}, {"3", 3, "day", "", ""}}},
		{"The fee in May 2026 was paid.", []figure{{"2026", 2026, "year", "", ""}}},
		{"It was the 3rd loss and the 21st.", []figure{{"3rd", 3, "ordinal", "", "loss"}, {"21st", 21, "ordinal", "", ""}}},
		{"Since the 1990s prices rose.", []figure{{"1990s", 1990, "decade", "", "prices"}}},
		{"Cars hit 70mph on the road.", []figure{{"70mph", 70, "mph", "", ""}}},
		{"The $2.4 billion deal closed.", []figure{{"$2.4 billion", 2.4e9, "$", "billion", "deal"}}},
		{"They signed a deal worth $2.4 billion.", []figure{{"$2.4 billion", 2.4e9, "$", "billion", "deal"}}},
		{"A deal worth $2.4 billion closed on Monday.", []figure{{"$2.4 billion", 2.4e9, "$", "billion", "deal"}}},
		{"They signed a deal valued at $2.4 billion.", []figure{{"$2.4 billion", 2.4e9, "$", "billion", "deal"}}},
		{"A stake valued at $5bn changed hands.", []figure{{"$5bn", 5e9, "$", "bn", "stake"}}},
		{"A fee of £6 million was agreed.", []figure{{"£6 million", 6e6, "£", "million", "fee"}}},
		{"It is worth $5 million to them.", []figure{{"$5 million", 5e6, "$", "million", ""}}},
		{"Revenue of $3 billion, up 4%.", []figure{{"$3 billion", 3e9, "$", "billion", "revenue"}, {"4%", 4, "%", "", ""}}},
	}
	for _, tt := range tests {
		d := build(t, article.Text, tt.text)
		if diff := cmp.Diff(tt.want, numbersOf(d)); diff != "" {
			t.Errorf("numbers in %q (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestNumberContextWords(t *testing.T) {
	d := build(t, article.Text, "Shares of the firm rose 4.5% to a record on Friday. 7 left.")
	type ctx struct {
		Before, After []string
	}
	var got []ctx
	for _, n := range d.Numbers {
		got = append(got, ctx{n.Before, n.After})
	}
	want := []ctx{
		{[]string{"the", "firm", "rose"}, []string{"to", "a", "record"}},
		{nil, []string{"left"}},
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestNumbersListedOnTheirSentence(t *testing.T) {
	d := build(t, article.Text, "Fares rose 4% in 2025. Nothing else. Costs rose 2% and 3%.")
	var got [][]int
	for _, s := range d.Sentences {
		got = append(got, s.Numbers)
	}
	if diff := cmp.Diff([][]int{{0, 1}, nil, {2, 3}}, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

type ent struct {
	Text, Key, Kind string
}

func entitiesOf(d *Document) []ent {
	var out []ent
	for _, e := range d.Entities {
		out = append(out, ent{e.Text, e.Key, e.Kind})
	}
	return out
}

func TestEntities(t *testing.T) {
	tests := []struct {
		name   string
		format article.Format
		src    string
		want   []ent
	}{
		{
			name: "multi-word names and connectors",
			src:  "Analysts at Bank of America and Grupo Solano met Anna van Dijk.",
			want: []ent{{"Bank of America", "bank of america", "name"}, {"Grupo Solano", "grupo solano", "name"}, {"Anna van Dijk", "anna van dijk", "name"}},
		},
		{
			name: "possessives share the key of the name",
			src:  "Shares of Calder rose after Calder's results and Calder’s forecast.",
			want: []ent{{"Calder", "calder", "name"}, {"Calder's", "calder", "name"}, {"Calder’s", "calder", "name"}},
		},
		{
			name: "a leading The is not part of the key",
			src:  "A report in The Ledger said so.",
			want: []ent{{"The Ledger", "ledger", "name"}},
		},
		{
			name: "sentence-initial words count only when capitalised mid-sentence elsewhere",
			src:  "Officials met Calder staff. Calder agreed. Officials left.",
			want: []ent{{"Calder", "calder", "name"}, {"Calder", "calder", "name"}},
		},
		{
			name: "a sentence-initial possessive of a known name",
			src:  "Shares in Mercer fell. Mercer's lawyer spoke.",
			want: []ent{{"Mercer", "mercer", "name"}, {"Mercer's", "mercer", "name"}},
		},
		{
			name: "tickers in parentheses, written against the opening one",
			src:  "Shares of Norvale (NVLP) and Tessa ( TSB ) rose, but (NASDAQ: X) and (AB) and (Q) and (TOOLONG) differ.",
			want: []ent{{"Norvale", "norvale", "name"}, {"NVLP", "nvlp", "ticker"}, {"Tessa", "tessa", "name"}, {"TSB", "tsb", "name"}, {"NASDAQ", "nasdaq", "name"}, {"X", "x", "name"}, {"AB", "ab", "ticker"}, {"Q", "q", "name"}, {"TOOLONG", "toolong", "name"}},
		},
		{
			name: "honorifics and currency prefixes are not names",
			src:  "Officials said Mr. Smith and Dr. Okafor paid US$1.2 billion and HK$30 million.",
			want: []ent{{"Smith", "smith", "name"}, {"Okafor", "okafor", "name"}},
		},
		{
			name: "days and months are not names",
			src:  "The board met on Monday in March and again on Friday, October 3.",
			want: nil,
		},
		{
			name: "punctuation splits names",
			src:  "It hired Calder, Norvale and Tessa.",
			want: []ent{{"Calder", "calder", "name"}, {"Norvale", "norvale", "name"}, {"Tessa", "tessa", "name"}},
		},
		{
			name: "title-case headline words count only when known from prose",
			src:  "Calder Buys Rival In Surprise Move\n\nThe deal gives Calder a rival in the north, analysts said.",
			want: []ent{{"Calder", "calder", "name"}, {"Calder", "calder", "name"}},
		},
		{
			name:   "heading words count only when known from prose",
			format: article.Markdown,
			src:    "## What Calder Wants\n\nThe deal gives Calder a foothold, analysts said.",
			want:   []ent{{"Calder", "calder", "name"}, {"Calder", "calder", "name"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			format := tt.format
			if format == "" {
				format = article.Text
			}
			d := build(t, format, tt.src)
			if diff := cmp.Diff(tt.want, entitiesOf(d)); diff != "" {
				t.Errorf("entities (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEntityTokensFeedNamePhrases(t *testing.T) {
	// "<Name>" in a lexicon spans a whole multi-word entity.
	set := smallSet(t, `
reports:
  entries: [according to (a |)report by <Name>]
`)
	d := buildArticle(t, newArticle(article.Text, "Prices rose, according to a report by The Coastal Ledger on Monday."), set)
	var got []string
	for _, m := range d.Matches {
		got = append(got, m.Text)
	}
	if diff := cmp.Diff([]string{"according to a report by The Coastal Ledger"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestRepeats(t *testing.T) {
	src := "Calder Buys Norvale\n\nCalder buys Norvale! The deal closed. It rained. It rained. " +
		"The deal, closed. Two words. Two words."
	d := build(t, article.Text, src)
	want := []Repeat{{Sentence: 1, Of: 0}, {Sentence: 5, Of: 2}}
	if diff := cmp.Diff(want, d.Repeats); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
