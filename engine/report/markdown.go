package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/finding"
)

func init() { register("markdown", writeMarkdown) }

const (
	// mdTopFindings is how many findings an article's section lists: a
	// pull-request comment is read, not searched, and GitHub refuses
	// comments over 65,536 characters.
	mdTopFindings = 10
	mdHeadline    = 80
	mdCue         = 60
)

// writeMarkdown renders a scorecard for a pull-request comment or a job
// summary: a summary line, a table of articles, then the worst findings of
// each article. Everything that comes from an article is escaped, because
// an article can be written to break a table or smuggle in HTML.
func writeMarkdown(w io.Writer, r *Report, opts Options) error {
	return writeMarkdownWithin(w, r, opts, opts.MarkdownLimit)
}

// writeMarkdownWithin writes the Markdown report in at most limit bytes (0:
// any size): the parts that do not fit are left out, and a last paragraph
// says what was and where the full report is.
func writeMarkdownWithin(w io.Writer, r *Report, opts Options, limit int) error {
	out := &mdCapped{out: bufio.NewWriter(w), limit: limit}
	s := r.Summarize()
	result := "passed"
	if opts.Gate.ExitCode(r) != ExitClean {
		result = "failed"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "## credcheck\n\n**%s** · %s · %s (%s, %s, %d info)", result, plural(s.Articles, "article"), plural(s.Findings, "finding"), plural(s.Errors, "error"), plural(s.Warnings, "warning"), s.Infos)
	if s.Suppressed > 0 {
		fmt.Fprintf(&b, " · %d suppressed", s.Suppressed)
	}
	if s.Scored() > 0 {
		fmt.Fprintf(&b, " · mean score %g", s.MeanScore)
	}
	if s.Unscored > 0 {
		fmt.Fprintf(&b, " · %s not scored (not in English)", plural(s.Unscored, "article"))
	}
	if s.InputErrors > 0 {
		fmt.Fprintf(&b, " · %s could not be checked", plural(s.InputErrors, "input"))
	}
	b.WriteString("\n")
	out.force(b.String())
	if len(r.Articles) > 0 {
		mdTable(out, r, opts)
	}
	for _, a := range r.Articles {
		var b strings.Builder
		if mdArticle(&b, a) {
			out.add(mdSection, b.String())
		}
	}
	if r.Stories != nil {
		var b strings.Builder
		if err := r.Stories.WriteMarkdown(&b, 3); err != nil {
			return err
		}
		out.add(mdOther, "\n"+b.String())
	}
	if len(r.Errors) > 0 {
		var b strings.Builder
		fmt.Fprintf(&b, "\n### Inputs that could not be checked\n\n")
		for _, e := range r.Errors {
			where := e.Path
			if e.Line > 0 {
				where += ":" + strconv.Itoa(e.Line)
			}
			fmt.Fprintf(&b, "- %s: %s\n", mdCode(where, false), mdText(e.Reason))
		}
		out.add(mdOther, b.String())
	}
	if len(r.Notices) > 0 || hasNotices(r) {
		var b strings.Builder
		fmt.Fprintf(&b, "\n### Notes\n\n")
		for _, n := range r.Notices {
			fmt.Fprintf(&b, "- %s\n", mdText(n))
		}
		for _, a := range r.Articles {
			for _, n := range a.Notices {
				fmt.Fprintf(&b, "- %s: %s\n", mdCode(a.Location(), false), mdText(n))
			}
		}
		out.add(mdOther, b.String())
	}
	out.finish(len(r.Articles), opts.FullReport)
	return out.out.Flush()
}

// mdCategories are the categories of the report's scorecards, in the fixed
// order of finding.Categories, then any others by name, so the columns do
// not move between runs.
func mdCategories(r *Report) []string {
	seen := map[string]bool{}
	for _, a := range r.Articles {
		for _, c := range a.Scorecard.Categories {
			seen[c.Name] = true
		}
	}
	var out []string
	for _, c := range finding.Categories {
		if seen[c] {
			out = append(out, c)
			delete(seen, c)
		}
	}
	var rest []string
	for c := range seen {
		rest = append(rest, c)
	}
	sort.Strings(rest)
	return append(out, rest...)
}

func mdTable(capped *mdCapped, r *Report, opts Options) {
	cats := mdCategories(r)
	var head strings.Builder
	fmt.Fprintf(&head, "\n| article | headline | score | grade | result |")
	for _, c := range cats {
		fmt.Fprintf(&head, " %s |", mdText(c))
	}
	fmt.Fprintf(&head, "\n|---|---|--:|:-:|---|%s\n", strings.Repeat("--:|", len(cats)))
	capped.add(mdOther, head.String())
	for _, a := range r.Articles {
		out := &strings.Builder{}
		result := "pass"
		if mdFails(a, opts.Gate) {
			result = "**fail**"
		}
		score, grade := strconv.Itoa(a.Scorecard.Score), mdText(a.Scorecard.Grade)
		if !a.Scored() {
			score, grade, result = "–", "–", "not scored ("+mdText(a.LanguageName)+")"
		}
		fmt.Fprintf(out, "| %s | %s | %s | %s | %s |", mdCode(a.Location(), true), mdText(clip(a.Headline, mdHeadline)), score, grade, result)
		scores := map[string]int{}
		for _, c := range a.Scorecard.Categories {
			scores[c.Name] = c.Score
		}
		for _, c := range cats {
			if v, ok := scores[c]; ok {
				fmt.Fprintf(out, " %d |", v)
			} else {
				fmt.Fprint(out, " – |")
			}
		}
		fmt.Fprintln(out)
		capped.add(mdRow, out.String())
	}
}

// mdFails reports whether the gate fails article a.
func mdFails(a *Article, g Gate) bool {
	if g.FailsScore(a) {
		return true
	}
	for _, f := range a.Findings {
		if g.Fails(a, f) {
			return true
		}
	}
	return false
}

// mdArticle lists an article's worst findings and its stale suppression
// comments; an article with neither gets no section, and false. An
// unscored article gets one that says why.
func mdArticle(out *strings.Builder, a *Article) bool {
	if !a.Scored() {
		fmt.Fprintf(out, "\n### %s\n\nnot scored: %s\n", mdCode(a.Location(), false), mdText(a.Unscored))
		return true
	}
	var counted []*finding.Finding
	for _, f := range a.Findings {
		if f.Counts() {
			counted = append(counted, f)
		}
	}
	if len(counted) == 0 && len(a.Stale) == 0 {
		return false
	}
	// Findings arrive in text order; a stable sort keeps it within a
	// severity.
	sort.SliceStable(counted, func(i, j int) bool { return counted[i].Severity.Rank() > counted[j].Severity.Rank() })
	fmt.Fprintf(out, "\n### %s\n\n%d/100, grade %s · %s", mdCode(a.Location(), false), a.Scorecard.Score, mdText(a.Scorecard.Grade), plural(len(counted), "finding"))
	if n := len(a.Findings) - len(counted); n > 0 {
		fmt.Fprintf(out, " · %d suppressed", n)
	}
	fmt.Fprintln(out)
	if a.Format == article.JSONLines {
		fmt.Fprintf(out, "\nPositions are within record %s, on line %d of %s.\n", mdCode(a.ID, false), a.Line, mdCode(a.Path, false))
	}
	fmt.Fprintln(out)
	for i, f := range counted {
		if i == mdTopFindings {
			fmt.Fprintf(out, "- … and %d more\n", len(counted)-mdTopFindings)
			break
		}
		fmt.Fprintf(out, "- %s **%s** %s: %s", mdCode(fmt.Sprintf("%d:%d", f.Line, f.Column), false), f.Severity, mdCode(f.Rule, false), mdText(f.Message))
		if f.Cue != "" {
			fmt.Fprintf(out, " (cue %s)", mdCode(clip(f.Cue, mdCue), false))
		}
		fmt.Fprintln(out)
	}
	for _, st := range a.Stale {
		fmt.Fprintf(out, "- %s **stale suppression** %s: %s\n", mdCode(strconv.Itoa(st.Line), false), mdCode(st.Text, false), mdText(st.Reason))
	}
	return true
}

// mdSpecial are the characters that can start Markdown or HTML inline, and
// '|', which ends a table cell. The text never starts a line, so the
// characters that matter only there (#, -, +, digits and dots) stay as they
// are. '$' starts a formula on GitHub.
var mdSpecial = map[rune]bool{'\\': true, '`': true, '*': true, '_': true, '[': true, ']': true, '<': true, '>': true, '|': true, '~': true, '&': true, '$': true}

// mdText makes text from an article safe to put in a Markdown line or
// table cell: special characters are backslash-escaped, line breaks and
// other control characters become spaces, and '@' is followed by a zero
// width space because GitHub finds mentions in the rendered text, after
// escapes are gone, and a mention in a comment notifies people.
func mdText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsControl(r):
			b.WriteByte(' ')
		case mdSpecial[r]:
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '@':
			b.WriteString("@\u200b")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdCode puts s in a code span whose fence is longer than any run of
// backticks in s, so that s cannot close it. In a table cell a '|' ends the
// cell even inside a code span unless it is escaped; elsewhere the escape
// would show.
func mdCode(s string, inTable bool) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	if inTable {
		s = strings.ReplaceAll(s, "|", `\|`)
	}
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	// A code span loses one space at each end, and a backtick at an end
	// would join the fence; padding keeps both.
	if s == "" || strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || strings.HasPrefix(s, " ") && strings.HasSuffix(s, " ") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// hasNotices reports whether an article of r has a notice.
func hasNotices(r *Report) bool {
	for _, a := range r.Articles {
		if len(a.Notices) > 0 {
			return true
		}
	}
	return false
}
