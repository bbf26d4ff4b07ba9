# METADATA
# title: No date
# description: |
#   The page gives no date of publication or of last change, neither in
#   its structured data nor in a visible time stamp, so the reader cannot
#   tell whether the news is current. Read from the page
#   (input.page.published and modified): the rule fires only on a web page
#   or on an article whose front matter or record carries a page block.
# related_resources:
#   - ref: https://thetrustproject.org/trust-indicators/
#     description: The Trust Project — best practices (dates of publication and updates)
# custom:
#   category: editorial
#   severity: warning
#   weight: 2
#   input: [headline, page, sentences]
#   why: A report without a date can be old news passed off as new, and the reader cannot check it against what was known when.
#   examples:
#     fires: A web page with no datePublished, no published-time meta tag and no <time> on it.
#     quiet: A web page whose JSON-LD gives "datePublished".
package credcheck.rules.editorial["no-date"]

import data.credcheck.lib.page

report contains finding if {
	input.page.published == ""
	input.page.modified == ""
	finding := object.union(page.top, {
		"cue": "no date",
		"message": "the page gives no date of publication or update: the reader cannot tell how current it is",
	})
}
