package document

import (
	"net/url"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"golang.org/x/net/publicsuffix"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/lexicon"
)

// PageVersion is the version of input.page. It changes only when a field
// is removed or changes meaning.
const PageVersion = 1

// The lexicons the page evidence is read with: host patterns of primary
// sources, and the labels a page shows.
const (
	PrimaryHostsLexicon = "primary_hosts"
	PageLabelsLexicon   = "page_labels"
)

// Page is the evidence of the page an article was published on, as the
// policies read it (input.page). Only an article with evidence has one.
type Page struct {
	From string
	// Byline is the visible byline, "" when the page shows none; Authors
	// the names in it.
	Byline  string
	Authors []string
	// DeclaredAuthors are the authors the structured data names.
	DeclaredAuthors                         []string
	Published, Modified, Publisher, Section string
	Type                                    string
	// Labels are the page's labels a labels lexicon recognises.
	Labels []PageLabel
	// Opinion and Sponsored say the page's metadata (type, section,
	// sponsor, rel="sponsored" links) files the article as opinion or as
	// paid content, whatever the reader is shown.
	Opinion, Sponsored bool
	Corrections        bool
	// Links are the body's links; nil when unknown.
	Links []PageLink
}

// PageLabel is a label the page shows, with the group of the labels
// lexicon that recognises it (opinion, sponsored, advertising, correction).
type PageLabel struct{ Text, Group string }

// PageLink is a body link with what its address says.
type PageLink struct {
	Text, URL string
	// Host is the link's host name, lower-case, "" for a link that is not
	// to a web address (mailto:); a relative link has the page's host.
	Host string
	// OwnSite says the link stays on the page's own site (same registered
	// domain, or relative).
	OwnSite bool
	// Primary is the group of the primary-source host lexicon the host
	// matches (government, court, journal…), "" when none.
	Primary string
}

// buildPage reads an article's page evidence with the host and label
// lexicons of set; nil when the article has none. bodyLinks are the links
// of a Markdown body, which stand for the page's when its page block lists
// none: the body is what the page shows.
func buildPage(a *article.Article, set *lexicon.Set, bodyLinks []article.Link) *Page {
	e := a.Evidence
	if e == nil {
		return nil
	}
	p := &Page{
		From: e.From, Byline: strings.TrimSpace(e.Byline), DeclaredAuthors: nonEmpty(e.DeclaredAuthors),
		Published: e.Published, Modified: e.Modified, Publisher: e.Publisher, Section: e.Section, Type: e.Type,
		Sponsored: e.Sponsored, Corrections: e.Corrections,
	}
	p.Authors = nonEmpty(e.BylineNames)
	if len(p.Authors) == 0 {
		p.Authors = nonEmpty(article.BylineNames(p.Byline))
	}
	if p.DeclaredAuthors == nil {
		p.DeclaredAuthors = []string{}
	}
	label := func(s string) string {
		if set == nil {
			return ""
		}
		g, _ := set.LabelGroup(PageLabelsLexicon, s)
		return g
	}
	p.Labels = []PageLabel{}
	for _, l := range e.Labels {
		if g := label(l); g != "" {
			p.Labels = append(p.Labels, PageLabel{Text: strings.Join(strings.Fields(l), " "), Group: g})
			p.Corrections = p.Corrections || g == "correction"
		}
	}
	p.Opinion = strings.HasPrefix(e.Type, "Opinion") || label(e.Section) == "opinion"
	p.Sponsored = p.Sponsored || strings.Contains(e.Type, "AdvertiserContent") || label(e.Section) == "sponsored"
	links := e.Links
	if links == nil {
		links = bodyLinks
	}
	if links != nil {
		own := siteOf(hostOf(a.URL))
		p.Links = make([]PageLink, 0, len(links))
		for _, l := range links {
			pl := PageLink{Text: l.Text, URL: l.URL}
			u, err := url.Parse(strings.TrimSpace(l.URL))
			switch {
			case err != nil:
			case u.Scheme == "" && u.Host == "":
				pl.Host, pl.OwnSite = hostOf(a.URL), true
			case u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "" && u.Host != "":
				pl.Host = strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
				pl.OwnSite = own != "" && siteOf(pl.Host) == own
			}
			if pl.Host != "" && set != nil {
				pl.Primary, _ = set.HostGroup(PrimaryHostsLexicon, pl.Host)
			}
			p.Links = append(p.Links, pl)
		}
	}
	return p
}

func hostOf(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
}

// siteOf is the registered domain of a host (news.example.co.uk gives
// example.co.uk), so that a newspaper's subdomains count as its own site.
func siteOf(host string) string {
	if host == "" {
		return ""
	}
	if s, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return s
	}
	return host
}

func nonEmpty(xs []string) []string {
	out := []string{}
	for _, x := range xs {
		if x = strings.Join(strings.Fields(x), " "); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// value is input.page; links is absent when the links are unknown.
func (p *Page) value() *ast.Term {
	strs := func(xs []string) *ast.Term {
		terms := make([]*ast.Term, len(xs))
		for i, x := range xs {
			terms[i] = str(x)
		}
		return ast.ArrayTerm(terms...)
	}
	labels := make([]*ast.Term, len(p.Labels))
	for i, l := range p.Labels {
		labels[i] = ast.NewTerm(obj(kv(kText, str(l.Text)), kv(kGroup, str(l.Group))))
	}
	o := obj(
		kv(kVersion, num(PageVersion)), kv(kFrom, str(p.From)),
		kv(kByline, str(p.Byline)), kv(kAuthors, strs(p.Authors)), kv(kDeclaredAuthors, strs(p.DeclaredAuthors)),
		kv(kPublished, str(p.Published)), kv(kModified, str(p.Modified)), kv(kPublisher, str(p.Publisher)),
		kv(kSection, str(p.Section)), kv(kType, str(p.Type)), kv(kLabels, ast.ArrayTerm(labels...)),
		kv(kOpinion, ast.BooleanTerm(p.Opinion)), kv(kSponsored, ast.BooleanTerm(p.Sponsored)),
		kv(kCorrections, ast.BooleanTerm(p.Corrections)),
	)
	if p.Links != nil {
		links := make([]*ast.Term, len(p.Links))
		for i, l := range p.Links {
			links[i] = ast.NewTerm(obj(
				kv(kText, str(l.Text)), kv(kURL, str(l.URL)), kv(kHost, str(l.Host)),
				kv(kOwnSite, ast.BooleanTerm(l.OwnSite)), kv(kPrimary, str(l.Primary)),
			))
		}
		o.Insert(kLinks, ast.ArrayTerm(links...))
	}
	return ast.NewTerm(o)
}
