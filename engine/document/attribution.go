package document

import (
	"github.com/credcheck/credcheck/engine/lexicon"
)

// sourceBoundaries end the words that can name a source: they start a new
// clause.
var sourceBoundaries = map[string]bool{
	"that": true, "which": true, "who": true, "whom": true, "and": true, "but": true, "or": true,
	"because": true, "when": true, "while": true, "if": true, "as": true, "so": true, "than": true,
	"where": true, "after": true, "before": true, "since": true, "although": true, "though": true,
	"on": true, "in": true, "at": true, "last": true, "this": true, "during": true, "about": true,
	// Dates open a sentence without naming anyone ("In March the board
	// said"); "may" is left out, being a modal too.
	"january": true, "february": true, "march": true, "april": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "yesterday": true, "today": true,
}

// auxiliaries stand between a speaker and the verb ("Sullivan has also
// said") without being part of the speaker.
var auxiliaries = map[string]bool{
	"has": true, "have": true, "had": true, "also": true, "later": true, "earlier": true, "previously": true,
	"repeatedly": true, "recently": true, "often": true, "once": true, "again": true, "then": true,
	"further": true, "still": true, "would": true, "will": true, "could": true, "reportedly": true,
	"publicly": true, "privately": true, "separately": true, "simply": true, "just": true, "only": true,
	"even": true, "never": true, "not": true, "did": true, "does": true, "do": true, "is": true,
	"are": true, "was": true, "were": true, "first": true, "initially": true,
	"may": true, "might": true, "can": true, "should": true, "must": true,
}

const maxSourceWords = 8

// determiners open a noun phrase that can name a source ("said the
// spokeswoman").
var determiners = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "its": true, "their": true, "our": true}

// findAttributions finds the source named by every unquoted match of a
// lexicon that says, by group, where its sources stand.
func findAttributions(d *Document, set *lexicon.Set) []Attribution {
	var out []Attribution
	for _, m := range d.Matches {
		if m.Quoted || m.FirstToken < 0 {
			continue
		}
		lex := set.Lookup(m.Lexicon)
		if lex == nil || lex.Sources == nil {
			continue
		}
		dir, ok := lex.Sources[m.Group]
		if !ok {
			continue
		}
		s := &d.Sentences[m.Sentence]
		a := Attribution{Sentence: m.Sentence, Start: m.Start, End: m.End, Lexicon: m.Lexicon, Term: m.Term, Group: m.Group}
		first, last := -1, -1
		after := false
		switch dir {
		case "match":
			first, last = m.FirstToken, m.LastToken
		case "after":
			first, last = wordsAfter(s.Tokens, m.LastToken)
			after = true
		default:
			first, last = wordsBefore(s.Tokens, m.FirstToken)
			if first < 0 && (m.FirstToken == 0 || !s.Tokens[m.FirstToken].Joined) {
				// An inverted attribution after a quote or a comma:
				// "…," said Jane Roe. Only a name or a noun phrase can
				// follow; "…, argues there is…" is a clause.
				first, last = wordsAfter(s.Tokens, m.LastToken)
				if first >= 0 && s.Tokens[first].Entity == 0 && !determiners[s.Tokens[first].Fold] {
					first, last = -1, -1
				}
				after = first >= 0
			}
		}
		if dir != "match" {
			a.Speaker = findSpeaker(d, s, m.FirstToken, first, last, dir != "after", after)
		}
		if first < 0 {
			first, last = nameBefore(d, s, m.FirstToken)
		}
		if first >= 0 {
			start, end := s.Tokens[first].Start, s.Tokens[last].End
			a.Source = &Source{Start: start, End: end, Text: collapse(d.Clean[start:end])}
		}
		out = append(out, a)
	}
	return out
}

// wordsBefore returns the run of words right before token cue that names a
// speaker ("Connecticut's tax commissioner says"), skipping auxiliaries next
// to the verb; -1 when there is none.
func wordsBefore(toks []lexicon.Token, cue int) (int, int) {
	j := cue - 1
	for j >= 0 && toks[j+1].Joined && auxiliaries[toks[j].Fold] {
		j--
	}
	if j < 0 || !toks[j+1].Joined || sourceBoundaries[toks[j].Fold] {
		return -1, -1
	}
	k := j
	for k > 0 && j-k+1 < maxSourceWords && toks[k].Joined && !sourceBoundaries[toks[k-1].Fold] {
		k--
	}
	return k, j
}

// wordsAfter returns the run of words right after token cue up to a clause
// boundary ("said Jane Roe, a spokeswoman"); -1 when there is none.
func wordsAfter(toks []lexicon.Token, cue int) (int, int) {
	k := cue + 1
	if k >= len(toks) || !toks[k].Joined || sourceBoundaries[toks[k].Fold] {
		return -1, -1
	}
	j := k
	for j+1 < len(toks) && j-k+1 < maxSourceWords && toks[j+1].Joined && !sourceBoundaries[toks[j+1].Fold] {
		j++
	}
	return k, j
}

// nameBefore returns the last name mentioned before token cue in the
// sentence, outside quotes, as a fallback source.
func nameBefore(d *Document, s *Sentence, cue int) (int, int) {
	for i := len(s.Entities) - 1; i >= 0; i-- {
		e := d.Entities[s.Entities[i]]
		if e.LastToken < cue && !e.Quoted {
			return e.FirstToken, e.LastToken
		}
	}
	return -1, -1
}
