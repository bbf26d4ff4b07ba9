// Package suppress decides which findings do not count: those an article's
// own comments switch off (<!-- credcheck-disable RULE -->), those the
// configuration ignores by rule and path, and those a baseline already
// knows. It also reports the switches that matched nothing, so that stale
// ones are removed.
package suppress

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/credcheck/credcheck/engine/document"
	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/pathglob"
)

// Directive kinds, as written after "credcheck-".
const (
	Disable         = "disable"
	Enable          = "enable"
	DisableNextLine = "disable-next-line"
)

// Directive is one credcheck comment in an article.
type Directive struct {
	Kind string
	// Rules are the rule IDs or category names it names; empty means all.
	Rules []string
	// Reason is the text after "--", if any.
	Reason string
	// Start and End are the comment's byte offsets; Line is its first line.
	Start, End, Line int
	// Text is the comment as written, for messages.
	Text string
}

// Stale is a directive that suppressed nothing, or that names no rule the
// policies know.
type Stale struct {
	Line   int
	Text   string
	Reason string
}

var directive = regexp.MustCompile(`^credcheck-(disable-next-line|disable|enable)(?:\s+(.*))?$`)

// Directives reads the credcheck comments of a document, in text order.
// Other comments are left alone.
func Directives(doc *document.Document) []Directive {
	var out []Directive
	for _, c := range doc.Comments {
		m := directive.FindStringSubmatch(strings.Join(strings.Fields(c.Text), " "))
		if m == nil {
			continue
		}
		d := Directive{Kind: m[1], Start: c.Start, End: c.End, Line: c.Line, Text: "<!-- " + strings.TrimSpace(c.Text) + " -->"}
		names, reason, _ := strings.Cut(m[2], "--")
		d.Reason = strings.TrimSpace(reason)
		for _, n := range strings.FieldsFunc(names, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
			d.Rules = append(d.Rules, n)
		}
		out = append(out, d)
	}
	return out
}

// names reports whether a directive's rules cover a finding.
func (d Directive) names(f *finding.Finding) bool { return covers(d.Rules, f) }

// covers reports whether a list of rule IDs and category names takes in a
// finding; an empty list takes in every finding.
func covers(names []string, f *finding.Finding) bool {
	return len(names) == 0 || slices.Contains(names, f.Rule) || slices.Contains(names, f.Category)
}

// Inline marks the findings the document's directives switch off and
// returns the directives that switched off nothing or name an unknown rule
// or category. known says whether a name is a loaded rule or a category.
func Inline(doc *document.Document, findings []*finding.Finding, known func(name string) bool) []Stale {
	ds := Directives(doc)
	if len(ds) == 0 {
		return nil
	}
	used := make([]bool, len(ds))
	for _, f := range findings {
		if f.Suppressed != nil {
			continue
		}
		if i := suppressor(doc, ds, f); i >= 0 {
			used[i] = true
			reason := fmt.Sprintf("line %d: %s", ds[i].Line, ds[i].Text)
			if ds[i].Reason != "" {
				reason = fmt.Sprintf("line %d: %s", ds[i].Line, ds[i].Reason)
			}
			f.Suppressed = &finding.Suppression{Kind: finding.SuppressedInline, Reason: reason}
		}
	}
	var stale []Stale
	for i, d := range ds {
		var unknown []string
		for _, n := range d.Rules {
			if !known(n) {
				unknown = append(unknown, n)
			}
		}
		switch {
		case len(unknown) > 0:
			stale = append(stale, Stale{Line: d.Line, Text: d.Text, Reason: "names no loaded rule or category: " + strings.Join(unknown, ", ")})
		case d.Kind != Enable && !used[i]:
			stale = append(stale, Stale{Line: d.Line, Text: d.Text, Reason: "suppresses no finding; remove it"})
		}
	}
	return stale
}

// suppressor is the index of the directive that switches f off, or -1.
// A region opened by "disable" runs to an "enable" that names the rule (or
// names none) or to the end of the article; "disable-next-line" covers the
// next line that holds text.
func suppressor(doc *document.Document, ds []Directive, f *finding.Finding) int {
	open := -1
	for i, d := range ds {
		if d.End > f.Start {
			break
		}
		switch d.Kind {
		case Disable:
			if d.names(f) {
				open = i
			}
		case Enable:
			if open >= 0 && (len(d.Rules) == 0 || d.names(f)) {
				open = -1
			}
		}
	}
	if open >= 0 {
		return open
	}
	for i, d := range ds {
		if d.Kind == DisableNextLine && d.names(f) && f.Line == nextTextLine(doc, d.End) {
			return i
		}
	}
	return -1
}

// nextTextLine is the first line after the one holding offset that has
// text other than white space and comments.
func nextTextLine(doc *document.Document, offset int) int {
	line, _ := doc.Position(offset)
	text := doc.Text
	i := strings.IndexByte(text[offset:], '\n')
	if i < 0 {
		return -1
	}
	pos := offset + i + 1
	for line++; pos < len(text); line++ {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text) - pos
		}
		if strings.TrimSpace(doc.Clean[pos:pos+end]) != "" {
			return line
		}
		pos += end + 1
	}
	return -1
}

// Ignore is a configuration entry that suppresses findings of some rules
// (or categories) in some paths.
type Ignore struct {
	Rules  []string
	Paths  pathglob.Set
	Reason string
	// Label names the entry in messages ("ignore[2]").
	Label   string
	used    atomic.Int64
	matched atomic.Int64
}

// Apply marks the findings of an article at path that the entry covers.
// It is safe to call from several goroutines.
func (g *Ignore) Apply(path string, findings []*finding.Finding) {
	if !g.Paths.Match(path) {
		return
	}
	g.matched.Add(1)
	for _, f := range findings {
		if f.Suppressed != nil || !covers(g.Rules, f) {
			continue
		}
		reason := g.Label
		if g.Reason != "" {
			reason += ": " + g.Reason
		}
		f.Suppressed = &finding.Suppression{Kind: finding.SuppressedConfig, Reason: reason}
		g.used.Add(1)
	}
}

// Used reports whether the entry has suppressed anything yet.
func (g *Ignore) Used() bool { return g.used.Load() > 0 }

// Stale reports an entry that covered articles of the run and suppressed
// nothing in them. An entry whose paths the run did not reach (a run over
// changed files only) is not judged.
func (g *Ignore) Stale() bool { return g.matched.Load() > 0 && g.used.Load() == 0 }

// Describe says what the entry covers, for a notice that it is stale.
func (g *Ignore) Describe() string {
	rules, paths := "every rule", "every path"
	if len(g.Rules) > 0 {
		sorted := append([]string(nil), g.Rules...)
		sort.Strings(sorted)
		rules = strings.Join(sorted, ", ")
	}
	if len(g.Paths.Globs) > 0 {
		paths = strings.Join(g.Paths.Globs, ", ")
	}
	return fmt.Sprintf("%s (%s in %s)", g.Label, rules, paths)
}
