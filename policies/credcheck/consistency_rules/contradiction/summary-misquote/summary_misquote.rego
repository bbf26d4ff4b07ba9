# METADATA
# title: Quotation the article quotes differently
# description: |
#   The summary quotes a passage the article also quotes (at least
#   min_shared of the summary quotation's content words, and at least half
#   of them, are in one quotation of the article), but puts words in it
#   that the article's quotation does not have, or negates it where the
#   article's quotation does not, or drops a negation the article's
#   quotation makes. A summary may quote part of a passage; it may not
#   change the words inside the quotation marks.
# custom:
#   category: contradiction
#   severity: error
#   weight: 0
#   why: Quotation marks promise the speaker's own words, so a changed word inside them misreports the speaker while looking verbatim.
#   examples:
#     fires: 'Article: "… an issue that \"could result in a loss of propulsion\"." Summary: "… an issue that \"could result in a loss of steering\"."'
#     quiet: 'Article: "… an issue that \"could result in a loss of propulsion while driving\"." Summary: "… an issue that \"could result in a loss of propulsion\"."'
package credcheck.consistency_rules.contradiction["summary-misquote"]

# min_shared is how many content words a summary quotation must share with
# an article quotation to count as quoting the same passage: fewer, and a
# paraphrase the summary chose to put in quotation marks would be judged as
# a quotation of words the article never quoted.
min_shared := 3

same_passage(q) if {
	q.shared >= min_shared
	q.shared * 2 >= q.words
}

report contains finding if {
	some c in input.claims
	some q in c.quotes
	same_passage(q)
	count(q.missing) > 0
	finding := {
		"claim": c.index,
		"message": sprintf("The summary quotes %s, but the article's quotation has no %s.", [q.text, concat(", ", q.missing)]),
	}
}

report contains finding if {
	some c in input.claims
	some q in c.quotes
	same_passage(q)
	q.negated
	not q.matched_negated
	finding := {
		"claim": c.index,
		"message": sprintf("The summary quotes %s with a negation the article's quotation does not make.", [q.text]),
	}
}

report contains finding if {
	some c in input.claims
	some q in c.quotes
	same_passage(q)
	not q.negated
	q.matched_negated
	q.keeps_negated
	finding := {
		"claim": c.index,
		"message": sprintf("The summary quotes %s without the negation the article's quotation makes.", [q.text]),
	}
}
