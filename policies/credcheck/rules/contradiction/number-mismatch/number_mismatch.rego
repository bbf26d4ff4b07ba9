# METADATA
# title: Two figures for one quantity
# description: |
#   Two sentences give different values, in the same unit, for what reads as
#   the same quantity: the figure names the same noun, right after it ("the
#   $2.4 billion deal") or through "worth", "of" or "valued at" ("a deal
#   worth $3.1 billion"). Approximate figures ("about",
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
#   why: When one story gives two values for the same figure at least one is wrong, and readers cannot tell which.
#   params:
#     tolerance: 0.02
#     nouns: [deal, acquisition, takeover, merger, stake, valuation, fine, penalty, settlement, budget, contract, investment, funding, loan, bid, offer, package, bill, price, purchase, sale, payout, bonus, fee, salary, award]
#   examples:
#     fires: 'The $2.4 billion deal closes in May. … Analysts welcomed the $3.1 billion deal.'
#     quiet: 'The deal was valued at $2.4 billion. … The $2.4 billion deal closes in May.'
package credcheck.rules.contradiction["number-mismatch"]

import data.credcheck.lib

params := lib.params(rego.metadata.chain())

# Figures that can be compared, with the quantity they measure.
figures contains [k, noun] if {
	some [k, noun] in anchored
	n := input.numbers[k]
	not n.quoted
	n.unit != ""
	not n.unit in {"year", "ordinal", "day", "decade"}
	not loose(n)
}

nouns := {x | some x in params.nouns}

# "$2.4 billion deal"
anchored contains [k, n.after[0]] if {
	some k, n in input.numbers
	n.after[0] in nouns
}

# "deal worth $2.4 billion", "a budget of $412 million"
anchored contains [k, noun] if {
	some k, n in input.numbers
	last := count(n.before) - 1
	n.before[last] in {"worth", "of"}
	noun := n.before[last - 1]
	noun in nouns
}

# "deal valued at $2.4 billion"
anchored contains [k, noun] if {
	some k, n in input.numbers
	last := count(n.before) - 1
	n.before[last] == "at"
	n.before[last - 1] in {"valued", "priced", "put", "set"}
	noun := n.before[last - 2]
	noun in nouns
}

loose(n) if {
	some m in input.matches.approximators
	m.sentence == n.sentence
	m.end <= n.start
	n.start - m.end <= 2
}

loose(n) if input.sentences[n.sentence].cues.update_cues

pairs contains [a, b, noun] if {
	some [a, noun] in figures
	some [b, other_noun] in figures
	other_noun == noun
	a < b
	x := input.numbers[a]
	y := input.numbers[b]
	x.sentence != y.sentence
	x.unit == y.unit
	abs(x.value - y.value) > params.tolerance * max([abs(x.value), abs(y.value)])
}

report contains finding if {
	some [a, b, noun] in pairs
	some [k, other] in [[a, b], [b, a]]
	n := input.numbers[k]
	o := input.numbers[other]
	finding := {
		"sentence": n.sentence, "start": n.start, "end": n.end, "cue": n.text,
		"problem": sprintf("%d-%d", [a, b]),
		"message": sprintf("gives the %s as %s, but line %d gives %s", [noun, n.text, lib.line(o.sentence), o.text]),
	}
}
