# METADATA
# title: Negation the article does not make
# description: |
#   The summary negates words ("not guilty", "did not approve") that the
#   article uses but never negates. A negation added to a paraphrase turns
#   the article's statement into its denial.
# custom:
#   category: contradiction
#   severity: error
#   weight: 0
#   why: An inserted "not" reverses the article while keeping nearly all of its words, so it reads as a faithful summary.
#   examples:
#     fires: 'Article: "The council approved the plan." Summary: "The council did not approve the plan."'
#     quiet: 'Article: "The council did not approve the plan." Summary: "The council has not approved the plan."'
package credcheck.consistency_rules.contradiction["summary-negation-added"]

report contains finding if {
	some c in input.claims
	some n in c.negations
	n.article_has
	not n.article_negates
	finding := {
		"claim": c.index,
		"message": sprintf("The summary says \"%s\", but the article never negates %s.", [n.phrase, n.words[0]]),
	}
}
