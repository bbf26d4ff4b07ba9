# METADATA
# title: Story helpers and scorecard
# description: |
#   What the story rules share when they read a story document (several
#   articles about one event, docs/input.md "Story input"): the parties to
#   the story, the upstream reports the articles credit, the on-record
#   confirmations by a party, and the story's scorecard.
package credcheck.story

# METADATA
# description: |
#   The parties to a story: names that at least half its articles, and at
#   least two, mention.
parties contains k if {
	some a in input.articles
	some k in a.names
	n := count([b | some b in input.articles; mentions(b, k)])
	n >= 2
	n * 2 >= count(input.articles)
}

# Article a mentions name k, alone or as a word of a longer name
# ("Brannock" in "Brannock Ferries").
mentions(a, k) if k in a.names

mentions(a, k) if {
	some n in a.names
	k in split(n, " ")
}

# METADATA
# description: |
#   Credits of an upstream report, by key: a news outlet, or a source the
#   article calls a report ("according to a report by…"). A report's
#   author counts as the outlet they write for (source_key).
upstream contains source_key(c) if {
	some c in input.credits
	c.outlet
}

upstream contains source_key(c) if {
	some c in input.credits
	c.report
	not person(c)
}

upstream contains source_key(c) if {
	some c in input.credits
	source_key(c) != c.key
}

# METADATA
# description: |
#   The source a credit rests on: the outlet its author writes for when
#   the story ties the two — in this sentence ("a report by Jo Bell of The
#   Ledger") or in another article's ("Jo Bell reported", "Bell wrote",
#   once another article names her paper), and only when the story ties
#   the author to one outlet — else the credited name.
source_key(c) := c.publisher if c.publisher != ""

source_key(c) := p if {
	c.publisher == ""
	ps := publishers_of(c.key)
	count(ps) == 1
	some p in ps
}

source_key(c) := c.key if {
	c.publisher == ""
	count(publishers_of(c.key)) != 1
}

# The outlets the story ties an author to, by the author's full name or,
# for a surname alone, by its last word.
publishers_of(k) := {d.publisher |
	some d in input.credits
	d.publisher != ""
	same_author(d.key, k)
}

same_author(a, a)

same_author(full, k) if {
	not contains(k, " ")
	words := split(full, " ")
	count(words) > 1
	words[count(words) - 1] == k
}

# A credit names a person: two words or more, not an outlet, not an
# institution, not credited as a report.
person(c) if {
	c.words >= 2
	not c.outlet
	not c.institution
	not c.report
	not party(c.key)
	source_key(c) == c.key
}

# METADATA
# description: |
#   Credits that put a party to the story on record: a named person whose
#   title ties them to a party ("Joe Roe, chairman of Harbor", through
#   "of", "for", "at" or a possessive), who
#   confirms or announces, or speaks in a direct quote.
confirmations contains c if {
	some c in input.credits
	person(c)
	c.titled
	some k in c.employers
	party(k)
	on_record(c)
}

# A name is a party's when it is one or when it extends one ("Brannock
# Ferries" for "Brannock").
party(k) if k in parties

party(k) if {
	some w in split(k, " ")
	w in parties
}

# METADATA
# description: |
#   Named people on record, party or not: a titled person who confirms or
#   speaks in a direct quote ("Nadia Ferro, chair of the transport
#   committee").
on_record_people contains c if {
	some c in input.credits
	person(c)
	c.titled
	on_record(c)
}

on_record(c) if c.confirm

on_record(c) if c.quote

# The surname of a person credit: "Joe Roe" and a later "Roe" are one
# person.
surname(c) := s if {
	words := split(c.key, " ")
	s := words[count(words) - 1]
}

confirmers := {surname(c) | some c in confirmations}

# Named people each article credits (surnames), and its upstream reports.
named_in(i) := {surname(c) | some c in input.credits; c.article == i; person(c)}

reports_in(i) := {source_key(c) | some c in input.credits; c.article == i; source_key(c) in upstream}

confirmations_in(i) := {surname(c) | some c in confirmations; c.article == i}

# METADATA
# description: A name key as the articles first write it.
name(k) := object.get(input.names, k, k)

# The name of a credit as written, for messages: its first mention, or
# the outlet's as the article that ties an author to it writes it.
label(key) := sort(array.concat([c.name | some c in input.credits; c.key == key], [c.publisher_name | some c in input.credits; c.publisher == key]))[0]

# METADATA
# description: The articles that credit upstream source k, folding authors into their outlets.
crediting(k) := {c.article | some c in input.credits; source_key(c) == k}

describe(c) := sprintf("%s (%s)", [c.name, c.role]) if c.role != ""

describe(c) := c.name if c.role == ""

per_article := [{"named": count(named_in(a.index)), "confirmations": count(confirmations_in(a.index)), "reports": count(reports_in(a.index))} |
	some a in input.articles
]

# Independent sources: each upstream report once, however many articles
# repeat it, and each named person once.
sources := sort({label(k) | some k in upstream} | {label(c.key) |
	some c in input.credits
	person(c)
})

confirmation_labels := sort({sprintf("%s in article %d", [describe(c), c.article + 1]) | some c in confirmations})

# How well the story is corroborated: by two or more people on record in
# two or more articles, by one, or only second-hand.
corroboration := "corroborated" if {
	count({surname(c) | some c in on_record_people}) >= 2
	count({c.article | some c in on_record_people}) >= 2
} else := "one on-record source" if {
	count({surname(c) | some c in on_record_people}) >= 1
} else := "second-hand only" if {
	count(upstream) > 0
} else := "unsourced"

# The best-sourced telling: most on-record confirmations, then most named
# people, then fewest upstream reports leant on, then the article's own
# score, then the first.
best := -1 if {
	count(input.articles) == 0
} else := i if {
	ranked := sort([[0 - x.confirmations, 0 - x.named, x.reports, 0 - input.articles[j].score, j] |
		some j, x in per_article
	])
	i := ranked[0][4]
}

scorecard := {
	"sources": sources,
	"confirmations": confirmation_labels,
	"on_record": sort({sprintf("%s in article %d", [describe(c), c.article + 1]) | some c in on_record_people}),
	"corroboration": corroboration,
	"best": best,
	"per_article": per_article,
}
