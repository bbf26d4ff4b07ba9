package credcheck.consistency_rules.contradiction["summary-misquote_test"]

import data.credcheck.consistency_rules.contradiction["summary-misquote"] as rule
import data.credcheck.consistency_testing as t

matched := "\"an issue that could result in a loss of propulsion while driving\""

test_fires_on_a_word_the_quotation_lacks if {
	q := t.quote("\"an issue that could result in a loss of steering while driving\"", 6, matched, 5, ["steering"], {})
	r := rule.report with input as t.input_of([t.claim(0, {"quotes": [q]})], [])
	r == {{"claim": 0, "message": "The summary quotes \"an issue that could result in a loss of steering while driving\", but the article's quotation has no steering."}}
}

test_fires_on_a_negation_added_inside_the_quotation if {
	q := t.quote("\"could not result in a loss of propulsion\"", 4, matched, 4, [], {"negated": true})
	r := rule.report with input as t.input_of([t.claim(0, {"quotes": [q]})], [])
	r == {{"claim": 0, "message": "The summary quotes \"could not result in a loss of propulsion\" with a negation the article's quotation does not make."}}
}

test_fires_on_a_negation_dropped_from_the_quotation if {
	q := t.quote("\"we got the pricing right\"", 3, "\"we did not get the pricing right\"", 3, [], {"matched_negated": true, "keeps_negated": true})
	r := rule.report with input as t.input_of([t.claim(0, {"quotes": [q]})], [])
	r == {{"claim": 0, "message": "The summary quotes \"we got the pricing right\" without the negation the article's quotation makes."}}
}

test_quiet_on_part_of_the_quotation if {
	q := t.quote("\"a loss of propulsion\"", 2, matched, 2, [], {})
	r := rule.report with input as t.input_of([t.claim(0, {"quotes": [q]})], [])
	count(r) == 0
}

test_quiet_when_the_summary_quotes_words_the_article_does_not_quote if {
	# Two shared words of five: not recognisably the same passage, so the
	# summary's quotation is judged by the other rules, not as a misquote.
	q := t.quote("\"did not get the balance right\"", 3, "\"had the balance right\"", 2, ["get"], {"negated": true})
	r := rule.report with input as t.input_of([t.claim(0, {"quotes": [q]})], [])
	count(r) == 0
}

test_quiet_when_the_negation_governs_words_the_summary_leaves_out if {
	q := t.quote("\"prices rose for delivery orders\"", 4, "\"prices rose for delivery, not carry-out, orders\"", 4, [], {"matched_negated": true})
	r := rule.report with input as t.input_of([t.claim(0, {"quotes": [q]})], [])
	count(r) == 0
}
