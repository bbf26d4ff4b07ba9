package credcheck.rules.editorial["byline-mismatch_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.editorial["byline-mismatch"] as rule

test_fires_when_the_metadata_names_someone_else if {
	r := rule.report with input as t.paged([t.sentence(0, "headline"), t.sentence(1, "byline")], {"byline": "Jane Roe, City Desk", "declared_authors": ["Tom Vale"]})
	[[f.sentence, f.cue] | some f in r] == [[1, "Tom Vale"]]
}

test_quiet_on_an_initial if {
	r := rule.report with input as t.paged([t.sentence(0, "lede")], {"byline": "J. Roe", "declared_authors": ["Jane Roe"]})
	count(r) == 0
}

test_quiet_on_an_outlet_as_author if {
	r := rule.report with input as t.paged([t.sentence(0, "lede")], {"byline": "Jane Roe", "declared_authors": ["Gazette"]})
	count(r) == 0
}

test_quiet_without_a_byline if {
	r := rule.report with input as t.paged([t.sentence(0, "lede")], {"byline": "", "declared_authors": ["Tom Vale"]})
	count(r) == 0
}
