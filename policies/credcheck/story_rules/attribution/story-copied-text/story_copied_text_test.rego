package credcheck.story_rules.attribution["story-copied-text_test"]

import data.credcheck.story.testing as t
import data.credcheck.story_rules.attribution["story-copied-text"] as rule

copy(a, s, b, z, shared, containment) := {
	"places": [{"article": a, "sentence": s, "line": s + 1}, {"article": b, "sentence": z, "line": z + 1}],
	"shared": shared, "jaccard": containment / 2, "containment": containment,
}

dated := [
	object.union(t.article(0, ["harbor"]), {"date": "2026-03-02"}),
	object.union(t.article(1, ["harbor"]), {"date": "2026-03-01"}),
]

test_fires_per_pair_of_articles_naming_who_was_first if {
	r := rule.report with input as t.story(dated, {"copies": [copy(0, 2, 1, 4, 9, 0.8), copy(0, 5, 1, 6, 7, 0.7)]})
	count(r) == 1
	some f in r
	f.cites == [{"article": 0, "sentence": 2}, {"article": 1, "sentence": 4}, {"article": 0, "sentence": 5}, {"article": 1, "sentence": 6}]
	contains(f.message, "share 2 sentence(s)")
	contains(f.message, "article 2 was published first (2026-03-01)")
}

test_quiet_on_shared_phrases if {
	r := rule.report with input as t.story(dated, {"copies": [copy(0, 2, 1, 4, 4, 0.3), copy(0, 5, 1, 6, 9, 0.4)]})
	count(r) == 0
}

test_says_when_order_is_unknown if {
	r := rule.report with input as t.story(t.three, {"copies": [copy(0, 2, 2, 4, 9, 0.9)]})
	some f in r
	contains(f.message, "not known")
}
