# METADATA
# title: Suppression or conspiracy framing
# description: |
#   The writer frames the story as a truth that powerful people hide: "the
#   mainstream media won't tell you", "the official narrative", "a hidden
#   agenda", "a cover-up". Only framing phrases are listed, never topic
#   words, and only in the writer's own voice: quotes are the speaker's, and
#   a sentence that credits the words to someone ("critics called it a
#   cover-up", "officials denied a cover-up") reports the framing rather
#   than adopting it.
# custom:
#   category: editorial
#   severity: warning
#   weight: 3
#   input: [matches, sentences]
#   why: Framing a story as suppressed truth asks the reader to distrust every other source instead of weighing evidence.
#   examples:
#     fires: The mainstream media won't tell you what the council is hiding.
#     quiet: Council officials denied there had been a cover-up, the clerk said.
package credcheck.rules.editorial["conspiracy-framing"]

import data.credcheck.lib

report contains finding if {
	some m in input.matches.suppression_framing
	m.quoted == false
	input.sentences[m.sentence].zone in writer_zones
	not credited(m)
	not m.sentence in lib.stances
	finding := object.union(lib.at(m), {
		"cue": m.group,
		"message": sprintf("%q frames the story as suppressed truth: show the evidence instead", [m.text]),
	})
}

writer_zones := lib.prose_zones | {"headline", "heading"}

# The sentence credits someone with a cue of its own; a speech verb inside
# the framing ("the media won't tell you") credits no one.
credited(m) if {
	m.sentence in lib.attributed
	some name in lib.attribution_lexicons
	some k in input.sentences[m.sentence].cues[name]
	c := input.matches[name][k]
	c.group != "stance"
	not in_framing(c)
}

in_framing(c) if {
	some k in input.sentences[c.sentence].cues.suppression_framing
	overlaps(c, input.matches.suppression_framing[k])
}

overlaps(a, b) if {
	a.start < b.end
	b.start < a.end
}
