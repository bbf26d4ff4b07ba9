package document

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
)

// The parts of the policy input, each made only when a rule reads it
// (ValueOf).

func (d *Document) paragraphsValue(w func(string) *ast.Term) *ast.Term {
	paragraphs := make([]*ast.Term, len(d.Paragraphs))
	for i, p := range d.Paragraphs {
		paragraphs[i] = ast.NewTerm(obj(
			kv(kIndex, num(p.Index)), kv(kZone, w(string(p.Zone))), kv(kKind, w(string(p.Kind))),
			kv(kLevel, num(p.Level)), kv(kStart, num(p.Start)), kv(kEnd, num(p.End)), kv(kLine, num(p.Line)),
			kv(kFirstSentence, num(p.FirstSentence)), kv(kLastSentence, num(p.LastSentence)),
		))
	}
	return ast.ArrayTerm(paragraphs...)
}

// matchTerms are the lexicon matches by lexicon, in order of first match,
// and per sentence the lexicons that matched outside quotes, each with the
// indexes of its matches in input.matches[lexicon], so a policy can ask
// "does the writer attribute this sentence" with one lookup and reach the
// matches without scanning.
type matchTerms struct {
	byLexicon map[string][]*ast.Term
	order     []string
	cues      []map[string][]*ast.Term
}

func (d *Document) matchesValue(w func(string) *ast.Term) matchTerms {
	ms := matchTerms{byLexicon: map[string][]*ast.Term{}, cues: make([]map[string][]*ast.Term, len(d.Sentences))}
	for _, m := range d.Matches {
		t := ast.NewTerm(obj(
			kv(kSentence, num(m.Sentence)), kv(kStart, num(m.Start)), kv(kEnd, num(m.End)),
			kv(kTerm, w(m.Term)), kv(kGroup, w(m.Group)), kv(kText, w(m.Text)),
			kv(kQuoted, ast.InternedTerm(m.Quoted)),
			kv(kFirstToken, num(m.FirstToken)), kv(kLastToken, num(m.LastToken)), kv(kFollowedBy, w(m.FollowedBy)),
			kv(kPassive, ast.InternedTerm(m.Passive)), kv(kCapitalised, ast.InternedTerm(m.Capitalised)),
		))
		if _, ok := ms.byLexicon[m.Lexicon]; !ok {
			ms.order = append(ms.order, m.Lexicon)
		}
		index := len(ms.byLexicon[m.Lexicon])
		ms.byLexicon[m.Lexicon] = append(ms.byLexicon[m.Lexicon], t)
		if !m.Quoted {
			if ms.cues[m.Sentence] == nil {
				ms.cues[m.Sentence] = map[string][]*ast.Term{}
			}
			ms.cues[m.Sentence][m.Lexicon] = append(ms.cues[m.Sentence][m.Lexicon], num(index))
		}
	}
	return ms
}

func (d *Document) sentencesValue(w func(string) *ast.Term, cues []map[string][]*ast.Term) *ast.Term {
	// Per sentence, the indexes of its attributions in input.attributions,
	// so that a rule asking what sentence i attributes reads its own few
	// instead of scanning every attribution of the article.
	attributed := make([][]*ast.Term, len(d.Sentences))
	for k, at := range d.Attributions {
		if at.Sentence >= 0 && at.Sentence < len(attributed) {
			attributed[at.Sentence] = append(attributed[at.Sentence], num(k))
		}
	}
	sentences := make([]*ast.Term, len(d.Sentences))
	for i, s := range d.Sentences {
		tokens := make([]*ast.Term, len(s.Tokens))
		capitals := 0
		for j, t := range s.Tokens {
			tokens[j] = w(t.Fold)
			if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsUpper(r) {
				capitals++
			}
		}
		sc := ast.NewObject()
		for lex, terms := range cues[i] {
			sc.Insert(w(lex), ast.ArrayTerm(terms...))
		}
		sentences[i] = ast.NewTerm(obj(
			kv(kIndex, num(s.Index)), kv(kParagraph, num(s.Paragraph)), kv(kZone, w(string(s.Zone))),
			kv(kStart, num(s.Start)), kv(kEnd, num(s.End)), kv(kLine, num(s.Line)), kv(kColumn, num(s.Column)),
			kv(kText, str(s.Text)), kv(kTokens, ast.ArrayTerm(tokens...)), kv(kCapitals, num(capitals)),
			kv(kUpper, ints(upperTokens(s.Tokens))),
			kv(kQuoted, ast.InternedTerm(s.Quoted)), kv(kCues, ast.NewTerm(sc)),
			kv(kEntities, ints(s.Entities)), kv(kNumbers, ints(s.Numbers)),
			kv(kAttributions, ast.ArrayTerm(attributed[i]...)),
		))
	}
	return ast.ArrayTerm(sentences...)
}

func (d *Document) quotesValue() *ast.Term {
	quotes := make([]*ast.Term, len(d.Quotes))
	for i, q := range d.Quotes {
		quotes[i] = ast.NewTerm(obj(kv(kStart, num(q.Start)), kv(kEnd, num(q.End)),
			kv(kSentence, num(d.SentenceAt(q.Start))), kv(kWords, num(quoteWords(d.Text, q)))))
	}
	return ast.ArrayTerm(quotes...)
}

func (d *Document) numbersValue(words termCache) *ast.Term {
	w := words.get
	numbers := make([]*ast.Term, len(d.Numbers))
	for i, n := range d.Numbers {
		numbers[i] = ast.NewTerm(obj(
			kv(kSentence, num(n.Sentence)), kv(kStart, num(n.Start)), kv(kEnd, num(n.End)),
			kv(kText, str(n.Text)), kv(kValue, float(n.Value)), kv(kUnit, w(n.Unit)), kv(kScale, w(n.Scale)),
			kv(kQuantity, w(n.Quantity)),
			kv(kBefore, words.array(n.Before)), kv(kAfter, words.array(n.After)), kv(kQuoted, ast.InternedTerm(n.Quoted)),
		))
	}
	return ast.ArrayTerm(numbers...)
}

func (d *Document) entitiesValue(w func(string) *ast.Term) *ast.Term {
	entities := make([]*ast.Term, len(d.Entities))
	for i, e := range d.Entities {
		entities[i] = ast.NewTerm(obj(
			kv(kSentence, num(e.Sentence)), kv(kStart, num(e.Start)), kv(kEnd, num(e.End)),
			kv(kText, w(e.Text)), kv(kKey, w(e.Key)), kv(kKind, w(e.Kind)), kv(kQuoted, ast.InternedTerm(e.Quoted)),
			kv(kFirstToken, num(e.FirstToken)), kv(kLastToken, num(e.LastToken)),
		))
	}
	return ast.ArrayTerm(entities...)
}

// namesValue gives, per entity key, the sentences that name it outside
// quotes, in text order: a rule that pairs sentences about one party (an
// announcement and a silence) looks the party up instead of comparing
// every pair.
func (d *Document) namesValue(w func(string) *ast.Term) *ast.Term {
	names := ast.NewObject()
	var nameOrder []string
	bySentence := map[string][]*ast.Term{}
	last := map[string]int{}
	for _, e := range d.Entities {
		if e.Quoted {
			continue
		}
		list, seen := bySentence[e.Key]
		if !seen {
			nameOrder = append(nameOrder, e.Key)
		} else if last[e.Key] == e.Sentence {
			continue
		}
		bySentence[e.Key] = append(list, num(e.Sentence))
		last[e.Key] = e.Sentence
	}
	for _, k := range nameOrder {
		names.Insert(w(k), ast.ArrayTerm(bySentence[k]...))
	}
	return ast.NewTerm(names)
}

func (d *Document) attributionsValue(w func(string) *ast.Term) *ast.Term {
	attributions := make([]*ast.Term, len(d.Attributions))
	for i, at := range d.Attributions {
		source := ast.NullTerm()
		if at.Source != nil {
			source = ast.NewTerm(obj(kv(kStart, num(at.Source.Start)), kv(kEnd, num(at.Source.End)), kv(kText, str(at.Source.Text))))
		}
		attributions[i] = ast.NewTerm(obj(
			kv(kSentence, num(at.Sentence)), kv(kStart, num(at.Start)), kv(kEnd, num(at.End)),
			kv(kLexicon, w(at.Lexicon)), kv(kTerm, w(at.Term)), kv(kGroup, w(at.Group)), kv(kSource, source),
			kv(kSpeaker, speakerValue(at.Speaker)),
		))
	}
	return ast.ArrayTerm(attributions...)
}

// endingsValue lists the sentences that end with a question or exclamation
// mark in the writer's voice (not wholly quoted), so that rules read two
// short lists instead of every sentence.
func (d *Document) endingsValue() *ast.Term {
	var questions, exclamations []*ast.Term
	for i, s := range d.Sentences {
		if s.Quoted {
			continue
		}
		switch {
		case strings.HasSuffix(s.Text, "?"):
			questions = append(questions, num(i))
		case strings.HasSuffix(s.Text, "!"):
			exclamations = append(exclamations, num(i))
		}
	}
	return ast.NewTerm(obj(kv(kQuestion, ast.ArrayTerm(questions...)), kv(kExclamation, ast.ArrayTerm(exclamations...))))
}
