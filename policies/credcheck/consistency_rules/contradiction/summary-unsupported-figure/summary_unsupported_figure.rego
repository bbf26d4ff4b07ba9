# METADATA
# title: Figure the article does not give
# description: |
#   The summary gives a figure (a count, a sum, a share, a year) that the
#   article gives nowhere, in any unit. Figures agree when the more precise
#   rounds to the other ("1.52" against "1.5"). A summary may round or
#   restate, but a number it invents or changes is a claim the article
#   does not make.
# custom:
#   category: contradiction
#   severity: error
#   weight: 0
#   why: A changed figure is the commonest way a headline or post misreports its article, and the reader of the summary alone cannot tell.
#   examples:
#     fires: 'Article: "The ferry carried 214 passengers." Summary: "The ferry carried 241 passengers."'
#     quiet: 'Article: "The ferry carried 214 passengers." Summary: "The ferry, with 214 people aboard, …"'
package credcheck.consistency_rules.contradiction["summary-unsupported-figure"]

report contains finding if {
	some c in input.claims
	some n in c.numbers
	not n.supported
	not n.elsewhere
	finding := {
		"claim": c.index,
		"message": sprintf("The summary gives %s, a figure the article does not give.", [n.text]),
	}
}
