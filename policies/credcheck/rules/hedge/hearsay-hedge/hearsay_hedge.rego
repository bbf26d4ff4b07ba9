# METADATA
# title: Hearsay hedge
# description: |
#   A hedge such as "reportedly", "apparently" or "is said to" passes a claim
#   on without saying who made it, so the reader cannot weigh it. In the
#   headline or lede the whole story rests on it. Hedges inside direct quotes
#   belong to the speaker and are left alone, as is a hedge whose source the
#   sentence names ("reportedly …, according to The Ledger": the report is
#   then judged by secondhand-report), and "alleged" when the sentence names
#   the accuser, which is the careful, legally required usage.
# related_resources:
#   - ref: https://en.wikipedia.org/wiki/Wikipedia:Manual_of_Style/Words_to_watch#Expressions_of_doubt
#     description: "MOS:ALLEGED — alleged and accused are right when the accuser is named"
#   - ref: https://www.bbc.co.uk/editorialguidelines/guidelines/accuracy
#     description: BBC Editorial Guidelines — attribute material that could not be verified
# custom:
#   category: hedge
#   severity: warning
#   weight: 3
#   input: [attributions, entities, matches, sentences]
#   why: Readers cannot judge a claim whose origin is hidden behind a hedge; naming the source, or verifying the claim, fixes it.
#   examples:
#     fires: Harbor Lines has reportedly chosen Norden Freight as its partner.
#     quiet: '"The deal is reportedly done," said analyst Jane Roe.'
package credcheck.rules.hedge["hearsay-hedge"]

import data.credcheck.lib

report contains finding if {
	some m in input.matches.hearsay_hedges
	m.quoted == false
	zone := input.sentences[m.sentence].zone
	zone != "quote"
	not named_accuser(m)
	not named_source(m.sentence)
	finding := {
		"sentence": m.sentence, "start": m.start, "end": m.end,
		"message": message(m, zone),
		"severity": severity(zone),
	}
}

# The sentence names who reported it: an outlet, or a name after "according
# to", "as per", "citing" ("according to reports by The Ledger"). A
# reporting verb's guessed source is not enough here: "Harbor reportedly
# rejected the offer" names the party, not who reported it.
named_source(i) if input.sentences[i].cues.news_outlets

named_source(i) if {
	some m in lib.cues(i, "attribution_cues")
	m.group == "source_after"
	some j in input.sentences[i].attributions
	a := input.attributions[j]
	a.start == m.start
	a.source != null
	some k in input.sentences[i].entities
	e := input.entities[k]
	a.source.start <= e.start
	e.end <= a.source.end
}

# "Alleged" is the careful word when the sentence names who alleges.
named_accuser(m) if {
	m.group == "allegation"
	m.sentence in lib.attributed
}

named_accuser(m) if {
	m.group == "allegation"
	input.sentences[m.sentence].cues.accusers
}

default severity(_) := "warning"

severity(zone) := "error" if zone in lib.story_zones

message(m, zone) := sprintf("the %s rests on %q: say who reported or claimed it, or verify it", [zone, m.text]) if zone in lib.story_zones

message(m, zone) := sprintf("%q passes on a claim without saying who made it", [m.text]) if not zone in lib.story_zones
