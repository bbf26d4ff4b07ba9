# METADATA
# title: One figure given to different measures
# description: |
#   Two articles of one story give the same entity the same figure, moving
#   the same way, but for measures of different kinds: an 8% fall in
#   Harbor's revenue in one article is an 8% fall in Harbor's unit sales in
#   another. Only exact figures with a direction of change are compared,
#   and not when any one article gives both measures (then both may hold).
#   One finding per entity and figure, citing every article that gives it.
# custom:
#   category: contradiction
#   severity: warning
#   weight: 3
#   why: Revenue, sales, profit and shares are different things; when one number is pinned to two of them, at least one article has carried the figure over to the wrong measure.
#   examples:
#     fires: 'One article: "Harbor''s revenue fell 8%". Another: "Harbor''s sales fell 8%".'
#     quiet: 'One article: "Harbor''s revenue fell 8% and its sales fell 8%". Another: "Harbor''s sales fell 8%".'
package credcheck.story_rules.contradiction["story-measure-swap"]

import data.credcheck.story

# Figures that can be compared: exact, with a direction of change.
plain := [f |
	some f in input.figures
	f.approx == ""
	f.direction != ""
]

# A figure of one entity, moving one way, given to two kinds of measure
# in two articles.
swaps contains [f.entity, f.unit, f.value, f.direction] if {
	some f in plain
	some g in plain
	f.article != g.article
	[f.entity, f.unit, f.value, f.direction] == [g.entity, g.unit, g.value, g.direction]
	f.base != g.base
	not both_in_one_article(f.entity, f.base, g.base)
}

both_in_one_article(entity, a, b) if {
	some x in input.figures
	some y in input.figures
	x.article == y.article
	[x.entity, x.base] == [entity, a]
	[y.entity, y.base] == [entity, b]
}

moving := {"up": "rise", "down": "fall"}

report contains finding if {
	some s in swaps
	fs := sort([[f.article, f.sentence, f] | some f in plain; [f.entity, f.unit, f.value, f.direction] == s])
	given := [sprintf("%s in article %d", [x[2].measure, x[0] + 1]) | some x in fs]
	finding := {
		"message": sprintf("The articles give %s's %s %s to different measures: %s; at least one has the figure on the wrong measure.", [story.name(s[0]), fs[0][2].text, moving[s[3]], concat(", ", given)]),
		"cites": [{"article": x[0], "sentence": x[1]} | some x in fs],
	}
}
