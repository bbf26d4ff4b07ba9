package article

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/credcheck/credcheck/engine/safefile"
)

// maxHTMLElements bounds a page's tree: a long page has a few tens of
// thousands of elements, and the extractor's time grows with their number.
// Depth is bounded by the parser, which stops at 512 open elements as
// browsers do.
const maxHTMLElements = 200_000

// Link is a link in the body of a page: what the reader sees and where it leads.
type Link struct {
	Text string `json:"text" yaml:"text" toml:"text"`
	URL  string `json:"url" yaml:"url" toml:"url"`
}

// gzipMagic opens every gzip stream.
var gzipMagic = []byte{0x1f, 0x8b}

// gunzipHTML expands a gzip-compressed page, holding at most limit bytes of
// it, so a small file that expands without end is refused like a large one.
func gunzipHTML(path string, data []byte, limit int64) ([]byte, *InputError) {
	if !bytes.HasPrefix(data, gzipMagic) {
		return data, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, &InputError{Path: path, Reason: "gzip: " + err.Error()}
	}
	out, err := io.ReadAll(io.LimitReader(zr, limit+1))
	if err != nil {
		return nil, &InputError{Path: path, Reason: "gzip: " + err.Error()}
	}
	if int64(len(out)) > limit {
		le := &safefile.LimitError{Path: path, Size: -1, Limit: limit}
		return nil, &InputError{Path: path, Reason: "uncompressed " + le.Reason() + limitHint}
	}
	return out, nil
}

// parseHTML extracts the article of a web page: its main text, laid out as
// Markdown so that the document model reads headings, quotes and lists as
// it does in a Markdown article, and its metadata and body links. The
// extracted text becomes the article's Source, so findings point at lines
// and columns of it rather than of the page.
func parseHTML(path string, data []byte) (as []*Article, errs []*InputError) {
	fail := func(reason string) ([]*Article, []*InputError) {
		return nil, []*InputError{{Path: path, Reason: reason}}
	}
	if looksBinary(data) {
		return fail("binary data, not text")
	}
	doc, reason := parsePage(data)
	if reason != "" {
		return fail(reason)
	}
	canonical := canonicalURL(doc)
	// Read before the extractor runs: it prunes the tree it is given.
	evidence := pageEvidence(doc)
	defer func() {
		// The extractor is a large body of heuristics run on hostile
		// input; a fault in it costs this page only.
		if r := recover(); r != nil {
			as, errs = fail(fmt.Sprintf("extracting the page's text failed: %v", r))
		}
	}()
	res, err := readability.FromDocument(doc, nil)
	if err != nil || res.Node == nil {
		return fail("no article text found in the page")
	}
	title := collapseSpace(res.Title())
	prune(res.Node)
	linkDense(res.Node)
	r := renderContent(res.Node, title)
	if strings.TrimSpace(r.body) == "" {
		return fail("no article text found in the page")
	}
	a := &Article{
		ID: path, Path: path, Format: HTML, Source: r.text,
		Title: title, Author: byline(res.Byline()), Outlet: collapseSpace(res.SiteName()), URL: canonical,
		Page: &Page{
			Language:    strings.TrimSpace(res.Language()),
			Description: collapseSpace(res.Excerpt()),
			Links:       r.links,
			Body:        r.body,
		},
	}
	evidence.Links = r.links
	if evidence.Links == nil {
		evidence.Links = []Link{}
	}
	a.Evidence = evidence
	if t, err := res.PublishedTime(); err == nil {
		a.Date = t.UTC().Format(time.DateOnly)
	}
	if t, err := res.ModifiedTime(); err == nil {
		a.Page.Modified = t.UTC().Format(time.DateOnly)
	}
	return []*Article{a}, nil
}

// byline is the author's name as a page gives it, without the "By" that
// many visible bylines carry.
func byline(s string) string {
	s = collapseSpace(s)
	for _, p := range []string{"By ", "by ", "BY "} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

// canonicalURL is the address the page declares for itself: the canonical
// link, else og:url. The tree is bounded by parsePage, so recursion is safe.
func canonicalURL(n *html.Node) string {
	if n.Type == html.ElementNode {
		switch {
		case n.DataAtom == atom.Link && strings.EqualFold(strings.TrimSpace(attr(n, "rel")), "canonical"):
			return strings.TrimSpace(attr(n, "href"))
		case n.DataAtom == atom.Body:
			return ""
		}
	}
	og := ""
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Meta && attr(c, "property") == "og:url" {
			og = firstNonEmpty(og, attr(c, "content"))
		}
		if u := canonicalURL(c); u != "" {
			return u
		}
	}
	return og
}

// parsePage decodes a page to UTF-8 and parses it, refusing trees too deep
// or too large to extract from safely. Bytes that are valid UTF-8 are read
// as UTF-8 whatever the page declares, since a page that declares nothing
// would otherwise be read as Windows-1252 and a saved page's declaration
// often outlives a re-encoding; other bytes are decoded by the page's
// byte-order mark or declared charset.
func parsePage(data []byte) (*html.Node, string) {
	r := io.Reader(bytes.NewReader(data))
	if !utf8.Valid(data) {
		enc, _, _ := charset.DetermineEncoding(data, "text/html")
		r = enc.NewDecoder().Reader(r)
	}
	doc, err := html.Parse(r)
	if err != nil {
		if strings.Contains(err.Error(), "open stack of elements") {
			return nil, "page nested more than 512 elements deep"
		}
		return nil, "reading the page: " + err.Error()
	}
	if n := countElements(doc); n > maxHTMLElements {
		return nil, fmt.Sprintf("page of more than %d elements", maxHTMLElements)
	}
	return doc, ""
}

// countElements counts the elements of a tree.
func countElements(n *html.Node) int {
	count := 0
	if n.Type == html.ElementNode {
		count++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		count += countElements(c)
	}
	return count
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// Page is what a web page says about its article beyond the text and the
// metadata every format has.
type Page struct {
	// Language is the page's declared language (<html lang>), as written.
	Language string `json:"language,omitempty"`
	// Description is the page's summary (meta description, og:description),
	// else its first paragraph.
	Description string `json:"description,omitempty"`
	// Modified is the date the page says it was last changed, YYYY-MM-DD.
	Modified string `json:"modified,omitempty"`
	// Links are the links in the extracted body, in reading order.
	Links []Link `json:"links"`
	// Body is the extracted main text without the headline or Markdown
	// markers, the text an extraction benchmark scores.
	Body string `json:"-"`
}
