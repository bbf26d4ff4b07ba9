# METADATA
# title: Call to action at the reader
# description: |
#   The copy turns to the reader and tells them what to do: share the story,
#   wake up, do their own research, ask themselves a leading question, call
#   their representative. News reports and leaves the reader to act; copy
#   that rallies its readers is campaigning. Plain service advice ("if you
#   have symptoms, call your doctor") is common in reliable news and is not
#   listed. Calls inside quotes are the speaker's and are left alone.
# custom:
#   category: editorial
#   severity: warning
#   weight: 2
#   input: [matches, sentences]
#   why: Copy that tells readers to share, wake up or resist is advocacy presented as news.
#   examples:
#     fires: Wake up, people, and share this article with everyone you know.
#     quiet: '"Wake up and share this," the protest organiser told the crowd.'
package credcheck.rules.editorial["reader-address"]

import data.credcheck.lib

report contains finding if {
	some m in input.matches.reader_calls
	m.quoted == false
	input.sentences[m.sentence].zone in writer_zones
	not residue(m.sentence)
	opens_sentence(m)
	finding := object.union(lib.at(m), {
		"cue": m.group,
		"message": sprintf("%q calls the reader to act: news copy reports and leaves the reader to decide", [m.text]),
	})
}

writer_zones := lib.prose_zones | {"headline", "heading"}

# A share prompt on a line of its own is page residue, reported by
# scraper-residue.
residue(i) if input.sentences[i].cues.boilerplate_lines

# "Wake up" and "open your eyes" call on the reader only as an imperative
# opening the sentence; elsewhere they are ordinary verbs.
opens_sentence(m) if m.group != "imperative"

opens_sentence(m) if m.first_token == 0
