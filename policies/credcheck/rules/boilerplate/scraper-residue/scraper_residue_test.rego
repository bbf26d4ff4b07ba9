package credcheck.rules.boilerplate["scraper-residue_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.boilerplate["scraper-residue"] as rule

test_fires_on_each_residue_line if {
	m1 := object.union(t.match(0, "spot_img", "", -1), {"text": "spot_img"})
	m2 := object.union(t.match(1, "subscribe", "", -1), {"text": "Subscribe"})
	r := rule.report with input as t.doc([t.sentence(0, "body"), t.sentence(1, "heading")], {"boilerplate_lines": [m1, m2]})
	{f.sentence | some f in r} == {0, 1}
}

test_quiet_without_residue if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {})
	count(r) == 0
}

test_quiet_on_residue_inside_a_longer_residue_line if {
	line := object.union(t.match(0, "- Advertisement -spot_img", "", -1), {"start": 0, "end": 25})
	part := object.union(t.match(0, "spot_img", "", -1), {"start": 17, "end": 25})
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"boilerplate_lines": [line, part]})
	[f.start | some f in r] == [0]
}
