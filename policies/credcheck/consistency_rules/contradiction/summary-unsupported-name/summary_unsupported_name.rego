# METADATA
# title: Name the article does not mention
# description: |
#   The summary names a person, place or organisation (a capitalised name
#   inside a sentence) that the article mentions nowhere: not as a whole,
#   not word by word, not by its initials ("UK" for "United Kingdom").
#   A name that opens its sentence is left alone, as its capital proves
#   nothing. A swapped name puts the story in another place or on another
#   party.
# custom:
#   category: contradiction
#   severity: error
#   weight: 0
#   why: Putting an event in the wrong country or on the wrong company is a factual error a reader of the summary cannot see.
#   examples:
#     fires: 'Article: "… protest outside the Russian embassy in London." Summary: "… outside the Russian embassy in Paris."'
#     quiet: 'Article: "… the United Kingdom said." Summary: "… the UK said."'
package credcheck.consistency_rules.contradiction["summary-unsupported-name"]

report contains finding if {
	some c in input.claims
	some n in c.names
	not n.supported
	not n.initial
	finding := {
		"claim": c.index,
		"message": sprintf("The summary names %s, which the article does not mention.", [n.text]),
	}
}
