# Builders for the small input documents the rule tests use. They produce
# the shapes the engine produces (docs/input.md), spelling out only what a
# rule reads; doc() derives each sentence's cue index from the matches, as
# the engine does.
package credcheck.lib.testing

# A sentence: index i in its own paragraph i, 100 bytes per sentence.
sentence(i, zone) := {
	"index": i, "paragraph": i, "zone": zone,
	"start": i * 100, "end": (i * 100) + 90, "line": i + 1, "column": 1,
	"text": "", "tokens": [], "capitals": 0, "quoted": false, "cues": {},
	"entities": [], "numbers": [],
}

# A lexicon match of term in sentence i at token position tok.
match(i, term, group, tok) := {
	"sentence": i, "start": ((i * 100) + 10) + tok, "end": (((i * 100) + 10) + tok) + count(term),
	"term": term, "group": group, "text": term, "quoted": false,
	"first_token": tok, "last_token": tok, "followed_by": "",
	"passive": false, "capitalised": false,
}

# An entity mention in sentence i starting at byte offset start.
entity(i, key, start) := {
	"sentence": i, "start": start, "end": start + count(key),
	"text": key, "key": key, "kind": "name", "quoted": false,
	"first_token": 0, "last_token": 0,
}

# A figure in sentence i.
number(i, text, value, unit) := {
	"sentence": i, "start": (i * 100) + 20, "end": ((i * 100) + 20) + count(text), "text": text,
	"value": value, "unit": unit, "scale": "", "quantity": "", "before": [], "after": [], "quoted": false,
}

# A document from sentences and matches grouped by lexicon.
doc(sentences, matches) := {
	"version": 1, "article": {"id": "t", "path": "t.txt", "format": "text", "outlet": ""},
	"headline": -1, "paragraphs": [], "sentences": [with_cues(s, matches) | some s in sentences],
	"quotes": [], "numbers": [], "entities": [], "matches": matches, "repeats": [],
	"stats": {"words": 400, "sentences": count(sentences)},
}

with_cues(s, matches) := object.union(s, {"cues": {name: indexes |
	some name, list in matches
	indexes := [k | some k, m in list; m.sentence == s.index; not m.quoted]
	count(indexes) > 0
}})

# The document d with the names index the engine derives from its entities:
# each key named outside quotes, with the sentences naming it in text order.
named(d) := object.union(d, {"names": {k: list |
	some k in {e.key | some e in d.entities}
	list := sort({e.sentence | some e in d.entities; e.key == k; not e.quoted})
	count(list) > 0
}})

# A document from sentences with page evidence: the fields given over those
# of a web page that shows everything (a byline, a date, no labels).
paged(sentences, fields) := object.union(
	object.union(doc(sentences, {}), {"headline": head(sentences)}),
	{"page": object.union(
		{
			"version": 1, "from": "html", "byline": "Jane Roe", "authors": ["Jane Roe"], "declared_authors": [],
			"published": "2026-05-04", "modified": "", "publisher": "", "section": "", "type": "",
			"labels": [], "opinion": false, "sponsored": false, "corrections": false, "links": [],
		},
		fields,
	)},
)

default head(_) := -1

head(sentences) := 0 if sentences[0].zone == "headline"
