# METADATA
# title: Shared helpers
# description: |
#   Judgements several rules share: which sentences are attributed, which
#   names a sentence puts before a cue, and each rule's parameters. Values
#   here are computed once per article and shared by every rule, so rules
#   should use them rather than re-deriving them.
package credcheck.lib

# METADATA
# description: |
#   Run configuration written by the engine: disabled rules and parameter
#   overrides. Empty when the policies run on stock OPA.
default config := {}

config := data.credcheck.config

# METADATA
# description: |
#   The parameters of the rule whose METADATA chain is given: the defaults
#   under custom.params of its package annotation (the last entry of the
#   chain), overridden by configuration (config.params[<rule name>]).
#   The engine writes every rule's merged parameters to config.params, so a
#   rule reads them there (directly from data, which costs less than going
#   through a rule) and falls back to this only on stock OPA:
#
#     params := p if {
#       p := data.credcheck.config.params["my-rule"]
#     } else := lib.params(rego.metadata.chain())
params(chain) := object.union(defaults, overrides) if {
	pkg := chain[count(chain) - 1]
	defaults := object.get(pkg.annotations, ["custom", "params"], {})
	overrides := object.get(config, ["params", pkg.path[count(pkg.path) - 1]], {})
}

# METADATA
# description: |
#   Lexicons whose matches tie a sentence to a source: reporting verbs and
#   frames, another outlet's report, an unnamed source (judged on its own by
#   other rules) and outlet names.
attribution_lexicons := ["attribution_cues", "secondhand_reports", "vague_sources", "news_outlets"]

# METADATA
# description: Sentences that name where their content comes from, outside any direct quote.
attributed contains m.sentence if {
	some name in attribution_lexicons
	some m in input.matches[name]
	m.quoted == false
	m.group != "stance"
	m.group != "verb"
}

# Reporting verbs, unless the verb is an agentless passive ("the sauce was
# added later": the verb names no one who spoke), part of a name, or part of
# a statement that someone did not speak ("neither company has commented":
# it sources nothing, in its sentence or the next). The common case, a verb
# in lower case, needs only the last check.
attributed contains m.sentence if {
	some m in input.matches.attribution_cues
	m.group == "verb"
	m.quoted == false
	m.passive == false
	m.capitalised == false
	not in_no_comment(m)
}

attributed contains m.sentence if {
	some m in input.matches.attribution_cues
	m.group == "verb"
	m.quoted == false
	m.passive == false
	m.capitalised == true
	not proper_noun(m)
	not in_no_comment(m)
}

# METADATA
# description: Match m lies inside a no-comment cue of its sentence.
in_no_comment(m) if {
	some k in input.sentences[m.sentence].cues.no_comment_cues
	n := input.matches.no_comment_cues[k]
	n.start <= m.start
	m.end <= n.end
}

# METADATA
# description: |
#   A capitalised verb inside a sentence of running text is part of a
#   name ("the United States", "Tell City"), not a verb.
proper_noun(m) if {
	m.first_token > 0
	not title_case(input.sentences[m.sentence])
}

# Headlines, and first lines not recognised as one, capitalise every word.
title_case(s) if s.zone == "headline"

title_case(s) if s.capitals * 10 >= count(s.tokens) * 6

# METADATA
# description: |
#   Sentences that report a party's stance, intent or silence ("Harbor
#   wants to…", "the mayor is demanding…", "Harbor declined to comment").
#   Their content is the party's, but the claim that the party holds it
#   still needs a source, so rules do not count them as attributed.
stances contains m.sentence if {
	some m in input.matches.attribution_cues
	m.group == "stance"
	m.quoted == false
}

stances contains m.sentence if {
	some m in input.matches.no_comment_cues
	m.quoted == false
}

# METADATA
# description: Zones of running prose in the writer's voice.
prose_zones := {"lede", "body"}

# METADATA
# description: Zones where a claim carries the whole story.
story_zones := {"headline", "lede"}

# METADATA
# description: |
#   Entity keys that sentence m.sentence mentions before the end of match m:
#   the parties a cue such as "announced" or "declined to comment" is about.
names_before(m) := {e.key |
	some j in input.sentences[m.sentence].entities
	e := input.entities[j]
	e.start < m.end
	e.quoted == false
}

# METADATA
# description: |
#   Whether sentence m.sentence names anyone before the end of match m: the
#   test `count(names_before(m)) > 0`, without collecting the names.
named_before(m) if {
	some j in input.sentences[m.sentence].entities
	e := input.entities[j]
	e.start < m.end
	e.quoted == false
}

# METADATA
# description: |
#   Match m lies inside a name ("Iconic Motors", "Deeply Rooted Dance
#   Theater"): the words are the name's, not the writer's.
in_name(m) if {
	some k in input.sentences[m.sentence].entities
	e := input.entities[k]
	e.start <= m.start
	m.end <= e.end
}

# METADATA
# description: |
#   The matches of lexicon name in sentence i that lie outside quotes, in
#   text order, found through the sentence's cue index.
cues(i, name) := [input.matches[name][k] | some k in input.sentences[i].cues[name]]

# METADATA
# description: Location fields of a finding on match m.
at(m) := {"sentence": m.sentence, "start": m.start, "end": m.end}

# METADATA
# description: Line of sentence i, for messages that point elsewhere.
line(i) := input.sentences[i].line

# METADATA
# description: |
#   Sentences whose content the article attributes to someone: sentences
#   with an attribution cue, sentences inside or holding a direct quote (a
#   quote is someone's words), sentences the previous sentence's
#   attribution carries into, and a headline of the form "Name: claim". A
#   sentence that is nothing but the attribution ("Graham asked.", "The
#   governor added:") holds no content of its own; its attribution carries
#   into the next sentence. This is what `credcheck eval --task attribution`
#   measures; rules use the narrower `attributed`.
attribution_scope contains i if {
	some i in (attributed | stances)
	not bare_attribution(i)
}

attribution_scope contains i if {
	some q in input.quotes
	some i, s in input.sentences
	s.start < q.end
	q.start < s.end
	not bare_attribution(i)
}

attribution_scope contains j if {
	some i in attributed
	j := i + 1
	input.sentences[j].paragraph == input.sentences[i].paragraph
}

attribution_scope contains j if {
	some i in attributed
	bare_attribution(i)
	j := i + 1
	j < count(input.sentences)
}

attribution_scope contains input.headline if {
	input.headline >= 0
	regex.match(`^[^:]{2,40}: \S`, input.sentences[input.headline].text)
}

# A sentence of a few words that only says who spoke.
bare_attribution(i) if {
	count(input.sentences[i].tokens) <= 4
	count(input.sentences[i].attributions) > 0
}
