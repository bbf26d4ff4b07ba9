// Package compare lines a short text (a summary, a headline, a social
// post) up against the article it reports on, and builds the comparison
// document the consistency rules (data.credcheck.consistency_rules) judge:
// for each sentence of the short text, the article sentence it rests on,
// its words with whether the article uses them, its figures and names with
// whether the article gives them, and its negations with whether the
// article negates the same words. The engine only aligns and measures; the
// Rego rules decide what counts as unsupported or contradicted.
package compare

import (
	"encoding/json"
	"math"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/document"
	"github.com/credcheck/credcheck/engine/lexicon"
)

// InputVersion versions the comparison document (docs/input.md).
const InputVersion = 1

// Input is the comparison document the consistency rules read.
type Input struct {
	Version int `json:"version"`
	// Claims are the sentences of the short text, in order.
	Claims []Claim `json:"claims"`
	// Sources are the article sentences some claim is aligned with.
	Sources []Source `json:"sources"`
}

// Claim is one sentence of the short text and what the article says to it.
type Claim struct {
	Index int    `json:"index"`
	Text  string `json:"text"`
	// Source indexes the article sentence sharing the most content words
	// with the claim, -1 when none shares any.
	Source int `json:"source"`
	// Overlap is the share of the claim's content words that the source
	// sentence uses.
	Overlap float64 `json:"overlap"`
	// SourceLast indexes the last article sentence of the passage the
	// claim rests on: the source sentence and the sentences next to it
	// that give more of the claim's words (a summary sentence often fuses
	// two). It equals Source when the passage is one sentence.
	SourceLast int        `json:"source_last"`
	Words      []Word     `json:"words"`
	Numbers    []Figure   `json:"numbers"`
	Names      []Name     `json:"names"`
	Negations  []Negation `json:"negations"`
	// Quotes are the direct quotations opening in the claim.
	Quotes []Quote `json:"quotes"`
}

// Source is an article sentence a claim rests on, with its negations.
type Source struct {
	Index int `json:"index"`
	// Last indexes the passage's last sentence; Text is the whole passage.
	Last      int        `json:"last"`
	Text      string     `json:"text"`
	Stems     []string   `json:"stems"`
	Negations []Negation `json:"negations"`
}

// Word is a content word of a claim.
type Word struct {
	Text string `json:"text"`
	Fold string `json:"fold"`
	Stem string `json:"stem"`
	// InArticle says the article uses the word (or a form of it);
	// InSource says its source sentence does.
	InArticle bool `json:"in_article"`
	InSource  bool `json:"in_source"`
	// Negated says a negation cue of the claim governs the word.
	Negated bool `json:"negated"`
	// Opposites are the word's opposites that the article uses; Rivals
	// the other members of its contrast sets there
	// (data.credcheck.consistency).
	Opposites []Related `json:"opposites"`
	Rivals    []Related `json:"rivals"`
}

// Figure is a number of a claim and whether the article gives it.
type Figure struct {
	Text  string  `json:"text"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
	// Supported says the article gives the same value in the same unit;
	// Elsewhere says it gives the value in some other unit.
	Supported bool `json:"supported"`
	Elsewhere bool `json:"elsewhere"`
	// InSource says the claim's source sentence gives the value; Others
	// are the other values it gives in the same unit.
	InSource bool      `json:"in_source"`
	Others   []float64 `json:"others"`
}

// Name is a capitalised name of a claim and whether the article names it.
type Name struct {
	Text string `json:"text"`
	Key  string `json:"key"`
	// Initial says the name opens its sentence, where a capital proves
	// nothing.
	Initial bool `json:"initial"`
	// Supported says the article names it, as a whole, word by word or by
	// its initials, or implies it (data.credcheck.consistency.places:
	// "UK" by "London"); Partly says some but not all of its words appear.
	Supported bool `json:"supported"`
	Partly    bool `json:"partly"`
}

// Negation is a negation cue and the content words it governs.
type Negation struct {
	Cue string `json:"cue"`
	// Scope are the stems of the words the cue governs, Words the words
	// as written, and Phrase the text from the cue to the last of them.
	Scope  []string `json:"scope"`
	Words  []string `json:"words"`
	Phrase string   `json:"phrase"`
	// For a claim's negation: ArticleNegates says some article sentence
	// negates a word of the scope; ArticleHas that the article uses one.
	// For a source's negation: ClaimHas says the claim uses a word of the
	// scope; ClaimNegates that the claim negates it.
	ArticleNegates bool `json:"article_negates,omitempty"`
	ArticleHas     bool `json:"article_has,omitempty"`
	ClaimHas       bool `json:"claim_has,omitempty"`
	ClaimNegates   bool `json:"claim_negates,omitempty"`
}

// Texts parses the article and the claim text as plain-text articles.
func Texts(doc, claim string, lex *lexicon.Set) (*document.Document, *document.Document, error) {
	d, err := document.Build(&article.Article{ID: "article", Format: article.Text, Source: doc}, lex)
	if err != nil {
		return nil, nil, err
	}
	c, err := document.Build(&article.Article{ID: "claim", Format: article.Text, Source: claim}, lex)
	if err != nil {
		return nil, nil, err
	}
	return d, c, nil
}

// Build aligns each sentence of claim with the article and builds the
// comparison document; rel may be nil.
func Build(art, claim *document.Document, rel *Relations) *Input {
	a := analyse(art)
	a.rel = rel
	in := &Input{Version: InputVersion, Claims: []Claim{}, Sources: []Source{}}
	sourceAt := map[[2]int]int{}
	for _, s := range claim.Sentences {
		c := a.claim(claim, s)
		c.Index = len(in.Claims)
		if c.Source >= 0 {
			key := [2]int{c.Source, c.SourceLast}
			if _, ok := sourceAt[key]; !ok {
				sourceAt[key] = len(in.Sources)
				in.Sources = append(in.Sources, a.source(c.Source, c.SourceLast, claim, s))
			}
		}
		in.Claims = append(in.Claims, c)
	}
	return in
}

// Value is the comparison document as a Rego input.
func (in *Input) Value() (ast.Value, error) {
	b, err := json.Marshal(in)
	if err != nil {
		return nil, err
	}
	return ast.ValueFromReader(strings.NewReader(string(b)))
}

// analysed is the article, indexed for aligning claims against it.
type analysed struct {
	doc *document.Document
	// stems and folds are every word form the article uses; written maps
	// a stem to the first word the article writes it with, as written.
	stems, folds map[string]bool
	written      map[string]string
	// units are the article's sentences as aligned (see unit), sentStems
	// each one's content stems.
	units     []unit
	sentStems []map[string]bool
	// negated are the stems some article negation governs.
	negated map[string]bool
	names   map[string]bool
	// initials are the initials of the article's multi-word names ("uk"
	// for "United Kingdom").
	initials map[string]bool
	numbers  []document.Number
	quotes   []quotation
	rel      *Relations
}

func analyse(d *document.Document) *analysed {
	a := &analysed{doc: d, stems: map[string]bool{}, folds: map[string]bool{}, written: map[string]string{}, negated: map[string]bool{},
		names: map[string]bool{}, initials: map[string]bool{}, numbers: d.Numbers}
	a.units = units(d)
	for _, u := range a.units {
		set := map[string]bool{}
		for _, t := range u.toks {
			f := fold(t)
			a.folds[f] = true
			st := stem(f)
			a.stems[st] = true
			if _, ok := a.written[st]; !ok {
				a.written[st] = written(t)
			}
			if content(f) {
				set[st] = true
			}
		}
		for _, n := range negations(u.toks, d.Text) {
			for _, st := range n.Scope {
				a.negated[st] = true
			}
		}
		a.sentStems = append(a.sentStems, set)
	}
	a.quotes = a.quotations()
	for _, e := range d.Entities {
		a.names[squash(e.Key)] = true
		if words := strings.Fields(e.Key); len(words) > 1 {
			var b strings.Builder
			for _, w := range words {
				b.WriteString(w[:1])
			}
			a.initials[b.String()] = true
		}
	}
	return a
}

func (a *analysed) claim(cd *document.Document, s document.Sentence) Claim {
	c := Claim{Text: s.Text, Source: -1, SourceLast: -1, Words: []Word{}, Numbers: []Figure{}, Names: []Name{}, Negations: []Negation{}}
	stems := map[string]bool{}
	for _, t := range s.Tokens {
		if f := fold(t); content(f) && !t.Number {
			stems[stem(f)] = true
		}
	}
	best := 0
	for i, set := range a.sentStems {
		n := 0
		for st := range stems {
			if set[st] {
				n++
			}
		}
		if n > best {
			best, c.Source = n, i
		}
	}
	var src map[string]bool
	if c.Source >= 0 {
		c.Source, c.SourceLast = a.extend(c.Source, stems)
		src = a.spanStems(c.Source, c.SourceLast)
		best = 0
		for st := range stems {
			if src[st] {
				best++
			}
		}
	}
	if len(stems) > 0 {
		c.Overlap = math.Round(float64(best)/float64(len(stems))*1e4) / 1e4
	}
	negs := negations(s.Tokens, cd.Text)
	governed := map[string]bool{}
	for _, n := range negs {
		for _, st := range n.Scope {
			governed[st] = true
		}
	}
	for _, t := range s.Tokens {
		f := fold(t)
		if !content(f) || t.Number {
			continue
		}
		st := stem(f)
		w := Word{Text: t.Text, Fold: f, Stem: st, InArticle: a.stems[st] || a.folds[f], InSource: src[st], Negated: governed[st]}
		a.rel.annotate(&w, src, a.written, a.folds)
		c.Words = append(c.Words, w)
	}
	for _, k := range s.Numbers {
		c.Numbers = append(c.Numbers, a.figure(cd.Numbers[k], c.Source, c.SourceLast))
	}
	for _, k := range s.Entities {
		e := cd.Entities[k]
		if e.Kind != "name" {
			continue
		}
		c.Names = append(c.Names, a.name(e, e.FirstToken == 0))
	}
	for _, n := range negs {
		for _, st := range n.Scope {
			n.ArticleNegates = n.ArticleNegates || a.negated[st]
			n.ArticleHas = n.ArticleHas || a.stems[st]
		}
		c.Negations = append(c.Negations, n)
	}
	c.Quotes = a.claimQuotes(cd, s)
	return c
}

// source describes an article sentence a claim rests on, with whether the
// claim keeps the words its negations govern.
func (a *analysed) source(first, last int, cd *document.Document, s document.Sentence) Source {
	out := Source{Index: first, Last: last, Text: strings.TrimSpace(a.doc.Text[a.units[first].start:a.units[last].end]),
		Stems: sortedKeys(a.spanStems(first, last)), Negations: []Negation{}}
	claimStems := map[string]bool{}
	for _, t := range s.Tokens {
		claimStems[stem(fold(t))] = true
	}
	claimNegated := map[string]bool{}
	for _, n := range negations(s.Tokens, cd.Text) {
		for _, st := range n.Scope {
			claimNegated[st] = true
		}
	}
	var toks []lexicon.Token
	for _, u := range a.units[first : last+1] {
		toks = append(toks, u.toks...)
	}
	for _, n := range negations(toks, a.doc.Text) {
		for _, st := range n.Scope {
			n.ClaimHas = n.ClaimHas || claimStems[st]
			n.ClaimNegates = n.ClaimNegates || claimNegated[st]
		}
		out.Negations = append(out.Negations, n)
	}
	return out
}

func (a *analysed) figure(n document.Number, first, last int) Figure {
	f := Figure{Text: n.Text, Value: n.Value, Unit: n.Unit, Others: []float64{}}
	in := func(m document.Number) bool {
		return first >= 0 && m.Start >= a.units[first].start && m.Start < a.units[last].end
	}
	for _, m := range a.numbers {
		if in(m) && m.Unit == n.Unit && !sameValue(n, m) && !slices.Contains(f.Others, m.Value) {
			f.Others = append(f.Others, m.Value)
		}
		if !sameValue(n, m) {
			continue
		}
		f.InSource = f.InSource || in(m)
		if m.Unit == n.Unit {
			f.Supported = true
		} else {
			f.Elsewhere = true
		}
	}
	if !f.Supported && !f.Elsewhere && writtenIn(a.doc.Text, n.Text) {
		// The article's number reader missed a figure it writes (run into
		// the next sentence: "Jan. 18.Japan"); the digits as written stand.
		f.Elsewhere = true
	}
	return f
}

// writtenIn says text holds the figure's digits as a number of its own,
// not inside a longer one.
func writtenIn(text, figure string) bool {
	digits := strings.TrimFunc(figure, func(r rune) bool { return r < '0' || r > '9' })
	if digits == "" {
		return false
	}
	for from := 0; ; {
		i := strings.Index(text[from:], digits)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(digits)
		if !numberByte(text, i-1) && !numberByte(text, end) {
			return true
		}
		from = i + 1
	}
}

// numberByte says the byte at i continues a number: a digit, or a point
// or comma between digits.
func numberByte(text string, i int) bool {
	if i < 0 || i >= len(text) {
		return false
	}
	c := text[i]
	if c >= '0' && c <= '9' {
		return true
	}
	if c == '.' || c == ',' {
		return i > 0 && i+1 < len(text) && isDigit(text[i-1]) && isDigit(text[i+1])
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// sameValue says a claim's figure agrees with an article's: the same
// value, or the article's rounded to the claim's fewer decimals ("1.5"
// for the article's "1.52"). A claim more precise than its article
// ("0.503" for "0.5") states a figure the article does not give.
func sameValue(claim, article document.Number) bool {
	if claim.Value == article.Value {
		return true
	}
	c, a := decimals(claim.Text), decimals(article.Text)
	if c >= a {
		return false
	}
	scale := math.Pow(10, float64(c))
	return math.Round(claim.Value*scale) == math.Round(article.Value*scale)
}

func decimals(text string) int {
	digits := strings.TrimRightFunc(text, func(r rune) bool { return r < '0' || r > '9' })
	if i := strings.LastIndexByte(digits, '.'); i >= 0 {
		return len(digits) - i - 1
	}
	return 0
}

func (a *analysed) name(e document.Entity, initial bool) Name {
	n := Name{Text: e.Text, Key: e.Key, Initial: initial}
	key := squash(e.Key)
	if a.names[key] || a.initials[key] || a.folds[key] || a.rel.implied(key, a.folds) {
		n.Supported = true
		return n
	}
	words := strings.Fields(e.Key)
	found := 0
	for _, w := range words {
		if a.folds[w] || a.stems[stem(w)] || a.names[squash(w)] {
			found++
		}
	}
	n.Supported = found == len(words)
	n.Partly = found > 0 && !n.Supported
	return n
}

// squash drops the dots and spaces of a name, so that "U.K." and "UK"
// compare equal.
func squash(s string) string {
	return strings.NewReplacer(".", "", " ", "", "-", "").Replace(strings.ToLower(s))
}

// written is a token as written, without surrounding punctuation or a
// possessive.
func written(t lexicon.Token) string {
	w := strings.Trim(t.Text, "'’.-")
	for _, suffix := range []string{"'s", "’s"} {
		w = strings.TrimSuffix(w, suffix)
	}
	return w
}

func fold(t lexicon.Token) string {
	f := strings.Trim(t.Fold, "'.-")
	f, _ = strings.CutSuffix(f, "'s")
	return f
}

// MarshalInput is the comparison document as one line of JSON.
func MarshalInput(in *Input) ([]byte, error) { return json.Marshal(in) }
