package credcheck.rules.editorial.promotion_test

import data.credcheck.lib.testing as t
import data.credcheck.rules.editorial.promotion as rule

test_fires_on_a_sales_pitch if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"promotion_cues": [t.match(0, "order now", "sale", 0)]})
	{f.cue | some f in r} == {"sale"}
}

test_fires_on_a_donation_ask if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"promotion_cues": [t.match(0, "donate today", "donation", 0)]})
	{f.cue | some f in r} == {"donation"}
}

test_quiet_on_a_residue_line if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {
		"promotion_cues": [t.match(0, "click here to download", "sale", 0)],
		"boilerplate_lines": [t.match(0, "click here", "", -1)],
	})
	count(r) == 0
}

test_quiet_inside_a_quote if {
	m := object.union(t.match(0, "donate today", "donation", 0), {"quoted": true})
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"promotion_cues": [m]})
	count(r) == 0
}
