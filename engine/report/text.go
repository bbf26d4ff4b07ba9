package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/safetext"
)

func init() { register("text", writeText) }

const barWidth = 10

type palette struct{ on bool }

func (p palette) wrap(code, s string) string {
	if !p.on || s == "" {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

func (p palette) severity(s finding.Severity) string {
	switch s {
	case finding.Error:
		return p.wrap("1;31", string(s))
	case finding.Warning:
		return p.wrap("33", string(s))
	}
	return p.wrap("36", string(s))
}

// writeText renders the report for people: each finding as
// file:line:col: severity: message [rule], the sentence with the span marked
// beneath it, then a scorecard per article and a summary. Quiet keeps the
// findings that fail the run and the summary.
func writeText(w io.Writer, r *Report, opts Options) error {
	s, _ := newTextStream(w, r, opts)
	for _, a := range r.Articles {
		if err := s.Article(a); err != nil {
			return err
		}
	}
	return s.Finish(r)
}

func init() { registerStream("text", newTextStream) }

type textStream struct {
	out  *bufio.Writer
	opts Options
	p    palette
	// noted is how many of the report's notices went out before the
	// articles; those of a streamed run's end (an ignore entry that
	// suppressed nothing) come before the summary.
	noted int
}

func newTextStream(w io.Writer, head *Report, opts Options) (Stream, error) {
	s := &textStream{out: bufio.NewWriter(w), opts: opts, p: palette{on: opts.Color}}
	s.notes(head.Notices)
	return s, nil
}

func (s *textStream) notes(notices []string) {
	if !s.opts.Quiet {
		for _, n := range notices[min(s.noted, len(notices)):] {
			fmt.Fprintf(s.out, "note: %s\n", safetext.Text(n))
		}
	}
	s.noted = max(s.noted, len(notices))
}

func (s *textStream) Article(a *Article) error {
	out, opts, p := s.out, s.opts, s.p
	where := a.shownLocation()
	if !a.Scored() {
		if !opts.Quiet {
			fmt.Fprintf(out, "%s: %s: %s\n", where, p.wrap("1", "not scored"), safetext.Text(a.Unscored))
		}
		return nil
	}
	for _, f := range a.Findings {
		if !f.Counts() || opts.Quiet && !opts.Gate.Fails(a, f) {
			continue // suppressed ones are listed in json and sarif; here only counted
		}
		fmt.Fprintf(out, "%s:%d:%d: %s: %s %s\n", where, f.Line, f.Column, p.severity(f.Severity), safetext.Text(f.Message), p.wrap("2", "["+safetext.Text(f.Rule)+"]"))
		for _, l := range excerptLines(f.Excerpt, f.MarkStart, f.MarkEnd, opts.Width, opts.FullSentences) {
			if l.carets {
				l.text = p.wrap("1;35", l.text)
			}
			fmt.Fprintf(out, "%s%s\n", excerptIndent, l.text)
		}
	}
	if opts.Quiet {
		return nil
	}
	for _, st := range a.Stale {
		fmt.Fprintf(out, "%s:%d: %s: %s %s\n", where, st.Line, p.severity(finding.Warning), safetext.Text(st.Reason), p.wrap("2", safetext.Text(st.Text)))
	}
	for _, n := range a.Notices {
		fmt.Fprintf(out, "%s: note: %s\n", where, safetext.Text(n))
	}
	if opts.Scorecards {
		writeScorecard(out, a, p)
	}
	return nil
}

func (s *textStream) Finish(r *Report) error {
	s.notes(r.Notices)
	if r.Stories != nil && !s.opts.Quiet {
		// Story findings fail no run, so --quiet leaves them out.
		var b strings.Builder
		if err := r.Stories.WriteText(&b); err != nil {
			return err
		}
		s.out.WriteString("\n" + strings.TrimRight(b.String(), "\n") + "\n")
	}
	writeSummary(s.out, r, s.opts, s.p)
	return s.out.Flush()
}

func writeScorecard(out *bufio.Writer, a *Article, p palette) {
	c := a.Scorecard
	counted := 0
	for _, f := range a.Findings {
		if f.Counts() {
			counted++
		}
	}
	suppressed := ""
	if n := len(a.Findings) - counted; n > 0 {
		suppressed = fmt.Sprintf(" (%d suppressed)", n)
	}
	fmt.Fprintf(out, "\n%s  score %s  grade %s  %s%s  (base %g, %s)\n", p.wrap("1", a.shownLocation()), p.wrap("1", fmt.Sprintf("%d/100", c.Score)), p.wrap("1", safetext.Text(c.Grade)), plural(counted, "finding"), suppressed, c.Base, signed(-c.Deduction))
	if a.Headline != "" {
		fmt.Fprintf(out, "  %q\n", clip(a.Headline, 90))
	}
	for _, cat := range c.Categories {
		filled := (cat.Score*barWidth + 50) / 100
		bar := strings.Repeat("█", filled) + strings.Repeat("░", barWidth-filled)
		detail := ""
		switch {
		case cat.Findings > 0 && cat.Deduction < 0:
			detail = fmt.Sprintf("  +%g of %g  %s", -cat.Deduction, cat.Cap, plural(cat.Findings, "finding"))
		case cat.Findings > 0:
			detail = fmt.Sprintf("  -%g of %g  %s", cat.Deduction, cat.Cap, plural(cat.Findings, "finding"))
		}
		fmt.Fprintf(out, "  %-14s %3d  %s%s\n", cat.Name, cat.Score, bar, detail)
	}
}

func writeSummary(out *bufio.Writer, r *Report, opts Options, p palette) {
	s := r.Summarize()
	fmt.Fprintf(out, "\n%s checked: %s (%s, %s, %d info)", plural(s.Articles, "article"), plural(s.Findings, "finding"), plural(s.Errors, "error"), plural(s.Warnings, "warning"), s.Infos)
	if s.Suppressed > 0 {
		fmt.Fprintf(out, ", %d suppressed", s.Suppressed)
	}
	if s.Scored() > 0 {
		fmt.Fprintf(out, "; mean score %g; lowest %d (%s)", s.MeanScore, s.LowestScore, safetext.Name(s.LowestArticle))
	}
	if s.Unscored > 0 {
		fmt.Fprintf(out, "; %s not scored (not in English)", plural(s.Unscored, "article"))
	}
	fmt.Fprintln(out)
	writeTally(out, r)
	if s.InputErrors > 0 {
		fmt.Fprintf(out, "%s could not be checked (reasons on standard error)\n", plural(s.InputErrors, "input"))
	}
	for _, f := range opts.Gate.Failures(r) {
		fmt.Fprintf(out, "%s %s\n", p.wrap("1;31", "FAIL"), f)
	}
}

// writeTally lists how many findings that count each rule reported, most
// first, so that a large run shows which rules dominate it.
func writeTally(out *bufio.Writer, r *Report) {
	tally := r.Tally()
	if len(tally) == 0 {
		return
	}
	wide := 0
	for _, t := range tally {
		wide = max(wide, utf8.RuneCountInString(safetext.Text(t.Rule)))
	}
	fmt.Fprintln(out, "by rule:")
	for _, t := range tally {
		fmt.Fprintf(out, "  %-*s %5d\n", wide, safetext.Text(t.Rule), t.Findings)
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// signed writes a change of score with its sign.
func signed(x float64) string {
	if x == 0 {
		return "±0"
	}
	if x > 0 {
		return fmt.Sprintf("+%g", x)
	}
	return fmt.Sprintf("−%g", -x)
}
