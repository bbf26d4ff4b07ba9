package compare

import (
	"sort"
	"strings"

	"github.com/credcheck/credcheck/engine/document"
	"github.com/credcheck/credcheck/engine/lexicon"
)

// Quote is a direct quotation in a claim and the article quotation most
// like it. A quotation promises the speaker's own words, so a summary
// quoting a passage the article quotes may shorten it but not change it.
type Quote struct {
	Text string `json:"text"`
	// Words counts the quotation's content words.
	Words int `json:"words"`
	// Matched is the article quotation sharing the most of those words
	// (by stem), "" when none shares any; Shared counts the shared ones
	// and Missing lists, as written, the quotation's content words that
	// the matched quotation lacks.
	Matched string   `json:"matched"`
	Shared  int      `json:"shared"`
	Missing []string `json:"missing"`
	// Negated says a negation cue stands inside the claim's quotation,
	// MatchedNegated inside the matched one; KeepsNegated that the claim's
	// quotation keeps a word a negation of the matched one governs.
	Negated        bool `json:"negated"`
	MatchedNegated bool `json:"matched_negated"`
	KeepsNegated   bool `json:"keeps_negated"`
}

// quotation is an article quotation, indexed for matching.
type quotation struct {
	text    string
	stems   map[string]bool
	negated bool
	// governed are the stems its negations govern.
	governed map[string]bool
}

// quotations are the article's direct quotations with the words inside
// each (the tokens of the aligned units, so glued sentences are split).
func (a *analysed) quotations() []quotation {
	var out []quotation
	for _, sp := range a.doc.Quotes {
		var toks []lexicon.Token
		// Units are in text order: start at the first that ends after the
		// quotation opens, so a long article with many quotations costs
		// its quotations' lengths, not quotations × sentences.
		first := sort.Search(len(a.units), func(i int) bool { return a.units[i].end > sp.Start })
		for _, u := range a.units[first:] {
			if u.start >= sp.End {
				break
			}
			for _, t := range u.toks {
				if t.Start >= sp.Start && t.End <= sp.End {
					toks = append(toks, t)
				}
			}
		}
		q := quotation{text: strings.TrimSpace(a.doc.Text[sp.Start:sp.End]), stems: map[string]bool{}, governed: map[string]bool{}}
		for _, t := range toks {
			f := fold(t)
			q.negated = q.negated || negating(f)
			if content(f) {
				q.stems[stem(f)] = true
			}
		}
		for _, n := range negations(toks, a.doc.Text) {
			for _, st := range n.Scope {
				q.governed[st] = true
			}
		}
		out = append(out, q)
	}
	return out
}

// claimQuotes are the direct quotations that open in claim sentence s, each
// with the article quotation it matches best.
func (a *analysed) claimQuotes(cd *document.Document, s document.Sentence) []Quote {
	out := []Quote{}
	for _, sp := range cd.Quotes {
		if sp.Start < s.Start || sp.Start >= s.End {
			continue
		}
		q := Quote{Text: strings.TrimSpace(cd.Text[sp.Start:sp.End]), Missing: []string{}}
		var words []lexicon.Token
		for _, t := range s.Tokens {
			if t.Start < sp.Start || t.End > sp.End {
				continue
			}
			f := fold(t)
			q.Negated = q.Negated || negating(f)
			if content(f) && !t.Number {
				words = append(words, t)
			}
		}
		q.Words = len(words)
		best := -1
		for i, aq := range a.quotes {
			n := 0
			for _, t := range words {
				if aq.stems[stem(fold(t))] {
					n++
				}
			}
			if n > q.Shared {
				best, q.Shared = i, n
			}
		}
		if best >= 0 {
			m := a.quotes[best]
			q.Matched, q.MatchedNegated = m.text, m.negated
			for _, t := range words {
				st := stem(fold(t))
				if !m.stems[st] {
					q.Missing = append(q.Missing, written(t))
				}
				q.KeepsNegated = q.KeepsNegated || m.governed[st]
			}
		}
		out = append(out, q)
	}
	return out
}
