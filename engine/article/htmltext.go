package article

import (
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// rendered is a page's main text laid out as Markdown.
type rendered struct {
	// text is what is checked: the headline as a level-1 heading, then the
	// body's blocks separated by blank lines.
	text string
	// body is the main text alone, markers and headline left out, as the
	// extraction benchmark scores it.
	body  string
	links []Link
}

// renderer turns the extractor's tree into blocks. Each block is one line,
// so a line break in the page cannot start a Markdown construct, and a
// line that would read as one anyway is escaped.
type renderer struct {
	blocks []string
	plain  []string
	links  []Link
	// quote and list are the enclosing block quotes and lists, innermost
	// last; an ordered list counts its items.
	quote int
	lists []int // -1 for a bullet list, else the next number
}

func renderContent(root *html.Node, title string) rendered {
	var r renderer
	r.walkRuns(root)
	var b strings.Builder
	if title != "" {
		b.WriteString("# " + escapeInline(title) + "\n")
	}
	for i, blk := range r.blocks {
		if i == 0 && title != "" && sameText(r.plain[0], title) {
			continue // the page repeats its title as the first heading
		}
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(blk + "\n")
	}
	return rendered{text: b.String(), body: strings.Join(r.plain, "\n"), links: r.links}
}

func sameText(a, b string) bool {
	return strings.EqualFold(collapseSpace(a), collapseSpace(b))
}

// block elements end the text run before them and start a new one.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Blockquote: true, atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Figure: true, atom.Figcaption: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Hr: true, atom.Body: true, atom.Html: true,
	atom.Details: true, atom.Summary: true, atom.Address: true,
}

// skipAtoms hold nothing a reader of the article reads as prose.
var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Head: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Button: true,
	atom.Select: true, atom.Textarea: true, atom.Input: true,
}

func (r *renderer) block(n *html.Node) {
	switch n.DataAtom {
	case atom.Blockquote:
		r.quote++
		r.walkRuns(n)
		r.quote--
		return
	case atom.Ul, atom.Ol:
		next := -1
		if n.DataAtom == atom.Ol {
			next = 1
			if s, err := strconv.Atoi(attr(n, "start")); err == nil && s >= 0 && s < 1e9 {
				next = s
			}
		}
		r.lists = append(r.lists, next)
		r.walkRuns(n)
		r.lists = r.lists[:len(r.lists)-1]
		return
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		var sb strings.Builder
		r.collectChildren(n, &sb)
		level := int(n.Data[1] - '0')
		r.emit(strings.Repeat("#", level)+" ", sb.String())
		return
	case atom.Li:
		marker := "- "
		if k := len(r.lists); k > 0 && r.lists[k-1] >= 0 {
			marker = strconv.Itoa(r.lists[k-1]) + ". "
			r.lists[k-1]++
		}
		var sb strings.Builder
		// An item's own text is one block; lists nested in it follow.
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.DataAtom == atom.Ul || c.DataAtom == atom.Ol) {
				r.emit(marker, sb.String())
				sb.Reset()
				r.block(c)
				continue
			}
			r.collect(c, &sb)
		}
		r.emit(marker, sb.String())
		return
	case atom.Hr:
		return
	}
	r.walkRuns(n)
}

// walkRuns walks a block's children, gathering consecutive inline nodes
// into one paragraph so that "<p>A <b>bold</b> claim</p>" stays one block.
func (r *renderer) walkRuns(n *html.Node) {
	var sb strings.Builder
	flush := func() {
		r.emit("", sb.String())
		sb.Reset()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && skipAtoms[c.DataAtom]:
		case c.Type == html.ElementNode && (c.DataAtom == atom.Pre || c.DataAtom == atom.Table):
			flush()
			r.fenced(c)
		case c.Type == html.ElementNode && blockAtoms[c.DataAtom]:
			flush()
			r.block(c)
		default:
			r.collect(c, &sb)
		}
	}
	flush()
}

// fenced keeps preformatted text and tables as fenced code: shown by parse,
// and counted in the extracted body, but not read as sentences.
func (r *renderer) fenced(n *html.Node) {
	var lines []string
	if n.DataAtom == atom.Table {
		forEach(n, atom.Tr, func(tr *html.Node) {
			var cells []string
			for c := tr.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
					var sb strings.Builder
					r.collectChildren(c, &sb)
					if t := collapseSpace(sb.String()); t != "" {
						cells = append(cells, t)
					}
				}
			}
			if len(cells) > 0 {
				lines = append(lines, strings.Join(cells, " | "))
			}
		})
	} else {
		for _, l := range strings.Split(textOf(n), "\n") {
			if l = strings.TrimRight(l, " \t\r"); strings.TrimSpace(l) != "" {
				lines = append(lines, strings.ReplaceAll(l, "```", "'''"))
			}
		}
	}
	if len(lines) == 0 {
		return
	}
	r.blocks = append(r.blocks, r.prefix()+"```\n"+strings.Join(lines, "\n")+"\n```")
	r.plain = append(r.plain, strings.Join(lines, "\n"))
}

// collect appends the text of n to sb, noting links. Line breaks become
// spaces: a block is one line.
func (r *renderer) collect(n *html.Node, sb *strings.Builder) {
	switch n.Type {
	case html.TextNode:
		sb.WriteString(n.Data)
		return
	case html.ElementNode:
	default:
		return
	}
	switch {
	case skipAtoms[n.DataAtom]:
		return
	case n.DataAtom == atom.Br:
		sb.WriteString(" ")
		return
	case n.DataAtom == atom.A:
		var t strings.Builder
		r.collectChildren(n, &t)
		text := collapseSpace(t.String())
		if href := strings.TrimSpace(attr(n, "href")); href != "" && text != "" && !strings.HasPrefix(strings.ToLower(href), "javascript:") {
			r.links = append(r.links, Link{Text: text, URL: href})
		}
		sb.WriteString(t.String())
		return
	case blockAtoms[n.DataAtom]:
		// A block inside inline content (a <div> in a <span>) still
		// breaks the words apart.
		sb.WriteString(" ")
		r.collectChildren(n, sb)
		sb.WriteString(" ")
		return
	}
	r.collectChildren(n, sb)
}

func (r *renderer) collectChildren(n *html.Node, sb *strings.Builder) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.collect(c, sb)
	}
}

// prefix is the block-quote marker of the blocks being written.
func (r *renderer) prefix() string { return strings.Repeat("> ", r.quote) }

// emit adds one block of text with its marker, unless it is blank.
func (r *renderer) emit(marker, text string) {
	text = collapseSpace(text)
	if text == "" {
		return
	}
	r.plain = append(r.plain, text)
	if marker == "" {
		text = escapeBlockStart(text)
	}
	r.blocks = append(r.blocks, r.prefix()+marker+escapeInline(text))
}

// blockStart matches the openings that Markdown would read as markup
// rather than as the words of a paragraph.
var blockStart = regexp.MustCompile(`^(?:#|>|[-*+•·▪◦‣–=_]|\d{1,9}[.)](?:\s|$)|` + "```|~~~" + `|<!--|\[[^\]]*\]:|    )`)

// escapeBlockStart puts a backslash before an opening that would turn a
// paragraph into a heading, list item, quote or rule; the document model
// reads the backslash as an escape, not as a word.
func escapeBlockStart(text string) string {
	if blockStart.MatchString(text) {
		return `\` + text
	}
	return text
}

// escapeInline keeps a page's text from being read as an HTML comment,
// the one inline construct that would swallow the words after it.
func escapeInline(text string) string {
	return strings.ReplaceAll(text, "<!--", "<\\!--")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// forEach calls fn on every element of kind a below n, in document order,
// without descending into a match.
func forEach(n *html.Node, a atom.Atom, fn func(*html.Node)) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a {
			fn(c)
			continue
		}
		forEach(c, a, fn)
	}
}

func textOf(n *html.Node) string {
	var sb strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Br {
			sb.WriteString("\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return sb.String()
}
