package story

import (
	"sort"
	"strings"

	"github.com/credcheck/credcheck/engine/document"
)

// Claim is a deal event between two or more named parties, stated in one
// sentence ("Velda Motors has partnered with Ostrava Batteries"), with how
// the article holds it: flat, in the writer's own voice with no one
// credited, or hedged as hearsay ("has reportedly partnered", credited to
// a report or not). Sentences that hold the event in any other way
// (credited without a hedge, denied, asked, planned, merely possible,
// announced) are not claims: the rules compare only the two clear
// stances. A flat claim must assert the event with a verb ("partnered"),
// not take it as given with a noun ("the partnership comes at a crucial
// time").
type Claim struct {
	Place
	// Event is the deal_events group ("partnership") and Cue its words.
	Event string `json:"event"`
	Cue   string `json:"cue"`
	// Parties are the entity keys the sentence names outside quotes,
	// sorted; Subject is the last of them before the cue (who did it) and
	// Object the first after it (with whom, or what).
	Parties []string `json:"parties"`
	Subject string   `json:"subject"`
	Object  string   `json:"object"`
	// Stance is "flat" or "hedged"; Hedge the hearsay words of a hedged
	// claim.
	Stance string `json:"stance"`
	Hedge  string `json:"hedge"`
}

// notFlat are words that keep a sentence from stating an event as done:
// negation, questions of whether, plans and conditions, modality.
var notFlat = map[string]bool{"not": true, "no": true, "never": true, "neither": true, "nor": true, "denied": true,
	"denies": true, "deny": true, "if": true, "whether": true, "would": true, "could": true, "may": true, "might": true,
	"will": true, "plans": true, "plan": true, "planned": true, "planning": true, "talks": true, "considering": true,
	"expected": true, "expects": true, "hopes": true, "aims": true, "should": true, "can": true, "proposed": true}

// creditLexicons credit a sentence to someone, so it is not the writer's
// flat word; blockLexicons hold it some other way (the writer's doubt, an
// announcement, a silence, an allegation), so it is neither flat nor
// plain hearsay.
var (
	creditLexicons = map[string]bool{"secondhand_reports": true, "vague_sources": true, "attribution_cues": true}
	blockLexicons  = map[string]bool{"epistemic_hedges": true, "announce_cues": true, "no_comment_cues": true, "soft_status": true}
)

// claims lists the deal events of a document stated flat or hedged.
func claims(d *document.Document, art int) []Claim {
	var out []Claim
	for i := range d.Sentences {
		s := &d.Sentences[i]
		if s.Quoted || (s.Zone != document.Lede && s.Zone != document.Body) || strings.HasSuffix(s.Text, "?") {
			continue
		}
		event, cue, hedge, attributed, blocked := "", "", "", false, false
		var at, hedgeAt *document.Match
		for _, k := range s.Matches {
			m := &d.Matches[k]
			if m.Quoted {
				continue
			}
			switch {
			case m.Lexicon == "deal_events" && at == nil:
				event, cue, at = m.Group, m.Text, m
			case m.Lexicon == "hearsay_hedges" && m.Group == "hearsay":
				hedge, hedgeAt = m.Text, m
			case creditLexicons[m.Lexicon]:
				attributed = true
			case m.Lexicon == "hearsay_hedges" || blockLexicons[m.Lexicon]:
				blocked = true
			}
		}
		if at == nil || blocked || negated(s) {
			continue
		}
		for _, a := range d.Attributions {
			attributed = attributed || a.Sentence == i
		}
		stance := ""
		switch {
		case hedge == "" && !attributed && verbal(at.Term):
			stance = "flat"
		case hedge != "" && (verbal(at.Term) || hedgeAt.End <= at.Start):
			// Hearsay, credited or not: "has reportedly entered into a
			// partnership with", "…, according to a report".
			stance = "hedged"
		default:
			continue
		}
		// The event is the sentence's predicate: a party names who did it,
		// before the cue, and a party what it was done with, after.
		seen := map[string]bool{}
		subject, object := "", ""
		for _, k := range s.Entities {
			e := d.Entities[k]
			if e.Quoted || e.Key == "" || e.Kind != "name" {
				continue
			}
			seen[e.Key] = true
			if e.End <= at.Start {
				subject = e.Key
			}
			if e.Start >= at.End && object == "" {
				object = e.Key
			}
		}
		parties := sortedKeys(seen)
		if subject == "" || object == "" || subject == object {
			continue
		}
		out = append(out, Claim{Place: place(d, art, i), Event: event, Cue: cue, Parties: parties, Subject: subject, Object: object,
			Stance: stance, Hedge: hedge})
	}
	return out
}

// verbal reports whether a deal_events term is a verb that asserts the
// event ("partnered", "agreed to buy", "teams up"), not a noun that takes
// it as given ("the partnership comes at a crucial time").
func verbal(term string) bool {
	first, _, _ := strings.Cut(strings.ToLower(term), " ")
	return strings.HasSuffix(first, "ed") || pastAndPresent[first]
}

var pastAndPresent = map[string]bool{"bought": true, "took": true, "buys": true, "acquires": true, "merges": true,
	"invests": true, "teams": true, "joins": true, "partners": true, "collaborates": true, "signs": true, "tied": true}

func negated(s *document.Sentence) bool {
	for _, t := range s.Tokens {
		if notFlat[t.Fold] || strings.HasSuffix(t.Fold, "n't") || strings.HasSuffix(t.Fold, "n’t") {
			return true
		}
	}
	return false
}

// sortedKeys is a set of keys, sorted.
func sortedKeys(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
