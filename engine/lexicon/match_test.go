package lexicon

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// found is a match reduced to what a test compares.
type found struct {
	Lexicon, Term, Group, Text string
	First, Last                int
}

// matchTokens tokenizes text as one sentence and lists the phrase matches.
// entities marks entity mentions: token index → number of tokens.
func matchTokens(set *Set, text string, entities map[int]int) []found {
	toks := Tokenize(text, 0)
	for i, n := range entities {
		toks[i].Entity = n
	}
	var out []found
	set.MatchTokens(toks, func(m Match) {
		out = append(out, found{m.Lexicon.Name, m.Term(), m.Group(), text[m.Start:m.End], m.FirstToken, m.LastToken})
	})
	return out
}

func TestMatchTokens(t *testing.T) {
	set := mustSet(t, `
hedges:
  groups:
    hearsay: [reportedly, (is|are|was|were) said to, people familiar, people familiar with the matter]
    allegation: [allegedly]
loaded:
  entries: [behemoth, tech behemoth, didn't comment]
sources:
  entries: [according to <Name>, confirmed to <Name>, (a|the) <Name> spokesperson]
figures:
  entries: [rose <num> percent, rose * percent]
overlap:
  entries: [with the matter, familiar with]
outlets:
  case_sensitive: true
  entries: [The Information, AP, Reuters]
`)
	tests := []struct {
		name     string
		text     string
		entities map[int]int
		want     []found
	}{
		{
			name: "single word, any case",
			text: "The deal was REPORTEDLY agreed.",
			want: []found{{"hedges", "reportedly", "hearsay", "REPORTEDLY", 3, 3}},
		},
		{
			name: "alternative in a group",
			text: "He was said to be unhappy.",
			want: []found{{"hedges", "(is|are|was|were) said to", "hearsay", "was said to", 1, 3}},
		},
		{
			name: "curly apostrophe matches a straight one in the entry",
			text: "The firm didn’t comment on it.",
			want: []found{{"loaded", "didn't comment", "", "didn’t comment", 2, 3}},
		},
		{
			name: "punctuation between words blocks a phrase",
			text: "He was said, to be fair, unhappy.",
			want: nil,
		},
		{
			name: "a line break is only white space",
			text: "He was said\nto be unhappy.",
			want: []found{{"hedges", "(is|are|was|were) said to", "hearsay", "was said\nto", 1, 3}},
		},
		{
			name: "emphasis markers do not block a phrase",
			text: "He *was said* to be unhappy.",
			want: []found{{"hedges", "(is|are|was|were) said to", "hearsay", "was said* to", 1, 3}},
		},
		{
			name: "longest match per lexicon at one start",
			text: "Two people familiar with the matter spoke.",
			want: []found{
				{"hedges", "people familiar with the matter", "hearsay", "people familiar with the matter", 1, 5},
				{"overlap", "familiar with", "", "familiar with", 2, 3},
				{"overlap", "with the matter", "", "with the matter", 3, 5},
			},
		},
		{
			name: "a match inside a longer one of the same lexicon is dropped",
			text: "The tech behemoth grew.",
			want: []found{{"loaded", "tech behemoth", "", "tech behemoth", 1, 2}},
		},
		{
			name: "the shorter match stands alone elsewhere",
			text: "A behemoth and a tech behemoth met.",
			want: []found{
				{"loaded", "behemoth", "", "behemoth", 1, 1},
				{"loaded", "tech behemoth", "", "tech behemoth", 4, 5},
			},
		},
		{
			name:     "<Name> consumes a multi-word entity",
			text:     "according to Bank of America analysts",
			entities: map[int]int{2: 3},
			want:     []found{{"sources", "according to <Name>", "", "according to Bank of America", 0, 4}},
		},
		{
			name:     "<Name> in the middle of a phrase",
			text:     "said a Grupo Solano spokesperson today",
			entities: map[int]int{2: 2},
			want:     []found{{"sources", "(a|the) <Name> spokesperson", "", "a Grupo Solano spokesperson", 1, 4}},
		},
		{
			name: "<Name> needs an entity",
			text: "according to bank officials",
			want: nil,
		},
		{
			name: "<num> needs a number, * takes any word",
			text: "Sales rose 12 percent and costs rose sharply percent",
			want: []found{
				{"figures", "rose <num> percent", "", "rose 12 percent", 1, 3},
				{"figures", "rose * percent", "", "rose sharply percent", 6, 8},
			},
		},
		{
			name: "case-sensitive lexicon",
			text: "As The Information reported, the information was thin.",
			want: []found{{"outlets", "The Information", "", "The Information", 1, 2}},
		},
		{
			name: "case-sensitive lexicon ignores a lower-case word",
			text: "an ap story from reuters",
			want: nil,
		},
		{
			name: "emphasised outlet name",
			text: "*The Information* reported it.",
			want: []found{{"outlets", "The Information", "", "The Information", 0, 1}},
		},
		{
			name: "possessive outlet does not match the bare name",
			text: "Reuters's story",
			want: nil,
		},
		{
			name: "different lexicons overlapping are all kept",
			text: "It reportedly fell, and AP allegedly said so.",
			want: []found{
				{"hedges", "reportedly", "hearsay", "reportedly", 1, 1},
				{"outlets", "AP", "", "AP", 4, 4},
				{"hedges", "allegedly", "allegation", "allegedly", 5, 5},
			},
		},
		{
			name: "a word is not matched inside a longer word",
			text: "The behemoths merged.",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := matchTokens(set, tt.text, tt.entities)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("matches in %q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestMatchTokensPrefersFirstEntryOnEqualLength(t *testing.T) {
	// Three entries match "said to" with the same length; the one listed
	// first wins, whatever the order in which the trie is walked.
	for _, order := range [][]any{
		{"said to", "(said|told) to", "* to"},
		{"* to", "said to", "(said|told) to"},
		{"(said|told) to", "* to", "said to"},
	} {
		set, err := FromData(map[string]any{"cues": map[string]any{"entries": order}})
		if err != nil {
			t.Fatal(err)
		}
		got := matchTokens(set, "was said to be", nil)
		want := []found{{"cues", order[0].(string), "", "said to", 1, 2}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("entries %q (-want +got):\n%s", order, diff)
		}
	}
}

func TestMatchTokensOffsetsAreShiftedByTheSentenceOffset(t *testing.T) {
	set := mustSet(t, `hedges: {entries: [reportedly]}`)
	text := "xxxx He reportedly left."
	toks := Tokenize(text[5:], 5)
	var got []Match
	set.MatchTokens(toks, func(m Match) { got = append(got, m) })
	if len(got) != 1 {
		t.Fatalf("got %d matches, want 1", len(got))
	}
	if s := text[got[0].Start:got[0].End]; s != "reportedly" {
		t.Errorf("offsets [%d,%d) cover %q", got[0].Start, got[0].End, s)
	}
}

type textMatch struct {
	Lexicon, Term, Text string
	Start, End          int
}

func matchText(set *Set, text string) []textMatch {
	var out []textMatch
	set.MatchText(text, func(m Match) {
		if m.FirstToken != -1 || m.LastToken != -1 {
			panic("pattern match with token indexes")
		}
		out = append(out, textMatch{m.Lexicon.Name, m.Term(), text[m.Start:m.End], m.Start, m.End})
	})
	return out
}

func TestMatchText(t *testing.T) {
	set := mustSet(t, `
residue:
  kind: patterns
  entries:
    - '^[\s\-|]*share this post[\s\-|]*$'
    - 'spot_img'
    - 'get the latest [^.\n]{0,20} in your inbox'
chat:
  kind: patterns
  entries: ['\bI hope this helps\b']
exact:
  kind: patterns
  case_sensitive: true
  entries: ['^TODO$', 'XX-XX']
`)
	tests := []struct {
		name string
		text string
		want []textMatch
	}{
		{
			name: "a per-line entry matches a whole line",
			text: "Intro.\n- Share This Post -\nMore.",
			want: []textMatch{{"residue", `^[\s\-|]*share this post[\s\-|]*$`, "- Share This Post -", 7, 26}},
		},
		{
			name: "a per-line entry does not match inside a line",
			text: "Please share this post with friends.",
			want: nil,
		},
		{
			name: "a per-line entry on the last line and with CRLF endings",
			text: "Intro.\r\nshare this post\r\n\r\nSHARE THIS POST",
			want: []textMatch{
				{"residue", `^[\s\-|]*share this post[\s\-|]*$`, "share this post", 8, 23},
				{"residue", `^[\s\-|]*share this post[\s\-|]*$`, "SHARE THIS POST", 27, 42},
			},
		},
		{
			name: "unanchored entries match anywhere, every time, any case",
			text: "text SPOT_IMG more spot_img\nend Spot_Img",
			want: []textMatch{
				{"residue", "spot_img", "SPOT_IMG", 5, 13},
				{"residue", "spot_img", "spot_img", 19, 27},
				{"residue", "spot_img", "Spot_Img", 32, 40},
			},
		},
		{
			name: "lexicon order, then entry order, then position",
			text: "I hope this helps. spot_img. share this post",
			want: []textMatch{
				{"chat", `\bI hope this helps\b`, "I hope this helps", 0, 17},
				{"residue", "spot_img", "spot_img", 19, 27},
			},
		},
		{
			name: "bounded gap",
			text: "Get the latest local news in your inbox. Get the latest of everything under the sun in your inbox.",
			want: []textMatch{{"residue", `get the latest [^.\n]{0,20} in your inbox`, "Get the latest local news in your inbox", 0, 39}},
		},
		{
			name: "case-sensitive pattern lexicon",
			text: "todo\nTODO\nxx-xx XX-XX",
			want: []textMatch{
				{"exact", "^TODO$", "TODO", 5, 9},
				{"exact", "XX-XX", "XX-XX", 16, 21},
			},
		},
		{
			name: "offsets count bytes of multi-byte text",
			text: "Café “news” — spot_img",
			want: []textMatch{{"residue", "spot_img", "spot_img", 21, 29}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, matchText(set, tt.text)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestMatchTextIgnoresEmptyMatches(t *testing.T) {
	set := mustSet(t, `
maybe:
  kind: patterns
  entries: ['x*', '^\s*$']
`)
	got := matchText(set, "ab\n\nxx c")
	want := []textMatch{{"maybe", "x*", "xx", 4, 6}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestBuiltinLexiconsMatchTypicalResidue(t *testing.T) {
	set := builtinSet(t)
	text := "Ministers met on Tuesday. It is worth noting that talks resume.\n" +
		"Share This Post\n" +
		"The plan serves as a testament to patience :contentReference[oaicite:3]{index=3}\n" +
		"I hope this helps! Let me know if you'd like a shorter version.\n"
	var got []string
	set.MatchText(text, func(m Match) { got = append(got, m.Lexicon.Name+": "+text[m.Start:m.End]) })
	want := []string{
		"boilerplate_lines: Share This Post",
		"chatbot_artefacts: contentReference[oaicite:3]{index=3}",
		"chatbot_artefacts: oaicite",
		"chatbot_artefacts: I hope this helps",
		"chatbot_artefacts: Let me know if you'd like",
		// Groups are read in name order: didactic before significance.
		"formulaic_phrases: It is worth noting",
		"formulaic_phrases: serves as a testament",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
