package checker

import (
	"unicode"
	"unicode/utf8"
)

// MaxExcerpt is the longest sentence an excerpt shows whole, in
// characters. No sentence of the fixtures, seed articles or evaluation
// corpora comes near it (the longest has 1,079), so in prose an excerpt is
// the whole sentence. A longer sentence (words are capped per sentence, but
// not their length or the punctuation between them) is shown as a window:
// the finding's span, up to ExcerptContext*2 characters of it, with up to
// ExcerptContext characters on each side and an ellipsis where it is cut.
// So the size of a report grows with the number of findings, and not with
// findings × sentence length, as it did when every finding of a run-on line
// carried the whole line.
const MaxExcerpt = 1200

// ExcerptContext is how much of a long sentence a window shows on each side
// of the span, in characters.
const ExcerptContext = 120

// MaxWindow is the longest a window can be: the span cut to twice the
// context, the context on both sides and two ellipses.
const MaxWindow = 4*ExcerptContext + 2

// ellipsis marks where an excerpt was cut.
const ellipsis = '…'

// excerpt collapses the white space of the sentence from–to and finds where
// the byte span start–end falls in the result, in characters. A sentence of
// more than MaxExcerpt characters (or utf8.UTFMax times as many bytes) gives
// a window around the span.
func excerpt(text string, from, to, start, end int) (string, int, int) {
	if start < from || start > to {
		// The span lies outside the sentence (a rule pointed elsewhere):
		// show the span itself.
		from, to = start, end
	}
	end = max(start, min(end, to))
	if to-from <= utf8.UTFMax*MaxExcerpt {
		buf, markStart, markEnd := collapseMarked(text, from, to, start, end)
		if len(buf) <= MaxExcerpt {
			return string(buf), markStart, markEnd
		}
		return window(buf, markStart, markEnd, false, false)
	}
	// A sentence this long in bytes is shown as a window; collapse only the
	// bytes the window can show (a character takes at most utf8.UTFMax
	// bytes), so that each finding costs its window, not its sentence.
	const reach = utf8.UTFMax * ExcerptContext
	lo, hi := from, to
	if start-from > reach {
		lo = runeStartAfter(text, start-reach)
	}
	if markEnd := min(end, start+2*reach); to-markEnd > reach {
		hi = runeStartAfter(text, markEnd+reach)
	}
	buf, markStart, markEnd := collapseMarked(text, lo, hi, start, end)
	return window(buf, markStart, markEnd, lo > from, hi < to)
}

// collapseMarked collapses the white space of text[from:to] and gives, in
// characters, where the span start–end falls in the result.
func collapseMarked(text string, from, to, start, end int) ([]rune, int, int) {
	buf := make([]rune, 0, to-from)
	markStart, markEnd := -1, -1
	space := false
	for i := from; i < to; {
		if i >= start && markStart < 0 {
			markStart = len(buf)
			if space && len(buf) > 0 {
				markStart++
			}
		}
		if i >= end && markEnd < 0 {
			markEnd = len(buf)
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && len(buf) > 0 {
			buf = append(buf, ' ')
		}
		space = false
		buf = append(buf, r)
	}
	if markStart < 0 {
		markStart = len(buf)
	}
	if markEnd < 0 {
		markEnd = len(buf)
	}
	return buf, markStart, max(markStart, markEnd)
}

// window cuts buf to the span between markStart and markEnd (its first
// 2*ExcerptContext characters when longer) with ExcerptContext characters
// on each side, and an ellipsis at each end that was cut. cutBefore and
// cutAfter say that buf itself was already cut from its sentence.
func window(buf []rune, markStart, markEnd int, cutBefore, cutAfter bool) (string, int, int) {
	markEnd = min(markEnd, markStart+2*ExcerptContext)
	lo, hi := max(0, markStart-ExcerptContext), min(len(buf), markEnd+ExcerptContext)
	for lo < markStart && buf[lo] == ' ' {
		lo++
	}
	for hi > markEnd && buf[hi-1] == ' ' {
		hi--
	}
	out := make([]rune, 0, hi-lo+2)
	if lo > 0 || cutBefore {
		out = append(out, ellipsis)
	}
	shift := len(out) - lo
	out = append(out, buf[lo:hi]...)
	if hi < len(buf) || cutAfter {
		out = append(out, ellipsis)
	}
	return string(out), markStart + shift, markEnd + shift
}

// runeStartAfter moves offset forward to the start of a character.
func runeStartAfter(text string, offset int) int {
	for offset < len(text) && !utf8.RuneStart(text[offset]) {
		offset++
	}
	return offset
}
