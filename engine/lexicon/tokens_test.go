package lexicon

import (
	"math/rand/v2"
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

// TestTokenFoldsAreFoldWord checks the shared-string folds against FoldWord
// word by word, on text mixing capitals, curly apostrophes and letters whose
// lower case changes length.
func TestTokenFoldsAreFoldWord(t *testing.T) {
	pieces := []string{"The", "the", "DIDN’T", "didn't", "İstanbul", "ΣΟΦΙΑ", "U.S.", "2,000", "ﬁne", " ", ", ", "ſhe", "Ⱥb", "x"}
	rng := rand.New(rand.NewPCG(11, 12))
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(25) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		for _, tok := range Tokenize(b.String(), 0) {
			if want := FoldWord(tok.Text); tok.Fold != want {
				t.Fatalf("Tokenize(%q): %q folds to %q, want %q", b.String(), tok.Text, tok.Fold, want)
			}
		}
	}
}
