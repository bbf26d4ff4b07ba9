# METADATA
# title: Fact in one article, hearsay in another
# description: |
#   One article states a deal between the story's parties as fact, in its
#   own voice and crediting no one ("Harbor has bought Norden"), while
#   another passes the same deal on as hearsay ("Harbor has reportedly
#   bought Norden", "is said to have bought"). The same deal is the same
#   kind of event (input.claims, from the deal_events lexicon) between the
#   same two names, the one before the event words and the one after, in
#   either order; a name that extends one of the story's parties counts as
#   that party ("Harbor Lines" as "Harbor"). One finding per article that
#   states the deal flat, citing its sentences and the hedged ones.
# custom:
#   category: contradiction
#   severity: warning
#   weight: 3
#   why: When other outlets still call a deal unconfirmed, an article that states it as fact claims more than the story's sources support, and its reader cannot tell.
#   examples:
#     fires: 'One article: "Harbor has bought Norden". Another: "Harbor has reportedly bought Norden".'
#     quiet: 'One article: "Harbor has bought Norden, the company said". Another: "Harbor has reportedly bought Norden".'
package credcheck.story_rules.contradiction["story-flat-vs-hedged"]

import data.credcheck.story

# A name as the story's party it extends ("Harbor Lines" as "Harbor"),
# else as it is.
root(k) := k if k in story.parties

root(k) := r if {
	not k in story.parties
	rs := [w | some w in split(k, " "); w in story.parties]
	count(rs) > 0
	r := rs[0]
}

root(k) := k if {
	not k in story.parties
	count([w | some w in split(k, " "); w in story.parties]) == 0
}

# The two sides of a claim's deal.
sides(c) := {root(c.subject), root(c.object)}

same_deal(a, b) if {
	a.event == b.event
	sides(a) == sides(b)
}

# Flat claims with a hedged telling of the same deal in another article.
contested contains [f.article, f.event] if {
	some f in input.claims
	f.stance == "flat"
	some h in input.claims
	h.stance == "hedged"
	h.article != f.article
	same_deal(f, h)
}

report contains finding if {
	some [art, event] in contested
	flat := [c |
		some c in input.claims
		[c.article, c.event, c.stance] == [art, event, "flat"]
		some h in input.claims
		h.stance == "hedged"
		h.article != art
		same_deal(c, h)
	]
	hedged := {[h.article, h.sentence, h.hedge] |
		some h in input.claims
		h.stance == "hedged"
		h.article != art
		some c in flat
		same_deal(c, h)
	}
	parties := sort({story.name(r) | some r in sides(flat[0])})
	others := concat(", ", sort({sprintf("%d", [h[0] + 1]) | some h in hedged}))
	hedges := sort({sprintf("%q", [h[2]]) | some h in hedged})
	cites := sort({[c.article, c.sentence] | some c in flat} | {[h[0], h[1]] | some h in hedged})
	finding := {
		"message": sprintf("Article %d states the %s of %s as fact, crediting no one; article(s) %s pass it on only as hearsay (%s).", [art + 1, event, concat(" and ", parties), others, concat(", ", hedges)]),
		"cites": [{"article": c[0], "sentence": c[1]} | some c in cites],
	}
}
