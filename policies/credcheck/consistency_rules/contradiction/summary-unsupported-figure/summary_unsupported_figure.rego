# METADATA
# title: Figure the article does not give
# description: |
#   The summary gives a figure (a count, a sum, a share, a year) that the
#   article gives nowhere, in any unit; or one that the article sentence
#   it rests on does not give while giving another value in the same unit
#   ("30 years" where that sentence says "35 years", though a 30 appears
#   elsewhere). A summary's figure agrees with the article's when the
#   article's rounds to it ("1.5" for the article's "1.52"), not when it
#   adds digits ("0.503" for "0.5"). A summary may round or restate, but a
#   number it invents or changes is a claim the article does not make.
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

report contains finding if {
	some c in input.claims
	some n in c.numbers
	given(n)
	not n.in_source
	count(n.others) > 0
	finding := {
		"claim": c.index,
		"message": sprintf("The summary gives %s where the article sentence it rests on gives %s.", [n.text, concat(", ", [sprintf("%v", [v]) | some v in n.others])]),
	}
}

given(n) if n.supported

given(n) if n.elsewhere
