package accuracy

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Formats are the output formats of a result.
var Formats = []string{"text", "json"}

// CheckFormat reports an unknown format before any work is done.
func CheckFormat(format string) error {
	for _, f := range Formats {
		if f == format {
			return nil
		}
	}
	return fmt.Errorf("unknown format %q (formats: %s)", format, strings.Join(Formats, ", "))
}

// Write renders a result as text for people or JSON for programs (and for
// --compare).
func Write(w io.Writer, format string, r *Result) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(r)
	case "text":
		return writeText(w, r)
	}
	return fmt.Errorf("unknown format %q (formats: %s)", format, strings.Join(Formats, ", "))
}

func writeText(w io.Writer, r *Result) error {
	out := bufio.NewWriter(w)
	records := "records"
	if r.Records == 1 {
		records = "record"
	}
	fmt.Fprintf(out, "task %s: %d %s from %s\n\n", r.Task, r.Records, records, strings.Join(r.Files, ", "))
	width := 20
	for _, m := range r.Metrics {
		width = max(width, len(m.Name))
	}
	for _, m := range r.Metrics {
		fmt.Fprintf(out, "  %-*s %.4f", width, m.Name, m.Value)
		if m.Reference != "" {
			fmt.Fprintf(out, "   (%s)", m.Reference)
		}
		fmt.Fprintln(out)
	}
	if c := r.Confusion; c != nil {
		fmt.Fprintf(out, "\nconfusion: %d true positives, %d false positives, %d false negatives, %d true negatives\n", c.TP, c.FP, c.FN, c.TN)
	}
	writeGroups(out, "categories", r.Categories)
	writeGroups(out, "rules", r.Rules)
	writeEditTypes(out, r.EditTypes)
	writeRuleQA(out, r.RuleQA)
	writeGroupScores(out, r.GroupScores)
	writeExamples(out, "false positives (flagged, not labelled)", r.FalsePositives)
	writeExamples(out, "false negatives (labelled, not flagged)", r.FalseNegatives)
	if len(r.Notes) > 0 {
		fmt.Fprintln(out)
		for _, n := range r.Notes {
			fmt.Fprintf(out, "note: %s\n", n)
		}
	}
	return out.Flush()
}

func writeGroups(out *bufio.Writer, title string, gs []Group) {
	if len(gs) == 0 {
		return
	}
	fmt.Fprintf(out, "\n%-26s %6s %9s %7s %9s %7s %7s\n", title, "fired", "correct", "labels", "precision", "recall", "f1")
	for _, g := range gs {
		// A figure with nothing to divide by is shown as "-", not 0: a rule
		// that no label names has no recall, rather than a recall of zero
		// (Flat leaves these figures out for the same reason).
		precision, recall, f1 := "-", "-", "-"
		if g.Fired > 0 {
			precision = fmt.Sprintf("%.3f", g.Precision)
		}
		if g.Labels > 0 {
			recall, f1 = fmt.Sprintf("%.3f", g.Recall), fmt.Sprintf("%.3f", g.F1)
		}
		fmt.Fprintf(out, "  %-24s %6d %9d %7d %9s %7s %7s\n", g.Name, g.Fired, g.Correct, g.Labels, precision, recall, f1)
	}
}

func writeExamples(out *bufio.Writer, title string, es []Example) {
	if len(es) == 0 {
		return
	}
	fmt.Fprintf(out, "\n%s:\n", title)
	for _, e := range es {
		loc := e.File
		if e.Line > 0 {
			loc = fmt.Sprintf("%s:%d", e.File, e.Line)
		}
		score := ""
		if e.Score != nil {
			score = fmt.Sprintf(" score %.2f", *e.Score)
		}
		fmt.Fprintf(out, "  %s [%s]%s %s\n", loc, e.ID, score, strings.Join(e.Cues, "; "))
		fmt.Fprintf(out, "      %s\n", e.Text)
	}
}

func writeRuleQA(out *bufio.Writer, qs []RuleQA) {
	if len(qs) == 0 {
		return
	}
	fmt.Fprintf(out, "\n%-26s %6s %7s %7s %8s %8s %6s %6s  %s\n", "rules", "points", "good%", "bad%", "good/1k", "bad/1k", "auroc", "s/o", "verdict")
	for _, q := range qs {
		fmt.Fprintf(out, "  %-24s %6s %6.1f%% %6.1f%% %8.2f %8.2f %6.3f %6.3f  %s\n",
			q.Name, q.Points, q.ShareGood*100, q.ShareBad*100, q.RateGood, q.RateBad, q.AUROC, q.SO, q.Verdict)
	}
}

func writeGroupScores(out *bufio.Writer, gs []GroupScore) {
	if len(gs) == 0 {
		return
	}
	fmt.Fprintf(out, "\n%-34s %6s %8s %10s\n", "groups", "class", "articles", "mean score")
	for _, g := range gs {
		fmt.Fprintf(out, "  %-32s %6s %8d %10.2f\n", clip(g.Name, 32), g.Class, g.Articles, g.MeanScore)
	}
}

// writeEditTypes shows the consistency task's recall per kind of edit:
// an edit type is a label, so it has no precision of its own.
func writeEditTypes(out *bufio.Writer, gs []Group) {
	if len(gs) == 0 {
		return
	}
	fmt.Fprintf(out, "\n%-30s %9s %8s %7s\n", "edit types", "summaries", "flagged", "recall")
	for _, g := range gs {
		fmt.Fprintf(out, "  %-28s %9d %8d %7.3f\n", g.Name, g.Labels, g.Found, g.Recall)
	}
}
