# METADATA
# title: Claim resting on another outlet's report
# description: |
#   The claim is credited to another outlet ("according to a report by The
#   Information", "Reuters reported") and the article shows no reporting of
#   its own that confirms it. Crediting the outlet is right; building a
#   story on it alone passes its uncertainty on. When the lede rests on it,
#   or the headline states the story as fact with neither a hedge nor a
#   first-hand confirmation of the same deal anywhere in the article, the
#   finding is an error. An article that says it
#   independently confirmed the report, or that is by the credited outlet
#   itself, is left alone; one that says it could not verify it gets a note
#   at info level.
# related_resources:
#   - ref: https://www.poynter.org/reporting-editing/2010/ap-tells-staff-to-credit-other-news-orgs/
#     description: AP crediting policy (2010) — credit other outlets for facts AP has not confirmed
#   - ref: https://www.bbc.co.uk/editorialguidelines/guidelines/accuracy
#     description: BBC Editorial Guidelines — rely on another organisation's report only when it can be substantiated
# custom:
#   category: attribution
#   severity: warning
#   weight: 3
#   why: A story built only on another outlet's scoop inherits its uncertainty; confirm it independently or say that it could not be confirmed.
#   examples:
#     fires: Apple has chosen Alibaba as its partner, according to a report by The Information.
#     quiet: Apple has chosen Alibaba as its partner, the company said in a statement.
package credcheck.rules.attribution["secondhand-report"]

import data.credcheck.lib

story_zones := {"headline", "lede"}

# Verbs after an outlet's name that credit its reporting ("Reuters reported").
reporting_verbs := {"reported", "reports", "report", "revealed", "first"}

credits contains m if {
	some m in input.matches.secondhand_reports
	not m.quoted
}

credits contains m if {
	some m in outlets
	not own_outlet(m)
	credits_outlet(m)
}

# Outlets by name, and names ending in a word outlets end their names with
# ("The Touchline Herald").
outlets contains m if {
	some m in input.matches.news_outlets
	not m.quoted
}

outlets contains object.union(e, {"term": e.text}) if {
	some w in input.matches.outlet_name_words
	some k in input.sentences[w.sentence].entities
	e := input.entities[k]
	e.kind == "name"
	e.end == w.end
	not e.quoted
}

credits_outlet(m) if {
	toks := input.sentences[m.sentence].tokens
	m.first_token >= 2
	array.slice(toks, m.first_token - 2, m.first_token) in {["according", "to"], ["as", "per"]}
}

credits_outlet(m) if {
	toks := input.sentences[m.sentence].tokens
	toks[m.last_token + 1] in reporting_verbs
}

credits_outlet(m) if {
	toks := input.sentences[m.sentence].tokens
	toks[m.last_token + 1] in {"has", "had"}
	toks[m.last_token + 2] in reporting_verbs
}

own_outlet(m) if lower(m.text) == lower(input.article.outlet)

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
	some m in credits
	s := input.sentences[m.sentence]
	s.zone != "quote"
	m.start == min({c.start | some c in credits; c.sentence == m.sentence})
	finding := object.union(lib.at(m), {
		"cue": m.text,
		"severity": severity(s.zone),
		"message": message(m, s.zone),
	})
}

# The headline states the story flatly while the article credits it to
# another outlet and no party to the deal confirms it first-hand.
report contains finding if {
	not confirmed
	count(credits) > 0
	input.headline >= 0
	h := input.sentences[input.headline]
	not lib.attributed(input.headline)
	not hedged_headline
	not first_hand_confirmation
	first := min({c.sentence | some c in credits})
	finding := {
		"sentence": input.headline, "start": h.start, "end": h.end, "cue": h.text,
		"severity": severity("headline"),
		"message": sprintf("the headline states as fact a story the article credits to another outlet's report (line %d)", [lib.line(first)]),
	}
}

hedged_headline if {
	some m in input.matches.hearsay_hedges
	m.sentence == input.headline
}

hedged_headline if {
	some m in input.matches.soft_status
	m.sentence == input.headline
}

# A named party announces or confirms, in a sentence about the same kind of
# deal the headline is about.
first_hand_confirmation if {
	some a in input.matches.announce_cues
	not a.quoted
	count(lib.names_before(a)) > 0
	some d in input.matches.deal_events
	d.sentence == a.sentence
	some hd in input.matches.deal_events
	hd.sentence == input.headline
	hd.group == d.group
}

severity(_) := "info" if unverified

severity(zone) := "error" if {
	not unverified
	zone in story_zones
}

severity(zone) := "warning" if {
	not unverified
	not zone in story_zones
}

message(m, zone) := sprintf("the %s rests on another outlet's report (%q) that the article does not confirm", [zone, m.text]) if zone in story_zones

message(m, zone) := sprintf("%q: the claim rests on another outlet's report that the article does not confirm", [m.text]) if not zone in story_zones
