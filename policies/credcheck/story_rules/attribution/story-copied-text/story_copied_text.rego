# METADATA
# title: Sentences copied between articles
# description: |
#   Sentences of one article repeat sentences of another nearly word for
#   word: most of the shorter sentence's four-word runs (params.containment)
#   and at least params.shared of them recur. Rewrites of one wire story or
#   press release travel this way (churnalism). One finding per pair of
#   articles, citing each copied pair, with which article was published
#   first when both are dated. Direct quotes are left out: two outlets may
#   quote one speaker alike.
# custom:
#   category: attribution
#   severity: warning
#   weight: 2
#   params:
#     containment: 0.6
#     shared: 6
#   why: Copied sentences make one account look like several and carry its errors along with its words.
#   examples:
#     fires: 'Two articles share the sentence "Harbor Lines will add four routes to the northern ports before the winter schedule starts".'
#     quiet: 'Two articles report the same routes in their own words.'
package credcheck.story_rules.attribution["story-copied-text"]

import data.credcheck.lib

params := lib.params(rego.metadata.chain())

copied := [c |
	some c in input.copies
	c.containment >= params.containment
	c.shared >= params.shared
]

pairs contains [c.places[0].article, c.places[1].article] if some c in copied

first(pair) := sprintf("article %d was published first (%s)", [pair[0] + 1, a.date]) if {
	a := input.articles[pair[0]]
	b := input.articles[pair[1]]
	a.date != ""
	b.date != ""
	a.date < b.date
}

first(pair) := sprintf("article %d was published first (%s)", [pair[1] + 1, b.date]) if {
	a := input.articles[pair[0]]
	b := input.articles[pair[1]]
	a.date != ""
	b.date != ""
	b.date < a.date
}

first(pair) := "which was published first is not known" if {
	a := input.articles[pair[0]]
	b := input.articles[pair[1]]
	not a.date < b.date
	not b.date < a.date
}

report contains finding if {
	some pair in pairs
	cs := [c | some c in copied; [c.places[0].article, c.places[1].article] == pair]
	finding := {
		"message": sprintf("Articles %d and %d share %d sentence(s) nearly word for word; %s.", [pair[0] + 1, pair[1] + 1, count(cs), first(pair)]),
		"cites": [{"article": p.article, "sentence": p.sentence} | some c in cs; some p in c.places],
	}
}
