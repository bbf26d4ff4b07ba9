package document

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/credcheck/credcheck/engine/lexicon"
)

// findQuotes returns the direct-quote spans of one paragraph of clean text.
// Straight double quotes alternate open and close; curly and angle quotes say
// which they are. A quote still open at the end of the paragraph runs to its
// end, as continued quotes do in news copy.
func findQuotes(clean string, start, end int) []Span {
	var spans []Span
	open := -1
	for i := start; i < end; {
		if c := clean[i]; c < utf8.RuneSelf && c != '"' {
			i++ // most bytes: skip without decoding
			continue
		}
		r, size := utf8.DecodeRuneInString(clean[i:])
		switch r {
		case '"':
			if open < 0 {
				open = i
			} else {
				spans = append(spans, Span{open, i + size})
				open = -1
			}
		case '“', '«':
			if open < 0 {
				open = i
			}
		case '”', '»':
			if open >= 0 {
				spans = append(spans, Span{open, i + size})
				open = -1
			}
		}
		i += size
	}
	if open >= 0 {
		spans = append(spans, Span{open, end})
	}
	return spans
}

// inSpans reports whether start–end lies inside one of spans, which are in
// text order and do not overlap (quotes are), so only the last span opening
// at or before start can hold it. A binary search keeps asking this of every
// word cheap in an article full of quotes.
func inSpans(spans []Span, start, end int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].Start > start }) - 1
	return i >= 0 && end <= spans[i].End
}

var scaleWords = map[string]float64{
	"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6,
	"billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12, "tln": 1e12,
}

var currencySymbols = []string{"US$", "HK$", "A$", "C$", "$", "€", "£", "¥", "₹"}

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true,
}

// findNumbers reads the figures of one sentence with their units.
func findNumbers(text string, toks []lexicon.Token, sentence int) []Number {
	var out []Number
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !t.Number {
			continue
		}
		digits, suffix := splitNumber(t.Text)
		value, err := strconv.ParseFloat(strings.ReplaceAll(digits, ",", ""), 64)
		if err != nil {
			continue
		}
		n := Number{Sentence: sentence, Start: t.Start, End: t.End, Value: value}
		for _, sym := range currencySymbols {
			if strings.HasSuffix(text[:t.Start], sym) {
				n.Unit = sym
				n.Start -= len(sym)
				break
			}
		}
		last := i
		switch lower := strings.ToLower(suffix); {
		case lower == "":
		case scaleWords[lower] > 0 && (n.Unit != "" || lower != "m" && lower != "b"):
			n.Scale, n.Value = suffix, value*scaleWords[lower]
		case lower == "st" || lower == "nd" || lower == "rd" || lower == "th":
			n.Unit = "ordinal"
		case lower == "s" && len(digits) == 4:
			n.Unit = "decade"
		default:
			if n.Unit == "" {
				n.Unit = lower
			}
		}
		if n.Scale == "" && i+1 < len(toks) && toks[i+1].Joined {
			if f := scaleWords[toks[i+1].Fold]; f > 0 && len(toks[i+1].Fold) > 2 {
				n.Scale, n.Value = toks[i+1].Text, value*f
				last = i + 1
				n.End = toks[last].End
			}
		}
		end := toks[last].End
		if strings.HasPrefix(text[end:], "%") {
			n.Unit, n.End = "%", end+1
		} else if last+1 < len(toks) && toks[last+1].Joined {
			switch toks[last+1].Fold {
			case "percent":
				n.Unit, last, n.End = "%", last+1, toks[last+1].End
			case "per":
				if last+2 < len(toks) && toks[last+2].Fold == "cent" {
					n.Unit, last, n.End = "%", last+2, toks[last+2].End
				}
			case "percentage":
				if last+2 < len(toks) && toks[last+2].Fold == "points" {
					n.Unit, last, n.End = "pp", last+2, toks[last+2].End
				}
			}
		}
		if n.Unit == "" && n.Scale == "" && len(digits) == 4 && !strings.ContainsAny(digits, ",.") && value >= 1800 && value <= 2100 {
			n.Unit = "year"
		}
		if n.Unit == "" && i > 0 && months[toks[i-1].Fold] && value <= 31 {
			n.Unit = "day"
		}
		n.Text = text[n.Start:n.End]
		// Sized up front (and left nil when empty, as appending leaves it).
		if k := i - max(0, i-3); k > 0 {
			n.Before = make([]string, 0, k)
		}
		if k := min(3, len(toks)-last-1); k > 0 {
			n.After = make([]string, 0, k)
		}
		for j := max(0, i-3); j < i; j++ {
			n.Before = append(n.Before, toks[j].Fold)
		}
		for j := last + 1; j < len(toks) && len(n.After) < 3; j++ {
			n.After = append(n.After, toks[j].Fold)
		}
		n.Quantity = quantity(toks, i, last)
		out = append(out, n)
		i = last
	}
	return out
}

// functionWords never name what a figure measures.
var functionWords = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "or": true, "but": true, "of": true, "to": true, "in": true,
	"on": true, "at": true, "for": true, "from": true, "by": true, "with": true, "as": true, "than": true,
	"that": true, "this": true, "these": true, "those": true, "is": true, "was": true, "were": true, "are": true,
	"be": true, "been": true, "it": true, "its": true, "their": true, "his": true, "her": true, "per": true,
	"last": true, "next": true, "since": true, "after": true, "before": true, "over": true, "under": true,
	"about": true, "up": true, "down": true, "more": true, "less": true, "each": true,
	"will": true, "would": true, "has": true, "have": true, "had": true, "which": true, "while": true,
	"yesterday": true, "today": true, "tomorrow": true, "ago": true, "earlier": true, "later": true, "now": true,
	"so": true, "far": true, "too": true, "again": true, "also": true, "instead": true,
	"when": true, "if": true, "into": true, "through": true, "during": true, "between": true, "against": true,
}

// quantity finds the noun a figure spanning tokens first..last measures:
// the noun before "worth" or "valued at", else the word right after the
// figure, else the noun before "of".
func quantity(toks []lexicon.Token, first, last int) string {
	before := func(k int) string {
		if first-k < 0 {
			return ""
		}
		return toks[first-k].Fold
	}
	// "a deal worth $2.4 billion closed": the construction names the noun,
	// whatever word follows the figure.
	switch {
	case before(1) == "worth":
		if w := before(2); w != "" && !functionWords[w] {
			return w
		}
	case before(1) == "at" && (before(2) == "valued" || before(2) == "priced" || before(2) == "put" || before(2) == "set"):
		if w := before(3); w != "" && !functionWords[w] {
			return w
		}
	}
	if last+1 < len(toks) && toks[last+1].Joined {
		if w := toks[last+1].Fold; !functionWords[w] && !toks[last+1].Number {
			return w
		}
	}
	if before(1) == "of" {
		if w := before(2); w != "" && !functionWords[w] {
			return w
		}
	}
	return ""
}

// splitNumber separates "2.4bn" into "2.4" and "bn".
func splitNumber(s string) (digits, suffix string) {
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == ',' || s[i] == '.') {
		i++
	}
	return strings.TrimRight(s[:i], ".,"), s[i:]
}

// notNames are capitalised words that name no one: days, months, pronouns and
// the words sentences often open with.
var notNames = map[string]bool{
	"i": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true, "april": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	// Titles and honorifics belong to the name after them, which the period
	// of "Mr." cuts off.
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true,
}

var nameConnectors = map[string]bool{"of": true, "de": true, "du": true, "van": true, "von": true, "der": true, "la": true, "al": true, "bin": true, "&": true}

func capitalised(t lexicon.Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

func isTicker(text string, t lexicon.Token) bool {
	if len(t.Text) < 2 || len(t.Text) > 5 || strings.ToUpper(t.Text) != t.Text || t.Number {
		return false
	}
	return t.Start > 0 && text[t.Start-1] == '(' && t.End < len(text) && strings.HasPrefix(strings.TrimLeft(text[t.End:], " "), ")")
}

// nameWords collects the capitalised words seen away from the start of a
// sentence in running prose: words a writer capitalises by choice. They tell
// names from capitalised sentence openers and title-case headline words.
func nameWords(sentences []Sentence) map[string]bool {
	known := map[string]bool{}
	for _, s := range sentences {
		if s.Zone == Headline || s.Zone == Heading {
			continue
		}
		for i, t := range s.Tokens {
			if i > 0 && capitalised(t) && !notNames[t.Fold] && !minorWords[t.Fold] {
				known[t.Fold] = true
			}
		}
	}
	return known
}

// findEntities marks the name mentions of one sentence and records on each
// token how many tokens a name starting there spans.
func findEntities(text string, s *Sentence, known map[string]bool) []Entity {
	var out []Entity
	titleCase := s.Zone == Headline || s.Zone == Heading
	toks := s.Tokens
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if isTicker(text, t) {
			out = append(out, Entity{Sentence: s.Index, Start: t.Start, End: t.End, Text: t.Text, Key: t.Fold, Kind: "ticker", FirstToken: i, LastToken: i})
			toks[i].Entity = 1
			continue
		}
		if !nameStart(t, i, toks, titleCase, known) || strings.HasPrefix(text[t.End:], "$") {
			// "US$" and "HK$" are currencies, not names.
			continue
		}
		j := i
		for j+1 < len(toks) && toks[j+1].Joined {
			next := toks[j+1]
			if nameStart(next, j+1, toks, titleCase, known) {
				j++
				continue
			}
			if nameConnectors[next.Fold] && j+2 < len(toks) && toks[j+2].Joined && nameStart(toks[j+2], j+2, toks, titleCase, known) {
				j += 2
				continue
			}
			break
		}
		e := Entity{Sentence: s.Index, Start: toks[i].Start, End: toks[j].End, Kind: "name", FirstToken: i, LastToken: j}
		e.Text = text[e.Start:e.End]
		e.Key = entityKey(e.Text)
		out = append(out, e)
		toks[i].Entity = j - i + 1
		i = j
	}
	return out
}

func nameStart(t lexicon.Token, i int, toks []lexicon.Token, titleCase bool, known map[string]bool) bool {
	if !capitalised(t) || notNames[t.Fold] || t.Number {
		return false
	}
	if titleCase || i == 0 {
		// Where every word may be capitalised, only words seen capitalised
		// in running prose count ("Apple's" when "Apple" was).
		return known[t.Fold] || known[withoutPossessive(t.Fold)]
	}
	return true
}

func entityKey(name string) string {
	return withoutPossessive(strings.TrimPrefix(lexicon.FoldWord(name), "the "))
}

// withoutPossessive drops the "'s" or "'" of a folded word or name.
func withoutPossessive(k string) string {
	for _, suffix := range []string{"'s", "'"} {
		if strings.HasSuffix(k, suffix) {
			return strings.TrimSuffix(k, suffix)
		}
	}
	return k
}
