// Package document turns an article into the model the policies read as
// input: zones, paragraphs, sentences with offsets and tokens, direct-quote
// spans, numbers, entity mentions, lexicon matches and statistics. It does
// mechanics only; what any of it means for credibility is decided in Rego.
//
// The shape handed to Rego is documented in docs/input.md and versioned by
// InputVersion.
package document

import (
	"sort"
	"unicode/utf8"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/lexicon"
)

// InputVersion is the version of the input document given to policies. It
// changes only when a field is removed or changes meaning.
const InputVersion = 1

// Zone is the part of an article a paragraph belongs to.
type Zone string

const (
	Headline Zone = "headline"
	Lede     Zone = "lede"
	Body     Zone = "body"
	Heading  Zone = "heading"
	Quote    Zone = "quote"
	Byline   Zone = "byline"
)

// Kind is the layout of a paragraph in its source.
type Kind string

const (
	KindText    Kind = "text"
	KindHeading Kind = "heading"
	KindItem    Kind = "item"
	KindQuote   Kind = "quote"
)

// Document is an analysed article.
type Document struct {
	Article *article.Article
	// Text is the analysed text; every offset indexes it. It is the article
	// source, except that a JSON Lines title is placed before the text (see
	// docs/input.md).
	Text string
	// Clean is Text with everything that is not prose (front matter, code,
	// markup, link targets) blanked to spaces; offsets are the same.
	Clean string
	// Headline is the index of the headline sentence, or -1.
	Headline   int
	Paragraphs []Paragraph
	Sentences  []Sentence
	Quotes     []Span
	Numbers    []Number
	Entities   []Entity
	Matches    []Match
	// Repeats are sentences whose words repeat an earlier sentence's.
	Repeats []Repeat
	// Attributions are the attribution cues outside quotes with the source
	// each names, for lexicons that say where their sources stand.
	Attributions []Attribution
	Stats        Stats
	// Language is the language the prose reads as.
	Language Language
	// Page is the evidence of the page the article was published on, nil
	// when there is none (page.go).
	Page *Page
	// Comments are the HTML comments of a Markdown article, which carry
	// suppression directives.
	Comments []Comment

	lineStarts []int
	// runeMarks are rune counts at points every runeMarkEvery bytes, so
	// that a column on a long line is counted from the nearest mark rather
	// than from the start of the line.
	runeMarks []runeMark
}

// Span is a half-open range of byte offsets into Document.Text.
type Span struct {
	Start, End int
}

// Paragraph is a block of text: a heading, a list item, a block quote or a
// paragraph of prose.
type Paragraph struct {
	Index int
	Zone  Zone
	Kind  Kind
	// Level is the heading level, 0 for other kinds.
	Level      int
	Start, End int
	Line       int
	// FirstSentence and LastSentence index Document.Sentences.
	FirstSentence, LastSentence int
}

// Sentence is one sentence with its position and what was found in it.
type Sentence struct {
	Index, Paragraph int
	Zone             Zone
	Start, End       int
	Line, Column     int
	// Text is the sentence with markup removed and runs of white space
	// collapsed.
	Text   string
	Tokens []lexicon.Token
	// Quoted is true when every word of the sentence lies inside a direct
	// quote or a block quote.
	Quoted bool
	// Entities, Numbers and Matches index the document's lists.
	Entities, Numbers, Matches []int
}

// Number is a figure with its unit, as written in a sentence.
type Number struct {
	Sentence   int
	Start, End int
	Text       string
	// Value is the figure times its scale word (million, bn…).
	Value float64
	// Unit is "%", "pp" (percentage points), a currency symbol ("$", "€",
	// "£", "¥"), "year", "ordinal", a unit glued to the figure ("mph"), or ""
	// for a plain count.
	Unit string
	// Scale is the scale word as written ("million", "bn"), or "".
	Scale string
	// Quantity is the noun the figure measures when the text ties one to
	// it: "$2.4 billion deal", "a deal worth $2.4 billion", "a deal valued
	// at $2.4 billion" all give "deal". Otherwise "".
	Quantity string
	// Before and After are up to three folded words on each side, within the
	// sentence.
	Before, After []string
	Quoted        bool
}

// Entity is a mention of a name: a capitalised word sequence or a ticker.
type Entity struct {
	Sentence   int
	Start, End int
	Text       string
	// Key is the folded name without a leading "the" or a possessive, so
	// "Harbor's" and "Harbor" compare equal.
	Key    string
	Kind   string // "name" or "ticker"
	Quoted bool
	// FirstToken and LastToken index the sentence's tokens.
	FirstToken, LastToken int
}

// Match is a lexicon entry found in the article.
type Match struct {
	Lexicon, Term, Group string
	Sentence             int
	Start, End           int
	// Text is the matched text as written.
	Text   string
	Quoted bool
	// FirstToken and LastToken index the sentence's tokens; -1 for pattern
	// lexicons.
	FirstToken, LastToken int
	// FollowedBy is the first character after the match within its
	// sentence, spaces skipped ("," after "In conclusion"), or "".
	FollowedBy string
	// Passive is true when the match reads as a verb in the passive with no
	// agent: after a form of "be", with at most one adverb between ("was
	// added", "is widely reported"), not an -ing form, and not followed by
	// "by".
	Passive bool
	// Capitalised is true when the match begins with an upper-case letter
	// as written.
	Capitalised bool
}

// Attribution is an attribution cue ("said", "according to") with the words
// that name its source, when the sentence has them.
type Attribution struct {
	Sentence   int
	Start, End int // the cue
	Lexicon    string
	Term       string
	// Group is the lexicon group of the cue ("verb", "stance", "frame").
	Group  string
	Source *Source
	// Speaker is the name the cue credits with what describes them, or nil.
	Speaker *Speaker
}

// Source is the text an attribution names as its source.
type Source struct {
	Start, End int
	Text       string
}

// Repeat says sentence Sentence has the same words as the earlier sentence
// Of (case and punctuation aside).
type Repeat struct {
	Sentence, Of int
}

// Comment is an HTML comment in a Markdown article.
type Comment struct {
	Span
	Line int
	Text string // inside the <!-- --> markers, trimmed
}

// Stats describes the prose of an article (headline and headings left out).
type Stats struct {
	Words, Sentences, Paragraphs int
	// SentenceLengthMean and SentenceLengthSD are in words.
	SentenceLengthMean, SentenceLengthSD float64
	// TypeTokenRatio is distinct words over words; it falls as texts grow.
	TypeTokenRatio float64
	// MATTR is the moving-average type-token ratio over windows of
	// MATTRWindow words, which does not depend on length.
	MATTR float64
	// WordLengthMean is the mean length of words in letters.
	WordLengthMean float64
	// SentenceLengthCV is the spread of sentence lengths relative to their
	// mean (SD over mean), comparable across texts of any length.
	SentenceLengthCV float64
	// SpecificsPer1000 counts the names, figures, direct quotes and
	// attribution cues the engine found, per 1,000 words of prose.
	SpecificsPer1000 float64
}

// MATTRWindow is the window of the moving-average type-token ratio.
const MATTRWindow = 50

// Position returns the 1-based line and column (in characters) of a byte
// offset.
func (d *Document) Position(offset int) (line, column int) {
	if offset < 0 {
		return 0, 0
	}
	if offset > len(d.Text) {
		offset = len(d.Text)
	}
	i := sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > offset }) - 1
	if i < 0 {
		i = 0
	}
	start := d.lineStarts[i]
	if offset-start <= 2*runeMarkEvery || len(d.runeMarks) == 0 {
		return i + 1, utf8.RuneCountInString(d.Text[start:offset]) + 1
	}
	return i + 1, d.runesBefore(offset) - d.runesBefore(start) + 1
}

// runeMarkEvery is the spacing of Document.runeMarks in bytes.
const runeMarkEvery = 1024

// runeMark is the number of characters before byte offset at, which starts
// a character.
type runeMark struct{ at, runes int }

// runeMarks places a mark at the first character start every runeMarkEvery
// bytes. Counts add up across marks because a mark never splits a
// character, valid or not, the way utf8.RuneCountInString reads them.
func runeMarks(text string) []runeMark {
	marks := []runeMark{{0, 0}}
	prev := marks[0]
	for at := runeMarkEvery; at < len(text); at += runeMarkEvery {
		for at < len(text) && !utf8.RuneStart(text[at]) {
			at++
		}
		if at >= len(text) {
			break
		}
		prev = runeMark{at, prev.runes + utf8.RuneCountInString(text[prev.at:at])}
		marks = append(marks, prev)
	}
	return marks
}

// runesBefore counts the characters of the text before offset.
func (d *Document) runesBefore(offset int) int {
	k := sort.Search(len(d.runeMarks), func(k int) bool { return d.runeMarks[k].at > offset }) - 1
	m := d.runeMarks[max(k, 0)]
	return m.runes + utf8.RuneCountInString(d.Text[m.at:offset])
}

// SentenceAt returns the index of the sentence holding offset, or of the
// first sentence after it, or -1 when there is none.
func (d *Document) SentenceAt(offset int) int {
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].End > offset })
	if i == len(d.Sentences) {
		return -1
	}
	return i
}

func lineStarts(text string) []int {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}
