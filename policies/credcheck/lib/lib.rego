# METADATA
# title: Shared helpers
# description: |
#   Judgements several rules share: whether a sentence is attributed, which
#   names a sentence puts before a cue, and each rule's parameters.
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
#   under custom.params of its package annotation, overridden by
#   configuration (config.params[<rule name>]).
params(chain) := object.union(defaults, overrides) if {
	some entry in chain
	entry.annotations.scope == "package"
	name := entry.path[count(entry.path) - 1]
	defaults := object.get(entry.annotations, ["custom", "params"], {})
	overrides := object.get(config, ["params", name], {})
}

# METADATA
# description: |
#   Sentence i names where its content comes from, outside any direct quote:
#   a reporting verb or frame, another outlet's report, or an unnamed source
#   (which other rules judge on its own).
attributed(i) if input.sentences[i].cues.attribution_cues

attributed(i) if input.sentences[i].cues.secondhand_reports

attributed(i) if input.sentences[i].cues.vague_sources

attributed(i) if input.sentences[i].cues.news_outlets

# METADATA
# description: |
#   Sentence i continues a paragraph whose previous sentence is attributed, so
#   the attribution carries over (wire style restates it only when the
#   source changes).
carried(i) if {
	i > 0
	input.sentences[i - 1].paragraph == input.sentences[i].paragraph
	attributed(i - 1)
}

# METADATA
# description: Sentence i is attributed, in itself or by the sentence before it.
sourced(i) if attributed(i)

sourced(i) if carried(i)

# METADATA
# description: Zones of running prose in the writer's voice.
prose_zones := {"lede", "body"}

# METADATA
# description: |
#   Entity keys that sentence m.sentence mentions before the end of match m:
#   the parties a cue such as "announced" or "declined to comment" is about.
names_before(m) := {e.key |
	some j in input.sentences[m.sentence].entities
	e := input.entities[j]
	e.start < m.end
	not e.quoted
}

# METADATA
# description: Location fields of a finding on match m.
at(m) := {"sentence": m.sentence, "start": m.start, "end": m.end}

# METADATA
# description: Line of sentence i, for messages that point elsewhere.
line(i) := input.sentences[i].line
