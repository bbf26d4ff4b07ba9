package lexicon

import (
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

type tok struct {
	Text, Fold     string
	Joined, Number bool
}

func brief(toks []Token) []tok {
	out := make([]tok, len(toks))
	for i, t := range toks {
		out[i] = tok{t.Text, t.Fold, t.Joined, t.Number}
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		text string
		want []tok
	}{
		{"", []tok{}},
		{" .,;! ", []tok{}},
		{"He didn't go", []tok{{"He", "he", false, false}, {"didn't", "didn't", true, false}, {"go", "go", true, false}}},
		{"She didn’t", []tok{{"She", "she", false, false}, {"didn’t", "didn't", true, false}}},
		{"an AI-powered tool", []tok{{"an", "an", false, false}, {"AI-powered", "ai-powered", true, false}, {"tool", "tool", true, false}}},
		{"the U.S. economy", []tok{{"the", "the", false, false}, {"U.S", "u.s", true, false}, {"economy", "economy", false, false}}},
		{"cost 1,000.50 each", []tok{{"cost", "cost", false, false}, {"1,000.50", "1,000.50", true, true}, {"each", "each", true, false}}},
		{"rose 1.5% to $2.4bn", []tok{{"rose", "rose", false, false}, {"1.5", "1.5", true, true}, {"to", "to", false, false}, {"2.4bn", "2.4bn", false, true}}},
		{"Paris, France", []tok{{"Paris", "paris", false, false}, {"France", "france", false, false}}},
		{"5,a and x,000", []tok{{"5", "5", false, true}, {"a", "a", false, false}, {"and", "and", true, false}, {"x", "x", true, false}, {"000", "000", false, true}}},
		{"AT&T shares", []tok{{"AT&T", "at&t", false, false}, {"shares", "shares", true, false}}},
		{"well- known end.", []tok{{"well", "well", false, false}, {"known", "known", false, false}, {"end", "end", true, false}}},
		{"a--b", []tok{{"a", "a", false, false}, {"b", "b", false, false}}},
		{"'quoted' words", []tok{{"quoted", "quoted", false, false}, {"words", "words", false, false}}},
		{"Reuters' report", []tok{{"Reuters", "reuters", false, false}, {"report", "report", false, false}}},
		{"*The Information* said", []tok{{"The", "the", false, false}, {"Information", "information", true, false}, {"said", "said", true, false}}},
		{"_very_ big", []tok{{"very", "very", false, false}, {"big", "big", true, false}}},
		{"line\nbreak\ttab", []tok{{"line", "line", false, false}, {"break", "break", true, false}, {"tab", "tab", true, false}}},
		{"Café Ünïon", []tok{{"Café", "café", false, false}, {"Ünïon", "ünïon", true, false}}},
		{"cafe\u0301 open", []tok{{"cafe\u0301", "cafe\u0301", false, false}, {"open", "open", true, false}}},
		{"e.g. this", []tok{{"e.g", "e.g", false, false}, {"this", "this", false, false}}},
		{"1990s 3rd", []tok{{"1990s", "1990s", false, true}, {"3rd", "3rd", true, true}}},
	}
	for _, tt := range tests {
		got := brief(Tokenize(tt.text, 0))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Tokenize(%q) (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestTokenizeOffsetsPointIntoTheArticle(t *testing.T) {
	article := "Headline\n\nThe “Grupo” deal—worth €2bn—closed."
	start := strings.Index(article, "The")
	toks := Tokenize(article[start:], start)
	var got []string
	for _, tk := range toks {
		got = append(got, article[tk.Start:tk.End])
		if tk.Text != article[tk.Start:tk.End] {
			t.Errorf("token %q at [%d,%d) but article holds %q", tk.Text, tk.Start, tk.End, article[tk.Start:tk.End])
		}
	}
	want := []string{"The", "Grupo", "deal", "worth", "2bn", "closed"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestFoldWord(t *testing.T) {
	for in, want := range map[string]string{
		"Didn’t":    "didn't",
		"‘Tis":      "'tis",
		"REUTERS":   "reuters",
		"Ünïon":     "ünïon",
		"plain":     "plain",
		"O’Neill’s": "o'neill's",
	} {
		if got := FoldWord(in); got != want {
			t.Errorf("FoldWord(%q) = %q, want %q", in, got, want)
		}
	}
}

// checkTokens asserts what must hold of the tokens of any text.
func checkTokens(t *testing.T, text string, offset int, toks []Token) {
	t.Helper()
	prevEnd := offset
	for i, tk := range toks {
		if tk.Start < prevEnd || tk.End <= tk.Start || tk.End > offset+len(text) {
			t.Fatalf("token %d %q at [%d,%d) out of order or range (previous end %d, text end %d)", i, tk.Text, tk.Start, tk.End, prevEnd, offset+len(text))
		}
		if tk.Text == "" || tk.Text != text[tk.Start-offset:tk.End-offset] {
			t.Fatalf("token %d text %q, text holds %q", i, tk.Text, text[tk.Start-offset:tk.End-offset])
		}
		if tk.Fold != FoldWord(tk.Text) {
			t.Fatalf("token %q folds to %q, want %q", tk.Text, tk.Fold, FoldWord(tk.Text))
		}
		first, _ := utf8.DecodeRuneInString(tk.Text)
		if !isWordRune(first) {
			t.Fatalf("token %q starts with a non-word rune", tk.Text)
		}
		if tk.Number != (first >= '0' && first <= '9') {
			t.Fatalf("token %q Number = %v", tk.Text, tk.Number)
		}
		between := text[prevEnd-offset : tk.Start-offset]
		wantJoined := i > 0 && strings.TrimFunc(between, func(r rune) bool { return unicode.IsSpace(r) || r == '*' || r == '_' }) == ""
		if tk.Joined != wantJoined {
			t.Fatalf("token %d %q Joined = %v after %q", i, tk.Text, tk.Joined, between)
		}
		prevEnd = tk.End
	}
	// Every word rune of the text lies in some token.
	for i, r := range text {
		if !isWordRune(r) {
			continue
		}
		k := sort.Search(len(toks), func(k int) bool { return toks[k].End > offset+i })
		if k == len(toks) || toks[k].Start > offset+i {
			t.Fatalf("word rune %q at byte %d is in no token", r, i)
		}
	}
}

var tokenSeeds = []string{
	"", "a", "U.S.", "1,000.50", "didn’t AI-powered U.S. e.g. AT&T",
	"*The Information* reported", "x,,1", "1.", "-", "’", "a’", "\xff\xfe", "é\u0301", "3rd 1990s",
	"Sales rose 12 percent to $2.4bn in 2024, the company said.",
	"日本語のテキスト and Ελληνικά",
}

func FuzzTokenize(f *testing.F) {
	for i, s := range tokenSeeds {
		f.Add(s, i*7)
	}
	f.Fuzz(func(t *testing.T, text string, offset int) {
		offset = max(0, offset%1_000_000)
		toks := Tokenize(text, offset)
		checkTokens(t, text, offset, toks)
	})
}

func FuzzMatch(f *testing.F) {
	for _, s := range tokenSeeds {
		f.Add(s)
	}
	f.Add("Share This Post\nspot_img I hope this helps. It is worth noting that the tech behemoth reportedly agreed.")
	f.Add("ſpot_img\r\nSUBSCRIBE NOW!\nneither Apex nor Bolt has commented")
	f.Add("According to a report by The Information, people familiar with the matter said.")
	set := builtinSet(f)
	ref := referenceEntries(f, set)
	f.Fuzz(func(t *testing.T, text string) {
		toks := Tokenize(text, 0)
		checkTokens(t, text, 0, toks)
		// Mark capitalised tokens as one-word entities so <Name> entries run.
		for i := range toks {
			if r, _ := utf8.DecodeRuneInString(toks[i].Text); unicode.IsUpper(r) {
				toks[i].Entity = 1
			}
		}
		type span struct{ lexicon, first, last int }
		seen := map[span]bool{}
		lastStart := -1
		set.MatchTokens(toks, func(m Match) {
			if m.FirstToken < 0 || m.LastToken < m.FirstToken || m.LastToken >= len(toks) {
				t.Fatalf("match %q has tokens [%d,%d] of %d", m.Term(), m.FirstToken, m.LastToken, len(toks))
			}
			if m.Start != toks[m.FirstToken].Start || m.End != toks[m.LastToken].End {
				t.Fatalf("match %q offsets [%d,%d) do not match its tokens", m.Term(), m.Start, m.End)
			}
			if m.FirstToken < lastStart {
				t.Fatalf("match %q starts before the previous match", m.Term())
			}
			lastStart = m.FirstToken
			li := sort.Search(len(set.Lexicons), func(i int) bool { return set.Lexicons[i].Name >= m.Lexicon.Name })
			if seen[span{li, m.FirstToken, m.LastToken}] {
				t.Fatalf("lexicon %s matched tokens [%d,%d] twice", m.Lexicon.Name, m.FirstToken, m.LastToken)
			}
			seen[span{li, m.FirstToken, m.LastToken}] = true
		})
		// No match lies inside another match of its lexicon.
		for a := range seen {
			for b := range seen {
				if a != b && a.lexicon == b.lexicon && b.first <= a.first && a.last <= b.last {
					t.Fatalf("%s match on tokens [%d,%d] lies inside [%d,%d]", set.Lexicons[a.lexicon].Name, a.first, a.last, b.first, b.last)
				}
			}
		}
		if !utf8.ValidString(text) {
			return // the engine only ever sees valid UTF-8
		}
		want := referenceMatches(ref, text)
		got := setMatches(set, text)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("MatchText differs from plain regexp (-regexp +MatchText):\n%s", diff)
		}
	})
}
