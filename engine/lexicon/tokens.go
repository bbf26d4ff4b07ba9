package lexicon

import (
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
			Text: word, Fold: FoldWord(word),
			Start: offset + start, End: offset + i,
			Joined: joined, Number: startsWithDigit(word),
		})
		prevEnd = i
	}
	return toks
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
