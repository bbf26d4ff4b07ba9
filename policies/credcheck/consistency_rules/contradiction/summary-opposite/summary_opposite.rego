# METADATA
# title: Word the opposite of the article's
# description: |
#   The summary uses a word whose opposite the article sentence it rests
#   on uses instead ("sold" where the article says "bought", "fell" for
#   "rose", "crewed" for "uncrewed"; pairs in
#   data.credcheck.consistency.opposites, and any word against itself with
#   "un-" or "non-"). Only the sentence the summary rests on counts: an
#   article may say that profits fell and prices rose, and a summary that
#   says prices rose has not reversed it.
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
	not w.in_source
	some o in w.opposites
	o.in_source
	finding := {
		"claim": c.index,
		"message": sprintf("The summary says %s where the article has its opposite (%s).", [w.text, o.word]),
	}
}
