# METADATA
# title: Leaked chatbot artefact
# description: |
#   The copy contains text a chat assistant leaves behind when its answer is
#   pasted unedited: its citation markup ("contentReference[oaicite:0]"),
#   replies to the person asking ("I hope this helps", "As an AI language
#   model") or unfilled placeholders ("[Your Name]", "2025-XX-XX"). Left alone
#   inside quotes, where an article about chatbots may cite such text.
# related_resources:
#   - ref: https://en.wikipedia.org/wiki/Wikipedia:Signs_of_AI_writing
#     description: Wikipedia — Signs of AI writing (markup, citations, communication intended for the user)
# custom:
#   category: machine
#   severity: error
#   weight: 8
#   input: [matches]
#   why: Leaked assistant markup shows the text went out without an editor reading it.
#   examples:
#     fires: The library reopens on Monday. I hope this helps!
#     quiet: The library reopens on Monday, the council said.
package credcheck.rules.machine["chatbot-artefact"]

report contains finding if {
	some m in input.matches.chatbot_artefacts
	m.quoted == false
	finding := {
		"sentence": m.sentence, "start": m.start, "end": m.end,
		"message": sprintf("%q is text a chat assistant leaves behind; the copy was published unedited", [m.text]),
	}
}
