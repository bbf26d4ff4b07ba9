# METADATA
# title: Primary source linked
# description: |
#   A sentence of the article links to a primary source: a page of a
#   government body, court, legislature, filings register, journal (a DOI)
#   or statistics office, as the primary_hosts lexicon knows their hosts.
#   The reader can follow the claim to the record it rests on, not only
#   read that it exists. One credit per sentence, at the first sentence
#   that holds the link's anchor text; links on the page's own site earn
#   nothing. Read from the page's body links (input.page.links): the rule
#   fires only on a web page, on a Markdown article whose front matter
#   carries a page block (its body's links stand for the page's unless the
#   block lists them), or on a record whose page block lists its links.
# related_resources:
#   - ref: https://thetrustproject.org/trust-indicators/
#     description: The Trust Project — citations and references
#   - ref: https://www.spj.org/ethicscode.asp
#     description: SPJ Code of Ethics — seek out original sources
# custom:
#   category: sourcing
#   severity: info
#   weight: 2
#   input: [page, sentences]
#   why: A link to the ruling, the filing, the paper or the official data lets the reader check the claim at its source.
#   examples:
#     fires: A page whose sentence "the inspection report found cracks" links "inspection report" to www.gov.uk.
#     quiet: The same sentence with "inspection report" linked to another page of the outlet's own site.
package credcheck.rules.sourcing["primary-link"]

import data.credcheck.lib
import data.credcheck.lib.page

# Anchor texts of the off-site links to primary sources, by the first prose
# sentence that holds them. An anchor shorter than three characters would
# be found in almost any sentence, so it places nothing.
linked[i] contains text if {
	some l in input.page.links
	l.primary != ""
	not l.own_site
	text := trim_space(l.text)
	count(text) >= 3
	i := min({k |
		some k, s in input.sentences
		s.zone in lib.prose_zones
		contains(lower(s.text), lower(text))
	})
}

report contains finding if {
	some i, texts in linked
	cue := min(texts)
	finding := object.union(page.at(i), {
		"cue": cue,
		"message": sprintf("links to a primary source: %q", [cue]),
	})
}
