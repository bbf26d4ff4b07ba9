# METADATA
# title: One on-record confirmation in the whole story
# description: |
#   Of three or more articles telling one story, only one puts a party to
#   the story on record — a named person whose title ties them to a party
#   ("Joe Roe, chairman of Harbor"), confirming or speaking in a direct
#   quote — and every other article gives no such confirmation. The story
#   stands on that one statement; the rest is second-hand. A party is a
#   name that at least half the articles mention.
# custom:
#   category: attribution
#   severity: info
#   weight: 1
#   why: Readers who see a story everywhere assume it has been confirmed many times; knowing it rests on one on-record statement, in one article, tells them how much weight it bears.
#   examples:
#     fires: 'Of three articles on a deal, only one quotes "Joe Roe, chairman of Harbor", confirming it; the other two cite a report.'
#     quiet: 'Each of three articles quotes its own party to the deal on record.'
package credcheck.story_rules.attribution["story-sole-confirmation"]

import data.credcheck.story

report contains finding if {
	count(input.articles) >= 3
	count(story.confirmers) == 1
	arts := {c.article | some c in story.confirmations}
	count(arts) == 1
	some a in arts
	cs := sort([[c.sentence, story.describe(c)] | some c in story.confirmations])
	finding := {
		"message": sprintf("The only on-record confirmation in the %d articles is %s, in article %d; the other %d articles give none.", [count(input.articles), cs[0][1], a + 1, count(input.articles) - 1]),
		"cites": [{"article": a, "sentence": x[0]} | some x in cs],
	}
}
