package article

import (
	"strings"
	"unicode"
)

// Evidence is what the page an article was published on shows about how it
// was made: who signed it, when, for whom, under which label, with which
// links. A web page always has it; a Markdown article or a JSON Lines
// record has it only when its front matter or record carries a "page"
// block, because only then does anyone know what the page showed, and the
// page rules must stay quiet on text that cannot tell.
type Evidence struct {
	// From says where the evidence was read: "html", "front_matter" or
	// "record".
	From string `yaml:"-" json:"-" toml:"-"`
	// Byline is the byline the reader sees, without its "By"; "" when the
	// page shows none.
	Byline string `yaml:"byline" json:"byline" toml:"byline"`
	// BylineNames are the names the byline marks up as authors
	// (rel="author", itemprop="author"); empty when it marks none up.
	BylineNames []string `yaml:"-" json:"-" toml:"-"`
	// DeclaredAuthors are the authors the page's structured data names
	// (JSON-LD author, else <meta name="author">), unseen by readers.
	DeclaredAuthors []string `yaml:"declared_authors" json:"declared_authors" toml:"declared_authors"`
	// Published and Modified are dates as the page gives them.
	Published string `yaml:"published" json:"published" toml:"published"`
	Modified  string `yaml:"modified" json:"modified" toml:"modified"`
	Publisher string `yaml:"publisher" json:"publisher" toml:"publisher"`
	// Section is the section the page files the article in, as written.
	Section string `yaml:"section" json:"section" toml:"section"`
	// Type is the schema.org type of the article (NewsArticle,
	// OpinionNewsArticle, AdvertiserContentArticle…), "" when not declared.
	Type string `yaml:"type" json:"type" toml:"type"`
	// Labels are short texts the page shows as labels (kickers, badges,
	// ad-slot captions, notices), as written; the engine keeps those a
	// labels lexicon recognises.
	Labels []string `yaml:"labels" json:"labels" toml:"labels"`
	// Sponsored says the page's markup declares the article paid for: a
	// sponsor in its structured data, or body links marked rel="sponsored".
	Sponsored bool `yaml:"sponsored" json:"sponsored" toml:"sponsored"`
	// Corrections says the page shows a corrections notice or links to
	// its corrections policy.
	Corrections bool `yaml:"corrections" json:"corrections" toml:"corrections"`
	// Links are the body's links; nil when the block lists none, and then
	// a Markdown body's own links stand for them (a record's plain text
	// has none to read, so its links stay unknown).
	Links []Link `yaml:"links" json:"links" toml:"links"`
}

// withDefaults fills what a page block leaves out from the article's own
// metadata: a CMS export names the byline author, the date and the outlet
// once, as author, date and outlet.
func (e *Evidence) withDefaults(a *Article, from string) *Evidence {
	if e == nil {
		return nil
	}
	e.From = from
	if e.Byline == "" {
		e.Byline = a.Author
	}
	if e.Published == "" {
		e.Published = a.Date
	}
	if e.Publisher == "" {
		e.Publisher = a.Outlet
	}
	return e
}

// BylineNames splits a byline into the names it gives: "Jane Roe and Ann
// Lee, City Desk" gives Jane Roe and Ann Lee. A part is a name when every
// word of it starts with a capital letter and it has two to four words, so
// roles ("transport reporter") and desks with lower-case words drop out.
func BylineNames(byline string) []string {
	byline = strings.NewReplacer(" and ", ",", " & ", ",", "|", ",", ";", ",", " with ", ",").Replace(trimBy(byline))
	var names []string
	for _, part := range strings.Split(byline, ",") {
		words := strings.Fields(part)
		if len(words) < 2 || len(words) > 4 {
			continue
		}
		ok := true
		for _, w := range words {
			r := []rune(w)
			ok = ok && unicode.IsUpper(r[0])
		}
		if ok {
			names = append(names, strings.Join(words, " "))
		}
	}
	return names
}

// trimBy removes the "By" a visible byline opens with.
func trimBy(s string) string {
	// A time stamp cut out of a byline leaves its separator behind
	// ("Lena Ortiz, ").
	s = strings.Trim(collapseSpace(s), " ,;|·•-–—")
	for _, p := range []string{"By ", "by ", "BY ", "Written by ", "Words by "} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return rest
		}
	}
	return s
}
