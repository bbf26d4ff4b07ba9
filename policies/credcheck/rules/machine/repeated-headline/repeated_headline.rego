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
#     fires: 'Harbor Lines Picks Norden Freight (on line 1, and again on line 3)'
#     quiet: 'Harbor Lines Picks Norden Freight (on line 1 only)'
package credcheck.rules.machine["repeated-headline"]

import data.credcheck.lib

report contains finding if {
	some r in input.repeats
	r.of == input.headline
	s := input.sentences[r.sentence]
	finding := {
		"sentence": r.sentence, "start": s.start, "end": s.end,
		"problem": "headline",
		"message": sprintf("repeats the headline on line %d", [lib.line(r.of)]),
	}
}
