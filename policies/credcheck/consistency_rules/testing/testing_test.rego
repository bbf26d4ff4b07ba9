# Builders for the small comparison documents the consistency rule tests
# use, in the shape engine/compare produces (docs/input.md, "Comparison
# input").
package credcheck.consistency_testing

word(text, in_article, in_source) := {
	"text": text, "fold": lower(text), "stem": lower(text), "in_article": in_article, "in_source": in_source,
	"negated": false, "opposites": [], "rivals": [],
}

related(stem, in_source) := {"stem": stem, "word": stem, "in_source": in_source}

rival(set, stem, in_source) := {"stem": stem, "word": stem, "set": set, "in_source": in_source}

number(text, value, supported, elsewhere) := {"text": text, "value": value, "unit": "", "supported": supported, "elsewhere": elsewhere, "in_source": supported, "others": []}

name(text, supported, initial) := {"text": text, "key": lower(text), "initial": initial, "supported": supported, "partly": false}

negation(cue, words, fields) := object.union({"cue": cue, "scope": words, "words": words, "phrase": concat(" ", array.concat([cue], words))}, fields)

# claim's source_last follows its source unless rest sets it: most claims
# rest on one sentence.
claim(i, rest) := object.union(
	{"index": i, "text": sprintf("claim %d", [i]), "source": 0, "source_last": object.get(rest, "source", 0), "overlap": 0.5, "words": [], "numbers": [], "names": [], "negations": [], "quotes": []},
	rest,
)

source(i, negations) := {"index": i, "last": i, "text": sprintf("sentence %d", [i]), "stems": [], "negations": negations}

quote(text, words, matched, shared, missing, fields) := object.union(
	{"text": text, "words": words, "matched": matched, "shared": shared, "missing": missing, "negated": false, "matched_negated": false, "keeps_negated": false},
	fields,
)

input_of(claims, sources) := {"version": 1, "claims": claims, "sources": sources}
