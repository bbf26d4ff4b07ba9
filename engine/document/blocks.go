package document

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/credcheck/credcheck/engine/article"
)

// block is a paragraph found in the text before zones are assigned.
type block struct {
	start, end int
	kind       Kind
	level      int
}

// layout is the result of reading an article's structure: a copy of the text
// of the same length in which everything that is not prose (front matter,
// code, markup, URLs) is blanked, and the paragraphs of prose. Blanking
// instead of deleting keeps every offset valid in the original text.
type layout struct {
	clean    []byte
	blocks   []block
	comments []Comment
	// links are a Markdown body's links in order, empty but not nil when
	// it has none; nil for text, whose links cannot be told.
	links []article.Link
}

type line struct {
	start, end int // end excludes the newline
}

func splitLines(text string) []line {
	var lines []line
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			lines = append(lines, line{start, i})
			start = i + 1
		}
	}
	if start < len(text) {
		lines = append(lines, line{start, len(text)})
	}
	return lines
}

func blank(clean []byte, start, end int) {
	for i := start; i < end && i < len(clean); i++ {
		if clean[i] != '\n' {
			clean[i] = ' '
		}
	}
}

func (l line) text(src string) string { return strings.TrimRight(src[l.start:l.end], "\r") }

// Plain text borrows Markdown's heading marks and writes bullets of many
// kinds.
var (
	atxHeading = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+|$)`)
	textBullet = regexp.MustCompile(`^[ \t]*([•·▪◦‣*]|[-–](?:[ \t]))[ \t]*`)
)

// readText lays out plain text. Paragraphs are separated by blank lines, and,
// because copy pasted from web pages often puts each paragraph on one line,
// also by a line break after a line that ends a sentence or reads as a title.
// Hard-wrapped prose, whose lines break mid-sentence, stays one paragraph.
func readText(src string) layout {
	clean := []byte(src)
	if strings.HasPrefix(src, "\ufeff") {
		blank(clean, 0, len("\ufeff"))
	}
	lay := layout{clean: clean}
	var cur *block
	flush := func() {
		if cur != nil {
			lay.addBlock(*cur)
			cur = nil
		}
	}
	lines := splitLines(src)
	for i, ln := range lines {
		text := ln.text(src)
		if strings.TrimSpace(strings.TrimPrefix(text, "\ufeff")) == "" {
			flush()
			continue
		}
		if m := atxHeading.FindStringSubmatchIndex(text); m != nil {
			flush()
			blank(clean, ln.start, ln.start+m[1])
			lay.addBlock(block{start: ln.start, end: ln.end, kind: KindHeading, level: m[3] - m[2]})
			continue
		}
		if m := textBullet.FindStringIndex(text); m != nil && m[1] < len(text) {
			flush()
			blank(clean, ln.start, ln.start+m[1])
			cur = &block{start: ln.start, end: ln.end, kind: KindItem}
		} else if cur == nil {
			cur = &block{start: ln.start, end: ln.end, kind: KindText}
		} else {
			cur.end = ln.end
		}
		next := ""
		if i+1 < len(lines) {
			next = lines[i+1].text(src)
		}
		if endsParagraph(text, next) {
			flush()
		}
	}
	flush()
	return lay
}

// endsParagraph decides whether a single line break after line starts a new
// paragraph.
func endsParagraph(text, next string) bool {
	t := strings.TrimSpace(text)
	if t == "" || strings.TrimSpace(next) == "" {
		return true
	}
	if textBullet.MatchString(next) || atxHeading.MatchString(next) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(".!?…:\"”’)", last) {
		return true
	}
	return titleLike(t)
}

// minorWords stay lower case in title-case headlines.
var minorWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "nor": true,
	"of": true, "in": true, "on": true, "at": true, "to": true, "for": true, "with": true,
	"by": true, "from": true, "as": true, "into": true, "over": true, "via": true, "vs": true,
	"its": true, "is": true, "are": true, "be": true, "than": true, "after": true, "amid": true,
}

// titleLike reports whether a line reads as a title: short, not ending like
// a clause, and with its major words capitalised.
func titleLike(t string) bool {
	t = strings.TrimSpace(strings.TrimLeft(t, "# "))
	if t == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(".,;", last) {
		return false
	}
	words := strings.Fields(t)
	if len(words) > 20 {
		return false
	}
	major, capital := 0, 0
	for _, w := range words {
		w = strings.TrimLeft(w, "\"“‘'(*_")
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		if minorWords[strings.ToLower(w)] {
			continue
		}
		major++
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			capital++
		}
	}
	return major > 0 && capital*4 >= major*3
}

// headlineLike reports whether the first line of a text can be its headline:
// a title, or a short line that does not end like a sentence.
func headlineLike(t string) bool {
	t = strings.TrimSpace(t)
	if titleLike(t) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".,;:", last) && len(strings.Fields(t)) <= 16
}

// addBlock trims a block to its non-blank extent in the clean text and keeps
// it when any prose is left.
func (l *layout) addBlock(b block) {
	for b.start < b.end && isSpaceByte(l.clean[b.start]) {
		b.start++
	}
	for b.end > b.start && isSpaceByte(l.clean[b.end-1]) {
		b.end--
	}
	if b.start < b.end {
		l.blocks = append(l.blocks, b)
	}
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
