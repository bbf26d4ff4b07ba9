package article

import (
	"strings"

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
// the article: page furniture by element kind, and what the page hides.
func prune(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && (pruneAtoms[c.DataAtom] || hidden(c)) {
			n.RemoveChild(c)
		} else {
			prune(c)
		}
		c = next
	}
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
