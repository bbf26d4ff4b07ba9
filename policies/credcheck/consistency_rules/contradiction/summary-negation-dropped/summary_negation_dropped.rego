# METADATA
# title: Negation the summary drops
# description: |
#   The article sentence a summary sentence rests on negates words ("was
#   not charged") that the summary uses without negating them. Dropping the
#   negation states what the article denies.
# custom:
#   category: contradiction
#   severity: error
#   weight: 0
#   why: A dropped "not" turns a denial into an assertion while keeping the article's words.
#   examples:
#     fires: 'Article: "The driver was not charged." Summary: "The driver was charged."'
#     quiet: 'Article: "The driver was not charged." Summary: "No charge was brought against the driver."'
package credcheck.consistency_rules.contradiction["summary-negation-dropped"]

report contains finding if {
	some c in input.claims
	some s in input.sources
	s.index == c.source
	s.last == c.source_last
	some n in s.negations
	n.claim_has
	not n.claim_negates
	finding := {
		"claim": c.index,
		"message": sprintf("The article says \"%s\", but the summary drops the negation.", [n.phrase]),
	}
}
