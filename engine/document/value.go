package document

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Value builds the policy input for the document directly as an OPA value.
// Going through JSON would cost an encode and a decode per article; building
// the value costs a fraction of that, and the keys are shared terms.
func (d *Document) Value() ast.Value {
	words := make(termCache, 256)
	w := words.get
	a := d.Article
	article := obj(
		kv(kID, str(a.ID)), kv(kPath, str(a.Path)), kv(kFormat, str(string(a.Format))),
		kv(kTitle, str(a.Title)), kv(kAuthor, str(a.Author)), kv(kDate, str(a.Date)),
		kv(kOutlet, str(a.Outlet)), kv(kURL, str(a.URL)),
	)
	if pg := a.Page; pg != nil {
		article.Insert(kExtractedText, str(a.Source))
		article.Insert(kLanguage, str(pg.Language))
		article.Insert(kDescription, str(pg.Description))
		article.Insert(kModified, str(pg.Modified))
		links := make([]*ast.Term, len(pg.Links))
		for i, l := range pg.Links {
			links[i] = ast.NewTerm(obj(kv(kText, str(l.Text)), kv(kURL, str(l.URL))))
		}
		article.Insert(kLinks, ast.ArrayTerm(links...))
	}

	paragraphs := make([]*ast.Term, len(d.Paragraphs))
	for i, p := range d.Paragraphs {
		paragraphs[i] = ast.NewTerm(obj(
			kv(kIndex, num(p.Index)), kv(kZone, w(string(p.Zone))), kv(kKind, w(string(p.Kind))),
			kv(kLevel, num(p.Level)), kv(kStart, num(p.Start)), kv(kEnd, num(p.End)), kv(kLine, num(p.Line)),
			kv(kFirstSentence, num(p.FirstSentence)), kv(kLastSentence, num(p.LastSentence)),
		))
	}

	// Per sentence, the lexicons that matched outside quotes, each with the
	// indexes of its matches in input.matches[lexicon], so a policy can ask
	// "does the writer attribute this sentence" with one lookup and reach
	// the matches without scanning.
	cues := make([]map[string][]*ast.Term, len(d.Sentences))
	byLexicon := map[string][]*ast.Term{}
	var lexiconOrder []string
	for _, m := range d.Matches {
		t := ast.NewTerm(obj(
			kv(kSentence, num(m.Sentence)), kv(kStart, num(m.Start)), kv(kEnd, num(m.End)),
			kv(kTerm, w(m.Term)), kv(kGroup, w(m.Group)), kv(kText, w(m.Text)),
			kv(kQuoted, ast.InternedTerm(m.Quoted)),
			kv(kFirstToken, num(m.FirstToken)), kv(kLastToken, num(m.LastToken)), kv(kFollowedBy, w(m.FollowedBy)),
			kv(kPassive, ast.InternedTerm(m.Passive)), kv(kCapitalised, ast.InternedTerm(m.Capitalised)),
		))
		if _, ok := byLexicon[m.Lexicon]; !ok {
			lexiconOrder = append(lexiconOrder, m.Lexicon)
		}
		index := len(byLexicon[m.Lexicon])
		byLexicon[m.Lexicon] = append(byLexicon[m.Lexicon], t)
		if !m.Quoted {
			if cues[m.Sentence] == nil {
				cues[m.Sentence] = map[string][]*ast.Term{}
			}
			cues[m.Sentence][m.Lexicon] = append(cues[m.Sentence][m.Lexicon], num(index))
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
		))
	}

	quotes := make([]*ast.Term, len(d.Quotes))
	for i, q := range d.Quotes {
		quotes[i] = ast.NewTerm(obj(kv(kStart, num(q.Start)), kv(kEnd, num(q.End)),
			kv(kSentence, num(d.SentenceAt(q.Start))), kv(kWords, num(quoteWords(d.Text, q)))))
	}

	numbers := make([]*ast.Term, len(d.Numbers))
	for i, n := range d.Numbers {
		numbers[i] = ast.NewTerm(obj(
			kv(kSentence, num(n.Sentence)), kv(kStart, num(n.Start)), kv(kEnd, num(n.End)),
			kv(kText, str(n.Text)), kv(kValue, float(n.Value)), kv(kUnit, w(n.Unit)), kv(kScale, w(n.Scale)),
			kv(kQuantity, w(n.Quantity)),
			kv(kBefore, words.array(n.Before)), kv(kAfter, words.array(n.After)), kv(kQuoted, ast.InternedTerm(n.Quoted)),
		))
	}

	entities := make([]*ast.Term, len(d.Entities))
	for i, e := range d.Entities {
		entities[i] = ast.NewTerm(obj(
			kv(kSentence, num(e.Sentence)), kv(kStart, num(e.Start)), kv(kEnd, num(e.End)),
			kv(kText, w(e.Text)), kv(kKey, w(e.Key)), kv(kKind, w(e.Kind)), kv(kQuoted, ast.InternedTerm(e.Quoted)),
			kv(kFirstToken, num(e.FirstToken)), kv(kLastToken, num(e.LastToken)),
		))
	}

	// Per entity key, the sentences that name it outside quotes, in text
	// order: a rule that pairs sentences about one party (an announcement
	// and a silence) looks the party up instead of comparing every pair.
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

	// Sentences that end with a question or exclamation mark in the
	// writer's voice (not wholly quoted), so that rules read two short
	// lists instead of every sentence.
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

	repeats := make([]*ast.Term, len(d.Repeats))
	for i, r := range d.Repeats {
		repeats[i] = ast.NewTerm(obj(kv(kSentence, num(r.Sentence)), kv(kOf, num(r.Of))))
	}

	matches := ast.NewObject()
	for _, lex := range lexiconOrder {
		matches.Insert(w(lex), ast.ArrayTerm(byLexicon[lex]...))
	}

	st := d.Stats
	stats := obj(
		kv(kWords, num(st.Words)), kv(kSentences, num(st.Sentences)), kv(kParagraphs, num(st.Paragraphs)),
		kv(kSentenceLengthMean, float(st.SentenceLengthMean)), kv(kSentenceLengthSD, float(st.SentenceLengthSD)),
		kv(kTypeTokenRatio, float(st.TypeTokenRatio)), kv(kMATTR, float(st.MATTR)),
		kv(kWordLengthMean, float(st.WordLengthMean)),
		kv(kSentenceLengthCV, float(st.SentenceLengthCV)), kv(kSpecificsPer1000, float(st.SpecificsPer1000)),
	)

	return obj(
		kv(kVersion, num(InputVersion)),
		kv(kArticle, ast.NewTerm(article)),
		kv(kHeadline, num(d.Headline)),
		kv(kParagraphs, ast.ArrayTerm(paragraphs...)),
		kv(kSentences, ast.ArrayTerm(sentences...)),
		kv(kQuotes, ast.ArrayTerm(quotes...)),
		kv(kNumbers, ast.ArrayTerm(numbers...)),
		kv(kEntities, ast.ArrayTerm(entities...)),
		kv(kNames, ast.NewTerm(names)),
		kv(kMatches, ast.NewTerm(matches)),
		kv(kRepeats, ast.ArrayTerm(repeats...)),
		kv(kEndings, ast.NewTerm(obj(kv(kQuestion, ast.ArrayTerm(questions...)), kv(kExclamation, ast.ArrayTerm(exclamations...))))),
		kv(kAttributions, ast.ArrayTerm(attributions...)),
		kv(kStats, ast.NewTerm(stats)),
		kv(kLanguage, ast.NewTerm(obj(
			kv(kCode, str(d.Language.Code)), kv(kName, str(d.Language.Name)), kv(kSource, str(d.Language.Source)),
		))),
	)
}

// JSON renders the input exactly as the policies see it, with object keys in
// sorted order, indented or on one line.
func (d *Document) JSON(indent bool) ([]byte, error) {
	v, err := ast.JSON(d.Value())
	if err != nil {
		return nil, err
	}
	if indent {
		return json.MarshalIndent(v, "", "  ")
	}
	return json.Marshal(v)
}

var (
	kID, kPath, kFormat, kTitle, kAuthor, kDate, kOutlet, kURL      = key("id"), key("path"), key("format"), key("title"), key("author"), key("date"), key("outlet"), key("url")
	kIndex, kZone, kKind, kLevel, kStart, kEnd, kLine, kColumn      = key("index"), key("zone"), key("kind"), key("level"), key("start"), key("end"), key("line"), key("column")
	kFirstSentence, kLastSentence, kSentence, kParagraph            = key("first_sentence"), key("last_sentence"), key("sentence"), key("paragraph")
	kTerm, kGroup, kText, kQuoted, kFirstToken, kLastToken          = key("term"), key("group"), key("text"), key("quoted"), key("first_token"), key("last_token")
	kTokens, kCues, kEntities, kNumbers, kValue, kUnit, kScale      = key("tokens"), key("cues"), key("entities"), key("numbers"), key("value"), key("unit"), key("scale")
	kBefore, kAfter, kKey, kWords, kSentences, kParagraphs          = key("before"), key("after"), key("key"), key("words"), key("sentences"), key("paragraphs")
	kSentenceLengthMean, kSentenceLengthSD, kTypeTokenRatio, kMATTR = key("sentence_length_mean"), key("sentence_length_sd"), key("type_token_ratio"), key("mattr")
	kVersion, kArticle, kHeadline, kQuotes, kMatches, kStats        = key("version"), key("article"), key("headline"), key("quotes"), key("matches"), key("stats")
	kFollowedBy, kQuantity, kRepeats, kOf                           = key("followed_by"), key("quantity"), key("repeats"), key("of")
	kEndings, kQuestion, kExclamation                               = key("endings"), key("question"), key("exclamation")
	kAttributions, kLexicon, kSource                                = key("attributions"), key("lexicon"), key("source")
	kSpeaker, kEntity, kRole                                        = key("speaker"), key("entity"), key("role")
	kWordLengthMean, kCapitals, kCapitalised                        = key("word_length_mean"), key("capitals"), key("capitalised")
	kSentenceLengthCV, kSpecificsPer1000, kPassive                  = key("sentence_length_cv"), key("specifics_per_1000"), key("passive")
	kUpper, kNames                                                  = key("upper"), key("names")
	kLanguage, kCode, kName                                         = key("language"), key("code"), key("name")
	kExtractedText, kDescription, kModified, kLinks                 = key("extracted_text"), key("description"), key("modified"), key("links")
)

func key(s string) *ast.Term { return ast.StringTerm(s) }

func kv(k, v *ast.Term) [2]*ast.Term { return [2]*ast.Term{k, v} }

func obj(items ...[2]*ast.Term) ast.Object { return ast.NewObject(items...) }

func str(s string) *ast.Term { return ast.StringTerm(s) }

func num(i int) *ast.Term { return ast.IntNumberTerm(i) }

// float rounds to four decimals so that inputs print the same everywhere.
func float(f float64) *ast.Term {
	r := math.Round(f*1e4) / 1e4
	if r == math.Trunc(r) && math.Abs(r) < 1e15 {
		return ast.IntNumberTerm(int(r))
	}
	return ast.NumberTerm(json.Number(strconv.FormatFloat(r, 'f', -1, 64)))
}

func ints(xs []int) *ast.Term {
	terms := make([]*ast.Term, len(xs))
	for i, x := range xs {
		terms[i] = num(x)
	}
	return ast.ArrayTerm(terms...)
}

// termCache shares one term among equal strings of a document: words,
// zones, lexicon terms, which recur. A term not made is two allocations (the
// term and the boxed string) that the garbage collector need not chase.
type termCache map[string]*ast.Term

func (c termCache) get(s string) *ast.Term {
	if t, ok := c[s]; ok {
		return t
	}
	t := ast.StringTerm(s)
	c[s] = t
	return t
}

func (c termCache) array(xs []string) *ast.Term {
	terms := make([]*ast.Term, len(xs))
	for i, x := range xs {
		terms[i] = c.get(x)
	}
	return ast.ArrayTerm(terms...)
}

// speakerValue is the speaker of an attribution: {entity, start, end, text,
// words, role}, role being {start, end, text} or null; null without one.
func speakerValue(sp *Speaker) *ast.Term {
	if sp == nil {
		return ast.NullTerm()
	}
	role := ast.NullTerm()
	if sp.Role != nil {
		role = ast.NewTerm(obj(kv(kStart, num(sp.Role.Start)), kv(kEnd, num(sp.Role.End)), kv(kText, str(sp.Role.Text))))
	}
	return ast.NewTerm(obj(
		kv(kEntity, num(sp.Entity)), kv(kStart, num(sp.Start)), kv(kEnd, num(sp.End)),
		kv(kText, str(sp.Text)), kv(kWords, num(sp.Words)), kv(kRole, role),
	))
}

// quoteWords counts the words of a quote, so that a rule can tell a quoted
// statement from a scare-quoted word.
func quoteWords(text string, q Span) int {
	if q.Start < 0 || q.End > len(text) || q.Start >= q.End {
		return 0
	}
	return len(strings.Fields(text[q.Start:q.End]))
}
