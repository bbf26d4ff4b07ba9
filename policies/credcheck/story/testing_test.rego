# Builders for the small story documents the story rule tests use, in the
# shape the engine produces (docs/input.md, "Story input").
package credcheck.story.testing

article(i, names) := {"index": i, "id": sprintf("a%d", [i]), "path": sprintf("a%d.md", [i]), "outlet": "", "date": "", "headline": "", "score": 50, "names": names}

figure(art, sentence, entity, measure, value, approx) := {
	"article": art, "sentence": sentence, "line": sentence + 1, "entity": entity, "measure": measure, "base": measure,
	"unit": "%", "value": value, "decimals": 1, "approx": approx, "direction": "up", "text": sprintf("%v%%", [value]),
}

credit(art, sentence, name, key, words) := {
	"article": art, "sentence": sentence, "line": sentence + 1, "cue": "said", "group": "verb",
	"name": name, "key": key, "words": words, "role": "", "role_names": [], "employers": [], "titled": false,
	"outlet": false, "institution": false, "report": false, "quote": false, "confirm": false,
	"publisher": "", "publisher_name": "",
}

outlet(art, sentence, name, key) := object.union(credit(art, sentence, name, key, 2), {"cue": "according to", "outlet": true})

statement(art, sentence, kind, parties) := {
	"article": art, "sentence": sentence, "line": sentence + 1, "kind": kind, "cue": kind, "parties": parties, "dated": false,
}

claim(art, sentence, event, parties, stance, hedge) := {
	"article": art, "sentence": sentence, "line": sentence + 1, "event": event, "cue": event,
	"parties": parties, "subject": parties[0], "object": parties[1], "stance": stance, "hedge": hedge,
}

story(articles, rest) := object.union({"version": 1, "story": "t", "articles": articles, "figures": [], "credits": [], "statements": [], "copies": [], "claims": [], "names": {}}, rest)

# Three articles that all name harbor and norden.
three := [article(0, ["harbor", "norden"]), article(1, ["harbor", "norden"]), article(2, ["harbor", "norden"])]
