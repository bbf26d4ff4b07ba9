# METADATA
# title: Weasel passive
# description: |
#   An agentless passive ("is seen as", "is regarded as", "is expected to")
#   presents an opinion or forecast as settled without saying whose it is.
#   Left alone when the sentence attributes itself or the words are quoted.
# related_resources:
#   - ref: https://en.wikipedia.org/wiki/Wikipedia:Manual_of_Style/Words_to_watch#Unsupported_attributions
#     description: MOS:WEASEL — unsupported attributions
# custom:
#   category: attribution
#   severity: warning
#   weight: 2
#   input: [matches, sentences]
#   why: '"Is seen as crucial" invites the question "by whom?"; naming who sees it so, or dropping the judgement, answers it.'
#   examples:
#     fires: The alliance is seen as a turning point for the company.
#     quiet: The alliance is a turning point for the company, said analyst Jane Roe.
package credcheck.rules.attribution["weasel-passive"]

import data.credcheck.lib

report contains finding if {
	some m in input.matches.weasel_passives
	m.quoted == false
	not m.sentence in lib.attributed
	input.sentences[m.sentence].zone != "quote"
	finding := {
		"sentence": m.sentence, "start": m.start, "end": m.end,
		"message": sprintf("%q gives an opinion without saying whose it is", [m.text]),
	}
}
