package lexicon

import (
	"regexp/syntax"
	"sync"
	"unicode/utf8"
)

// lineSafe reports whether no match of re can cross or depend on a line
// break: re matches no '\n' and has no anchor to the ends of the whole text.
// Compiled with (?m), such an expression finds the same matches in each line
// (its '\n' left out) as in the whole text, since ^, $ and \b see a line's
// ends as they see the breaks around it.
func lineSafe(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpAnyChar, syntax.OpBeginText, syntax.OpEndText:
		return false
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if r == '\n' {
				return false
			}
		}
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i] <= '\n' && '\n' <= re.Rune[i+1] {
				return false
			}
		}
	}
	for _, sub := range re.Sub {
		if !lineSafe(sub) {
			return false
		}
	}
	return true
}

// nullable reports whether re can match the empty string somewhere. Empty
// matches are dropped, but where they fall decides which non-empty matches
// FindAll returns, so such expressions keep running on the whole text.
func nullable(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral, syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL, syntax.OpNoMatch:
		return false
	case syntax.OpStar, syntax.OpQuest:
		return true
	case syntax.OpRepeat:
		return re.Min == 0 || nullable(re.Sub[0])
	case syntax.OpCapture, syntax.OpPlus:
		return nullable(re.Sub[0])
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !nullable(sub) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if nullable(sub) {
				return true
			}
		}
		return false
	}
	// Empty match and the zero-width assertions.
	return true
}

// lineIndex tells, for one text, where its lines start and on which lines
// each literal of a literalSet occurs. It is built in one pass over the text,
// folding as it goes, so the text is never copied.
type lineIndex struct {
	// starts holds the offset of each line; a line ends before the next
	// start's '\n', the last at the end of the text.
	starts []int
	// byLiteral lists, per literal, the lines it ends on, ascending.
	byLiteral [][]int32
	// touched lists the literals with lines, to reset them cheaply.
	touched []int32
	merged  []int32
}

var lineIndexes = sync.Pool{New: func() any { return &lineIndex{} }}

func (ls *literalSet) index(text string) *lineIndex {
	x := lineIndexes.Get().(*lineIndex)
	x.starts = append(x.starts[:0], 0)
	if cap(x.byLiteral) < len(ls.literals) {
		x.byLiteral = make([][]int32, len(ls.literals))
	}
	x.byLiteral = x.byLiteral[:len(ls.literals)]
	if len(ls.literals) == 0 {
		for i := 0; i < len(text); i++ {
			if text[i] == '\n' {
				x.starts = append(x.starts, i+1)
			}
		}
		return x
	}
	width := int32(ls.classes + 1)
	s := int32(0)
	line := int32(0)
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			s = ls.delta[s*width+int32(ls.classOf[c])]
			if len(ls.out[s]) > 0 {
				x.note(ls.out[s], line)
			}
			i++
			if c == '\n' {
				line++
				x.starts = append(x.starts, i)
			}
			continue
		}
		// As foldText does it: an invalid byte reads as U+FFFD.
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		n := utf8.EncodeRune(buf[:], foldRune(r))
		for _, b := range buf[:n] {
			s = ls.delta[s*width+int32(ls.classOf[b])]
			if len(ls.out[s]) > 0 {
				x.note(ls.out[s], line)
			}
		}
	}
	return x
}

// note records that the literals ids end on line.
func (x *lineIndex) note(ids []int32, line int32) {
	for _, id := range ids {
		lines := x.byLiteral[id]
		if len(lines) == 0 {
			x.touched = append(x.touched, id)
		} else if lines[len(lines)-1] == line {
			continue
		}
		x.byLiteral[id] = append(lines, line)
	}
}

func (x *lineIndex) release() {
	for _, id := range x.touched {
		x.byLiteral[id] = x.byLiteral[id][:0]
	}
	x.touched = x.touched[:0]
	lineIndexes.Put(x)
}

// line returns line j of text without its '\n'.
func (x *lineIndex) line(text string, j int32) string {
	end := len(text)
	if int(j)+1 < len(x.starts) {
		end = x.starts[j+1] - 1
	}
	return text[x.starts[j]:end]
}

// anyFound reports whether one of the literals ids occurs in the text.
func (x *lineIndex) anyFound(ids []int32) bool {
	if len(ids) == 0 {
		return true
	}
	for _, id := range ids {
		if len(x.byLiteral[id]) > 0 {
			return true
		}
	}
	return false
}

// linesOf returns the lines, ascending, that hold one of the literals ids;
// the slice is valid until the next call.
func (x *lineIndex) linesOf(ids []int32) []int32 {
	if len(ids) == 1 {
		return x.byLiteral[ids[0]]
	}
	x.merged = x.merged[:0]
	for _, id := range ids {
		x.merged = append(x.merged, x.byLiteral[id]...)
	}
	if len(ids) > 1 {
		sortUnique(&x.merged)
	}
	return x.merged
}

func sortUnique(xs *[]int32) {
	s := *xs
	// Insertion sort: the lists are short and mostly in order.
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	out := s[:0]
	for _, v := range s {
		if len(out) == 0 || v != out[len(out)-1] {
			out = append(out, v)
		}
	}
	*xs = out
}
