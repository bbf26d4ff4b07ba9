# METADATA
# title: Figures disagree across the story
# description: |
#   Two articles of one story give different values for the same quantity:
#   the same entity and the same measure ("Harbor's shares", "Harbor's
#   revenue"), in the same unit. Figures loosened by an approximator are
#   compared as ranges: "nearly 1.2%" runs up to 1.2, "more than 40%" from
#   40, "about 3%" within a tenth either way; exact figures agree when the
#   more precise rounds to the other. Opposite directions of change for one
#   quantity ("rose" and "fell") disagree too. One finding per quantity,
#   citing every article that gives it.
# custom:
#   category: contradiction
#   severity: warning
#   weight: 4
#   why: When the articles of one story cannot agree on a figure, at least one of them is wrong, and a reader of only one cannot know.
#   examples:
#     fires: 'One article: "Harbor''s shares rose 2.5%". Another: "Harbor''s shares rose nearly 1.8%".'
#     quiet: 'One article: "Harbor''s shares rose 2.5%". Another: "Harbor''s shares rose about 2.4%".'
package credcheck.story_rules.contradiction["story-figure-conflict"]

import data.credcheck.story

# Quantities with figures in more than one article.
quantities contains [f.entity, f.measure, f.unit] if {
	some f in input.figures
	some g in input.figures
	g.article != f.article
	[g.entity, g.measure, g.unit] == [f.entity, f.measure, f.unit]
}

figures_of(q) := [f | some f in input.figures; [f.entity, f.measure, f.unit] == q]

conflicting(q) if {
	some f in figures_of(q)
	some g in figures_of(q)
	f.article < g.article
	disagree(f, g)
}

disagree(f, g) if {
	not overlap(range(f), range(g))
}

disagree(f, g) if {
	f.direction != ""
	g.direction != ""
	f.direction != g.direction
}

overlap(a, b) if {
	a[0] <= b[1]
	b[0] <= a[1]
}

# The values a figure allows, as [low, high]. An exact figure allows what
# rounds to it at its precision.
range(f) := [f.value - h, f.value + h] if {
	f.approx == ""
	h := half_unit[min({f.decimals, 4})]
}

half_unit := [0.5, 0.05, 0.005, 0.0005, 0.00005]

range(f) := [f.value * 0.9, f.value] if f.approx in {"nearly", "almost", "close to"}

range(f) := [f.value, f.value * 1000] if f.approx in {"more than", "over", "at least"}

range(f) := [0, f.value] if f.approx in {"less than", "under", "up to", "fewer than"}

range(f) := [f.value * 0.9, f.value * 1.1] if f.approx in {"about", "around", "roughly", "approximately", "some"}

written(f) := concat(" ", [f.approx, f.text]) if f.approx != ""

written(f) := f.text if f.approx == ""

report contains finding if {
	some q in quantities
	conflicting(q)
	fs := sort([[f.article, f.sentence, f] | some f in figures_of(q)])
	values := [sprintf("%s in article %d", [written(x[2]), x[0] + 1]) | some x in fs]
	finding := {
		"message": sprintf("The articles disagree on %s's %s: %s.", [story.name(q[0]), q[1], concat(", ", values)]),
		"cites": [{"article": x[0], "sentence": x[1]} | some x in fs],
	}
}
