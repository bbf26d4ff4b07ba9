// Package safetext keeps text that credcheck does not control — article
// excerpts and messages built from them, JSON Lines record IDs, file names
// found while walking a directory — from acting on the terminal or CI log it
// is printed to. An escape sequence in an article could clear the screen or
// rewrite earlier lines, a carriage return could hide a finding, and a file
// name holding a newline could forge a line of its own on standard error.
//
// Text escapes the characters that act (control characters, bidirectional
// overrides, line and paragraph separators, bytes that are not UTF-8) the
// way Go writes them in string literals, and leaves everything else as it
// is, so that ordinary text prints unchanged. Name quotes a name that holds
// such a character, so that where it starts and ends stays clear.
package safetext

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// acts reports whether r does something on a terminal or in a log viewer
// other than show a glyph: C0 and C1 control characters and DEL (escape
// sequences, carriage return, bell, backspace; not tab), the bidirectional controls
// that can display text in another order than it is read (as in "Trojan
// Source"), and the Unicode line and paragraph separators, which some
// viewers break lines at.
func acts(r rune) bool {
	// A tab only moves the cursor, and ordinary text holds some.
	return r != '\t' && unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029'
}

// Safe reports whether s prints as itself: valid UTF-8 with no character
// that acts, apart from those in keep.
func Safe(s string, keep ...rune) bool {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return false
			}
		}
		if acts(r) && !kept(r, keep) {
			return false
		}
	}
	return true
}

func kept(r rune, keep []rune) bool {
	for _, k := range keep {
		if r == k {
			return true
		}
	}
	return false
}

// Text returns s with each character that acts, apart from those in keep,
// written as a Go escape (\x1b, \r, \a, \u202e) and each byte that is not
// UTF-8 as \xNN. s is returned as it is when nothing needs escaping.
// A multi-line message keeps '\n' so that its lines stay lines.
func Text(s string, keep ...rune) string {
	if Safe(s, keep...) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			fmt.Fprintf(&b, `\x%02x`, s[i])
		} else {
			b.WriteString(Rune(r, keep...))
		}
		i += size
	}
	return b.String()
}

// Rune is how Text writes one character: r itself, or its escape when it
// acts and is not in keep.
func Rune(r rune, keep ...rune) string {
	if acts(r) && !kept(r, keep) {
		q := strconv.QuoteRune(r)
		return q[1 : len(q)-1]
	}
	return string(r)
}

// Name returns a file name, path or record ID as it is when it prints as
// itself, and quoted as a Go string otherwise: "a\nb.md" rather than a line
// break that would start a line of its own. A tab is quoted too, as it
// would make the name look like two.
func Name(s string) string {
	if Safe(s) && !strings.ContainsRune(s, '\t') {
		return s
	}
	return strconv.Quote(s)
}
