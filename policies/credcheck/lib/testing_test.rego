# Builders for the small input documents the rule tests use. The engine
# produces the same shapes (docs/input.md); tests spell out only the fields a
# rule reads.
package credcheck.lib.testing

# A sentence: index i in its own paragraph i, 100 bytes per sentence.
sentence(i, zone, cues) := {
	"index": i, "paragraph": i, "zone": zone,
	"start": i * 100, "end": (i * 100) + 90, "line": i + 1, "column": 1,
	"text": "", "tokens": [], "quoted": false, "cues": cues,
	"entities": [], "numbers": [],
}

# A lexicon match of term in sentence i at token position tok.
match(i, term, group, tok) := {
	"sentence": i, "start": ((i * 100) + 10) + tok, "end": (((i * 100) + 10) + tok) + count(term),
	"term": term, "group": group, "text": term, "quoted": false,
	"first_token": tok, "last_token": tok, "followed_by": "",
}

# An entity mention in sentence i starting at byte offset start.
entity(i, key, start) := {
	"sentence": i, "start": start, "end": start + count(key),
	"text": key, "key": key, "kind": "name", "quoted": false,
}

# A document from sentences and matches grouped by lexicon.
doc(sentences, matches) := {
	"version": 1, "article": {"id": "t", "path": "t.txt", "format": "text", "outlet": ""},
	"headline": -1, "paragraphs": [], "sentences": sentences,
	"quotes": [], "numbers": [], "entities": [], "matches": matches,
	"stats": {"words": 400, "sentences": count(sentences)},
}
