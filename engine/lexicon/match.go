package lexicon

import (
	"fmt"
	"strings"
	"sync"
)

// Token is one word of a sentence as the matcher sees it.
type Token struct {
	Text string // as written
	// Fold is the form phrase entries are compared with: lower case, curly
	// apostrophes straightened.
	Fold       string
	Start, End int // byte offsets into the article text
	// Joined is true when only spaces separate this token from the one
	// before; punctuation between words stops a phrase from matching across it.
	Joined bool
	Number bool
	// Entity is the number of tokens of an entity mention that starts at this
	// token, or 0.
	Entity int
}

// FoldWord is the comparison form of a word.
func FoldWord(s string) string {
	return strings.ToLower(straightenApostrophes(s))
}

// apostrophes is shared: a Replacer is safe for concurrent use and costly
// to build.
var apostrophes = strings.NewReplacer("’", "'", "‘", "'")

func straightenApostrophes(s string) string {
	// Both curly apostrophes start with the byte 0xE2.
	if strings.IndexByte(s, 0xE2) >= 0 && strings.ContainsAny(s, "’‘") {
		return apostrophes.Replace(s)
	}
	return s
}

// Match is one lexicon entry found in an article.
type Match struct {
	Lexicon *Lexicon
	Entry   int
	// Start and End are byte offsets into the article text.
	Start, End int
	// FirstToken and LastToken index the sentence's tokens for phrase matches;
	// both are -1 for pattern matches.
	FirstToken, LastToken int
}

// Term is the entry as written in the lexicon file.
func (m Match) Term() string { return m.Lexicon.Entries[m.Entry].Term }

// Group is the entry's group, or "".
func (m Match) Group() string { return m.Lexicon.Entries[m.Entry].Group }

type stepKind uint8

const (
	stepWord stepKind = iota
	stepAny
	stepName
	stepNumber
)

type step struct {
	kind stepKind
	word string
}

type termRef struct {
	lexicon, entry, length int
}

type node struct {
	words   map[string]*node
	any     *node
	name    *node
	number  *node
	matches []termRef
}

// nodePool hands out trie nodes from slabs: the built-in lexicons expand to
// some fifteen thousand nodes, and one allocation each was a tenth of the
// start-up every command pays.
type nodePool struct {
	free []node
	refs []termRef
}

func (p *nodePool) get() *node {
	if len(p.free) == 0 {
		p.free = make([]node, 512)
	}
	n := &p.free[0]
	p.free = p.free[1:]
	return n
}

func (n *node) insert(pool *nodePool, seq []step, ref termRef) {
	cur := n
	for _, st := range seq {
		var next **node
		switch st.kind {
		case stepAny:
			next = &cur.any
		case stepName:
			next = &cur.name
		case stepNumber:
			next = &cur.number
		default:
			if cur.words == nil {
				cur.words = map[string]*node{}
			}
			child := cur.words[st.word]
			if child == nil {
				child = pool.get()
				cur.words[st.word] = child
			}
			cur = child
			continue
		}
		if *next == nil {
			*next = pool.get()
		}
		cur = *next
	}
	for _, r := range cur.matches {
		if r.lexicon == ref.lexicon && r.entry == ref.entry {
			return
		}
	}
	if cur.matches == nil {
		// Most nodes end one phrase; their one reference comes from a
		// slab too, and a second one regrows the slice as append does.
		if len(pool.refs) == 0 {
			pool.refs = make([]termRef, 512)
		}
		cur.matches, pool.refs = pool.refs[:1:1], pool.refs[1:]
		cur.matches[0] = ref
		return
	}
	cur.matches = append(cur.matches, ref)
}

// MatchTokens finds every phrase entry in one sentence's tokens. At each start
// token only the longest match of each lexicon is kept, so "people familiar
// with the matter" is one match, not also "people familiar".
//
// A match inside a longer match of the same lexicon is dropped too, so
// "tech behemoth" does not also yield "behemoth".
func (s *Set) MatchTokens(toks []Token, emit func(Match)) {
	if len(s.Lexicons) == 0 {
		return
	}
	sc := tokenScratches.Get().(*tokenScratch)
	best, found := sc.best[:0], sc.found[:0]
	for start := range toks {
		best = best[:0]
		for _, root := range [2]*node{s.folded, s.exact} {
			s.walk(root, root == s.exact, toks, start, start, &best)
		}
		for _, b := range best {
			found = append(found, Match{
				Lexicon: s.Lexicons[b.ref.lexicon], Entry: b.ref.entry,
				Start: toks[start].Start, End: toks[b.last].End,
				FirstToken: start, LastToken: b.last,
			})
		}
	}
	for i, m := range found {
		if !covered(found, i) {
			emit(m)
		}
	}
	clear(found) // drop the lexicon pointers before pooling
	sc.best, sc.found = best[:0], found[:0]
	tokenScratches.Put(sc)
}

// tokenScratch holds the lists MatchTokens works in, reused from sentence to
// sentence.
type tokenScratch struct {
	best  []bestMatch
	found []Match
}

var tokenScratches = sync.Pool{New: func() any { return new(tokenScratch) }}

// covered reports whether found[i] lies inside a longer match of the same
// lexicon. Matches start in token order, so only earlier ones can cover it.
func covered(found []Match, i int) bool {
	m := found[i]
	for j := i - 1; j >= 0; j-- {
		o := found[j]
		if o.Lexicon == m.Lexicon && o.FirstToken <= m.FirstToken && o.LastToken >= m.LastToken {
			return true
		}
	}
	return false
}

type bestMatch struct {
	ref  termRef
	last int
}

func (s *Set) walk(n *node, exact bool, toks []Token, start, pos int, best *[]bestMatch) {
	for _, ref := range n.matches {
		record(best, ref, pos-1)
	}
	if pos >= len(toks) || (pos > start && !toks[pos].Joined) {
		return
	}
	tok := &toks[pos]
	if n.words != nil {
		key := tok.Fold
		if exact {
			key = straightenApostrophes(tok.Text)
		}
		if child := n.words[key]; child != nil {
			s.walk(child, exact, toks, start, pos+1, best)
		}
	}
	if n.any != nil {
		s.walk(n.any, exact, toks, start, pos+1, best)
	}
	if n.number != nil && tok.Number {
		s.walk(n.number, exact, toks, start, pos+1, best)
	}
	if n.name != nil && tok.Entity > 0 {
		s.walk(n.name, exact, toks, start, pos+tok.Entity, best)
	}
}

// record keeps, per lexicon, the longest match found from one start token; on
// equal length the entry listed first wins, so results do not depend on walk
// order.
func record(best *[]bestMatch, ref termRef, last int) {
	for i, b := range *best {
		if b.ref.lexicon != ref.lexicon {
			continue
		}
		if last > b.last || (last == b.last && ref.entry < b.ref.entry) {
			(*best)[i] = bestMatch{ref: ref, last: last}
		}
		return
	}
	*best = append(*best, bestMatch{ref: ref, last: last})
}

// MatchText runs the pattern lexicons over the whole text. Matches come in
// lexicon order, then entry order, then position.
//
// One pass folds the text and notes on which lines each required literal
// occurs; an entry then runs only on those lines when its matches cannot
// cross a line (most entries), else on the whole text if it holds one.
func (s *Set) MatchText(text string, emit func(Match)) {
	if len(s.patterns) == 0 {
		return
	}
	x := s.literals.index(text)
	defer x.release()
	for _, pm := range s.patterns {
		for i, e := range pm.entries {
			if !x.anyFound(e.needIDs) {
				continue
			}
			m := Match{Lexicon: s.Lexicons[pm.lexicon], Entry: i, FirstToken: -1, LastToken: -1}
			if !e.perLine && !e.inLine {
				for _, loc := range e.re.FindAllStringIndex(text, -1) {
					if loc[0] < loc[1] {
						m.Start, m.End = loc[0], loc[1]
						emit(m)
					}
				}
				continue
			}
			each := func(j int32) {
				line := x.line(text, j)
				start := x.starts[j]
				if e.inLine {
					for _, loc := range e.re.FindAllStringIndex(line, -1) {
						if loc[0] < loc[1] {
							m.Start, m.End = start+loc[0], start+loc[1]
							emit(m)
						}
					}
					return
				}
				line = strings.TrimSuffix(line, "\r")
				if loc := e.re.FindStringIndex(line); loc != nil && loc[0] < loc[1] {
					m.Start, m.End = start+loc[0], start+loc[1]
					emit(m)
				}
			}
			if len(e.needIDs) == 0 {
				for j := range x.starts {
					each(int32(j))
				}
				continue
			}
			for _, j := range x.linesOf(e.needIDs) {
				each(j)
			}
		}
	}
}

const maxExpansions = 4096

// expandPhrase parses a phrase entry into the word sequences it stands for.
func expandPhrase(term string, fold bool) ([][]step, error) {
	p := &phraseParser{src: term, fold: fold}
	seqs, err := p.sequence()
	if err != nil {
		return nil, err
	}
	if p.pos < len(p.src) {
		return nil, fmt.Errorf("unexpected %q at position %d", p.src[p.pos], p.pos+1)
	}
	var out [][]step
	for _, s := range seqs {
		if len(s) > 0 {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("matches nothing")
	}
	return out, nil
}

type phraseParser struct {
	src  string
	pos  int
	fold bool
}

// sequence parses items up to ')' or '|' or the end, returning every
// expansion.
func (p *phraseParser) sequence() ([][]step, error) {
	// The alternatives at each position are gathered first and multiplied
	// out once at the end, so each expansion is allocated once at its
	// full length rather than regrown word by word.
	var items [][][]step
	count := 1
	for {
		p.skipSpaces()
		if p.pos >= len(p.src) || p.src[p.pos] == ')' || p.src[p.pos] == '|' {
			return multiply(items, count), nil
		}
		var alts [][]step
		if p.src[p.pos] == '(' {
			p.pos++
			for {
				sub, err := p.sequence()
				if err != nil {
					return nil, err
				}
				alts = append(alts, sub...)
				if p.pos >= len(p.src) {
					return nil, fmt.Errorf("unclosed (")
				}
				if p.src[p.pos] == ')' {
					p.pos++
					break
				}
				p.pos++ // '|'
			}
		} else {
			w := p.word()
			st, err := p.makeStep(w)
			if err != nil {
				return nil, err
			}
			alts = [][]step{{st}}
		}
		if count *= len(alts); count > maxExpansions {
			return nil, fmt.Errorf("expands to more than %d phrases", maxExpansions)
		}
		items = append(items, alts)
	}
}

// multiply returns every sequence that takes one alternative at each
// position, the last position varying fastest.
func multiply(items [][][]step, count int) [][]step {
	out := make([][]step, 0, count)
	pick := make([]int, len(items))
	for {
		n := 0
		for i, alts := range items {
			n += len(alts[pick[i]])
		}
		seq := make([]step, 0, n)
		for i, alts := range items {
			seq = append(seq, alts[pick[i]]...)
		}
		out = append(out, seq)
		i := len(items) - 1
		for ; i >= 0; i-- {
			if pick[i]++; pick[i] < len(items[i]) {
				break
			}
			pick[i] = 0
		}
		if i < 0 {
			return out
		}
	}
}

func (p *phraseParser) skipSpaces() {
	for p.pos < len(p.src) && (p.src[p.pos] == ' ' || p.src[p.pos] == '\t') {
		p.pos++
	}
}

func (p *phraseParser) word() string {
	start := p.pos
	for p.pos < len(p.src) && !strings.ContainsRune(" \t()|", rune(p.src[p.pos])) {
		p.pos++
	}
	return p.src[start:p.pos]
}

func (p *phraseParser) makeStep(w string) (step, error) {
	switch w {
	case "*":
		return step{kind: stepAny}, nil
	case "<Name>":
		return step{kind: stepName}, nil
	case "<num>":
		return step{kind: stepNumber}, nil
	}
	if strings.ContainsAny(w, "<>") {
		return step{}, fmt.Errorf("unknown placeholder %q (known: *, <Name>, <num>)", w)
	}
	for _, r := range w {
		if !isWordRune(r) && r != '\'' && r != '’' && r != '-' && r != '.' {
			return step{}, fmt.Errorf("%q holds %q, which never occurs inside a word; write words only", w, r)
		}
	}
	if p.fold {
		return step{kind: stepWord, word: FoldWord(w)}, nil
	}
	return step{kind: stepWord, word: straightenApostrophes(w)}, nil
}
