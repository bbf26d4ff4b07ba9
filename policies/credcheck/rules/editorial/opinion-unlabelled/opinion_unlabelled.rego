# METADATA
# title: Opinion not labelled
# description: |
#   The piece is opinion but the page does not say so where the reader
#   looks: no label of the opinion group of the page_labels lexicon
#   ("Opinion", "Comment", "Analysis", "Column"…) is shown. It counts as
#   opinion when the page's own metadata files it so (schema.org
#   OpinionNewsArticle, or a section such as "Opinion"), or when the writer
#   gives their view in the first person at least min_cues times (the
#   findings of editorial/first-person-opinion). Read from the page
#   (input.page): the rule fires only on a web page or on an article whose
#   front matter or record carries a page block.
# related_resources:
#   - ref: https://www.newsguardtech.com/ratings/rating-process-criteria/
#     description: NewsGuard — handles the difference between news and opinion responsibly
#   - ref: https://thetrustproject.org/trust-indicators/
#     description: The Trust Project — labels (type of work)
# custom:
#   category: editorial
#   severity: warning
#   weight: 4
#   input: [headline, matches, page, paragraphs, sentences]
#   why: Opinion that reads as news passes the writer's view off as reported fact; a label lets readers weigh it as argument.
#   params:
#     min_cues: 2
#   examples:
#     fires: A page with no label whose text says "I believe the council has failed" and "we must demand better".
#     quiet: The same page with an "Opinion" kicker above the headline.
package credcheck.rules.editorial["opinion-unlabelled"]

import data.credcheck.lib
import data.credcheck.lib.page
import data.credcheck.rules.editorial["first-person-opinion"] as opinion

params := p if {
	p := data.credcheck.config.params["opinion-unlabelled"]
} else := lib.params(rego.metadata.chain())

report contains finding if {
	input.page
	not page.labelled("opinion")
	reason := reasons[_]
	finding := object.union(page.top, {
		"cue": "no opinion label",
		"message": sprintf("%s, but the page shows no opinion label", [reason]),
	})
}

# One finding per page, for the strongest reason.
reasons := ["the page's metadata files it as opinion"] if input.page.opinion

else := [sprintf("the writer gives their own view %d times", [n])] if {
	n := count(opinion.report)
	n >= params.min_cues
}
