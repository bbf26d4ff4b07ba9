package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// The documentation as the doc tests read it: README.md and every page
// under docs/, parsed as CommonMark by goldmark, so that a fence inside a
// longer fence, a link inside a code span or a heading made of code is read
// as GitHub reads it.

// repoRoot is the repository, seen from this package's directory.
const repoRoot = "../.."

// docPages lists the documentation pages, relative to the repository root,
// in a fixed order.
func docPages(t *testing.T) []string {
	t.Helper()
	pages := []string{"README.md"}
	err := filepath.WalkDir(filepath.Join(repoRoot, "docs"), func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".md") {
			rel, err := filepath.Rel(repoRoot, path)
			if err != nil {
				return err
			}
			pages = append(pages, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// docPage is one parsed page.
type docPage struct {
	path   string // relative to the repository root, with forward slashes
	source []byte
	root   ast.Node
}

func readDocPage(t *testing.T, path string) docPage {
	t.Helper()
	source, err := os.ReadFile(filepath.Join(repoRoot, filepath.FromSlash(path)))
	if err != nil {
		t.Fatal(err)
	}
	return docPage{path: path, source: source, root: goldmark.DefaultParser().Parse(text.NewReader(source))}
}

// line is the 1-based line of a byte offset, for messages.
func (p docPage) line(offset int) int {
	return 1 + strings.Count(string(p.source[:offset]), "\n")
}

// fence is a fenced code block with the HTML comment just before it, if any.
type fence struct {
	lang    string
	content string
	line    int    // of the opening fence
	marker  string // the comment before the block, "" when there is none
}

func (p docPage) fences() []fence {
	var out []fence
	_ = ast.Walk(p.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		block, ok := n.(*ast.FencedCodeBlock)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		f := fence{lang: string(block.Language(p.source))}
		lines := block.Lines()
		var b strings.Builder
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			b.Write(seg.Value(p.source))
		}
		f.content = b.String()
		if lines.Len() > 0 {
			f.line = p.line(lines.At(0).Start) - 1
		} else if block.Info != nil {
			f.line = p.line(block.Info.Segment.Start)
		}
		if html, ok := block.PreviousSibling().(*ast.HTMLBlock); ok {
			var m strings.Builder
			for i := 0; i < html.Lines().Len(); i++ {
				seg := html.Lines().At(i)
				m.Write(seg.Value(p.source))
			}
			f.marker = strings.TrimSpace(m.String())
		}
		out = append(out, f)
		return ast.WalkSkipChildren, nil
	})
	return out
}

// docLink is a link or image of a page.
type docLink struct {
	dest string
	line int
}

func (p docPage) links() []docLink {
	var out []docLink
	_ = ast.Walk(p.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest []byte
		switch l := n.(type) {
		case *ast.Link:
			dest = l.Destination
		case *ast.Image:
			dest = l.Destination
		default:
			return ast.WalkContinue, nil
		}
		out = append(out, docLink{dest: string(dest), line: p.line(textStart(n))})
		return ast.WalkContinue, nil
	})
	return out
}

// textStart is the offset of the first text inside n, for its line.
func textStart(n ast.Node) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Lines() != nil && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

// anchors are the fragment identifiers GitHub gives the page's headings.
func (p docPage) anchors() map[string]bool {
	out := map[string]bool{}
	seen := map[string]int{}
	_ = ast.Walk(p.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		slug := githubSlug(plainText(h, p.source))
		if k := seen[slug]; k > 0 {
			out[slug+"-"+itoa(k)] = true
		} else {
			out[slug] = true
		}
		seen[slug]++
		return ast.WalkSkipChildren, nil
	})
	return out
}

// plainText is a node's text as rendered, without markup.
func plainText(n ast.Node, source []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(source))
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// githubSlug is the anchor GitHub derives from a heading's text: lower
// case, punctuation other than hyphens and underscores dropped, spaces
// turned into hyphens.
func githubSlug(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

var schemeLink = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)
