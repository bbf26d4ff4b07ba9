# METADATA
# title: Credited outlet not linked
# description: |
#   A claim is credited to another outlet ("according to The Ledger",
#   "Reuters reported"; the credits attribution/secondhand-report finds)
#   and the page does not link to that outlet's report: no body link off
#   the site whose anchor text names the outlet, whose host carries its
#   name, or whose anchor text stands in the crediting sentence. One
#   finding per outlet, on its first credit. Read from the page's body
#   links (input.page.links): the rule fires only on a web page, on a
#   Markdown article whose front matter carries a page block (its body's
#   links stand for the page's unless the block lists them), or on a
#   record whose page block lists its links.
# related_resources:
#   - ref: https://www.poynter.org/reporting-editing/2010/ap-tells-staff-to-credit-other-news-orgs/
#     description: AP crediting policy (2010) — credit other news organisations for what they report first
#   - ref: https://thetrustproject.org/trust-indicators/
#     description: The Trust Project — citations and references
# custom:
#   category: attribution
#   severity: warning
#   weight: 2
#   input: [article, entities, matches, page, sentences]
#   why: A link to the report a claim rests on lets the reader check what the other outlet actually said.
#   examples:
#     fires: A page saying "the deal is done, according to The Ledger" with no link to The Ledger.
#     quiet: The same sentence with "The Ledger" linked to ledger.example.
package credcheck.rules.attribution["outlet-unlinked"]

import data.credcheck.lib
import data.credcheck.rules.attribution["secondhand-report"] as secondhand

credited contains o if {
	input.page.links
	some o in secondhand.outlets
	not secondhand.own_outlet(o)
	not lower(o.text) == lower(input.page.publisher)
	secondhand.credits_outlet(o)
	input.sentences[o.sentence].zone in lib.prose_zones
}

report contains finding if {
	some name in {key(o.text) | some o in credited}
	not linked(name)
	first := min({[o.start, o.end, o.sentence, o.text] | some o in credited; key(o.text) == name})
	finding := {
		"sentence": first[2], "start": first[0], "end": first[1], "cue": first[3],
		"message": sprintf("the claim is credited to %s, but the page does not link to its report", [first[3]]),
	}
}

# The outlet's name folded, without "The" and anything but letters and
# digits: "The Ledger" and "the Ledger" are one outlet, ledger.example its
# site.
key(text) := regex.replace(lower(trim_prefix(trim_prefix(text, "The "), "the ")), `[^\p{L}\p{N}]`, "")

linked(name) if {
	some l in offsite
	contains(key(l.text), name)
}

linked(name) if {
	some l in offsite
	count(name) >= 3
	contains(regex.replace(l.host, `[^\p{L}\p{N}]`, ""), name)
}

linked(name) if {
	some o in credited
	key(o.text) == name
	some l in offsite
	contains(input.sentences[o.sentence].text, l.text)
}

offsite contains l if {
	some l in input.page.links
	not l.own_site
	l.host != ""
}
