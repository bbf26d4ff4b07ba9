# METADATA
# title: Scraper or CMS residue
# description: |
#   Lines a page template or scraper left in the copy: share buttons
#   ("Share This Post"), newsletter prompts ("Subscribe"), ad slots
#   ("Advertisement", "spot_img"), comment widgets ("No comments yet") and
#   stray date stamps ("date 2025-02-11").
# custom:
#   category: boilerplate
#   severity: warning
#   weight: 2
#   input: [matches]
#   why: Residue shows the text was copied from a page without editing, and it confuses readers and downstream tools.
#   examples:
#     fires: Share This Post
#     quiet: Shares rose 3% after the announcement, the exchange said.
package credcheck.rules.boilerplate["scraper-residue"]

report contains finding if {
	some m in input.matches.boilerplate_lines
	not inside_another(m)
	finding := {
		"sentence": m.sentence, "start": m.start, "end": m.end,
		"message": sprintf("%q is page residue, not part of the article", [m.text]),
	}
}

# "spot_img" inside the line "- Advertisement -spot_img", or a sentence of a
# residue line matched again on its own: one piece of residue, one finding.
inside_another(m) if {
	some o in input.matches.boilerplate_lines
	o != m
	o.start <= m.start
	m.end <= o.end
	o.end - o.start > m.end - m.start
}
