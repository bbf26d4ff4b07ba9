# METADATA
# title: First-person opinion
# description: |
#   The writer gives their own opinion in the first person: "I believe
#   that", "in my opinion", "I'm convinced that", "we must act". "I think"
#   is left out: in news copy it comes mostly from interviewees and
#   as-told-to pieces.
#   A reporter's first-person account ("I visited the clinic") is not
#   opinion and is not listed. Quotes, and sentences that credit the words
#   to someone ("I believe it will pass, the senator said"), are left alone,
#   and so are interview transcripts (paragraphs that open with a speaker's
#   name and a colon, "Jane Roe: I believe…"), where the first person is the
#   interviewee's.
# custom:
#   category: editorial
#   severity: warning
#   weight: 2
#   input: [matches, paragraphs, sentences]
#   why: Opinion in the writer's voice inside news copy blurs reporting and comment; label the piece as opinion or attribute the view.
#   examples:
#     fires: I believe the council has failed, and we must demand better.
#     quiet: '"I believe the council has failed," said Jane Roe, a resident.'
package credcheck.rules.editorial["first-person-opinion"]

import data.credcheck.lib

report contains finding if {
	some m in input.matches.opinion_cues
	m.quoted == false
	input.sentences[m.sentence].zone in lib.prose_zones
	not m.sentence in lib.attributed
	not transcript
	finding := object.union(lib.at(m), {
		"cue": m.group,
		"message": sprintf("%q is the writer's opinion in news copy: attribute the view or label the piece as opinion", [m.text]),
	})
}

# An interview transcript: two paragraphs or more open with a speaker label,
# one to four capitalised words and a colon ("Sputnik:", "Jane Roe:").
transcript if count(speaker_labels) >= 2

speaker_labels contains p.index if {
	some p in input.paragraphs
	p.zone in lib.prose_zones
	regex.match(`^(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*:\s`, input.sentences[p.first_sentence].text)
}
