# METADATA
# title: Sponsored content not labelled
# description: |
#   The page's markup says the article is paid for (a schema.org
#   AdvertiserContentArticle, a sponsor in its structured data, a section
#   of the sponsored group, or body links marked rel="sponsored", which
#   search engines ask paid links to carry), but the reader is shown no
#   label of the sponsored group of the page_labels lexicon ("Sponsored",
#   "Paid content", "In partnership with …"). Read from the page
#   (input.page): the rule fires only on a web page or on an article whose
#   front matter or record carries a page block with "sponsored: true".
# related_resources:
#   - ref: https://www.ftc.gov/business-guidance/resources/native-advertising-guide-businesses
#     description: FTC — Native advertising, a guide for businesses (disclose paid content clearly and prominently)
#   - ref: https://developers.google.com/search/docs/crawling-indexing/qualify-outbound-links
#     description: Google Search Central — rel="sponsored" for paid links
# custom:
#   category: editorial
#   severity: error
#   weight: 6
#   input: [headline, page, sentences]
#   why: Advertising dressed as reporting deceives the reader about who is speaking and why.
#   examples:
#     fires: A page whose body links carry rel="sponsored" and which shows no "Sponsored" label.
#     quiet: The same page with a "Sponsored by Acme" label above the headline.
package credcheck.rules.editorial["sponsored-unlabelled"]

import data.credcheck.lib.page

report contains finding if {
	input.page.sponsored
	not page.labelled("sponsored")
	finding := object.union(page.top, {
		"cue": "no sponsored label",
		"message": "the page's markup marks it as paid content, but the reader is shown no sponsored label",
	})
}
