package credcheck.rules.sourcing["primary-link_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.sourcing["primary-link"] as rule

sentences := [
	object.union(t.sentence(0, "headline"), {"text": "Inspection report finds cracks"}),
	object.union(t.sentence(1, "lede"), {"text": "The inspection report published in April found cracks in the spillway."}),
	object.union(t.sentence(2, "body"), {"text": "A study in the Journal of Dam Engineering measured them."}),
]

link(text, host, own, primary) := {"text": text, "url": sprintf("https://%s/x", [host]), "host": host, "own_site": own, "primary": primary}

report := link("inspection report", "www.gov.uk", false, "government")

study := link("Journal of Dam Engineering", "doi.org", false, "journal")

test_fires_on_the_sentence_holding_the_link if {
	r := rule.report with input as t.paged(sentences, {"links": [report]})
	[[f.sentence, f.cue] | some f in r] == [[1, "inspection report"]]
}

test_fires_once_per_sentence if {
	r := rule.report with input as t.paged(sentences, {"links": [report, link("published in April", "www.gov.uk", false, "government"), study]})
	sort([[f.sentence, f.cue] | some f in r]) == [[1, "inspection report"], [2, "Journal of Dam Engineering"]]
}

test_quiet_on_a_link_that_is_not_a_primary_source if {
	r := rule.report with input as t.paged(sentences, {"links": [link("inspection report", "news.example", false, "")]})
	count(r) == 0
}

test_quiet_on_the_own_site if {
	r := rule.report with input as t.paged(sentences, {"links": [link("inspection report", "www.gov.uk", true, "government")]})
	count(r) == 0
}

test_quiet_when_no_prose_sentence_holds_the_anchor if {
	r := rule.report with input as t.paged(sentences, {"links": [link("Inspection report finds", "www.gov.uk", false, "government")]})
	count(r) == 0
}

test_quiet_on_a_short_anchor if {
	r := rule.report with input as t.paged(sentences, {"links": [link("in", "www.gov.uk", false, "government")]})
	count(r) == 0
}

test_quiet_without_page_evidence if {
	r := rule.report with input as t.doc(sentences, {})
	count(r) == 0
}
