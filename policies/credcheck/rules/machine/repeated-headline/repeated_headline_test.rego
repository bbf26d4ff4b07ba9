package credcheck.rules.machine["repeated-headline_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.machine["repeated-headline"] as rule

title := ["apple", "picks", "alibaba"]

line(i, zone, tokens) := object.union(t.sentence(i, zone, {}), {"tokens": tokens})

test_fires_on_each_repeat if {
	d := object.union(t.doc([line(0, "headline", title), line(1, "heading", title), line(2, "heading", title)], {}), {"headline": 0})
	r := rule.report with input as d
	{f.sentence | some f in r} == {1, 2}
}

test_quiet_on_different_heading if {
	d := object.union(t.doc([line(0, "headline", title), line(1, "heading", ["apple", "picks", "alibaba", "for", "china"])], {}), {"headline": 0})
	r := rule.report with input as d
	count(r) == 0
}

test_quiet_without_headline if {
	r := rule.report with input as t.doc([line(0, "body", title), line(1, "body", title)], {})
	count(r) == 0
}
