package report

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/safetext"
)

func init() { register("github", writeGitHub) }

// place is where a finding or a comment sits, in the terms CI tools use: a
// file, a line and columns in that file.
type place struct {
	path                       string
	line, col, endLine, endCol int
	// note is put before the message when the file position cannot say
	// everything: the record and the position within it, for JSON Lines.
	note string
}

// placeOf locates a finding in its file. The lines and columns of a JSON
// Lines record's findings count within the record's text, which no CI tool
// can map onto the file, so those point at the record's line only and carry
// the position inside the record in the note.
func placeOf(a *Article, f *finding.Finding) place {
	if a.Format == article.JSONLines {
		return place{path: a.Path, line: a.Line, note: fmt.Sprintf("record %s, line %d, column %d: ", a.ID, f.Line, f.Column)}
	}
	return place{path: a.Path, line: f.Line, col: f.Column, endLine: f.EndLine, endCol: f.EndColumn}
}

// placeOfLine locates a line of an article, such as a suppression comment.
func placeOfLine(a *Article, line int) place {
	if a.Format == article.JSONLines {
		return place{path: a.Path, line: a.Line, note: fmt.Sprintf("record %s, line %d: ", a.ID, line)}
	}
	return place{path: a.Path, line: line}
}

// String is the place as compilers print it: path:line:col, leaving out
// what is unknown.
func (p place) String() string {
	s := p.path
	if p.line > 0 {
		s += ":" + strconv.Itoa(p.line)
		if p.col > 0 {
			s += ":" + strconv.Itoa(p.col)
		}
	}
	return s
}

// ghData escapes a workflow command's message as @actions/core does
// (escapeData), so that a newline in an article cannot end the command and
// start another one. The runner decodes those three escapes only, and the
// log viewer acts on ANSI escape sequences, so the other characters that
// act on a terminal are written as Go escapes first.
func ghData(s string) string {
	return ghDataEscapes.Replace(safetext.Text(s, '\r', '\n'))
}

var ghDataEscapes = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

// ghProperty escapes a property value as @actions/core does
// (escapeProperty): ':' and ',' would otherwise end the value.
func ghProperty(s string) string {
	return ghPropertyEscapes.Replace(safetext.Text(s, '\r', '\n'))
}

var ghPropertyEscapes = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

func ghCommand(sev finding.Severity) string {
	switch sev {
	case finding.Error:
		return "error"
	case finding.Warning:
		return "warning"
	}
	return "notice"
}

// ghProps renders a place and a title as command properties. The runner
// drops the whole annotation when columns are given for a span over several
// lines, or when the end column is before the start one, so such a span
// loses its columns, and such an end column is left out.
func ghProps(p place, title string) string {
	var props []string
	if p.path != "" && p.path != article.Stdin {
		props = append(props, "file="+ghProperty(p.path))
		if p.line > 0 {
			props = append(props, "line="+strconv.Itoa(p.line))
			oneLine := p.endLine == 0 || p.endLine == p.line
			if p.col > 0 && oneLine {
				props = append(props, "col="+strconv.Itoa(p.col))
			}
			if p.endLine >= p.line {
				props = append(props, "endLine="+strconv.Itoa(p.endLine))
			}
			if p.col > 0 && oneLine && p.endCol >= p.col {
				props = append(props, "endColumn="+strconv.Itoa(p.endCol))
			}
		}
	}
	if title != "" {
		props = append(props, "title="+ghProperty(title))
	}
	return strings.Join(props, ",")
}

func ghLine(out *bufio.Writer, command, props, message string) {
	if props != "" {
		command += " " + props
	}
	fmt.Fprintf(out, "::%s::%s\n", command, ghData(message))
}

// writeGitHub renders the report as GitHub Actions workflow commands, which
// the runner turns into annotations on the changed files, then appends a
// Markdown scorecard to the job summary when the runner names one.
func writeGitHub(w io.Writer, r *Report, opts Options) error {
	out := bufio.NewWriter(w)
	for _, n := range r.Notices {
		ghLine(out, "notice", "title=credcheck", n)
	}
	for _, a := range r.Articles {
		if !a.Scored() {
			p := placeOfLine(a, 0)
			if a.Format == article.JSONLines {
				p.note = fmt.Sprintf("record %s: ", a.ID)
			}
			ghLine(out, "notice", ghProps(p, "credcheck not scored"), p.note+"not scored: "+a.Unscored)
			continue
		}
		for _, f := range a.Findings {
			if !f.Counts() {
				continue // suppressed on purpose; annotating it would undo that
			}
			p := placeOf(a, f)
			ghLine(out, ghCommand(f.Severity), ghProps(p, "credcheck "+f.Rule), p.note+f.Message)
		}
		for _, n := range a.Notices {
			p := placeOfLine(a, 0)
			if a.Format == article.JSONLines {
				p.note = fmt.Sprintf("record %s: ", a.ID)
			}
			ghLine(out, "notice", ghProps(p, "credcheck"), p.note+n)
		}
		for _, st := range a.Stale {
			p := placeOfLine(a, st.Line)
			ghLine(out, "warning", ghProps(p, "credcheck stale suppression"), p.note+st.Reason+": "+st.Text)
		}
	}
	for _, e := range r.Errors {
		ghLine(out, "error", ghProps(place{path: e.Path, line: e.Line}, ""), e.Reason)
	}
	// Plain log text: it names no article, because a path is user data and
	// a crafted one could otherwise start a line with "::".
	fmt.Fprintln(out, ghSummaryLine(r, opts))
	if err := out.Flush(); err != nil {
		return err
	}
	if opts.StepSummary != "" {
		return appendStepSummary(opts.StepSummary, r, opts)
	}
	return nil
}

func ghSummaryLine(r *Report, opts Options) string {
	s := r.Summarize()
	line := fmt.Sprintf("credcheck: %s checked, %s (%s, %s, %d info)", plural(s.Articles, "article"), plural(s.Findings, "finding"), plural(s.Errors, "error"), plural(s.Warnings, "warning"), s.Infos)
	if s.Suppressed > 0 {
		line += fmt.Sprintf(", %d suppressed", s.Suppressed)
	}
	if s.Scored() > 0 {
		line += fmt.Sprintf("; mean score %g", s.MeanScore)
	}
	if s.Unscored > 0 {
		line += fmt.Sprintf("; %s not scored (not in English)", plural(s.Unscored, "article"))
	}
	if s.InputErrors > 0 {
		line += fmt.Sprintf("; %s could not be checked", plural(s.InputErrors, "input"))
	}
	switch n := opts.Gate.failing(r); {
	case opts.Gate.ExitCode(r) == ExitClean:
		line += "; passed"
	case n > 0:
		line += fmt.Sprintf("; failed (%s)", plural(n, "article"))
	default:
		line += "; failed"
	}
	return line
}

// appendStepSummary adds the Markdown scorecard to the job summary file.
// Other steps and tools write to the same file, so it is appended to, never
// replaced, and the scorecard is cut to what is left of GitHub's limit on
// the file (DefaultMarkdownLimit), or to --markdown-limit when it is less.
func appendStepSummary(path string, r *Report, opts Options) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return ghSummaryError(path, err)
	}
	limit := DefaultMarkdownLimit
	if opts.MarkdownLimit > 0 {
		limit = min(limit, opts.MarkdownLimit)
	}
	var buf bytes.Buffer
	// A heading only starts a block at the start of a line; what another
	// tool wrote may not end with one.
	if info, err := f.Stat(); err == nil && info.Size() > 0 {
		buf.WriteString("\n")
		limit = max(1, DefaultMarkdownLimit-int(min(info.Size(), DefaultMarkdownLimit))-1)
		if opts.MarkdownLimit > 0 {
			limit = min(limit, opts.MarkdownLimit)
		}
	}
	if err := writeMarkdownWithin(&buf, r, opts, limit); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(buf.Bytes()); err != nil {
		f.Close()
		return ghSummaryError(path, err)
	}
	if err := f.Close(); err != nil {
		return ghSummaryError(path, err)
	}
	return nil
}

// ghSummaryError names the file once: an os error would name it again.
func ghSummaryError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("step summary %s: %w", path, err)
}
