package document

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/credcheck/credcheck/engine/lexicon"
)

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "jr": true, "sr": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "plc": true, "llc": true, "bros": true,
	"vs": true, "etc": true, "e.g": true, "i.e": true, "cf": true, "approx": true, "est": true,
	"gov": true, "sen": true, "rep": true, "gen": true, "col": true, "lt": true, "sgt": true, "capt": true, "cmdr": true, "adm": true,
	"rev": true, "hon": true, "pres": true, "supt": true, "det": true, "insp": true, "maj": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"no": true, "nos": true, "vol": true, "fig": true, "pp": true, "ft": true, "mt": true, "ave": true, "blvd": true,
}

// corporate abbreviations end company names, which often end sentences.
var corporate = map[string]bool{"inc": true, "corp": true, "co": true, "ltd": true, "plc": true, "llc": true, "bros": true}

// sentenceStarters are words that, capitalised after an abbreviation such as
// "U.S.", show that a new sentence has begun.
var sentenceStarters = map[string]bool{
	"the": true, "a": true, "an": true, "it": true, "its": true, "he": true, "she": true, "they": true,
	"we": true, "i": true, "this": true, "that": true, "these": true, "those": true, "in": true,
	"but": true, "and": true, "however": true, "meanwhile": true, "there": true, "his": true,
	"her": true, "their": true, "our": true, "on": true, "at": true, "for": true, "as": true,
	"after": true, "when": true, "while": true, "if": true, "some": true, "many": true, "other": true,
}

const closers = "\"”’')]»"

// splitSentences cuts the prose between start and end of the clean text into
// sentence spans.
func splitSentences(clean string, start, end int) []Span {
	var spans []Span
	sentStart := start
	for i := start; i < end; {
		if c := clean[i]; c < utf8.RuneSelf && c != '.' && c != '!' && c != '?' {
			i++ // most bytes: skip without decoding
			continue
		}
		r, size := utf8.DecodeRuneInString(clean[i:])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += size
			continue
		}
		j := i + size
		for j < end && strings.ContainsRune(".!?…", rune(clean[j])) {
			j++
		}
		for j < end {
			c, csize := utf8.DecodeRuneInString(clean[j:])
			if !strings.ContainsRune(closers, c) {
				break
			}
			j += csize
		}
		if j >= end {
			break
		}
		k := j
		for k < end && isSpaceByte(clean[k]) {
			k++
		}
		if k == j || k >= end {
			i = j
			continue
		}
		if !startsSentence(clean[k:end]) || (r == '.' && !periodEnds(clean, sentStart, i, clean[k:end])) {
			i = j
			continue
		}
		spans = append(spans, trimSpan(clean, sentStart, j))
		sentStart = k
		i = k
	}
	if s := trimSpan(clean, sentStart, end); s.Start < s.End {
		spans = append(spans, s)
	}
	out := spans[:0]
	for _, s := range spans {
		if s.Start < s.End {
			out = append(out, s)
		}
	}
	return out
}

// needsCollapse reports whether s holds white space other than single
// spaces, which is rare, so most sentences need no copy. Curly quotes and
// other letters beyond ASCII are common in real copy and need none; only a
// space beyond ASCII (a no-break space, say) or a byte that is not UTF-8,
// which collapse's rune loop would replace, does.
func needsCollapse(s string) bool {
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 || unicode.IsSpace(r) {
				return true
			}
			i += size - 1
			prevSpace = false
			continue
		}
		space := c == ' '
		if c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || space && prevSpace {
			return true
		}
		prevSpace = space
	}
	return false
}

func startsSentence(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'([¿¡$€£", r)
}

// periodEnds decides whether the period at offset dot ends a sentence,
// looking at the word before it and the text after it.
func periodEnds(clean string, sentStart, dot int, rest string) bool {
	w := dot
	for w > sentStart {
		r, size := utf8.DecodeLastRuneInString(clean[:w])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' {
			break
		}
		w -= size
	}
	word := strings.ToLower(clean[w:dot])
	if word == "" {
		return true
	}
	nextWord := rest
	if i := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		nextWord = rest[:i]
	}
	nextWord = strings.ToLower(nextWord)
	if word == "no" || word == "nos" {
		// "No. 5" does not end a sentence; a quoted "no." does.
		r, _ := utf8.DecodeRuneInString(rest)
		return !unicode.IsDigit(r)
	}
	if corporate[word] {
		// "Calder Inc. The firm grew." ends; "Calder Inc. shares" does not.
		return sentenceStarters[nextWord]
	}
	if abbreviations[word] {
		// "Jan. 3" never ends; titles before names never end.
		return false
	}
	if strings.Contains(word, ".") {
		// "U.S." and the like end a sentence only when a typical sentence
		// opener follows.
		return sentenceStarters[nextWord]
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		if unicode.IsLetter(r) && unicode.IsUpper([]rune(clean[w:dot])[0]) {
			// An initial, as in "J. Smith".
			return sentenceStarters[nextWord]
		}
	}
	return true
}

func trimSpan(clean string, start, end int) Span {
	for start < end && isSpaceByte(clean[start]) {
		start++
	}
	for end > start && isSpaceByte(clean[end-1]) {
		end--
	}
	return Span{start, end}
}

// collapse returns text with runs of white space turned into one space.
func collapse(s string) string {
	if !needsCollapse(s) {
		return strings.TrimSpace(s)
	}
	return collapseRunes(s)
}

// collapseRunes is collapse rune by rune, with no fast path.
func collapseRunes(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// MaxSentenceWords bounds the words of a sentence. Nothing in running prose
// comes near it (the longest of the 36,508 sentences of the fixtures, the
// seed articles and the evaluation corpora has 153 words), but a run-on line
// with no sentence end, or thousands of one-word lines read as hard-wrapped
// prose, would otherwise be one sentence of any length; and a rule that
// looks, for each cue, at the words, names or figures of its sentence, as
// rules naturally do, would then do work that grows with the square of the
// article. Capping sentences keeps every such rule linear, whoever wrote it.
const MaxSentenceWords = 200

// clauseMarks end a clause: a sentence over the cap is cut after one of them.
const clauseMarks = ",;:—–)"

// capSentence cuts the span of a sentence whose tokens number more than
// MaxSentenceWords into pieces of at most that many words. Each piece ends
// at the last clause mark between two of its words in its second half, or,
// when there is none, after its last word; the next piece starts at the
// next word. A piece's tokens are a slice of toks, the first one no longer
// joined to a word before it.
func capSentence(clean string, sp Span, toks []lexicon.Token) ([]Span, [][]lexicon.Token) {
	if len(toks) <= MaxSentenceWords {
		return []Span{sp}, [][]lexicon.Token{toks}
	}
	var spans []Span
	var pieces [][]lexicon.Token
	start, first := sp.Start, 0
	for len(toks)-first > MaxSentenceWords {
		last := first + MaxSentenceWords - 1 // the last word of this piece
		// Without a clause mark, the punctuation glued to the last word
		// stays with it.
		cut := toks[last].End
		for cut < toks[last+1].Start && !isSpaceByte(clean[cut]) {
			cut++
		}
		for j := last; j >= first+MaxSentenceWords/2; j-- {
			gap := clean[toks[j].End:toks[j+1].Start]
			if k := strings.LastIndexAny(gap, clauseMarks); k >= 0 {
				_, size := utf8.DecodeRuneInString(gap[k:])
				last, cut = j, toks[j].End+k+size
				break
			}
		}
		spans = append(spans, trimSpan(clean, start, cut))
		pieces = append(pieces, toks[first:last+1:last+1])
		first = last + 1
		toks[first].Joined = false
		start = max(cut, toks[first].Start-leadingPunctuation(clean, cut, toks[first].Start))
	}
	spans = append(spans, trimSpan(clean, start, sp.End))
	pieces = append(pieces, toks[first:])
	return spans, pieces
}

// leadingPunctuation is how many bytes before a word, back to from, belong
// to it (an opening quote or bracket) rather than to the gap.
func leadingPunctuation(clean string, from, word int) int {
	n := 0
	for word-n > from && !isSpaceByte(clean[word-n-1]) {
		n++
	}
	return n
}
