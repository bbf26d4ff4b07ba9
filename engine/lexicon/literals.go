package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// literalSet finds which of a fixed set of literals (folded by foldText)
// occur in a folded text, in one pass (Aho–Corasick). Pattern entries use it
// to run their regular expressions only on texts that contain the literal
// text every match needs.
type literalSet struct {
	literals []string
	// classOf maps a byte to its column in delta; bytes that occur in no
	// literal share column 0.
	classOf [256]uint8
	classes int
	// delta is the complete transition table, state × class.
	delta []int32
	// out lists, per state, the literals that end there.
	out [][]int32
}

func newLiteralSet(literals []string) *literalSet {
	ls := &literalSet{literals: literals}
	for _, l := range literals {
		for i := 0; i < len(l); i++ {
			if ls.classOf[l[i]] == 0 {
				ls.classes++
				ls.classOf[l[i]] = uint8(ls.classes)
			}
		}
	}
	width := ls.classes + 1
	// Build the trie; -1 marks a missing edge until the failure pass.
	goTo := [][]int32{newRow(width)}
	ls.out = [][]int32{nil}
	for id, l := range literals {
		s := int32(0)
		for i := 0; i < len(l); i++ {
			c := ls.classOf[l[i]]
			if goTo[s][c] < 0 {
				goTo = append(goTo, newRow(width))
				ls.out = append(ls.out, nil)
				goTo[s][c] = int32(len(goTo) - 1)
			}
			s = goTo[s][c]
		}
		ls.out[s] = append(ls.out[s], int32(id))
	}
	// Breadth-first: fill missing edges from the failure state, so that
	// delta is a complete automaton and matching never backtracks.
	fail := make([]int32, len(goTo))
	queue := []int32{}
	for c := range width {
		if goTo[0][c] < 0 {
			goTo[0][c] = 0
		} else {
			queue = append(queue, goTo[0][c])
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		ls.out[s] = append(ls.out[s], ls.out[fail[s]]...)
		for c := range width {
			t := goTo[s][c]
			if t < 0 {
				goTo[s][c] = goTo[fail[s]][c]
				continue
			}
			fail[t] = goTo[fail[s]][c]
			queue = append(queue, t)
		}
	}
	ls.delta = make([]int32, 0, len(goTo)*width)
	for _, row := range goTo {
		ls.delta = append(ls.delta, row...)
	}
	return ls
}

func newRow(width int) []int32 {
	row := make([]int32, width)
	for i := range row {
		row[i] = -1
	}
	return row
}

// foldText maps text to the form literals are stored and looked for in: each
// rune becomes the lower case of the smallest rune of its case-folding orbit,
// the set of runes (?i) treats as one letter. Lower-casing alone would lose
// matches: (?i)s also matches "ſ" (long s), whose lower case is itself.
func foldText(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.Map(foldRune, s)
		}
	}
	return strings.ToLower(s)
}

func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return unicode.ToLower(least)
}
