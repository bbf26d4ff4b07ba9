# METADATA
# title: Clickbait headline
# description: |
#   A headline written to make the reader click rather than to tell the news:
#   a cliffhanger or secret formula ("You won't believe…", "Here's why…",
#   "Doctors hate…"), words shouted in capitals ("Cases have DECLINED",
#   "SHOCKING:"), or an exclamation mark. Capitals that spell a name, or an
#   acronym the article also writes in capitals in its text ("NASA",
#   "COVID"), are left alone, and a single capitalised word is not enough
#   unless it is a known clickbait kicker ("SHOCKING", "BREAKING"). A headline that asks a question is noted for information only:
#   feature and analysis headlines ask questions legitimately.
# related_resources:
#   - ref: https://credweb.org/cciv/r/1/
#     description: W3C Credible Web CG — clickbait genres (CredCo)
# custom:
#   category: editorial
#   severity: warning
#   weight: 2
#   input: [entities, headline, matches, sentences]
#   why: Headlines that shout or withhold the news trade accuracy for clicks; a news headline states what happened.
#   params:
#     min_letters: 3
#     min_shouted: 2
#   examples:
#     fires: "You Won't Believe What the Council Did NEXT!"
#     quiet: Council approves $412 million budget in 7-2 vote
package credcheck.rules.editorial["clickbait-headline"]

import data.credcheck.lib

params := p if {
	p := data.credcheck.config.params["clickbait-headline"]
} else := lib.params(rego.metadata.chain())

headline := input.sentences[input.headline] if input.headline >= 0

report contains finding if {
	some m in input.matches.clickbait_phrases
	m.quoted == false
	m.sentence == input.headline
	finding := object.union(lib.at(m), {
		"cue": m.group,
		"message": sprintf("the headline uses the clickbait formula %q: state the news instead", [m.text]),
	})
}

report contains finding if {
	some m in input.matches.shouted_kickers
	m.sentence == input.headline
	finding := object.union(lib.at(m), {
		"cue": "kicker",
		"message": sprintf("the headline shouts %q: state the news instead", [m.text]),
	})
}

# One finding per headline however many words it shouts; a shouted kicker
# already says it.
report contains finding if {
	count(shouted) >= params.min_shouted
	not kicker
	words := [headline.tokens[i] | some i in shouted]
	finding := {
		"sentence": input.headline, "cue": "capitals",
		"message": sprintf("the headline shouts in capitals (%s): news headlines do not raise their voice", [concat(", ", [upper(w) | some w in words])]),
	}
}

report contains finding if {
	regex.match(`![^'’"”]|!$`, headline.text)
	finding := {
		"sentence": input.headline, "cue": "exclamation",
		"message": "the headline ends a claim with \"!\": news headlines state, they do not exclaim",
	}
}

report contains finding if {
	endswith(trim_space(headline.text), "?")
	finding := {
		"sentence": input.headline, "cue": "question", "severity": "info",
		"message": "the headline asks a question: if the article answers it, the headline can state the answer",
	}
}

# Tokens written in capitals that are words, not names: outside every
# name the engine found in the headline, long enough not to be an
# initialism ("US", "UK"), not a kicker reported on its own, and not written
# in capitals in the text as well, as acronyms are ("COVID", "UCLA").
shouted contains i if {
	some i in headline.upper
	word := headline.tokens[i]
	regex.match(sprintf(`^[a-z][a-z'’-]{%d,}$`, [params.min_letters - 1]), word)
	not in_name(i)
	not acronyms[stem(word)]
	not in_kicker(i)
}

# Words the text writes in capitals; "covid-19" counts as "covid".
acronyms contains stem(s.tokens[j]) if {
	some s in input.sentences
	s.zone != "headline"
	some j in s.upper
}

stem(word) := split(word, "-")[0]

kicker if {
	some m in input.matches.shouted_kickers
	m.sentence == input.headline
}

in_kicker(i) if {
	some m in input.matches.shouted_kickers
	m.sentence == input.headline
	m.first_token <= i
	i <= m.last_token
}

in_name(i) if {
	some k in headline.entities
	e := input.entities[k]
	e.first_token <= i
	i <= e.last_token
}
