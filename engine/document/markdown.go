package document

import (
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/credcheck/credcheck/engine/article"
)

// markdownParser reads CommonMark with GFM tables and footnotes. It is
// built on first use, so plain-text and JSON Lines runs never pay for it.
var markdownParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Footnote)).Parser()
})

// readMarkdown lays out a Markdown article from goldmark's syntax tree.
// The clean text starts blank and only the words of prose are copied back
// from the source at the offsets goldmark gives, so everything else
// (front matter, code, tables, HTML, link targets, markers, link
// reference definitions) is blank with every offset kept. Headings, block
// quotes, list items and paragraphs become blocks; footnote texts are
// paragraphs where they stand.
func readMarkdown(src string, bodyStart int) layout {
	clean := make([]byte, len(src))
	for i := range clean {
		if src[i] == '\n' {
			clean[i] = '\n'
		} else {
			clean[i] = ' '
		}
	}
	if bodyStart == 0 && strings.HasPrefix(src, "\ufeff") {
		bodyStart = len("\ufeff") // a byte-order mark is not text
	}
	body, shifts := capNesting(src[bodyStart:])
	r := mdReader{src: src, base: bodyStart, shifts: shifts, lay: layout{clean: clean, links: []article.Link{}}}
	r.body = []byte(body)
	doc := markdownParser().Parse(text.NewReader(r.body))
	r.blocks(doc)
	sort.SliceStable(r.lay.blocks, func(i, j int) bool { return r.lay.blocks[i].start < r.lay.blocks[j].start })
	sort.SliceStable(r.lay.comments, func(i, j int) bool { return r.lay.comments[i].Start < r.lay.comments[j].Start })
	return r.lay
}

// maxPrefix is how many bytes of container marks (indentation, ">", list
// bullets) a line may open with before goldmark sees it. goldmark measures
// a line's indentation from its start once per open container, so a list
// nested one level deeper on every line costs the cube of its depth; no
// article nests 32 levels deep.
const maxPrefix = 64

// shift says that from offset at of the text goldmark read, offsets in the
// source are by more bytes further on.
type shift struct{ at, by int }

// capNesting returns body with the container marks that open a line cut
// to their last maxPrefix bytes, and where it cut; nearly always body
// itself and nothing.
func capNesting(body string) ([]byte, []shift) {
	var (
		out    []byte
		shifts []shift
		done   int // bytes of body already in out
	)
	for start := 0; start < len(body); {
		end := strings.IndexByte(body[start:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += start + 1
		}
		run := start
		for run < end && strings.IndexByte(" \t>*+-", body[run]) >= 0 {
			run++
		}
		if cut := run - start - maxPrefix; cut > 0 {
			out = append(out, body[done:start]...)
			done = start + cut
			shifts = append(shifts, shift{at: len(out), by: done - len(out)})
		}
		start = end
	}
	if shifts == nil {
		return []byte(body), nil
	}
	return append(out, body[done:]...), shifts
}

// mdReader walks a goldmark tree of src[base:]; goldmark's offsets are
// relative to base, and past shifts.
type mdReader struct {
	src    string
	body   []byte // what goldmark read
	base   int
	shifts []shift
	lay    layout
	// open is the block whose prose is being copied; its extent grows
	// with each piece of text.
	open *block
}

// at is the offset in src of offset i of the text goldmark read.
func (r *mdReader) at(i int) int {
	k := sort.Search(len(r.shifts), func(k int) bool { return r.shifts[k].at > i })
	if k > 0 {
		i += r.shifts[k-1].by
	}
	return r.base + i
}

func (r *mdReader) blocks(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Heading:
			r.prose(c, KindHeading, c.Level)
		case *ast.Paragraph, *ast.TextBlock:
			kind := KindText
			if _, ok := c.Parent().(*ast.ListItem); ok {
				kind = KindItem
			}
			r.prose(c, kind, 0)
		case *ast.Blockquote:
			// A quote is one block whatever it holds.
			r.prose(c, KindQuote, 0)
		case *ast.HTMLBlock:
			r.htmlComments(c)
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.ThematicBreak, *east.Table:
			// Not prose.
		default:
			// Lists, list items, footnote lists and footnotes hold blocks.
			r.blocks(c)
		}
	}
}

// prose copies the words under n into the clean text as one block.
func (r *mdReader) prose(n ast.Node, kind Kind, level int) {
	r.open = &block{start: -1, kind: kind, level: level}
	r.copyText(n)
	if b := r.open; b.start >= 0 {
		r.lay.addBlock(*b)
	}
	r.open = nil
}

func (r *mdReader) copyText(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			r.copySegment(c.Segment)
		case *ast.RawHTML:
			r.inlineComment(c)
		case *ast.HTMLBlock:
			r.htmlComments(c)
		case *ast.Link:
			r.lay.links = append(r.lay.links, article.Link{Text: r.plain(c), URL: string(c.Destination)})
			r.copyText(c)
		case *ast.AutoLink:
			if c.AutoLinkType == ast.AutoLinkURL {
				r.lay.links = append(r.lay.links, article.Link{Text: string(c.Label(r.body)), URL: string(c.URL(r.body))})
			}
		case *ast.CodeSpan, *ast.Image, *ast.FencedCodeBlock, *ast.CodeBlock,
			*ast.ThematicBreak, *east.Table, *east.FootnoteLink:
			// Code, pictures, bare addresses and note marks are not words.
		default:
			// Emphasis and link text are words; so is what a quote or
			// list holds.
			r.copyText(c)
		}
	}
}

// plain is the text under n as the reader sees it, without markup.
func (r *mdReader) plain(n ast.Node) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(r.body))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.CodeSpan, *ast.Emphasis:
			b.WriteString(r.plain(c))
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// copySegment copies one run of text. goldmark leaves escapes in the
// text; a backslash is not a word, and an escaped emphasis, link or code
// mark ("\\*", "\\[") is markup residue, so both are left out. Other
// escaped marks ("1984\\." at a line start) keep their character.
func (r *mdReader) copySegment(seg text.Segment) {
	start, end := r.at(seg.Start), r.at(seg.Stop)
	if start >= end {
		return
	}
	for i := start; i < end; i++ {
		c := r.src[i]
		if c != '\\' {
			r.lay.clean[i] = c
			continue
		}
		if i+1 < end && strings.IndexByte("*_`[]", r.src[i+1]) >= 0 {
			i++
		}
	}
	b := r.open
	if b.start < 0 || start < b.start {
		b.start = start
	}
	b.end = max(b.end, end)
}

var htmlComment = regexp.MustCompile(`(?s)<!--.*?-->`)

// htmlComments collects the comments of an HTML block; the block itself
// is not prose.
func (r *mdReader) htmlComments(n *ast.HTMLBlock) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	start := r.at(lines.At(0).Start)
	end := r.at(lines.At(lines.Len() - 1).Stop)
	if n.HasClosure() {
		end = r.at(n.ClosureLine.Stop)
	}
	for _, m := range htmlComment.FindAllStringIndex(r.src[start:end], -1) {
		r.addComment(start+m[0], start+m[1])
	}
}

// inlineComment collects a comment written within a line of prose.
func (r *mdReader) inlineComment(n *ast.RawHTML) {
	if n.Segments.Len() == 0 {
		return
	}
	start := r.at(n.Segments.At(0).Start)
	end := r.at(n.Segments.At(n.Segments.Len() - 1).Stop)
	if strings.HasPrefix(r.src[start:end], "<!--") && strings.HasSuffix(r.src[start:end], "-->") {
		r.addComment(start, end)
	}
}

func (r *mdReader) addComment(start, end int) {
	r.lay.comments = append(r.lay.comments, Comment{Span: Span{start, end}, Text: strings.TrimSpace(r.src[start+4 : end-3])})
}
