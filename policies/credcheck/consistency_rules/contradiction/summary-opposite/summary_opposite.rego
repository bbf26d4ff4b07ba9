# METADATA
# title: Word the opposite of the article's
# description: |
#   The summary uses a word whose opposite the article uses instead
#   ("sold" where the article says "bought", "fell" for "rose"; pairs in
#   data.credcheck.consistency.opposites): either its own sentence in the
#   article has the opposite and not the word, or the article has the
#   opposite and nowhere the word.
# custom:
#   category: contradiction
#   severity: error
#   weight: 0
#   why: Swapping a word for its opposite reverses the article's meaning in a single word.
#   examples:
#     fires: 'Article: "The bank will buy bonds." Summary: "The bank will sell bonds."'
#     quiet: 'Article: "The bank will buy bonds and sell shares." Summary: "The bank will sell shares."'
package credcheck.consistency_rules.contradiction["summary-opposite"]

report contains finding if {
	some c in input.claims
	some w in c.words
	some o in w.opposites
	reversed(w, o)
	finding := {
		"claim": c.index,
		"message": sprintf("The summary says %s where the article has its opposite (%s).", [w.text, o.word]),
	}
}

reversed(w, o) if {
	not w.in_source
	o.in_source
}

reversed(w, _) if not w.in_article
