package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Tokenize splits text into words. Apostrophes, hyphens and dots stay inside
// a word when a letter or digit follows them ("didn't", "AI-powered", "U.S",
// "1.5"), and commas stay inside numbers ("2,000"). offset is added to every
// position so tokens of a sentence carry offsets into the whole article.
func Tokenize(text string, offset int) []Token {
	return AppendTokens(make([]Token, 0, len(text)/6), text, offset)
}

// AppendTokens is Tokenize appending to toks, so that the tokens of many
// sentences can share one allocation.
func AppendTokens(toks []Token, text string, offset int) []Token {
	first := len(toks)
	prevEnd := -1
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		start := i
		digitsOnly := unicode.IsDigit(r)
		i += size
		for i < len(text) {
			r, size = utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				if !unicode.IsDigit(r) {
					digitsOnly = false
				}
				i += size
				continue
			}
			next, nsize := utf8.DecodeRuneInString(text[i+size:])
			joins := false
			switch r {
			case '\'', '’', '-', '.', '&':
				joins = isWordRune(next)
			case ',':
				joins = digitsOnly && unicode.IsDigit(next)
			}
			if !joins || nsize == 0 {
				break
			}
			i += size
		}
		word := text[start:i]
		joined := prevEnd >= 0 && onlySpaces(text[prevEnd:start])
		toks = append(toks, Token{
			Text: word, Fold: word,
			Start: offset + start, End: offset + i,
			Joined: joined, Number: startsWithDigit(word),
		})
		prevEnd = i
	}
	foldTokens(toks[first:])
	return toks
}

// foldTokens sets each token's Fold. Most words are their own fold; the
// folds of the others are written into one string and sliced from it, one
// allocation per call rather than one per capitalised word.
func foldTokens(toks []Token) {
	size := 0
	for i := range toks {
		if !isFolded(toks[i].Text) {
			size += len(toks[i].Text) + 4 // room for a fold that grows
		}
	}
	if size == 0 {
		return
	}
	var b strings.Builder
	b.Grow(size)
	type span struct{ tok, start, end int }
	var spans [16]span
	list := spans[:0]
	for i := range toks {
		w := toks[i].Text
		if isFolded(w) {
			continue
		}
		start := b.Len()
		if isASCII(w) {
			for j := 0; j < len(w); j++ {
				c := w[j]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b.WriteByte(c)
			}
		} else {
			b.WriteString(FoldWord(w))
		}
		list = append(list, span{i, start, b.Len()})
	}
	folded := b.String()
	for _, sp := range list {
		toks[sp.tok].Fold = folded[sp.start:sp.end]
	}
}

// isFolded reports whether FoldWord(w) is w: ASCII with no capital.
func isFolded(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

func isASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// onlySpaces reports whether s holds nothing but white space and emphasis
// markers ("*The Information*" in pasted Markdown), which do not separate
// words the way punctuation does.
func onlySpaces(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && r != '*' && r != '_' {
			return false
		}
	}
	return true
}

func startsWithDigit(s string) bool {
	return s != "" && s[0] >= '0' && s[0] <= '9'
}
