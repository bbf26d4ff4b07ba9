package report

import (
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"github.com/credcheck/credcheck/engine/safetext"
)

const (
	// DefaultWidth is the width of the text report when the terminal's is
	// unknown: written to a file or a pipe, or no terminal at all.
	DefaultWidth = 100
	// minWidth keeps a window around the span on an absurdly narrow
	// terminal (or COLUMNS=1).
	minWidth = 40
	// excerptIndent is the indent of excerpt and caret lines.
	excerptIndent = "    "
)

// segment is what the terminal shows for one grapheme cluster of an
// excerpt (a letter with its combining marks, an emoji sequence), or for
// one escaped character.
type segment struct {
	text  string
	width int
	// start and end are the cluster's character offsets in the excerpt,
	// which is what a finding's MarkStart and MarkEnd count.
	start, end int
	// breakAfter says that a line may break after the cluster (UAX #14:
	// after a space or a hyphen, between CJK ideographs).
	breakAfter bool
	space      bool
}

// segments splits an excerpt into what the terminal shows, with display
// widths: two columns for a CJK character or an emoji, none for a
// combining mark. A character that would act on the terminal is shown as
// its Go escape, which is as wide as it is long.
func segments(excerpt string) []segment {
	if !utf8.ValidString(excerpt) {
		excerpt = string([]rune(excerpt)) // offsets count invalid bytes as U+FFFD
	}
	var out []segment
	at := 0
	g := uniseg.NewGraphemes(excerpt)
	for g.Next() {
		cluster := g.Str()
		if safetext.Safe(cluster) {
			n := utf8.RuneCountInString(cluster)
			out = append(out, segment{text: cluster, width: g.Width(), start: at, end: at + n,
				breakAfter: g.LineBreak() != uniseg.LineDontBreak, space: strings.TrimSpace(cluster) == ""})
			at += n
			continue
		}
		for _, r := range cluster {
			shown := safetext.Rune(r)
			out = append(out, segment{text: shown, width: uniseg.StringWidth(shown), start: at, end: at + 1, breakAfter: true})
			at++
		}
	}
	return out
}

func widthOf(segs []segment) int {
	w := 0
	for _, s := range segs {
		w += s.width
	}
	return w
}

func textOf(segs []segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.text)
	}
	return b.String()
}

// excerptLines lays out an excerpt with the marked characters
// [start, end) for a terminal width columns wide: the excerpt line or
// lines, each followed by a line of carets when it holds part of the
// span. Columns are display columns, so the carets stay under the span
// after wide or zero-width characters.
//
// By default it is one line: a window around the span that fits the
// width, cut at word boundaries with "…" where text is left out; a span
// wider than the line is shown whole. With full set the whole sentence is
// shown, wrapped at word boundaries.
func excerptLines(excerpt string, start, end, width int, full bool) []excerptLine {
	segs := segments(excerpt)
	n := len(segs)
	total := 0
	if n > 0 {
		total = segs[n-1].end
	}
	start, end = max(0, min(start, total)), max(0, min(end, total))
	if end <= start {
		end = min(start+1, total)
	}
	s := n // the first segment of the span
	for i, seg := range segs {
		if seg.end > start {
			s = i
			break
		}
	}
	e := s // the segment after the span
	for e < n && segs[e].start < end {
		e++
	}
	if width <= 0 {
		width = DefaultWidth
	}
	budget := max(width, minWidth) - len(excerptIndent)
	if full {
		return wrapped(segs, s, e, budget)
	}
	from, to := 0, n
	if widthOf(segs) > budget {
		from, to = fit(segs, s, e, budget)
	}
	var line strings.Builder
	pad := 0
	if from > 0 {
		line.WriteString("…")
		pad++
	}
	line.WriteString(textOf(segs[from:to]))
	if to < n {
		line.WriteString("…")
	}
	pad += widthOf(segs[from:min(s, to)])
	return []excerptLine{{text: line.String()}, carets(pad, widthOf(segs[s:e]))}
}

// excerptLine is a line of an excerpt, or of carets under it.
type excerptLine struct {
	text   string
	carets bool
}

func carets(pad, width int) excerptLine {
	return excerptLine{text: strings.Repeat(" ", pad) + strings.Repeat("^", max(1, width)), carets: true}
}

// fit chooses the segments [from, to) to show around the span [s, e):
// about a third of the room before the span and the rest after it, then
// moved inwards to the nearest word boundaries.
func fit(segs []segment, s, e, budget int) (from, to int) {
	n := len(segs)
	room := budget - 2 - widthOf(segs[s:e]) // 2: an ellipsis at each end
	from, to = s, e
	if room <= 0 {
		return from, to
	}
	used := 0
	for from > 0 && used+segs[from-1].width <= room/3 {
		from--
		used += segs[from].width
	}
	for to < n && used+segs[to].width <= room {
		used += segs[to].width
		to++
	}
	for from > 0 && used+segs[from-1].width <= room {
		from--
		used += segs[from].width
	}
	// A window starts and ends at a space where it can, and otherwise
	// where a line may break (between CJK characters, after a hyphen).
	for _, at := range []func(i int) bool{
		func(i int) bool { return segs[i].space },
		func(i int) bool { return segs[i].breakAfter },
	} {
		if from > 0 && !at(from-1) {
			for i := from + 1; i <= s; i++ {
				if at(i - 1) {
					from = i
					break
				}
			}
		}
		if to < n && !at(to-1) {
			for i := to - 1; i >= e && i > 0; i-- {
				if at(i - 1) {
					to = i
					break
				}
			}
		}
	}
	for from < s && segs[from].space {
		from++
	}
	for to > e && segs[to-1].space {
		to--
	}
	return from, to
}

// wrapped breaks the whole excerpt into lines of at most budget columns
// at word boundaries (inside a word only when it is wider than a line),
// with carets under the part of the span each line holds.
func wrapped(segs []segment, s, e, budget int) []excerptLine {
	var out []excerptLine
	n := len(segs)
	for a := 0; a < n || a == 0; {
		b, w, lastBreak := a, 0, -1
		for b < n && (w+segs[b].width <= budget || b == a) {
			w += segs[b].width
			if segs[b].breakAfter {
				lastBreak = b
			}
			b++
		}
		if b < n && lastBreak >= a {
			b = lastBreak + 1
		}
		next := b
		for b > a && segs[b-1].space {
			b--
		}
		out = append(out, excerptLine{text: textOf(segs[a:b])})
		last := next >= n
		switch {
		case s < next && e > a && s < n:
			lo, hi := max(s, a), min(e, b)
			out = append(out, carets(widthOf(segs[a:lo]), widthOf(segs[lo:max(lo, hi)])))
		case s >= n && last:
			out = append(out, carets(widthOf(segs[a:b]), 0))
		}
		for next < n && segs[next].space {
			next++
		}
		if next == a {
			break
		}
		a = next
		if last {
			break
		}
	}
	return out
}
