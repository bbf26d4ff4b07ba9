// Package story reads several articles about one event together. It does
// the mechanics: it groups articles into stories without comparing every
// article with every other, and for each story it aligns what the articles
// say — figures by entity and measure, who each article credits, which
// parties announce or stay silent, which sentences travel from one article
// to another — into a story document. What any of that means is decided in
// Rego by the story rules (data.credcheck.story_rules), as for single
// articles.
//
// The story document is documented in docs/input.md and versioned by
// InputVersion; the command and its output in docs/story.md.
package story

import (
	"strings"

	"github.com/credcheck/credcheck/engine/document"
	"github.com/credcheck/credcheck/engine/lexicon"
)

// InputVersion is the version of the story document given to the story
// rules. It changes only when a field is removed or changes meaning.
const InputVersion = 1

// Input is the story document: what the story rules read as input.
type Input struct {
	Version    int         `json:"version"`
	Story      string      `json:"story"`
	Articles   []Article   `json:"articles"`
	Figures    []Figure    `json:"figures"`
	Credits    []Credit    `json:"credits"`
	Statements []Statement `json:"statements"`
	Copies     []Copy      `json:"copies"`
	// Claims are the deal events stated flat or hedged as hearsay.
	Claims []Claim `json:"claims"`
	// Names gives each entity key the story's articles use the way it is
	// first written, for messages.
	Names map[string]string `json:"names"`
}

// Article is one article of a story as the rules see it.
type Article struct {
	Index    int    `json:"index"`
	ID       string `json:"id"`
	Path     string `json:"path"`
	Outlet   string `json:"outlet"`
	Date     string `json:"date"`
	Headline string `json:"headline"`
	// Score is the article's own credibility score, or -1 when it was not
	// scored (not English).
	Score int `json:"score"`
	// Names are the distinct entity keys the article mentions outside
	// quotes, sorted.
	Names []string `json:"names"`
}

// Place is a sentence of an article.
type Place struct {
	Article  int `json:"article"`
	Sentence int `json:"sentence"`
	Line     int `json:"line"`
}

// Figure is a number tied to an entity and a measure ("Apple's shares
// rose 1.5%": entity apple, measure shares).
type Figure struct {
	Place
	Entity  string `json:"entity"`
	Measure string `json:"measure"`
	// Base is the measure's noun without the words that qualify it
	// ("revenue" of "china revenue").
	Base  string  `json:"base"`
	Unit  string  `json:"unit"`
	Value float64 `json:"value"`
	// Decimals is how many decimal places the figure is written with.
	Decimals int `json:"decimals"`
	// Approx is the approximator before the figure ("nearly", "more
	// than"), or "".
	Approx string `json:"approx"`
	// Direction is "up", "down" or "" from the verb or noun of change in
	// the clause.
	Direction string `json:"direction"`
	Text      string `json:"text"`
}

// Credit is an attribution: whom an article credits for a sentence.
type Credit struct {
	Place
	Cue   string `json:"cue"`
	Group string `json:"group"`
	// Name is the credited name as written and Key its folded entity key;
	// Words counts the name's words.
	Name  string `json:"name"`
	Key   string `json:"key"`
	Words int    `json:"words"`
	// Role is the description beside the name ("chairman of Alibaba") and
	// RoleNames the entity keys in it.
	Role      string   `json:"role"`
	RoleNames []string `json:"role_names"`
	// Employers are the names the role ties the person to: after "of",
	// "for" or "at" ("chairman of Alibaba") or possessive ("Harbor's
	// chief executive"). A name merely beside the title ("a Brazilian
	// journalist") is not one.
	Employers []string `json:"employers"`
	// Titled is true when the role holds a title or job (lexicon
	// source_roles): "chairman of Alibaba".
	Titled bool `json:"titled"`
	// Outlet is true when the name is a news outlet (lexicon
	// news_outlets); Institution when it is an institution.
	Outlet      bool `json:"outlet"`
	Institution bool `json:"institution"`
	// Report is true when the credit is to a report ("according to a
	// report by", "an article from", "X reported").
	Report bool `json:"report"`
	// Quote is true when the sentence holds a direct quote.
	Quote bool `json:"quote"`
	// Confirm is true when the cue is an announcement cue ("confirmed").
	Confirm bool `json:"confirm"`
	// Publisher is the key of the outlet the author of a credited report
	// writes for, when the sentence ties them ("a report by Jo Bell of
	// The Ledger", "Jo Bell, a reporter at The Ledger, reported"), and
	// PublisherName that outlet as written; Name and Key are then the
	// author's. Both are "" otherwise.
	Publisher     string `json:"publisher"`
	PublisherName string `json:"publisher_name"`
}

// Statement is an announcement or a silence in the writer's voice.
type Statement struct {
	Place
	// Kind is "announce" or the no_comment_cues group ("silent",
	// "unanswered", "limited").
	Kind    string   `json:"kind"`
	Cue     string   `json:"cue"`
	Parties []string `json:"parties"`
	// Dated is true when the sentence dates itself to a year.
	Dated bool `json:"dated"`
}

// Copy is a pair of sentences in two articles that share wording.
type Copy struct {
	// Places are the two sentences, the earlier article first.
	Places []Place `json:"places"`
	// Shared counts the word shingles the two share; Jaccard is shared
	// over all, Containment shared over the shorter sentence's.
	Shared      int     `json:"shared"`
	Jaccard     float64 `json:"jaccard"`
	Containment float64 `json:"containment"`
}

// measures are the nouns a figure can measure, folded; "market share" is
// matched as two words.
var measures = map[string]string{
	"shares": "shares", "share": "shares", "stock": "shares", "stocks": "shares",
	"revenue": "revenue", "revenues": "revenue", "sales": "sales", "profit": "profit",
	"profits": "profit", "earnings": "earnings", "shipments": "shipments", "price": "price",
}

var ups = map[string]bool{"rose": true, "rising": true, "rise": true, "rises": true, "gained": true, "gaining": true,
	"gain": true, "gains": true, "up": true, "increase": true, "increased": true, "climbed": true, "jumped": true, "surged": true}

var downs = map[string]bool{"fell": true, "falling": true, "fall": true, "falls": true, "dropped": true, "drop": true,
	"down": true, "declined": true, "decline": true, "decrease": true, "slid": true, "slumped": true, "lost": true}

var levelWords = map[string]bool{"to": true, "at": true, "from": true}

// approximators loosen a figure; two-word ones are matched on the word
// before the figure and the one before that.
var approximators = map[string]bool{"about": true, "around": true, "nearly": true, "almost": true, "roughly": true,
	"approximately": true, "over": true, "under": true, "some": true, "more than": true, "less than": true,
	"at least": true, "up to": true, "close to": true, "fewer than": true}

// figures finds the figures of a document tied to an entity and a measure.
func figures(d *document.Document, art int) []Figure {
	var out []Figure
	for _, n := range d.Numbers {
		if n.Quoted || (n.Unit != "%" && n.Unit != "$" && n.Unit != "€" && n.Unit != "£" && n.Unit != "¥") {
			continue
		}
		s := &d.Sentences[n.Sentence]
		if s.Zone != document.Lede && s.Zone != document.Body {
			continue
		}
		at := tokenAt(s.Tokens, n.Start)
		if at < 0 {
			continue
		}
		if at > 0 && levelWords[s.Tokens[at-1].Fold] {
			// "rose 2% to $230": a level, not the change two articles
			// would report alike.
			continue
		}
		first := clauseStart(s.Tokens, at)
		if first > 0 && strings.HasSuffix(s.Tokens[first-1].Fold, "s") {
			// A plural possessive ("Penrose Yarns' revenue") puts its
			// apostrophe between the tokens; it does not end the clause.
			if gap := strings.TrimSpace(d.Text[s.Tokens[first-1].End:s.Tokens[first].Start]); gap == "'" || gap == "’" {
				first = clauseStart(s.Tokens, first-1)
			}
		}
		m := -1
		for k := at - 1; k >= first && k >= at-8; k-- {
			if measures[s.Tokens[k].Fold] != "" {
				m = k
				break
			}
		}
		if m < 0 {
			continue
		}
		measure := measures[s.Tokens[m].Fold]
		if measure == "shares" && m > 0 && s.Tokens[m-1].Fold == "market" {
			measure = "market share"
			m--
		}
		base := measure
		entity, qualifier, ok := owner(d, s, m, first)
		if !ok {
			continue
		}
		if qualifier != "" {
			measure = qualifier + " " + measure
		}
		f := Figure{Place: place(d, art, n.Sentence), Entity: entity, Measure: measure, Base: base, Unit: n.Unit, Value: n.Value,
			Decimals: decimals(n.Text), Text: n.Text}
		f.Approx = approx(s.Tokens, at)
		for k := first; k < len(s.Tokens) && k < at+4; k++ {
			if k > at && !s.Tokens[k].Joined {
				break
			}
			switch {
			case ups[s.Tokens[k].Fold]:
				f.Direction = "up"
			case downs[s.Tokens[k].Fold]:
				f.Direction = "down"
			}
		}
		out = append(out, f)
	}
	return out
}

// owner finds the entity whose measure token m is: a possessive name
// before it ("Apple's shares", "Alibaba's U.S.-listed shares", with the
// words between as a qualifier) or a name right before it ("Apple
// shares"). Only those two shapes are read, so that a figure is never
// tied to a name merely nearby.
func owner(d *document.Document, s *document.Sentence, m, first int) (entity, qualifier string, ok bool) {
	for _, k := range s.Entities {
		e := d.Entities[k]
		if e.Quoted || e.LastToken >= m || e.LastToken < first || m-e.LastToken > 3 {
			continue
		}
		last := s.Tokens[e.LastToken].Fold
		possessive := strings.HasSuffix(last, "'s")
		if !possessive && e.LastToken != m-1 {
			continue
		}
		var q []string
		key := e.Key
		// "Harbor's China revenue": a name read across the possessive is
		// the owner, and the words after it qualify the measure.
		for _, sep := range []string{"'s ", "’s "} {
			if owner, rest, ok := strings.Cut(key, sep); ok && owner != "" {
				key, q = owner, append(q, rest)
				break
			}
		}
		for j := e.LastToken + 1; j < m; j++ {
			q = append(q, s.Tokens[j].Fold)
		}
		return key, strings.Join(q, " "), true
	}
	return "", "", false
}

func tokenAt(toks []lexicon.Token, offset int) int {
	for i, t := range toks {
		if t.Start <= offset && offset < t.End {
			return i
		}
	}
	return -1
}

// clauseStart walks back from token at to the first token after
// punctuation.
func clauseStart(toks []lexicon.Token, at int) int {
	k := at
	for k > 0 && toks[k].Joined {
		k--
	}
	return k
}

func approx(toks []lexicon.Token, at int) string {
	if at >= 2 && toks[at].Joined && toks[at-1].Joined && approximators[toks[at-2].Fold+" "+toks[at-1].Fold] {
		return toks[at-2].Fold + " " + toks[at-1].Fold
	}
	if at >= 1 && toks[at].Joined && approximators[toks[at-1].Fold] {
		return toks[at-1].Fold
	}
	return ""
}

func decimals(text string) int {
	i := strings.IndexByte(text, '.')
	if i < 0 {
		return 0
	}
	n := 0
	for _, c := range text[i+1:] {
		if c < '0' || c > '9' {
			break
		}
		n++
	}
	return n
}

func place(d *document.Document, art, sentence int) Place {
	return Place{Article: art, Sentence: sentence, Line: d.Sentences[sentence].Line}
}
