package story

import (
	"fmt"
	"io"
	"strings"
)

// writeMarkdown writes a story report for a pull-request comment or a
// page: per story, a table of its articles with their own scores, its
// findings with the sentences they cite, and the corroboration line.
func writeMarkdown(w io.Writer, r *Report) error { return r.WriteMarkdown(w, 1) }

// WriteMarkdown writes the story report with its title at heading level
// depth: 1 on its own, deeper inside check's Markdown report.
func (r *Report) WriteMarkdown(w io.Writer, depth int) error {
	var b strings.Builder
	h := strings.Repeat("#", depth)
	fmt.Fprintf(&b, "%s Story report\n", h)
	if len(r.Stories) == 0 {
		b.WriteString("\nNo two articles tell the same story.\n")
	}
	for _, st := range r.Stories {
		fmt.Fprintf(&b, "\n%s# Story %s (%d articles)\n\n", h, md(st.ID), len(st.Articles))
		b.WriteString("| # | article | score | headline |\n|---|---|---|---|\n")
		for i, a := range st.Articles {
			score := "unscored"
			if a.Score >= 0 {
				score = fmt.Sprintf("%d %s", a.Score, a.Grade)
			}
			best := ""
			if i == st.Scorecard.Best {
				best = " (best-sourced)"
			}
			fmt.Fprintf(&b, "| %d | `%s`%s | %s | %s |\n", i+1, code(location(a)), best, score, md(a.Headline))
		}
		if len(st.Findings) == 0 {
			b.WriteString("\nNo story findings.\n")
		}
		for _, f := range st.Findings {
			fmt.Fprintf(&b, "\n- **%s** `%s`: %s\n", f.Severity, f.Rule, md(f.Message))
			for _, c := range f.Cites {
				where := c.Path
				if c.Record != "" {
					where += "#" + c.Record
				}
				fmt.Fprintf(&b, "  - [%d] `%s:%d:%d` %s\n", c.Article+1, code(where), c.Line, c.Column, md(clip(c.Sentence, 160)))
			}
		}
		sc := st.Scorecard
		fmt.Fprintf(&b, "\n**Corroboration:** %s. Independent sources: %s. On record: %s. Confirmations by a party: %d.\n",
			sc.Corroboration, md(orNone(sc.Sources)), md(orNone(sc.OnRecord)), len(sc.Confirmations))
	}
	if len(r.Alone) > 0 {
		fmt.Fprintf(&b, "\n%d article(s) tell no story another article tells:\n\n", len(r.Alone))
		for _, a := range r.Alone {
			fmt.Fprintf(&b, "- `%s`\n", code(location(a)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func orNone(xs []string) string {
	if len(xs) == 0 {
		return "none"
	}
	return strings.Join(xs, "; ")
}

// md escapes text for a Markdown table cell or list item.
var mdEscaper = strings.NewReplacer("\\", "\\\\", "|", "\\|", "*", "\\*", "_", "\\_", "`", "\\`", "<", "&lt;", ">", "&gt;", "[", "\\[", "]", "\\]", "\n", " ")

func md(s string) string { return mdEscaper.Replace(s) }

// code keeps a path inside a code span: a backtick would close it.
func code(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "`", "'"), "\n", " ") }
