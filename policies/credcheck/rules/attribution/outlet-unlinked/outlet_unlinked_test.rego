package credcheck.rules.attribution["outlet-unlinked_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.attribution["outlet-unlinked"] as rule

ledger := object.union(t.match(0, "The Ledger", "", 2), {"text": "The Ledger", "last_token": 3})

sentence := object.union(t.sentence(0, "body"), {
	"tokens": ["according", "to", "the", "ledger", "the", "deal", "is", "done"],
	"text": "According to The Ledger, the deal is done.",
})

page(links) := object.union(t.paged([sentence], {"links": links}), {"matches": {"news_outlets": [ledger]}})

link(text, host, own) := {"text": text, "url": sprintf("https://%s/x", [host]), "host": host, "own_site": own, "primary": ""}

test_fires_without_a_link_to_the_outlet if {
	r := rule.report with input as page([link("council papers", "city.example", false)])
	[[f.sentence, f.cue] | some f in r] == [[0, "The Ledger"]]
}

test_fires_when_only_the_own_site_names_it if {
	r := rule.report with input as page([link("The Ledger", "gazette.example", true)])
	count(r) == 1
}

test_quiet_when_the_host_is_the_outlet if {
	r := rule.report with input as page([link("a report", "www.ledger.example", false)])
	count(r) == 0
}

test_quiet_when_the_anchor_names_the_outlet if {
	r := rule.report with input as page([link("The Ledger's report", "news.example", false)])
	count(r) == 0
}

test_quiet_when_the_links_are_unknown if {
	d := page([])
	r := rule.report with input as object.union(object.remove(d, ["page"]), {"page": object.remove(d.page, ["links"])})
	count(r) == 0
}

test_quiet_without_page_evidence if {
	r := rule.report with input as t.doc([sentence], {"news_outlets": [ledger]})
	count(r) == 0
}
