package compare

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/credcheck/credcheck/engine/safetext"
)

// ReportVersion versions the JSON form of a Report (docs/compare.md).
const ReportVersion = 1

// Report is what the consistency rules found in a summary of an article.
type Report struct {
	Version int    `json:"version"`
	Article string `json:"article"`
	Summary string `json:"summary"`
	// Consistent is set when no rule found anything.
	Consistent bool       `json:"consistent"`
	Findings   []*Finding `json:"findings"`
}

// Formats are the output formats of a Report.
var Formats = []string{"text", "json"}

// Write renders a report as text for people or JSON for programs.
func Write(w io.Writer, format string, r *Report) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(r)
	case "text":
		out := bufio.NewWriter(w)
		if r.Consistent {
			fmt.Fprintf(out, "%s: nothing contradicts %s\n", safetext.Name(r.Summary), safetext.Name(r.Article))
			return out.Flush()
		}
		problems := "problems"
		if len(r.Findings) == 1 {
			problems = "problem"
		}
		fmt.Fprintf(out, "%s: %d %s against %s\n", safetext.Name(r.Summary), len(r.Findings), problems, safetext.Name(r.Article))
		for _, f := range r.Findings {
			fmt.Fprintf(out, "  sentence %d: %s %s: %s\n", f.Claim+1, f.Severity, f.Rule, safetext.Text(f.Message))
			fmt.Fprintf(out, "      %s\n", safetext.Text(clip(f.Text, 200)))
		}
		return out.Flush()
	}
	return fmt.Errorf("unknown format %q (formats: text, json)", format)
}

// clip shortens a sentence for a report line.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
