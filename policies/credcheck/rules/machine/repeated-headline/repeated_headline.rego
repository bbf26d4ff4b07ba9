# METADATA
# title: Repeated headline
# description: |
#   The headline appears again as a line of its own: pasted copy, a scraper
#   that caught the page title several times, or generated text. The
#   repetition is reported once, on the first copy. A single copy is a note
#   (info): a web page carries its title twice (the page title and the
#   heading), and a scraper that keeps both says nothing about the story;
#   two copies or more are a warning. The strength grows with the copies
#   (a third per copy, up to 1). A Markdown heading that repeats the
#   front-matter title is the headline itself and does not count.
# custom:
#   category: machine
#   severity: warning
#   weight: 3
#   input: [headline, repeats, sentences]
#   why: A duplicated title shows the copy was assembled without an editor reading it.
#   examples:
#     fires: 'Harbor Lines Picks Norden Freight (on line 1, and again on line 3)'
#     quiet: 'Harbor Lines Picks Norden Freight (on line 1 only)'
package credcheck.rules.machine["repeated-headline"]

import data.credcheck.lib

copies := [r.sentence | some r in input.repeats; r.of == input.headline]

report contains finding if {
	count(copies) > 0
	first := min(copies)
	s := input.sentences[first]
	finding := {
		"sentence": first, "start": s.start, "end": s.end,
		"severity": severity,
		"strength": min([1, count(copies) / 3]),
		"message": message,
	}
}

severity := "info" if count(copies) == 1

severity := "warning" if count(copies) > 1

message := sprintf("repeats the headline on line %d", [lib.line(input.headline)]) if count(copies) == 1

message := sprintf("repeats the headline on line %d (%d copies)", [lib.line(input.headline), count(copies)]) if count(copies) > 1
