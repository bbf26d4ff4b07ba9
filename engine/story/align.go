package story

import (
	"sort"
	"strings"

	"github.com/credcheck/credcheck/engine/document"
)

// names lists the distinct entity keys a document mentions outside quotes.
func names(d *document.Document) []string {
	seen := map[string]bool{}
	for _, e := range d.Entities {
		if !e.Quoted && e.Key != "" {
			seen[e.Key] = true
		}
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// reportWords mark a source as a report rather than a person or body
// speaking for itself.
var reportWords = map[string]bool{"report": true, "reports": true, "article": true, "story": true, "reporting": true, "reported": true, "reportedly": true}

// credits lists the attributions of a document that name someone.
func credits(d *document.Document, art int) []Credit {
	var out []Credit
	for _, a := range d.Attributions {
		if a.Group == "stance" {
			continue
		}
		s := &d.Sentences[a.Sentence]
		if s.Zone != document.Lede && s.Zone != document.Body {
			continue
		}
		sp := a.Speaker
		if sp == nil {
			// "according to a report by Jo Bell of The Ledger": the
			// document resolves no speaker, but the report is someone's.
			if c, ok := reportCredit(d, art, a); ok {
				out = append(out, c)
			}
			continue
		}
		c := Credit{Place: place(d, art, a.Sentence), Cue: collapse(d.Text[a.Start:a.End]), Group: a.Group,
			Name: sp.Text, Key: d.Entities[sp.Entity].Key, Words: sp.Words, RoleNames: []string{}, Employers: []string{}}
		if sp.Role != nil {
			c.Role = sp.Role.Text
			c.RoleNames = namesIn(d, s, sp.Role.Start, sp.Role.End, sp.Entity)
			c.Employers = employers(d, s, sp.Role.Start, sp.Role.End, sp.Entity)
			c.Titled = overlaps(d, a.Sentence, "source_roles", sp.Role.Start, sp.Role.End)
		}
		c.Outlet = overlaps(d, a.Sentence, "news_outlets", sp.Start, sp.End)
		c.Institution = overlaps(d, a.Sentence, "institutions", sp.Start, sp.End)
		c.Confirm = overlaps(d, a.Sentence, "announce_cues", a.Start, a.End)
		c.Report = reportWords[lower(a.Term)] || reportWords[lower(collapse(d.Text[a.Start:a.End]))]
		if a.Source != nil && hasReportWord(a.Source.Text) {
			c.Report = true
		}
		for _, q := range d.Quotes {
			if q.Start >= s.Start && q.End <= s.End {
				c.Quote = true
			}
		}
		if c.Report {
			publisher(d, s, &c)
		}
		out = append(out, c)
	}
	return out
}

func hasReportWord(text string) bool {
	for _, w := range strings.Fields(lower(text)) {
		if reportWords[strings.Trim(w, "*_,.")] {
			return true
		}
	}
	return false
}

// reportCredit credits a report to the first name in the source of an
// attribution with no resolved speaker, when the source calls itself a
// report ("a report by Jo Bell of The Ledger").
func reportCredit(d *document.Document, art int, a document.Attribution) (Credit, bool) {
	if a.Source == nil || !hasReportWord(a.Source.Text) {
		return Credit{}, false
	}
	s := &d.Sentences[a.Sentence]
	for _, k := range s.Entities {
		e := d.Entities[k]
		if e.Quoted || e.Key == "" || e.Start < a.Source.Start || e.End > a.Source.End {
			continue
		}
		c := Credit{Place: place(d, art, a.Sentence), Cue: collapse(d.Text[a.Start:a.End]), Group: a.Group,
			Name: written(e.Text), Key: e.Key, Words: len(strings.Fields(e.Text)), RoleNames: []string{}, Employers: []string{}, Report: true}
		c.Outlet = overlaps(d, a.Sentence, "news_outlets", e.Start, e.End)
		publisher(d, s, &c)
		return c, true
	}
	return Credit{}, false
}

// publisher fills in the outlet a credited report's author writes for,
// when the sentence ties them: in the name ("Jo Bell of The Ledger", "The
// Ledger's Jo Bell") or in the role ("Jo Bell, a reporter at The Ledger").
// The name is then the author's alone.
func publisher(d *document.Document, s *document.Sentence, c *Credit) {
	if person, outlet, ok := strings.Cut(c.Name, " of "); ok && person != "" && outlet != "" {
		c.Name, c.PublisherName = person, outlet
	} else if outlet, person, ok := cutPossessive(c.Name); ok {
		c.Name, c.PublisherName = person, outlet
	} else if len(c.Employers) > 0 {
		c.Publisher = c.Employers[0]
		c.PublisherName = written(nameOf(d, s, c.Publisher))
		return
	} else {
		return
	}
	c.Key = fold(c.Name)
	c.Words = len(strings.Fields(c.Name))
	c.Publisher = fold(c.PublisherName)
}

func cutPossessive(name string) (owner, rest string, ok bool) {
	for _, sep := range []string{"'s ", "’s "} {
		if o, r, found := strings.Cut(name, sep); found && o != "" && r != "" {
			return o, r, true
		}
	}
	return "", "", false
}

// fold is a name as an entity key: lower case, without a leading "the".
func fold(name string) string {
	k := strings.ToLower(strings.Join(strings.Fields(name), " "))
	return strings.TrimPrefix(k, "the ")
}

// nameOf is how sentence s writes the name with key k.
func nameOf(d *document.Document, s *document.Sentence, k string) string {
	for _, i := range s.Entities {
		if d.Entities[i].Key == k {
			return d.Entities[i].Text
		}
	}
	return k
}

// namesIn gives the keys of the unquoted names of sentence s inside
// [start, end), leaving out entity skip.
func namesIn(d *document.Document, s *document.Sentence, start, end, skip int) []string {
	out := []string{}
	for _, k := range s.Entities {
		e := d.Entities[k]
		if k != skip && !e.Quoted && e.Start >= start && e.End <= end && !contains(out, e.Key) {
			out = append(out, e.Key)
		}
	}
	return out
}

// employers gives the keys of the names in [start, end) of sentence s
// that follow "of", "for" or "at", or are possessive.
func employers(d *document.Document, s *document.Sentence, start, end, skip int) []string {
	out := []string{}
	for _, k := range s.Entities {
		e := d.Entities[k]
		if k == skip || e.Quoted || e.Start < start || e.End > end || contains(out, e.Key) {
			continue
		}
		last := s.Tokens[e.LastToken].Fold
		after := e.FirstToken > 0 && tiePrepositions[s.Tokens[e.FirstToken-1].Fold]
		if after || strings.HasSuffix(last, "'s") {
			out = append(out, e.Key)
		}
	}
	return out
}

var tiePrepositions = map[string]bool{"of": true, "for": true, "at": true}

// overlaps reports whether a match of lexicon lex in sentence i overlaps
// [start, end).
func overlaps(d *document.Document, i int, lex string, start, end int) bool {
	for _, k := range d.Sentences[i].Matches {
		m := d.Matches[k]
		if m.Lexicon == lex && m.Start < end && start < m.End {
			return true
		}
	}
	return false
}

// statements lists the announcements and silences of a document outside
// quotes, with the parties each is about: the names inside the cue
// ("neither Apple nor Alibaba has commented"), those the attribution at
// the cue credits and describes ("Joe Tsai, chairman of Alibaba,
// confirmed"), else a name right before the cue ("Apple has announced").
func statements(d *document.Document, art int) []Statement {
	var out []Statement
	for _, m := range d.Matches {
		if m.Quoted || (m.Lexicon != "announce_cues" && m.Lexicon != "no_comment_cues") {
			continue
		}
		s := &d.Sentences[m.Sentence]
		if s.Zone != document.Lede && s.Zone != document.Body {
			continue
		}
		st := Statement{Place: place(d, art, m.Sentence), Kind: m.Group, Cue: m.Text}
		if m.Lexicon == "announce_cues" {
			st.Kind = "announce"
		}
		parties := namesIn(d, s, m.Start, m.End, -1)
		for _, a := range d.Attributions {
			if a.Sentence != m.Sentence || a.End <= m.Start || a.Start >= m.End || a.Speaker == nil {
				continue
			}
			for _, k := range []string{d.Entities[a.Speaker.Entity].Key} {
				if !contains(parties, k) {
					parties = append(parties, k)
				}
			}
			if a.Speaker.Role != nil {
				for _, k := range namesIn(d, s, a.Speaker.Role.Start, a.Speaker.Role.End, a.Speaker.Entity) {
					if !contains(parties, k) {
						parties = append(parties, k)
					}
				}
			}
		}
		if len(parties) == 0 && m.FirstToken > 0 {
			for _, k := range s.Entities {
				e := d.Entities[k]
				if !e.Quoted && e.LastToken < m.FirstToken && m.FirstToken-e.LastToken <= 2 && s.Tokens[e.LastToken+1].Joined {
					parties = append(parties, e.Key)
				}
			}
		}
		sort.Strings(parties)
		st.Parties = parties
		for _, k := range s.Numbers {
			if d.Numbers[k].Unit == "year" {
				st.Dated = true
			}
		}
		out = append(out, st)
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func lower(s string) string { return strings.ToLower(strings.ReplaceAll(s, "’", "'")) }

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
