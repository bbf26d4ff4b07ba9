# METADATA
# title: No byline
# description: |
#   The page shows no byline: the reader is not told who wrote the
#   article. Read from the page (input.page.byline), so the rule fires
#   only on a web page or on an article whose front matter or record
#   carries a page block; a byline kept only in the page's structured data
#   is named in the message, since readers do not see it.
# related_resources:
#   - ref: https://www.newsguardtech.com/ratings/rating-process-criteria/
#     description: NewsGuard — reveals who is in charge, including any possible conflicts of interest; provides names of content creators
#   - ref: https://thetrustproject.org/trust-indicators/
#     description: The Trust Project — best practices and author/reporter expertise indicators
# custom:
#   category: editorial
#   severity: warning
#   weight: 3
#   input: [headline, page, sentences]
#   why: Readers weigh a report by who stands behind it; an unsigned page leaves no one accountable for it.
#   examples:
#     fires: A web page with a headline and body text and no byline anywhere on it.
#     quiet: A web page whose byline reads "By Jane Roe".
package credcheck.rules.editorial["no-byline"]

import data.credcheck.lib.page

report contains finding if {
	input.page.byline == ""
	finding := object.union(page.top, {"cue": "no byline", "message": message})
}

default message := "the page shows no byline: the reader is not told who wrote it"

message := sprintf("the page shows no byline; only its structured data names %s, which readers do not see", [concat(", ", input.page.declared_authors)]) if {
	count(input.page.declared_authors) > 0
}
