package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/credcheck/credcheck/engine/document"
	"github.com/credcheck/credcheck/engine/lexicon"
)

// unit is an article sentence as the comparison aligns it: a sentence of
// the document model, split again where the article runs two sentences
// together without a space ("on Wednesday.China's index…", "yet.\"The
// flow…"), as text scraped from a page with its paragraph breaks lost
// does. The document model reads such a run as one sentence and the
// glued words as one token, so a claim could be aligned with a passage
// several sentences long and lose the words at the seams.
type unit struct {
	start, end int
	toks       []lexicon.Token
}

// units are the article's sentences, split at run-on seams.
func units(d *document.Document) []unit {
	var out []unit
	for _, s := range d.Sentences {
		cur := unit{start: s.Start}
		for i, t := range s.Tokens {
			if i > 0 && seamBetween(d.Text, s.Tokens[i-1], t) {
				cur.end = s.Tokens[i-1].End
				out = append(out, cur)
				cur = unit{start: t.Start}
			}
			left, right, ok := gluedSentences(t)
			if !ok {
				cur.toks = append(cur.toks, t)
				continue
			}
			cur.toks = append(cur.toks, left)
			cur.end = left.End
			out = append(out, cur)
			cur = unit{start: right.Start, toks: []lexicon.Token{right}}
		}
		cur.end = s.End
		out = append(out, cur)
	}
	return out
}

// seamBetween says two tokens are separated by a sentence end with no
// space after it: ".\"", "%." and the like, with nothing but punctuation
// between them, the next token opening with a capital.
func seamBetween(text string, a, b lexicon.Token) bool {
	if a.End > b.Start || b.Start > len(text) {
		return false
	}
	gap := text[a.End:b.Start]
	if gap == "" || strings.ContainsFunc(gap, unicode.IsSpace) || !strings.ContainsAny(gap, ".!?") {
		return false
	}
	return opensSentence(b.Text)
}

// gluedSentences splits a token that runs the last word of one sentence
// into the first of the next ("Wednesday.China's", "18.Japan's"): a word
// or figure of two or more characters ending in a lower-case letter, a
// digit or "%", a full stop, question or exclamation mark, and a
// capitalised word. "U.S.Army" and "Ph.D" stay whole: their left part
// ends in a capital or is one letter.
func gluedSentences(t lexicon.Token) (lexicon.Token, lexicon.Token, bool) {
	i := strings.IndexAny(t.Text, ".!?")
	if i < 2 || i+1 >= len(t.Text) {
		return t, t, false
	}
	last, _ := utf8.DecodeLastRuneInString(t.Text[:i])
	if !unicode.IsLower(last) && !unicode.IsDigit(last) && last != '%' {
		return t, t, false
	}
	rest := t.Text[i+1:]
	if !opensSentence(rest) {
		return t, t, false
	}
	left := lexicon.Token{Text: t.Text[:i], Start: t.Start, End: t.Start + i, Joined: t.Joined}
	left.Fold = lexicon.FoldWord(left.Text)
	right := lexicon.Token{Text: rest, Start: t.Start + i + 1, End: t.End}
	right.Fold = lexicon.FoldWord(rest)
	return left, right, true
}

// opensSentence says a word is capitalised the way a sentence opens: a
// capital followed by a lower-case letter or an apostrophe.
func opensSentence(w string) bool {
	first, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(first) {
		return false
	}
	second, _ := utf8.DecodeRuneInString(w[size:])
	return unicode.IsLower(second) || second == '\'' || second == '’'
}

// A passage grows from the best-aligned sentence by a neighbour only while
// the neighbour gives at least extendWords claim words the passage lacks,
// and to at most passageUnits sentences: enough for a summary sentence
// that fuses two or three of the article's, without letting a claim rest
// on a whole paragraph.
const (
	extendWords  = 2
	passageUnits = 3
)

// extend is the passage, first to last sentence, that a claim with these
// content stems rests on, grown from its best-aligned sentence towards
// whichever neighbour gives more of the claim's words not yet covered.
func (a *analysed) extend(best int, stems map[string]bool) (int, int) {
	first, last := best, best
	covered := map[string]bool{}
	cover := func(i int) {
		for st := range a.sentStems[i] {
			if stems[st] {
				covered[st] = true
			}
		}
	}
	adds := func(i int) int {
		if i < 0 || i >= len(a.units) {
			return 0
		}
		n := 0
		for st := range a.sentStems[i] {
			if stems[st] && !covered[st] {
				n++
			}
		}
		return n
	}
	cover(best)
	for last-first+1 < passageUnits {
		before, after := adds(first-1), adds(last+1)
		switch {
		case after >= extendWords && after >= before:
			last++
			cover(last)
		case before >= extendWords:
			first--
			cover(first)
		default:
			return first, last
		}
	}
	return first, last
}

// spanStems are the content stems of sentences first to last.
func (a *analysed) spanStems(first, last int) map[string]bool {
	if first == last {
		return a.sentStems[first]
	}
	out := map[string]bool{}
	for _, set := range a.sentStems[first : last+1] {
		for st := range set {
			out[st] = true
		}
	}
	return out
}
