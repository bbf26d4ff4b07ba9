package document

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
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

var (
	atxHeading     = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+|$)`)
	atxClosing     = regexp.MustCompile(`[ \t]+#+[ \t]*$`)
	fenceOpen      = regexp.MustCompile("^ {0,3}(```+|~~~+)")
	thematicBreak  = regexp.MustCompile(`^ {0,3}([-*_])([ \t]*[-*_]){2,}[ \t]*$`)
	setextLine     = regexp.MustCompile(`^ {0,3}(=+|-+)[ \t]*$`)
	blockquoteMark = regexp.MustCompile(`^ {0,3}>[ \t]?`)
	listMarker     = regexp.MustCompile(`^[ \t]{0,6}([-*+•·▪◦‣–]|\d{1,9}[.)])[ \t]+`)
	textBullet     = regexp.MustCompile(`^[ \t]*([•·▪◦‣*]|[-–](?:[ \t]))[ \t]*`)
)

// readMarkdown lays out a Markdown article: ATX and setext headings, block
// quotes, list items and paragraphs; fenced and indented code, HTML comments
// and tags, link targets and emphasis markers are blanked.
func readMarkdown(src string, bodyStart int) layout {
	clean := []byte(src)
	blank(clean, 0, bodyStart)
	lay := layout{clean: clean}
	var (
		cur     *block
		fence   string
		comment = -1 // start offset of an open HTML comment
	)
	flush := func() {
		if cur != nil {
			lay.addBlock(*cur)
			cur = nil
		}
	}
	if bodyStart == 0 && strings.HasPrefix(src, "\ufeff") {
		bodyStart = len("\ufeff") // a byte-order mark is not text
		blank(clean, 0, bodyStart)
	}
	for _, ln := range splitLines(src) {
		if ln.end <= bodyStart {
			continue
		}
		ln.start = max(ln.start, bodyStart)
		text := ln.text(src)
		if fence != "" {
			blank(clean, ln.start, ln.end)
			if strings.HasPrefix(strings.TrimSpace(text), fence) {
				fence = ""
			}
			continue
		}
		if comment >= 0 || strings.HasPrefix(strings.TrimSpace(text), "<!--") {
			// Comments may span lines; they are collected whole below.
			if comment < 0 {
				comment = ln.start + strings.Index(src[ln.start:ln.end], "<!--")
			}
			if idx := strings.Index(src[max(comment+4, ln.start):ln.end], "-->"); idx >= 0 {
				end := max(comment+4, ln.start) + idx + 3
				lay.comments = append(lay.comments, Comment{Span: Span{comment, end}, Text: strings.TrimSpace(src[comment+4 : end-3])})
				blank(clean, comment, end)
				comment = -1
				if strings.TrimSpace(src[end:ln.end]) == "" {
					flush()
					continue
				}
				// Text after the comment on the same line is prose.
			} else {
				continue
			}
		}
		if m := fenceOpen.FindStringSubmatch(text); m != nil {
			flush()
			fence = m[1][:3]
			blank(clean, ln.start, ln.end)
			continue
		}
		if strings.TrimSpace(text) == "" {
			flush()
			continue
		}
		if cur == nil && (strings.HasPrefix(text, "    ") || strings.HasPrefix(text, "\t")) {
			blank(clean, ln.start, ln.end) // indented code
			continue
		}
		lay.inlineComments(src, ln)
		if m := setextLine.FindStringSubmatch(text); m != nil && cur != nil && cur.kind == KindText && !strings.Contains(src[cur.start:cur.end], "\n") {
			cur.kind, cur.level = KindHeading, 1
			if m[1][0] == '-' {
				cur.level = 2
			}
			blank(clean, ln.start, ln.end)
			flush()
			continue
		}
		if thematicBreak.MatchString(text) {
			flush()
			blank(clean, ln.start, ln.end)
			continue
		}
		if m := atxHeading.FindStringSubmatchIndex(text); m != nil {
			flush()
			blank(clean, ln.start, ln.start+m[1])
			if c := atxClosing.FindStringIndex(text); c != nil && c[0] >= m[1] {
				blank(clean, ln.start+c[0], ln.end)
			}
			maskInline(src, clean, ln.start, ln.end)
			lay.addBlock(block{start: ln.start, end: ln.end, kind: KindHeading, level: m[3] - m[2]})
			continue
		}
		if m := blockquoteMark.FindStringIndex(text); m != nil {
			if cur == nil || cur.kind != KindQuote {
				flush()
				cur = &block{start: ln.start, kind: KindQuote}
			}
			blank(clean, ln.start, ln.start+m[1])
			maskInline(src, clean, ln.start, ln.end)
			cur.end = ln.end
			continue
		}
		if m := listMarker.FindStringIndex(text); m != nil {
			flush()
			blank(clean, ln.start, ln.start+m[1])
			maskInline(src, clean, ln.start, ln.end)
			cur = &block{start: ln.start, end: ln.end, kind: KindItem}
			continue
		}
		maskInline(src, clean, ln.start, ln.end)
		if cur == nil || cur.kind == KindQuote {
			flush()
			cur = &block{start: ln.start, kind: KindText}
		}
		cur.end = ln.end
	}
	flush()
	if comment >= 0 {
		blank(clean, comment, len(src))
	}
	return lay
}

var inlineComment = regexp.MustCompile(`<!--.*?-->`)

// inlineComments collects and blanks the comments that open and close
// within one line of prose ("Text <!-- note --> more"), leaving those in
// inline code alone.
func (l *layout) inlineComments(src string, ln line) {
	text := string(l.clean[ln.start:ln.end])
	if !strings.Contains(text, "<!--") {
		return
	}
	code := inlineCode.FindAllStringIndex(text, -1)
next:
	for _, m := range inlineComment.FindAllStringIndex(text, -1) {
		for _, c := range code {
			if m[0] < c[1] && c[0] < m[1] {
				continue next
			}
		}
		start, end := ln.start+m[0], ln.start+m[1]
		l.comments = append(l.comments, Comment{Span: Span{start, end}, Text: strings.TrimSpace(src[start+4 : end-3])})
		blank(l.clean, start, end)
	}
}

var (
	inlineCode = regexp.MustCompile("`+[^`]*`+")
	image      = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	linkTarget = regexp.MustCompile(`\]\([^)]*\)`)
	autolink   = regexp.MustCompile(`<(?:https?|mailto):[^>\s]*>`)
	htmlTag    = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>`)
	refDef     = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:\s*\S+.*$`)
)

// maskInline blanks inline Markdown syntax on one line, leaving the words a
// reader sees.
func maskInline(src string, clean []byte, start, end int) {
	text := src[start:end]
	if refDef.MatchString(text) {
		blank(clean, start, end)
		return
	}
	for _, re := range []*regexp.Regexp{inlineCode, image, linkTarget, autolink, htmlTag} {
		for _, m := range re.FindAllStringIndex(text, -1) {
			blank(clean, start+m[0], start+m[1])
		}
	}
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '[', '\\':
			clean[start+i] = ' '
		case '*', '_':
			// Emphasis markers stand at word edges; an underscore inside a
			// word ("spot_img") is part of it.
			before := i > 0 && isWordByte(text[i-1])
			after := i+1 < len(text) && isWordByte(text[i+1])
			if !(before && after) {
				clean[start+i] = ' '
			}
		}
	}
}

func isWordByte(b byte) bool {
	return b >= 0x80 || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

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
