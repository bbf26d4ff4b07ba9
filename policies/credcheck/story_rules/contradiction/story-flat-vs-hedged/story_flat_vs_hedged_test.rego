package credcheck.story_rules.contradiction["story-flat-vs-hedged_test"]

import data.credcheck.story.testing as t
import data.credcheck.story_rules.contradiction["story-flat-vs-hedged"] as rule

names := {"harbor": "Harbor", "norden": "Norden"}

test_fires_on_flat_against_hearsay if {
	r := rule.report with input as t.story(t.three, {"names": names, "claims": [
		t.claim(0, 2, "acquisition", ["harbor", "norden"], "flat", ""),
		t.claim(1, 3, "acquisition", ["harbor lines", "norden"], "hedged", "reportedly"),
	]})
	count(r) == 1
	some f in r
	f.cites == [{"article": 0, "sentence": 2}, {"article": 1, "sentence": 3}]
	f.message == `Article 1 states the acquisition of Harbor and Norden as fact, crediting no one; article(s) 2 pass it on only as hearsay ("reportedly").`
}

test_quiet_when_all_agree if {
	r := rule.report with input as t.story(t.three, {"claims": [
		t.claim(0, 2, "acquisition", ["harbor", "norden"], "flat", ""),
		t.claim(1, 3, "acquisition", ["harbor", "norden"], "flat", ""),
		t.claim(2, 1, "acquisition", ["harbor", "norden"], "hedged", "reportedly"),
		t.claim(2, 4, "acquisition", ["harbor", "norden"], "hedged", "reportedly"),
	]})

	# Articles 1 and 2 state it flat where article 3 hedges: two findings,
	# one per flat article; with no hedged article, none.
	count(r) == 2
	quiet := rule.report with input as t.story(t.three, {"claims": [
		t.claim(0, 2, "acquisition", ["harbor", "norden"], "flat", ""),
		t.claim(1, 3, "acquisition", ["harbor", "norden"], "flat", ""),
	]})
	count(quiet) == 0
}

test_quiet_on_another_deal_or_other_parties if {
	r := rule.report with input as t.story(t.three, {"claims": [
		t.claim(0, 2, "acquisition", ["harbor", "norden"], "flat", ""),
		t.claim(1, 3, "partnership", ["harbor", "norden"], "hedged", "reportedly"),
		t.claim(2, 3, "acquisition", ["harbor", "veldt"], "hedged", "reportedly"),
	]})
	count(r) == 0
}

test_quiet_within_one_article if {
	r := rule.report with input as t.story(t.three, {"claims": [
		t.claim(0, 2, "acquisition", ["harbor", "norden"], "flat", ""),
		t.claim(0, 5, "acquisition", ["harbor", "norden"], "hedged", "reportedly"),
	]})
	count(r) == 0
}
