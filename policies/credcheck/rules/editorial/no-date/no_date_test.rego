package credcheck.rules.editorial["no-date_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.editorial["no-date"] as rule

test_fires_on_a_page_without_a_date if {
	r := rule.report with input as t.paged([t.sentence(0, "headline"), t.sentence(1, "lede")], {"published": ""})
	[f.sentence | some f in r] == [0]
}

test_quiet_with_only_a_modified_date if {
	r := rule.report with input as t.paged([t.sentence(0, "lede")], {"published": "", "modified": "2026-05-05"})
	count(r) == 0
}

test_quiet_with_a_date if {
	r := rule.report with input as t.paged([t.sentence(0, "lede")], {})
	count(r) == 0
}

test_quiet_without_page_evidence if {
	r := rule.report with input as t.doc([t.sentence(0, "lede")], {})
	count(r) == 0
}
