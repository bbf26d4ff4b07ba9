package credcheck.rules.editorial["opinion-unlabelled_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.editorial["opinion-unlabelled"] as rule

opinionated(fields) := object.union(
	t.paged([t.sentence(0, "headline"), t.sentence(1, "lede"), t.sentence(2, "body")], fields),
	{"paragraphs": [], "matches": {"opinion_cues": [t.match(1, "i believe that", "opinion", 0), t.match(2, "we must act", "exhortation", 0)]}},
)

test_fires_on_first_person_opinion_without_a_label if {
	r := rule.report with input as opinionated({})
	[f.message | some f in r] == ["the writer gives their own view 2 times, but the page shows no opinion label"]
}

test_fires_when_the_metadata_says_opinion if {
	r := rule.report with input as t.paged([t.sentence(0, "lede")], {"opinion": true})
	[f.message | some f in r] == ["the page's metadata files it as opinion, but the page shows no opinion label"]
}

test_quiet_with_an_opinion_label if {
	r := rule.report with input as opinionated({"labels": [{"text": "Opinion", "group": "opinion"}], "opinion": true})
	count(r) == 0
}

test_quiet_on_one_view if {
	d := opinionated({})
	r := rule.report with input as object.union(d, {"matches": {"opinion_cues": [d.matches.opinion_cues[0]]}})
	count(r) == 0
}

test_quiet_without_page_evidence if {
	d := opinionated({})
	r := rule.report with input as object.remove(d, ["page"])
	count(r) == 0
}
