# METADATA
# title: The story rests on one upstream report
# description: |
#   At least two articles of a story, and at least half of them, credit the
#   same news outlet or report ("according to a report by…", "as <outlet>
#   reported"). However many articles repeat it, that is one source: the
#   repetition is not corroboration. One finding per upstream source,
#   citing where each article credits it first.
# custom:
#   category: attribution
#   severity: warning
#   weight: 3
#   why: Five articles saying the same thing look like five confirmations; if all five took it from one report, the story has one source and is as good as that report.
#   examples:
#     fires: 'Three articles each say "according to a report by The Ledger" and name no source of their own.'
#     quiet: 'Three articles each quote their own named sources; one of them also mentions an earlier report.'
package credcheck.story_rules.attribution["story-single-upstream"]

import data.credcheck.story

report contains finding if {
	some k in story.upstream
	arts := story.crediting(k)
	count(arts) >= 2
	count(arts) * 2 >= count(input.articles)
	firsts := [[a, min({c.sentence | some c in input.credits; story.source_key(c) == k; c.article == a})] | some a in sort(arts)]
	finding := {
		"message": sprintf("%d of %d articles credit %s for the story: repeated, it is one upstream source, not corroboration.", [count(arts), count(input.articles), story.label(k)]),
		"cites": [{"article": x[0], "sentence": x[1]} | some x in firsts],
	}
}
