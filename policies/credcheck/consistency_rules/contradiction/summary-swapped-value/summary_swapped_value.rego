# METADATA
# title: One value swapped for another of its kind
# description: |
#   The summary names one member of a closed set of exclusive values (a
#   weekday, a month, a colour, a direction, an ordinal, a count word, a
#   kind of killing; data.credcheck.consistency.contrasts) that the article
#   never uses, while the article uses another member of the same set; or
#   one that the article sentence it rests on replaces with another member:
#   "on Friday" for an article's "on Thursday".
# custom:
#   category: contradiction
#   severity: error
#   weight: 0
#   why: A swapped day, colour or count reads as plausibly as the right one, and only the article shows it is wrong.
#   examples:
#     fires: 'Article: "The vote is on Thursday." Summary: "The vote is on Friday."'
#     quiet: 'Article: "The vote moved from Thursday to Friday." Summary: "The vote is on Friday."'
package credcheck.consistency_rules.contradiction["summary-swapped-value"]

report contains finding if {
	some c in input.claims
	some w in c.words
	not w.in_article
	count(w.rivals) > 0
	written := sort({r.word | some r in w.rivals})
	finding := {
		"claim": c.index,
		"message": sprintf("The summary says %s, which the article never does; it has %s.", [w.text, concat(", ", written)]),
	}
}

report contains finding if {
	some c in input.claims
	some w in c.words
	w.in_article
	not w.in_source
	written := sort({r.word | some r in w.rivals; r.in_source})
	count(written) > 0
	finding := {
		"claim": c.index,
		"message": sprintf("The summary says %s where the article sentence it rests on has %s.", [w.text, concat(", ", written)]),
	}
}
