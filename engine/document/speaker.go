package document

import (
	"strings"
	"unicode"

	"github.com/credcheck/credcheck/engine/lexicon"
)

// Speaker is the name an attribution credits and the words that describe
// who that is: "said Jane Roe, a spokeswoman for Harbor" gives the name
// "Jane Roe" and the role "a spokeswoman for Harbor". Finding them is
// mechanics; whether the words make a role is for the policies.
type Speaker struct {
	// Entity indexes Document.Entities: the mention the name extends.
	Entity     int
	Start, End int
	Text       string
	// Words is how many words the name has.
	Words int
	// Role is the appositive next to the name, else the whole source
	// ("Health Minister Jo Bell", "Harbor analyst Jane Roe"); nil when the
	// name stands alone.
	Role *Source
}

// maxAppositiveWords bounds the description set off by commas beside a name.
const maxAppositiveWords = 15

// personBreaks end the name part of a source: "Jane Roe of Ledger
// Research" names Jane Roe, not Ledger Research.
var personBreaks = map[string]bool{"of": true, "for": true, "from": true, "with": true}

// findSpeaker finds the name a cue credits: the head of the source the cue
// names, or the name before a description set off by commas ("Jane Roe, an
// analyst at Ledger, said"). For a verb the description is looked for
// first: "Jane Roe, an analyst, said the vote…" is not inverted. The name
// must end the noun phrase, so "the Ledger spokesman said" names no one.
// nil when there is no such name.
func findSpeaker(d *Document, s *Sentence, cueFirst, first, last int, verb, after bool) *Speaker {
	toks := s.Tokens
	if verb && cueFirst > 0 && gapIs(d, toks, cueFirst, ',') {
		// "Jane Roe, an analyst at Ledger, said": walk back over the
		// description to the comma that opens it.
		k := cueFirst - 1
		for k > 0 && cueFirst-k < maxAppositiveWords && !gapHas(d, toks, k, ",\"“”") {
			k--
		}
		if k > 0 && gapIs(d, toks, k, ',') {
			if e := entityEndingAt(d, s, k-1); e >= 0 && opensClause(d, s, e) {
				return speaker(d, s, e, span(d, toks, k, cueFirst-1))
			}
		}
	}
	if first < 0 {
		return nil
	}
	end := last
	if after {
		for j := first + 1; j <= last; j++ {
			if personBreaks[toks[j].Fold] {
				end = j - 1
				break
			}
		}
	}
	e := entityEndingAt(d, s, end)
	if e < 0 {
		return nil
	}
	var role *Source
	if after && end == last && last+1 < len(toks) && gapIs(d, toks, last+1, ',') {
		// "said Jane Roe, a spokeswoman for Harbor": the description runs
		// to the next comma or the end of the sentence.
		j := last + 1
		for j+1 < len(toks) && j-last < maxAppositiveWords && !gapHas(d, toks, j+1, ",\"“”") {
			j++
		}
		// A description ends at a comma or the end of the sentence; a run
		// cut off by the bound is a clause ("said Roe, Harbor has…").
		if j+1 == len(toks) || gapHas(d, toks, j+1, ",\"“”") {
			role = span(d, toks, last+1, j)
		}
	} else if first < d.Entities[e].FirstToken || end < last {
		role = span(d, toks, first, last)
	}
	return speaker(d, s, e, role)
}

// speaker builds the Speaker for entity e. A name opening a sentence whose
// first word is capitalised only there ("Mara Holt, who chairs…", where the
// entity is "Holt") takes that word back.
func speaker(d *Document, s *Sentence, e int, role *Source) *Speaker {
	ent := d.Entities[e]
	first := ent.FirstToken
	if first == 1 && leadingName(s) {
		first = 0
	}
	start, end := s.Tokens[first].Start, ent.End
	return &Speaker{Entity: e, Start: start, End: end, Text: collapse(d.Clean[start:end]),
		Words: ent.LastToken - first + 1, Role: role}
}

// opensClause reports whether name mention e is where a subject stands:
// first in the sentence, or after punctuation or a conjunction. "Prices
// rose at Harbor, an analyst said" names no speaker.
func opensClause(d *Document, s *Sentence, e int) bool {
	f := d.Entities[e].FirstToken
	if f == 0 || (f == 1 && leadingName(s)) {
		return true
	}
	return !s.Tokens[f].Joined || clauseWords[s.Tokens[f-1].Fold]
}

var clauseWords = map[string]bool{"and": true, "but": true, "while": true, "whereas": true}

// leadingName reports whether a sentence's capitalised first word belongs
// to a name that starts at its second word: "Mara Holt said", but not "But
// Holt said" or "Later Holt said".
func leadingName(s *Sentence) bool {
	if len(s.Tokens) < 2 || !s.Tokens[1].Joined || !startsUpper(s.Tokens[0].Text) {
		return false
	}
	w := s.Tokens[0].Fold
	return !sourceBoundaries[w] && !auxiliaries[w] && !determiners[w] && !openers[w]
}

// openers are sentence adverbs and conjunctions that are capitalised only
// because they open the sentence.
var openers = map[string]bool{
	"however": true, "meanwhile": true, "yet": true, "now": true, "instead": true, "there": true,
	"here": true, "still": true, "thus": true, "hence": true, "indeed": true, "separately": true,
	"for": true, "with": true, "from": true, "by": true, "to": true, "of": true, "under": true,
	"asked": true, "speaking": true, "writing": true, "both": true, "even": true, "not": true,
}

// entityEndingAt returns the unquoted name mention of s whose last token is
// tok, or -1.
func entityEndingAt(d *Document, s *Sentence, tok int) int {
	for _, k := range s.Entities {
		e := d.Entities[k]
		if e.LastToken == tok && e.Kind == "name" && !e.Quoted {
			return k
		}
	}
	return -1
}

// gapIs reports whether the text between token k-1 and token k is the
// punctuation mark c, spaces aside.
func gapIs(d *Document, toks []lexicon.Token, k int, c byte) bool {
	g := strings.TrimSpace(d.Clean[toks[k-1].End:toks[k].Start])
	return len(g) == 1 && g[0] == c
}

// gapHas reports whether the text before token k holds any of chars.
func gapHas(d *Document, toks []lexicon.Token, k int, chars string) bool {
	return strings.ContainsAny(d.Clean[toks[k-1].End:toks[k].Start], chars)
}

func span(d *Document, toks []lexicon.Token, first, last int) *Source {
	start, end := toks[first].Start, toks[last].End
	return &Source{Start: start, End: end, Text: collapse(d.Clean[start:end])}
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}
