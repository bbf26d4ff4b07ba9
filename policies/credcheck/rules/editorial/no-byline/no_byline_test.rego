package credcheck.rules.editorial["no-byline_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.editorial["no-byline"] as rule

test_fires_on_a_page_without_a_byline if {
	r := rule.report with input as t.paged([t.sentence(0, "headline"), t.sentence(1, "lede")], {"byline": ""})
	[f.sentence | some f in r] == [0]
}

test_fires_naming_the_hidden_author if {
	r := rule.report with input as t.paged([t.sentence(0, "lede")], {"byline": "", "declared_authors": ["Jane Roe"]})
	[f.message | some f in r] == ["the page shows no byline; only its structured data names Jane Roe, which readers do not see"]
}

test_quiet_with_a_byline if {
	r := rule.report with input as t.paged([t.sentence(0, "lede")], {"byline": "Jane Roe"})
	count(r) == 0
}

test_quiet_without_page_evidence if {
	r := rule.report with input as t.doc([t.sentence(0, "lede")], {})
	count(r) == 0
}
