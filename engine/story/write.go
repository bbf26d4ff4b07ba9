package story

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/credcheck/credcheck/engine/safetext"
)

// Formats are the story report formats.
var Formats = []string{"text", "json", "markdown", "sarif"}

// Write writes a story report in one of Formats.
func Write(w io.Writer, format string, r *Report) error {
	switch format {
	case "json":
		b, err := json.MarshalIndent(r, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "%s\n", b)
		return err
	case "text", "":
		return writeText(w, r)
	case "markdown":
		return writeMarkdown(w, r)
	case "sarif":
		return writeSARIF(w, r)
	}
	return fmt.Errorf("unknown story format %q (formats: %s)", format, strings.Join(Formats, ", "))
}

// JSONValue is the story report as check --format json writes it under
// "stories": the same object as credcheck story --format json.
func (r *Report) JSONValue() any { return r }

// WriteText writes the story report as credcheck story does, for check
// --story's text report.
func (r *Report) WriteText(w io.Writer) error { return writeText(w, r) }

func writeText(w io.Writer, r *Report) error {
	var b strings.Builder
	for _, st := range r.Stories {
		fmt.Fprintf(&b, "story %s: %d articles\n", safetext.Text(st.ID), len(st.Articles))
		for i, a := range st.Articles {
			score := "unscored"
			if a.Score >= 0 {
				score = fmt.Sprintf("score %d %s", a.Score, a.Grade)
			}
			best := ""
			if i == st.Scorecard.Best {
				best = "  (best-sourced)"
			}
			fmt.Fprintf(&b, "  [%d] %s  %s  %s%s\n", i+1, location(a), score, quoteHeadline(a.Headline), best)
		}
		for _, f := range st.Findings {
			fmt.Fprintf(&b, "  %s %s: %s\n", f.Severity, f.Rule, safetext.Text(f.Message))
			for _, c := range f.Cites {
				where := c.Path
				if c.Record != "" {
					where += "#" + c.Record
				}
				fmt.Fprintf(&b, "      [%d] %s:%d:%d  %s\n", c.Article+1, safetext.Name(where), c.Line, c.Column, clip(safetext.Text(c.Sentence), 110))
			}
		}
		sc := st.Scorecard
		fmt.Fprintf(&b, "  corroboration: %s — %d independent source(s)", sc.Corroboration, len(sc.Sources))
		if len(sc.Sources) > 0 {
			fmt.Fprintf(&b, " (%s)", safetext.Text(strings.Join(sc.Sources, "; ")))
		}
		fmt.Fprintf(&b, ", %d on record", len(sc.OnRecord))
		if len(sc.OnRecord) > 0 {
			fmt.Fprintf(&b, " (%s)", safetext.Text(strings.Join(sc.OnRecord, "; ")))
		}
		fmt.Fprintf(&b, ", %d confirmation(s) by a party", len(sc.Confirmations))
		b.WriteString("\n\n")
	}
	if len(r.Alone) > 0 {
		fmt.Fprintf(&b, "%d article(s) tell no story another article tells:\n", len(r.Alone))
		for _, a := range r.Alone {
			fmt.Fprintf(&b, "  %s\n", location(a))
		}
	}
	if len(r.Stories) == 0 && len(r.Alone) == 0 {
		b.WriteString("no articles read\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// location names an article as check does: the path, with the record id
// for a JSON Lines record.
func location(a ArticleRef) string {
	if a.Line > 0 {
		return safetext.Name(a.Path + "#" + a.ID)
	}
	return safetext.Name(a.Path)
}

func quoteHeadline(h string) string {
	if h == "" {
		return ""
	}
	return "“" + clip(safetext.Text(h), 70) + "”"
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
