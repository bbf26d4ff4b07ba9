# METADATA
# title: Promotion in the copy
# description: |
#   The copy sells or asks for money: "buy now", "use code", "click here to
#   order", "donate today", "support our work". A story that promotes a
#   product or raises funds has a stake in what it reports. Newsletter and
#   share prompts standing on a line of their own are page residue,
#   reported by scraper-residue, and are not counted twice; quotes are left
#   alone.
# custom:
#   category: editorial
#   severity: warning
#   weight: 2
#   input: [matches, sentences]
#   why: Sales pitches and donation asks mixed into news copy blur reporting and advertising.
#   examples:
#     fires: Order now and use code HEALTH20 for free shipping on every bottle.
#     quiet: The charity said donations rose 12% after the flood.
package credcheck.rules.editorial.promotion

import data.credcheck.lib

report contains finding if {
	some m in input.matches.promotion_cues
	m.quoted == false
	input.sentences[m.sentence].zone != "quote"
	not residue(m.sentence)
	finding := object.union(lib.at(m), {
		"cue": m.group,
		"message": message(m),
	})
}

residue(i) if input.sentences[i].cues.boilerplate_lines

message(m) := sprintf("%q sells in the news copy: label it as advertising or cut it", [m.text]) if m.group == "sale"

message(m) := sprintf("%q asks the reader for money in the news copy", [m.text]) if m.group == "donation"
