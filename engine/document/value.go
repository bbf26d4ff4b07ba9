package document

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Value builds the policy input for the document directly as an OPA value.
// Going through JSON would cost an encode and a decode per article; building
// the value costs a fraction of that, and the keys are shared terms.
func (d *Document) Value() ast.Value { return d.ValueOf(nil) }

// InputKeys are the top-level keys of the input, the parts ValueOf can
// build alone.
var InputKeys = []string{"version", "article", "headline", "paragraphs", "sentences", "quotes", "numbers",
	"entities", "names", "matches", "repeats", "endings", "attributions", "stats", "language", "page"}

// ValueOf builds only the given top-level parts of the input (InputKeys),
// for rules that declare what they read: the parts left out cost nothing.
// nil builds every part, as Value does.
func (d *Document) ValueOf(parts []string) ast.Value {
	if parts == nil {
		return d.value(func(*ast.Term) bool { return true })
	}
	wanted := make(map[string]bool, len(parts))
	for _, p := range parts {
		wanted[p] = true
	}
	return d.value(func(k *ast.Term) bool { return wanted[string(k.Value.(ast.String))] })
}

func (d *Document) value(want func(*ast.Term) bool) ast.Value {
	out := ast.NewObject()
	put := func(k *ast.Term, v func() *ast.Term) {
		if want(k) {
			out.Insert(k, v())
		}
	}
	words := make(termCache, 256)
	w := words.get
	put(kVersion, func() *ast.Term { return num(InputVersion) })
	put(kArticle, func() *ast.Term {
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
		return ast.NewTerm(article)
	})
	put(kHeadline, func() *ast.Term { return num(d.Headline) })
	put(kParagraphs, func() *ast.Term { return d.paragraphsValue(w) })

	// The matches, and per sentence the lexicons that matched outside
	// quotes, are made together: sentences index into matches.
	var ms matchTerms
	if want(kSentences) || want(kMatches) {
		ms = d.matchesValue(w)
	}
	put(kSentences, func() *ast.Term { return d.sentencesValue(w, ms.cues) })
	put(kQuotes, func() *ast.Term { return d.quotesValue() })
	put(kNumbers, func() *ast.Term { return d.numbersValue(words) })
	put(kEntities, func() *ast.Term { return d.entitiesValue(w) })
	put(kNames, func() *ast.Term { return d.namesValue(w) })
	put(kMatches, func() *ast.Term {
		matches := ast.NewObject()
		for _, lex := range ms.order {
			matches.Insert(w(lex), ast.ArrayTerm(ms.byLexicon[lex]...))
		}
		return ast.NewTerm(matches)
	})
	put(kRepeats, func() *ast.Term {
		repeats := make([]*ast.Term, len(d.Repeats))
		for i, r := range d.Repeats {
			repeats[i] = ast.NewTerm(obj(kv(kSentence, num(r.Sentence)), kv(kOf, num(r.Of))))
		}
		return ast.ArrayTerm(repeats...)
	})
	put(kEndings, func() *ast.Term { return d.endingsValue() })
	put(kAttributions, func() *ast.Term { return d.attributionsValue(w) })
	put(kStats, func() *ast.Term {
		st := d.Stats
		return ast.NewTerm(obj(
			kv(kWords, num(st.Words)), kv(kSentences, num(st.Sentences)), kv(kParagraphs, num(st.Paragraphs)),
			kv(kSentenceLengthMean, float(st.SentenceLengthMean)), kv(kSentenceLengthSD, float(st.SentenceLengthSD)),
			kv(kTypeTokenRatio, float(st.TypeTokenRatio)), kv(kMATTR, float(st.MATTR)),
			kv(kWordLengthMean, float(st.WordLengthMean)),
			kv(kSentenceLengthCV, float(st.SentenceLengthCV)), kv(kSpecificsPer1000, float(st.SpecificsPer1000)),
		))
	})
	if d.Page != nil {
		put(kPage, func() *ast.Term { return d.Page.value() })
	}
	put(kLanguage, func() *ast.Term {
		return ast.NewTerm(obj(
			kv(kCode, str(d.Language.Code)), kv(kName, str(d.Language.Name)), kv(kSource, str(d.Language.Source)),
		))
	})
	return out
}

// JSON renders the input exactly as the policies see it, with object keys in
// sorted order, indented or on one line.
func (d *Document) JSON(indent bool) ([]byte, error) {
	var b bytes.Buffer
	if err := writeJSON(&b, d.Value(), indent); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte{'\n'}), nil
}

// WriteJSON writes what JSON returns to out, a piece at a time (a long
// article's input is many megabytes), followed by a newline.
func (d *Document) WriteJSON(out io.Writer, indent bool) error {
	return writeJSON(out, d.Value(), indent)
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
	kPage, kFrom, kByline, kAuthors, kDeclaredAuthors, kPublished   = key("page"), key("from"), key("byline"), key("authors"), key("declared_authors"), key("published")
	kPublisher, kSection, kType, kLabels, kOpinion, kSponsored      = key("publisher"), key("section"), key("type"), key("labels"), key("opinion"), key("sponsored")
	kCorrections, kHost, kOwnSite, kPrimary                         = key("corrections"), key("host"), key("own_site"), key("primary")
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
