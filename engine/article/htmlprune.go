package article

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pruneAtoms are the elements that never hold the article's own prose,
// whichever container the extractor chose: navigation, page furniture
// beside or below the text, forms, embedded media with their captions and
// credits, and machine-readable time stamps (the date is page metadata,
// read from the whole page before extraction). The list follows the
// elements trafilatura cleans from every page before it looks for the
// text, so a container that is too wide loses its furniture as it would
// there.
var pruneAtoms = map[atom.Atom]bool{
	atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Menu: true, atom.Form: true,
	atom.Figure: true, atom.Figcaption: true, atom.Picture: true, atom.Video: true, atom.Audio: true,
	atom.Canvas: true, atom.Map: true, atom.Embed: true, atom.Dialog: true, atom.Fieldset: true,
	atom.Label: true, atom.Legend: true, atom.Ins: true, atom.Time: true,
}

// prune removes from the extracted tree the elements no reader reads as
// the article: page furniture by element kind, what the page hides, and
// the article's header (headline, standfirst, byline, dates: the page's
// metadata, read apart) unless it holds most of the text, as a page that
// misuses <header> for its body would.
func prune(root *html.Node) {
	total, _ := textLengths(root)
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode && (pruneAtoms[c.DataAtom] || hidden(c) || c.DataAtom == atom.Header && minorPart(c, total)) {
				n.RemoveChild(c)
			} else {
				rec(c)
			}
			c = next
		}
	}
	rec(root)
}

// minorPart tells whether n holds less than half of a text of total letters.
func minorPart(n *html.Node, total int) bool {
	t, _ := textLengths(n)
	return 2*t < total
}

// hidden tells an element the page does not show: the hidden attribute or
// an inline style that takes it off the page.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "style":
			s := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// linkDense removes rows and lists of links: related stories, "read more"
// lines, tag and share rows, the cards a page pops up over a name. A
// paragraph of the article links a few of its words; a block of two or
// more links whose letters are nearly all link text (trafilatura's
// link-density share, 0.8) points elsewhere. A block with a single link
// stays: a paragraph that is one link is as often the article's own
// (a deal, a cited address) as not.
func linkDense(root *html.Node) { linkCounts(root, false) }

// linkDenseShare is the share of a block's letters in links above which it
// is a row of links.
const linkDenseShare = 0.8

// linkCounts removes the rows of links below n, innermost first (a card of
// links set inside a sentence goes, the sentence around it stays), and
// counts what remains of n: letters and digits, those of them inside links,
// and links. One pass, so a long page costs its length and no more.
func linkCounts(n *html.Node, inLink bool) (text, linked, links int) {
	if n.Type == html.TextNode {
		for _, r := range n.Data {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				text++
			}
		}
		if inLink {
			linked = text
		}
		return text, linked, 0
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.A {
		inLink = true
		links = 1
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		t, l, k := linkCounts(c, inLink)
		if c.Type == html.ElementNode && k >= 2 && t > 0 && float64(l) >= linkDenseShare*float64(t) {
			n.RemoveChild(c)
		} else {
			text, linked, links = text+t, linked+l, links+k
		}
		c = next
	}
	return text, linked, links
}

// textLengths counts the letters and digits of n's text, and of the part
// of it inside links.
func textLengths(n *html.Node) (text, linked int) {
	var rec func(*html.Node, bool)
	rec = func(n *html.Node, inLink bool) {
		if n.Type == html.TextNode {
			k := 0
			for _, r := range n.Data {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					k++
				}
			}
			text += k
			if inLink {
				linked += k
			}
		}
		inLink = inLink || n.Type == html.ElementNode && n.DataAtom == atom.A
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c, inLink)
		}
	}
	rec(n, false)
	return text, linked
}
