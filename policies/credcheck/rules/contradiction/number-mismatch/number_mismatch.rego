# METADATA
# title: Two figures for one quantity
# description: |
#   Two sentences give different values, in the same unit, for what reads as
#   the same quantity: both figures measure the same noun, named right after
#   the figure ("the $2.4 billion deal") or before "worth", "of" or "valued
#   at" ("a deal worth $3.1 billion"); the engine reads that noun as the
#   figure's quantity. Approximate figures ("about",
#   "more than"), figures marked as updated or compared ("up from",
#   "initially", "revised") and quoted figures are left alone, and values
#   within the tolerance count as the same. Both figures are reported, as
#   one problem.
# related_resources:
#   - ref: https://nlp.stanford.edu/pubs/contradiction-acl08.pdf
#     description: de Marneffe, Rafferty and Manning (2008) — numeric mismatch as a contradiction cue
# custom:
#   category: contradiction
#   severity: warning
#   weight: 4
#   input: [matches, numbers, sentences]
#   why: When one story gives two values for the same figure at least one is wrong, and readers cannot tell which.
#   params:
#     tolerance: 0.02
#     nouns: [deal, acquisition, takeover, merger, stake, valuation, fine, penalty, settlement, budget, contract, investment, funding, loan, bid, offer, package, bill, price, purchase, sale, payout, bonus, fee, salary, award]
#   examples:
#     fires: 'The $2.4 billion deal closes in May. … Analysts welcomed the $3.1 billion deal.'
#     quiet: 'The deal was valued at $2.4 billion. … The $2.4 billion deal closes in May.'
package credcheck.rules.contradiction["number-mismatch"]

import data.credcheck.lib

params := p if {
	p := data.credcheck.config.params["number-mismatch"]
} else := lib.params(rego.metadata.chain())

nouns := {x | some x in params.nouns}

# Figures that say what they measure, in a unit that can be compared.
figures contains k if {
	wanted := nouns
	some k, n in input.numbers
	wanted[n.quantity]
	n.quoted == false
	not n.unit in {"", "year", "ordinal", "day", "decade"}
	not loose(n)
}

# "about $3 billion", "more than $3 billion": an approximation or a bound.
loose(n) if {
	some k in input.sentences[n.sentence].cues.approximators
	m := input.matches.approximators[k]
	m.end <= n.start
	n.start - m.end <= 2
}

# "revised to", "up from": a figure tracked over time or compared.
loose(n) if input.sentences[n.sentence].cues.update_cues

# The figures grouped by what they measure and in what unit: only figures
# of one group are compared, so the cost follows the pairs that can
# disagree, not every pair of figures in the article.
groups[[n.quantity, n.unit]] contains k if {
	some k in figures
	n := input.numbers[k]
}

pairs contains [a, b] if {
	some group in groups
	some a in group
	some b in group
	a < b
	x := input.numbers[a]
	y := input.numbers[b]
	x.sentence != y.sentence
	abs(x.value - y.value) > params.tolerance * max([abs(x.value), abs(y.value)])
}

report contains finding if {
	some [a, b] in pairs
	some [k, other] in [[a, b], [b, a]]
	n := input.numbers[k]
	o := input.numbers[other]
	finding := {
		"sentence": n.sentence, "start": n.start, "end": n.end,
		"problem": sprintf("%d-%d", [a, b]),
		"message": sprintf("gives the %s as %s, but line %d gives %s", [n.quantity, n.text, lib.line(o.sentence), o.text]),
	}
}
