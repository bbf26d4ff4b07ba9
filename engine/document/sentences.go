package document

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
// spaces, which is rare, so most sentences need no copy.
func needsCollapse(s string) bool {
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return true
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
