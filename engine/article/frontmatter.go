package article

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/credcheck/credcheck/engine/safetext"
)

// FrontMatter is the YAML block that may open a Markdown article.
type FrontMatter struct {
	Title  string `yaml:"title"`
	Author string `yaml:"author"`
	Date   string `yaml:"date"`
	Outlet string `yaml:"outlet"`
	URL    string `yaml:"url"`
	Story  string `yaml:"story"`
	// Page is what the published page showed (page.go), when given.
	Page *Evidence `yaml:"page"`
	// End is the byte offset just past the closing delimiter line; 0 when
	// there is no front matter.
	End int `yaml:"-"`
}

// FrontMatterError is a front-matter block that does not parse.
type FrontMatterError struct {
	Line   int
	Reason string
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

var typeErrorLine = regexp.MustCompile(`^line (\d+): `)

// ParseFrontMatter finds and decodes a leading "---" YAML block. Text with no
// such block has empty front matter.
func ParseFrontMatter(src string) (FrontMatter, *FrontMatterError) {
	start := 0
	if strings.HasPrefix(src, "\ufeff") {
		start = len("\ufeff")
	}
	first, rest, ok := strings.Cut(src[start:], "\n")
	if !ok || strings.TrimRight(first, " \t\r") != "---" {
		return FrontMatter{}, nil
	}
	offset := start + len(first) + 1
	body := rest
	end := -1
	for pos := 0; pos <= len(body); {
		line, _, found := strings.Cut(body[pos:], "\n")
		trimmed := strings.TrimRight(line, " \t\r")
		if trimmed == "---" || trimmed == "..." {
			end = pos
			if found {
				pos += len(line) + 1
			} else {
				pos += len(line)
			}
			var fm FrontMatter
			if err := yaml.Unmarshal([]byte(body[:end]), &fm); err != nil {
				return FrontMatter{}, frontMatterError(err)
			}
			fm.End = offset + pos
			return fm, nil
		}
		if !found {
			break
		}
		pos += len(line) + 1
	}
	return FrontMatter{}, &FrontMatterError{Line: 1, Reason: "front matter opened with --- is never closed"}
}

// frontMatterError turns a YAML error into one that names the line in the
// article file (the block starts on line 2).
func frontMatterError(err error) *FrontMatterError {
	e := yamlError(err)
	// YAML quotes the offending value, which may span lines; the error
	// stays on one.
	e.Reason = safetext.Text(e.Reason)
	return e
}

func yamlError(err error) *FrontMatterError {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return &FrontMatterError{Line: n + 1, Reason: "front matter: " + strings.TrimPrefix(msg, m[0])}
	}
	if te, ok := err.(*yaml.TypeError); ok && len(te.Errors) > 0 {
		// "line 2: cannot unmarshal …" counts lines of the block too.
		if m := typeErrorLine.FindStringSubmatch(te.Errors[0]); m != nil {
			n, _ := strconv.Atoi(m[1])
			return &FrontMatterError{Line: n + 1, Reason: "front matter: " + strings.TrimPrefix(te.Errors[0], m[0])}
		}
		return &FrontMatterError{Line: 1, Reason: "front matter: " + te.Errors[0]}
	}
	return &FrontMatterError{Line: 1, Reason: fmt.Sprintf("front matter: %s", msg)}
}

func (fm FrontMatter) apply(a *Article) {
	a.Title, a.Author, a.Date, a.Outlet, a.URL, a.Story = fm.Title, fm.Author, fm.Date, fm.Outlet, fm.URL, fm.Story
	a.Evidence = fm.Page.withDefaults(a, "front_matter")
}
