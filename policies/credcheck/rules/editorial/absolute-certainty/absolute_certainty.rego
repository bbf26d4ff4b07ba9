# METADATA
# title: Absolute certainty in the writer's voice
# description: |
#   The writer declares a claim settled beyond question: "this proves that",
#   "undeniable", "irrefutable", "100% safe", "there is no doubt", "the truth
#   is". Reliable copy says what the evidence shows and who says so. Words
#   inside quotes, and sentences that credit the certainty to a source ("the
#   study proves…", "the minister said it was undeniable"), are left alone.
#   "Undoubtedly" and "without a doubt" are reported by loaded-language.
# related_resources:
#   - ref: https://en.wikipedia.org/wiki/Wikipedia:Manual_of_Style/Words_to_watch#Editorializing
#     description: MOS:EDITORIAL
# custom:
#   category: editorial
#   severity: warning
#   weight: 2
#   input: [matches, sentences]
#   why: Certainty the writer asserts rather than sources asks the reader to take the claim on trust.
#   examples:
#     fires: This proves that the new rule is 100 percent safe.
#     quiet: The trial proves that the drug works, its lead author, Dr. Ana Ruiz, said.
package credcheck.rules.editorial["absolute-certainty"]

import data.credcheck.lib

report contains finding if {
	some m in input.matches.certainty_claims
	m.quoted == false
	input.sentences[m.sentence].zone in writer_zones
	not m.sentence in lib.attributed
	opens_sentence(m)
	finding := object.union(lib.at(m), {
		"cue": m.group,
		"message": sprintf("%q asserts certainty in the writer's voice: say what the evidence shows and who says so", [m.text]),
	})
}

writer_zones := lib.prose_zones | {"headline", "heading"}

# "The truth is" and "the fact is" declare certainty when they open the
# sentence, after at most a conjunction ("But the fact is…"); elsewhere
# they are ordinary words ("the reality is not so light").
opens_sentence(m) if m.group != "truth"

opens_sentence(m) if m.first_token <= 1
