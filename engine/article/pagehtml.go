package article

import (
	"encoding/json"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxLabelWords bounds what counts as a label: a kicker, badge or ad-slot
// caption is a few words, a paragraph is not.
const maxLabelWords = 12

// pageEvidence reads from a whole page, before the extractor prunes it,
// what the page shows about its article beside the text: the visible
// byline, the structured data (JSON-LD, meta tags), labels and notices.
// Which labels mean opinion or advertising is for the labels lexicon, so
// this only gathers candidates.
func pageEvidence(doc *html.Node) *Evidence {
	e := &Evidence{From: "html"}
	ld := articleLD(doc)
	meta := metaTags(doc)
	e.DeclaredAuthors = names(ld["author"])
	if len(e.DeclaredAuthors) == 0 {
		for _, k := range []string{"author", "article:author"} {
			if v := meta[k]; v != "" && !strings.Contains(v, "/") {
				e.DeclaredAuthors = BylineNames(v)
				break
			}
		}
	}
	e.Published = pageDate(str(ld["datePublished"]), meta["article:published_time"], meta["date"])
	e.Modified = pageDate(str(ld["dateModified"]), meta["article:modified_time"])
	e.Publisher = firstNonEmpty(str(ld["publisher"]), meta["og:site_name"])
	e.Section = firstNonEmpty(str(ld["articleSection"]), meta["article:section"])
	e.Type = str(ld["@type"])
	e.Sponsored = ld["sponsor"] != nil || strings.Contains(e.Type, "AdvertiserContent")

	var body *html.Node
	forEach(doc, atom.Body, func(n *html.Node) { body = n })
	if body == nil {
		return e
	}
	walkElements(body, func(n *html.Node) bool {
		hint := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
		// Navigation names the site's sections, not this article's.
		if skipAtoms[n.DataAtom] || n.DataAtom == atom.Nav || strings.Contains(hint, "nav") || strings.Contains(hint, "menu") {
			return false
		}
		if n.DataAtom == atom.A && hasToken(attr(n, "rel"), "sponsored") {
			e.Sponsored = true
		}
		if n.DataAtom == atom.Time && e.Published == "" {
			e.Published = pageDate(attr(n, "datetime"), collapseSpace(textOf(n)))
		}
		if e.Byline == "" && (strings.Contains(hint, "byline") || authorHint(hint, n) || n.DataAtom != atom.Meta && strings.EqualFold(attr(n, "itemprop"), "author") || n.DataAtom == atom.A && hasToken(attr(n, "rel"), "author")) {
			e.Byline = trimBy(textWithout(n, atom.Time))
			forEachElement(n, func(c *html.Node) {
				if c.DataAtom == atom.Time && e.Published == "" {
					e.Published = pageDate(attr(c, "datetime"), collapseSpace(textOf(c)))
				}
				if hasToken(attr(c, "rel"), "author") || strings.EqualFold(attr(c, "itemprop"), "author") || strings.EqualFold(attr(c, "itemprop"), "name") {
					if name := collapseSpace(textOf(c)); name != "" {
						e.BylineNames = append(e.BylineNames, name)
					}
				}
			})
			if e.BylineNames == nil && n.DataAtom == atom.A {
				e.BylineNames = []string{e.Byline}
			}
			return false
		}
		if strings.Contains(hint, "correction") {
			e.Corrections = true
		}
		if labelHint(hint) || n.DataAtom == atom.A {
			if t := collapseSpace(textOf(n)); t != "" && len(strings.Fields(t)) <= maxLabelWords {
				e.Labels = appendNew(e.Labels, t)
			}
		}
		return true
	})
	return e
}

// authorHint tells an element that holds the author's name ("author",
// "author-name") from an author box or biography further down, which is
// not a byline.
func authorHint(hint string, n *html.Node) bool {
	if !strings.Contains(hint, "author") {
		return false
	}
	for _, w := range []string{"box", "bio", "about", "avatar", "profile", "card", "more"} {
		if strings.Contains(hint, w) {
			return false
		}
	}
	return len(strings.Fields(textOf(n))) <= 8
}

// labelHints are the class and id words of the elements pages print labels
// in: kickers, badges, ad-slot captions, disclosures, notices.
var labelHints = []string{"label", "kicker", "eyebrow", "badge", "flag", "rubric", "overline", "category",
	"section", "sponsor", "disclosure", "advert", "ad-slot", "promo", "notice", "correction", "genre", "tag"}

func labelHint(hint string) bool {
	for _, w := range strings.Fields(hint) {
		if w == "ad" || w == "ads" {
			return true
		}
	}
	for _, h := range labelHints {
		if strings.Contains(hint, h) {
			return true
		}
	}
	return false
}

// articleLD is the first JSON-LD object on the page whose type is an
// article (NewsArticle, OpinionNewsArticle, BlogPosting, Report…), looking
// inside @graph and arrays; nil when there is none.
func articleLD(doc *html.Node) map[string]any {
	var found map[string]any
	forEachElement(doc, func(n *html.Node) {
		if found != nil || n.DataAtom != atom.Script || !strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
			return
		}
		var v any
		if json.Unmarshal([]byte(textOf(n)), &v) == nil {
			found = findArticle(v, 0)
		}
	})
	return found
}

func findArticle(v any, depth int) map[string]any {
	if depth > 8 {
		return nil
	}
	switch x := v.(type) {
	case []any:
		for _, item := range x {
			if a := findArticle(item, depth+1); a != nil {
				return a
			}
		}
	case map[string]any:
		t := str(x["@type"])
		if strings.HasSuffix(t, "Article") || t == "BlogPosting" || t == "Report" || t == "LiveBlogPosting" {
			return x
		}
		return findArticle(x["@graph"], depth+1)
	}
	return nil
}

// str reads a JSON-LD value as one string: a string, the name of an
// object, or the first of a list.
func str(v any) string {
	switch x := v.(type) {
	case string:
		return collapseSpace(x)
	case map[string]any:
		return str(x["name"])
	case []any:
		for _, item := range x {
			if s := str(item); s != "" {
				return s
			}
		}
	}
	return ""
}

// names reads a JSON-LD author: a name, an object with one, or a list.
func names(v any) []string {
	var out []string
	switch x := v.(type) {
	case []any:
		for _, item := range x {
			out = append(out, names(item)...)
		}
	case map[string]any, string:
		if s := str(x); s != "" {
			out = append(out, trimBy(s))
		}
	}
	return out
}

// metaTags maps the page's <meta> names and properties to their contents,
// the first of each.
func metaTags(doc *html.Node) map[string]string {
	out := map[string]string{}
	forEachElement(doc, func(n *html.Node) {
		if n.DataAtom != atom.Meta {
			return
		}
		k := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name")))
		if _, seen := out[k]; k != "" && !seen {
			out[k] = collapseSpace(attr(n, "content"))
		}
	})
	return out
}

// pageDate is the first of the candidates that reads as a date, as
// YYYY-MM-DD in UTC, as the article's date is.
func pageDate(candidates ...string) string {
	layouts := []string{time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02",
		"2 January 2006", "January 2, 2006", "Jan 2, 2006", "2 Jan 2006"}
	for _, c := range candidates {
		c = strings.TrimSpace(c)
		for _, l := range layouts {
			if t, err := time.Parse(l, c); err == nil {
				return t.UTC().Format(time.DateOnly)
			}
		}
	}
	return ""
}

// walkElements calls fn on each element below n in document order,
// descending into an element only when fn says so. The tree is bounded by
// parsePage, so recursion is safe.
func walkElements(n *html.Node, fn func(*html.Node) bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && !fn(c) {
			continue
		}
		walkElements(c, fn)
	}
}

func forEachElement(n *html.Node, fn func(*html.Node)) {
	walkElements(n, func(c *html.Node) bool { fn(c); return true })
}

func hasToken(list, token string) bool {
	for _, t := range strings.Fields(list) {
		if strings.EqualFold(t, token) {
			return true
		}
	}
	return false
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// textWithout is the text of n without that of its elements of kind a: a
// byline without the time stamp set in it.
func textWithout(n *html.Node, a atom.Atom) string {
	var sb strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			sb.WriteString(n.Data)
		case n.Type == html.ElementNode && n.DataAtom == a:
			sb.WriteString(" ")
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return sb.String()
}
