package document

import (
	"errors"
	"math"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/lexicon"
)

// ErrNoProse is returned for an article whose text holds no prose once markup
// and code are set aside.
var ErrNoProse = errors.New("empty article: no prose to check")

var (
	// Where the title's value stands in YAML, TOML and JSON front matter.
	titleField     = regexp.MustCompile(`(?m)^title:[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\n#]*?))[ \t]*(?:#[^\n]*)?\r?$`)
	tomlTitleField = regexp.MustCompile(`(?mi)^[ \t]*"?title"?[ \t]*=[ \t]*(?:"([^"\n]*)"|'([^'\n]*)')`)
	jsonTitleField = regexp.MustCompile(`(?i)"title"\s*:\s*"((?:[^"\\\n]|\\.)*)"`)
	bylineLine     = regexp.MustCompile(`^(?:By|BY|Written by|Words by)\s+\p{Lu}`)
)

// Build analyses an article, matching the lexicons of set.
func Build(a *article.Article, set *lexicon.Set) (*Document, error) {
	text := a.Source
	forcedHeadline := false
	if a.Format == article.JSONLines && strings.TrimSpace(a.Title) != "" {
		// The title of a record is analysed as its first line, so that
		// findings in it have a place to point at.
		text = strings.TrimSpace(a.Title) + "\n\n" + a.Source
		forcedHeadline = true
	}
	d := &Document{Article: a, Text: text, Headline: -1, lineStarts: lineStarts(text), runeMarks: runeMarks(text)}

	var lay layout
	headlineBlock := -1
	switch a.Format {
	case article.Markdown:
		fm, _ := article.ParseFrontMatter(text)
		lay = readMarkdown(text, fm.End)
		headlineBlock = markdownHeadline(text, &lay, fm)
	case article.HTML:
		// A page's text was extracted as Markdown, headline first, with
		// no front matter: its metadata came from the page.
		lay = readMarkdown(text, 0)
		headlineBlock = markdownHeadline(text, &lay, article.FrontMatter{})
	default:
		lay = readText(text)
		promoteTextHeadings(text, &lay)
		if len(lay.blocks) > 0 && (forcedHeadline || isOneLine(text, lay.blocks[0]) && headlineLike(text[lay.blocks[0].start:lay.blocks[0].end])) {
			headlineBlock = 0
		}
	}
	clean := string(lay.clean)
	d.Clean = clean
	for i := range lay.comments {
		lay.comments[i].Line, _ = d.Position(lay.comments[i].Start)
	}
	d.Comments = lay.comments

	var quotes []Span
	ledeFound := false
	// About one word in six bytes of prose; a longer text grows the array.
	slab := make([]lexicon.Token, 0, len(clean)/5+16)
	// A block holds at most one sentence more than it has sentence ends
	// (bar the rare sentence cut at MaxSentenceWords); a run of dots is not
	// a run of sentences, so no more than one per 20 bytes is reserved.
	ends := strings.Count(clean, ".") + strings.Count(clean, "!") + strings.Count(clean, "?") + strings.Count(clean, "…")
	d.Sentences = make([]Sentence, 0, min(ends+len(lay.blocks), len(clean)/20+8))
	for bi, b := range lay.blocks {
		p := Paragraph{Index: len(d.Paragraphs), Kind: b.kind, Level: b.level, Start: b.start, End: b.end, FirstSentence: len(d.Sentences)}
		p.Line, _ = d.Position(b.start)
		switch {
		case bi == headlineBlock:
			p.Zone = Headline
			if p.Kind == KindText {
				p.Kind = KindHeading
			}
			if p.Level == 0 {
				p.Level = 1
			}
		case b.kind == KindHeading:
			p.Zone = Heading
		case b.kind == KindQuote:
			p.Zone = Quote
		case b.kind == KindText && isOneLine(text, b) && isByline(text[b.start:b.end]):
			p.Zone = Byline
		case b.kind == KindText && !ledeFound:
			p.Zone = Lede
			ledeFound = true
		default:
			p.Zone = Body
		}
		var spans []Span
		if p.Kind == KindHeading {
			spans = []Span{{b.start, b.end}}
		} else {
			spans = splitSentences(clean, b.start, b.end)
		}
		if p.Kind == KindQuote {
			quotes = append(quotes, Span{b.start, b.end})
		} else {
			quotes = append(quotes, findQuotes(clean, b.start, b.end)...)
		}
		addSentence := func(sp Span, toks []lexicon.Token) {
			if len(toks) == 0 {
				return
			}
			s := Sentence{Index: len(d.Sentences), Paragraph: p.Index, Zone: p.Zone, Start: sp.Start, End: sp.End, Tokens: toks}
			s.Line, s.Column = d.Position(sp.Start)
			s.Text = collapse(clean[sp.Start:sp.End])
			if p.Zone == Headline && d.Headline < 0 {
				d.Headline = s.Index
			}
			d.Sentences = append(d.Sentences, s)
		}
		for _, whole := range spans {
			// The sentences share one array of tokens, each slice capped
			// so that appending to one cannot spill into the next.
			n := len(slab)
			slab = lexicon.AppendTokens(slab, clean[whole.Start:whole.End], whole.Start)
			toks := slab[n:len(slab):len(slab)]
			if len(toks) <= MaxSentenceWords {
				addSentence(whole, toks)
				continue
			}
			pieces, tokens := capSentence(clean, whole, toks)
			for k, sp := range pieces {
				addSentence(sp, tokens[k])
			}
		}
		if len(d.Sentences) == p.FirstSentence {
			continue
		}
		p.LastSentence = len(d.Sentences) - 1
		d.Paragraphs = append(d.Paragraphs, p)
	}
	if len(d.Sentences) == 0 {
		return nil, ErrNoProse
	}
	d.Quotes = quotes

	known := nameWords(d.Sentences)
	found := foundMatches.Get().(*[]sentenceMatch)
	for i := range d.Sentences {
		s := &d.Sentences[i]
		s.Quoted = allQuoted(s.Tokens, quotes)
		for _, e := range findEntities(clean, s, known) {
			e.Quoted = inSpans(quotes, e.Start, e.End)
			s.Entities = append(s.Entities, len(d.Entities))
			d.Entities = append(d.Entities, e)
		}
		for _, n := range findNumbers(clean, s.Tokens, s.Index) {
			n.Quoted = inSpans(quotes, n.Start, n.End)
			s.Numbers = append(s.Numbers, len(d.Numbers))
			d.Numbers = append(d.Numbers, n)
		}
		set.MatchTokens(s.Tokens, func(m lexicon.Match) {
			*found = append(*found, sentenceMatch{m, s.Index})
		})
	}
	set.MatchText(clean, func(m lexicon.Match) {
		if si := d.SentenceAt(m.Start); si >= 0 && d.Sentences[si].Start < m.End {
			*found = append(*found, sentenceMatch{m, si})
		}
	})
	// Counted first, the matches take one allocation of their final size.
	d.Matches = make([]Match, 0, len(*found))
	for _, f := range *found {
		d.Matches = append(d.Matches, d.match(f.Match, f.sentence, quotes, clean))
	}
	*found = (*found)[:0]
	foundMatches.Put(found)
	sort.SliceStable(d.Matches, func(i, j int) bool {
		a, b := d.Matches[i], d.Matches[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		if a.Lexicon != b.Lexicon {
			return a.Lexicon < b.Lexicon
		}
		return a.Term < b.Term
	})
	for i, m := range d.Matches {
		s := &d.Sentences[m.Sentence]
		s.Matches = append(s.Matches, i)
	}
	d.Repeats = findRepeats(d.Sentences)
	d.Attributions = findAttributions(d, set)
	d.Stats = computeStats(d, set)
	d.Language = detectLanguage(d.Sentences)
	var bodyLinks []article.Link
	if a.Format == article.Markdown {
		bodyLinks = lay.links
	}
	d.Page = buildPage(a, set, bodyLinks)
	return d, nil
}

// sentenceMatch is a lexicon match and the sentence it falls in.
type sentenceMatch struct {
	lexicon.Match
	sentence int
}

// foundMatches holds the scratch lists Build collects matches in.
var foundMatches = sync.Pool{New: func() any { return new([]sentenceMatch) }}

func (d *Document) match(m lexicon.Match, sentence int, quotes []Span, clean string) Match {
	s := d.Sentences[sentence]
	next := ""
	if rest := strings.TrimLeft(clean[m.End:max(m.End, s.End)], " \t\r\n"); rest != "" {
		r, _ := utf8.DecodeRuneInString(rest)
		next = string(r)
	}
	out := Match{
		Lexicon: m.Lexicon.Name, Term: m.Term(), Group: m.Group(), Sentence: sentence,
		Start: m.Start, End: m.End, Text: collapse(clean[m.Start:m.End]),
		Quoted:     inSpans(quotes, m.Start, m.End) || d.Paragraphs[s.Paragraph].Kind == KindQuote,
		FirstToken: m.FirstToken, LastToken: m.LastToken, FollowedBy: next,
	}
	out.Passive = passive(s.Tokens, m.FirstToken, m.LastToken)
	r, _ := utf8.DecodeRuneInString(out.Text)
	out.Capitalised = unicode.IsUpper(r)
	return out
}

var (
	beForms = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true}
	// Adverbs that sit between "be" and a participle without being -ly words.
	passiveAdverbs = map[string]bool{"later": true, "then": true, "also": true, "not": true, "never": true, "often": true,
		"since": true, "previously": true, "first": true, "once": true, "already": true}
)

// passive tells whether tokens first..last read as a verb in the passive
// with no agent.
func passive(toks []lexicon.Token, first, last int) bool {
	if first < 1 || last >= len(toks) || strings.HasSuffix(toks[last].Fold, "ing") {
		return false
	}
	prev := toks[first-1].Fold
	be := beForms[prev]
	if !be && first >= 2 && (strings.HasSuffix(prev, "ly") || passiveAdverbs[prev]) {
		be = beForms[toks[first-2].Fold]
	}
	return be && !(last+1 < len(toks) && toks[last+1].Fold == "by")
}

// findRepeats lists sentences of three words or more whose words repeat an
// earlier sentence.
func findRepeats(sentences []Sentence) []Repeat {
	var out []Repeat
	first := make(map[string]int, len(sentences))
	// One buffer for every key; looking a key up copies nothing, only a
	// new key becomes a string.
	var key []byte
	for i, s := range sentences {
		if len(s.Tokens) < 3 {
			continue
		}
		key = key[:0]
		for _, t := range s.Tokens {
			key = append(key, t.Fold...)
			key = append(key, ' ')
		}
		if j, ok := first[string(key)]; ok {
			out = append(out, Repeat{Sentence: i, Of: j})
			continue
		}
		first[string(key)] = i
	}
	return out
}

// isByline reports whether a one-line paragraph is a byline ("By Jane Roe").
func isByline(t string) bool {
	return bylineLine.MatchString(t) && len(strings.Fields(t)) <= 8
}

func isOneLine(text string, b block) bool {
	return !strings.Contains(text[b.start:b.end], "\n")
}

// promoteTextHeadings marks the one-line paragraphs of plain text that read
// as titles ("Key Points:", a title-case subheading) as headings.
func promoteTextHeadings(text string, lay *layout) {
	for i, b := range lay.blocks {
		if b.kind != KindText || !isOneLine(text, b) {
			continue
		}
		t := text[b.start:b.end]
		if isByline(t) {
			continue // "By Jane Roe" reads as a title but is a byline
		}
		if titleLike(t) || strings.HasSuffix(t, ":") && len(strings.Fields(t)) <= 6 {
			lay.blocks[i].kind, lay.blocks[i].level = KindHeading, 2
		}
	}
}

// markdownHeadline picks the headline of a Markdown article: the front-matter
// title (pointing at the first heading when that repeats it), else a leading
// level-1 heading, else a first line that reads as a title.
func markdownHeadline(text string, lay *layout, fm article.FrontMatter) int {
	title := strings.TrimSpace(fm.Title)
	if title != "" {
		if len(lay.blocks) > 0 && lay.blocks[0].kind == KindHeading && sameTitle(text[lay.blocks[0].start:lay.blocks[0].end], title) {
			return 0
		}
		// The headline is only in the front matter: point at its value.
		if m := titleValue(text[:fm.End]); m != nil {
			for g := 1; 2*g+1 < len(m); g++ {
				if m[2*g] >= 0 && m[2*g+1] > m[2*g] {
					start, end := m[2*g], m[2*g+1]
					copy(lay.clean[start:end], text[start:end])
					lay.blocks = append([]block{{start: start, end: end, kind: KindHeading, level: 1}}, lay.blocks...)
					return 0
				}
			}
		}
		return -1
	}
	if len(lay.blocks) == 0 {
		return -1
	}
	first := lay.blocks[0]
	if first.kind == KindHeading && first.level == 1 {
		return 0
	}
	if first.kind == KindText && isOneLine(text, first) && headlineLike(string(lay.clean[first.start:first.end])) {
		return 0
	}
	return -1
}

// titleValue locates the title in a front-matter block, by the syntax
// its opening names.
func titleValue(block string) []int {
	switch strings.TrimPrefix(block, "\ufeff")[0] {
	case '+':
		return tomlTitleField.FindStringSubmatchIndex(block)
	case '{':
		return jsonTitleField.FindStringSubmatchIndex(block)
	}
	return titleField.FindStringSubmatchIndex(block)
}

func sameTitle(a, b string) bool {
	norm := func(s string) string {
		return strings.Join(strings.Fields(strings.ToLower(strings.Trim(s, "# *_"))), " ")
	}
	return norm(a) == norm(b)
}

func allQuoted(toks []lexicon.Token, quotes []Span) bool {
	if len(quotes) == 0 {
		return false
	}
	for _, t := range toks {
		if !inSpans(quotes, t.Start, t.End) {
			return false
		}
	}
	return true
}

// computeStats describes the running prose: headline, headings and bylines
// are left out because their fragments would distort sentence lengths.
func computeStats(d *Document, set *lexicon.Set) Stats {
	var st Stats
	total := 0
	for _, s := range d.Sentences {
		total += len(s.Tokens)
	}
	lengths := make([]float64, 0, len(d.Sentences))
	words := make([]int32, 0, total)
	letters := 0
	ids := make(map[string]int32, total/2)
	// Sentences come in paragraph order, so a paragraph is new when it
	// differs from the last one counted.
	paragraphs, lastParagraph := 0, -1
	for _, s := range d.Sentences {
		if s.Zone == Headline || s.Zone == Heading || s.Zone == Byline {
			continue
		}
		lengths = append(lengths, float64(len(s.Tokens)))
		if s.Paragraph != lastParagraph {
			paragraphs, lastParagraph = paragraphs+1, s.Paragraph
		}
		for _, t := range s.Tokens {
			letters += utf8.RuneCountInString(t.Text)
			id, ok := ids[t.Fold]
			if !ok {
				id = int32(len(ids))
				ids[t.Fold] = id
			}
			words = append(words, id)
		}
	}
	st.Sentences, st.Words, st.Paragraphs = len(lengths), len(words), paragraphs
	if len(lengths) == 0 {
		return st
	}
	sum := 0.0
	for _, l := range lengths {
		sum += l
	}
	st.SentenceLengthMean = sum / float64(len(lengths))
	v := 0.0
	for _, l := range lengths {
		v += (l - st.SentenceLengthMean) * (l - st.SentenceLengthMean)
	}
	st.SentenceLengthSD = math.Sqrt(v / float64(len(lengths)))
	if len(words) > 0 {
		st.TypeTokenRatio = float64(len(ids)) / float64(len(words))
		st.WordLengthMean = float64(letters) / float64(len(words))
	}
	st.MATTR = mattr(words, len(ids), MATTRWindow)
	if st.SentenceLengthMean > 0 {
		st.SentenceLengthCV = st.SentenceLengthSD / st.SentenceLengthMean
	}
	if len(words) > 0 {
		st.SpecificsPer1000 = float64(d.specifics(set)) * 1000 / float64(len(words))
	}
	return st
}

// specifics counts what reporting is made of: names, figures, direct
// quotes, and matches of the lexicons that credit a source (those with
// `sources`, such as attribution_cues). Headline ones count too: a
// headline that names its parties is part of the reporting.
func (d *Document) specifics(set *lexicon.Set) int {
	n := len(d.Entities) + len(d.Numbers) + len(d.Quotes)
	for _, m := range d.Matches {
		if lex := set.Lookup(m.Lexicon); lex != nil && len(lex.Sources) > 0 {
			n++
		}
	}
	return n
}

// mattr is the mean type-token ratio over every window of n consecutive
// words (Covington and McFall 2010); shorter texts get their plain ratio.
// Words are given as ids below types.
func mattr(words []int32, types, n int) float64 {
	if len(words) == 0 {
		return 0
	}
	counts := make([]int32, types)
	if len(words) <= n {
		distinct := 0
		for _, w := range words {
			if counts[w] == 0 {
				distinct++
			}
			counts[w]++
		}
		return float64(distinct) / float64(len(words))
	}
	distinct := 0
	for _, w := range words[:n] {
		if counts[w] == 0 {
			distinct++
		}
		counts[w]++
	}
	total := float64(distinct)
	for i := n; i < len(words); i++ {
		out := words[i-n]
		counts[out]--
		if counts[out] == 0 {
			distinct--
		}
		if counts[words[i]] == 0 {
			distinct++
		}
		counts[words[i]]++
		total += float64(distinct)
	}
	return total / float64(len(words)-n+1) / float64(n)
}
