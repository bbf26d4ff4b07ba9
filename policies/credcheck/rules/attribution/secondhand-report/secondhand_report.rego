# METADATA
# title: Claim resting on another outlet's report
# description: |
#   The claim is credited to another outlet ("according to a report by The
#   Ledger", "Reuters reported") and the article shows no reporting of its
#   own that confirms it. Crediting the outlet is right; building a story on
#   it alone passes its uncertainty on. When the lede rests on it, or the
#   headline states the story as fact with neither a hedge nor a first-hand
#   confirmation of the same deal anywhere in the article, the finding is an
#   error. An article that says it independently confirmed the report, or
#   that is by the credited outlet itself, is left alone; one that says it
#   could not verify it gets a note at info level.
# related_resources:
#   - ref: https://www.poynter.org/reporting-editing/2010/ap-tells-staff-to-credit-other-news-orgs/
#     description: AP crediting policy (2010) — credit other outlets for facts AP has not confirmed
#   - ref: https://www.bbc.co.uk/editorialguidelines/guidelines/accuracy
#     description: BBC Editorial Guidelines — rely on another organisation's report only when it can be substantiated
# custom:
#   category: attribution
#   severity: warning
#   weight: 3
#   input: [article, entities, headline, matches, sentences]
#   why: A story built only on another outlet's scoop inherits its uncertainty; confirm it independently or say that it could not be confirmed.
#   examples:
#     fires: Harbor Lines has chosen Norden Freight as its partner, according to a report by The Ledger.
#     quiet: Harbor Lines has chosen Norden Freight as its partner, the company said in a statement.
package credcheck.rules.attribution["secondhand-report"]

import data.credcheck.lib

# Words after an outlet's name that credit its reporting ("Reuters reported").
reporting_verbs := {"reported", "reports", "report", "revealed", "first"}

credits contains m if {
	some m in input.matches.secondhand_reports
	m.quoted == false
}

credits contains o if {
	some o in outlets
	not own_outlet(o)
	credits_outlet(o)
}

# Outlets by name, and names ending in a word outlets end their names with
# ("The Touchline Herald").
outlets contains m if {
	some m in input.matches.news_outlets
	m.quoted == false
}

outlets contains e if {
	some w in input.matches.outlet_name_words
	some k in input.sentences[w.sentence].entities
	e := input.entities[k]
	e.end == w.end
	e.kind == "name"
	e.quoted == false
}

credits_outlet(o) if {
	o.first_token >= 2
	array.slice(input.sentences[o.sentence].tokens, o.first_token - 2, o.first_token) in {["according", "to"], ["as", "per"]}
}

credits_outlet(o) if input.sentences[o.sentence].tokens[o.last_token + 1] in reporting_verbs

credits_outlet(o) if {
	toks := input.sentences[o.sentence].tokens
	toks[o.last_token + 1] in {"has", "had"}
	toks[o.last_token + 2] in reporting_verbs
}

own_outlet(o) if lower(o.text) == lower(input.article.outlet)

confirmed if {
	some m in input.matches.independence_cues
	m.group == "confirmed"
}

unverified if {
	some m in input.matches.independence_cues
	m.group == "unverified"
}

# One finding per sentence, on its first credit.
report contains finding if {
	not confirmed
	some i in {c.sentence | some c in credits}
	zone := input.sentences[i].zone
	zone != "quote"
	first := min({c.start | some c in credits; c.sentence == i})
	m := [c | some c in credits; c.sentence == i; c.start == first][0]
	finding := {
		"sentence": m.sentence, "start": m.start, "end": m.end,
		"severity": severity(zone),
		"message": message(m, zone),
	}
}

# The headline states the story flatly while the article credits it to
# another outlet and no party to the deal confirms it first-hand.
report contains finding if {
	not confirmed
	count(credits) > 0
	input.headline >= 0
	not input.headline in lib.attributed
	not hedged_headline
	not first_hand_confirmation
	h := input.sentences[input.headline]
	first := min({c.sentence | some c in credits})
	finding := {
		"sentence": input.headline, "start": h.start, "end": h.end,
		"severity": severity("headline"),
		"message": sprintf("the headline states as fact a story the article credits to another outlet's report (line %d)", [lib.line(first)]),
	}
}

hedged_headline if input.sentences[input.headline].cues.hearsay_hedges

hedged_headline if input.sentences[input.headline].cues.soft_status

headline_deals := {d.group | some d in lib.cues(input.headline, "deal_events")}

# A named party announces or confirms, in a sentence about the same kind of
# deal the headline is about.
first_hand_confirmation if {
	some a in input.matches.announce_cues
	a.quoted == false
	some d in lib.cues(a.sentence, "deal_events")
	d.group in headline_deals
	lib.named_before(a)
}

severity(_) := "info" if unverified

severity(zone) := "error" if {
	not unverified
	zone in lib.story_zones
}

severity(zone) := "warning" if {
	not unverified
	not zone in lib.story_zones
}

message(m, zone) := sprintf("the %s rests on another outlet's report (%q) that the article does not confirm", [zone, m.text]) if zone in lib.story_zones

message(m, zone) := sprintf("%q: the claim rests on another outlet's report that the article does not confirm", [m.text]) if not zone in lib.story_zones
