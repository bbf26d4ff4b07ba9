# METADATA
# title: Repeated headline
# description: |
#   The headline appears again as a line of its own: pasted copy, a scraper
#   that caught the page title several times, or generated text. Every copy
#   is reported, as one problem. A Markdown heading that repeats the
#   front-matter title is the headline itself and does not count.
# custom:
#   category: machine
#   severity: warning
#   weight: 3
#   why: A duplicated title shows the copy was assembled without an editor reading it.
#   examples:
#     fires: 'Apple Picks Alibaba for AI (twice, on lines 1 and 3)'
#     quiet: 'Apple Picks Alibaba for AI (once)'
package credcheck.rules.machine["repeated-headline"]

import data.credcheck.lib

report contains finding if {
	input.headline >= 0
	headline := input.sentences[input.headline]
	some i, s in input.sentences
	i != input.headline
	s.zone in {"heading", "headline", "body", "lede"}
	s.tokens == headline.tokens
	finding := {
		"sentence": i, "start": s.start, "end": s.end, "cue": s.text,
		"problem": "headline",
		"message": sprintf("repeats the headline on line %d", [headline.line]),
	}
}
