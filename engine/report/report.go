// Package report holds the result of a check run and writes it out: one file
// per output format, each a Writer registered by name.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/policy"
	"github.com/credcheck/credcheck/engine/safetext"
	"github.com/credcheck/credcheck/engine/scoring"
	"github.com/credcheck/credcheck/engine/suppress"
)

// SchemaVersion is the version of the JSON report (docs/output/json.md,
// docs/schema/report.json). Version 2 renamed the summary's counts by
// severity (errors → error_findings, warnings → warning_findings, info →
// info_findings); version 3 added the tool that wrote the report and each
// article's metadata.
const SchemaVersion = 3

// Report is the outcome of checking a set of inputs.
type Report struct {
	Articles []*Article
	// Errors are inputs that could not be checked.
	Errors []*article.InputError
	// Notices are messages about the run: a user rule replacing a
	// built-in one, a configuration entry that suppressed nothing.
	Notices []string
	// Rules are the loaded rules, for formats that describe them (SARIF).
	Rules []*policy.Rule
	// Totals, when set, are the counts of a streamed run, whose Articles
	// were written out one by one and not kept.
	Totals *Totals
	// Stories, when set (check --story), are the stories the articles
	// tell, written by the text, json, jsonl, markdown, sarif and html formats.
	Stories Stories
}

// Stories is the part of a report that check --story adds: the stories
// the articles tell and what the story rules found. The story package
// builds it, and depends on this one, so the formats know it only by what
// they ask of it.
type Stories interface {
	// JSONValue is the value of the json report's "stories" key.
	JSONValue() any
	// WriteText and WriteMarkdown write the stories' section of those
	// reports; depth is the Markdown heading level of the section.
	WriteText(w io.Writer) error
	WriteMarkdown(w io.Writer, depth int) error
	// AddSARIF adds the story rules and story findings to a run.
	AddSARIF(run *sarif.Run)
}

// StoryFormats are the formats that carry a report's Stories.
var StoryFormats = []string{"text", "json", "jsonl", "markdown", "sarif", "html"}

// Article is the result for one article.
type Article struct {
	ID   string
	Path string
	// Line is the record's line in a JSON Lines file, 0 for other files.
	Line int
	// Headline is the headline the checker found, or "".
	Headline string
	// Metadata is what came with the article: front matter or JSON Lines
	// fields, each "" when unknown.
	Metadata  Metadata
	Format    article.Format
	Words     int
	Scorecard scoring.Scorecard
	// Findings are in text order, suppressed ones included.
	Findings []*finding.Finding
	// Stale are the article's suppression comments that suppressed
	// nothing or name an unknown rule.
	Stale []suppress.Stale
	// Language is the ISO code of the language the article reads as
	// ("en", "de"), LanguageName its English name.
	Language, LanguageName string
	// Unscored says why the policies were not run on the article and it
	// has no score, or is "" when it was scored. Its Scorecard is then
	// empty and means nothing.
	Unscored string
	// Notices say what the checker left out of the article's findings: a
	// rule's findings beyond the cap, messages and excerpts cut short.
	Notices []string
	// Text is the analysed text the findings' byte offsets index, kept
	// only when a format shows the article whole (html; see
	// checker.Checker.KeepText), else "".
	Text string
}

// Metadata describes an article as its source did.
type Metadata struct {
	Title, Author, Date, Outlet, URL string
}

// Scored reports whether the policies ran on the article and scored it.
func (a *Article) Scored() bool { return a.Unscored == "" }

// Location is how a report names an article's place: the path, with the
// record id for JSON Lines.
func (a *Article) Location() string {
	if a.Format == article.JSONLines {
		return fmt.Sprintf("%s#%s", a.Path, a.ID)
	}
	return a.Path
}

// shownLocation is Location for text that people read on a terminal or in
// a CI log: quoted when the path or record ID holds a character that would
// act there (a newline, an escape sequence).
func (a *Article) shownLocation() string { return safetext.Name(a.Location()) }

// Record is the id of a JSON Lines record, "" for other articles: with the
// path, it names the article in a baseline.
func (a *Article) Record() string {
	if a.Format == article.JSONLines {
		return a.ID
	}
	return ""
}

// Summary counts what a report holds. Findings and the counts by severity
// leave out suppressed findings, which Suppressed counts.
type Summary struct {
	Articles, Findings      int
	Errors, Warnings, Infos int
	Suppressed              int
	InputErrors             int
	// Unscored counts the articles that were not scored (not in English);
	// the mean, the lowest score and the grades leave them out.
	Unscored      int
	MeanScore     float64
	LowestScore   int
	LowestArticle string
	Grades        map[string]int
}

// Scored is how many articles have a score.
func (s Summary) Scored() int { return s.Articles - s.Unscored }

// Summarize counts findings by severity and averages scores.
func (r *Report) Summarize() Summary {
	return r.totals(Gate{}).Summary(len(r.Errors))
}

// totals are the report's Totals: those counted while it was streamed, else
// counted now from its articles against gate.
func (r *Report) totals(gate Gate) *Totals {
	if r.Totals != nil {
		return r.Totals
	}
	t := NewTotals(gate, true)
	for _, a := range r.Articles {
		t.Add(a)
	}
	return t
}

// RuleCount is how many findings that count one rule reported.
type RuleCount struct {
	Rule     string
	Findings int
}

// Tally counts the findings that count by rule, most first, then by rule
// ID, so that the order is the same on every run.
func (r *Report) Tally() []RuleCount {
	counts := r.totals(Gate{}).rules
	out := make([]RuleCount, 0, len(counts))
	for rule, n := range counts {
		out = append(out, RuleCount{Rule: rule, Findings: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Findings != out[j].Findings {
			return out[i].Findings > out[j].Findings
		}
		return out[i].Rule < out[j].Rule
	})
	return out
}

// Gate decides whether a run fails.
type Gate struct {
	// FailRank is the rank of the lowest severity that fails the run
	// (finding.Severity.Rank); 0 means findings never fail it.
	FailRank int
	// FailUnder fails the run when an article scores below it; 0 disables.
	FailUnder float64
	// Paths set other thresholds for the articles under some paths; when
	// several match, later ones win.
	Paths []PathGate
}

// PathGate holds the thresholds of the articles whose path matches, as
// the configuration's overrides give them.
type PathGate = config.PathGate

// For gives the thresholds that apply to an article.
func (g Gate) For(a *Article) (failRank int, failUnder float64) {
	failRank, failUnder = g.FailRank, g.FailUnder
	for _, p := range g.Paths {
		if !p.Paths.Match(a.Path) {
			continue
		}
		if p.FailRank != nil {
			failRank = *p.FailRank
		}
		if p.FailUnder != nil {
			failUnder = *p.FailUnder
		}
	}
	return failRank, failUnder
}

// FailsScore reports whether article a scores below its threshold; an
// unscored article never does.
func (g Gate) FailsScore(a *Article) bool {
	_, failUnder := g.For(a)
	return a.Scored() && failUnder > 0 && float64(a.Scorecard.Score) < failUnder
}

// Fails reports whether a finding of article a fails the run: it counts
// and reaches the article's fail level.
func (g Gate) Fails(a *Article, f *finding.Finding) bool {
	rank, _ := g.For(a)
	return rank > 0 && f.Counts() && !f.Credit() && f.Severity.Rank() >= rank
}

// Failures lists why the report fails the gate, one reason per article, or
// nothing when it passes. A streamed report keeps them only when its
// Totals were told to (NewTotals), and counted against the run's gate.
func (g Gate) Failures(r *Report) []string {
	return r.totals(g).reasons
}

// failing is how many articles fail the gate.
func (g Gate) failing(r *Report) int {
	return r.totals(g).failing
}

func rankName(rank int) string {
	for _, s := range finding.Severities {
		if s.Rank() == rank {
			return string(s)
		}
	}
	return "none"
}

// Exit codes of check, documented in the README.
const (
	ExitClean  = 0
	ExitFailed = 1
	ExitError  = 2
)

// ExitCode is 2 when an input could not be checked, 1 when the gate fails,
// 0 otherwise.
func (g Gate) ExitCode(r *Report) int {
	if len(r.Errors) > 0 {
		return ExitError
	}
	if g.failing(r) > 0 {
		return ExitFailed
	}
	return ExitClean
}

// Options tune how writers render a report.
type Options struct {
	// Color enables ANSI colour in the text format.
	Color bool
	// Scorecards shows a scorecard per article in the text format.
	Scorecards bool
	// Width is the width of the terminal in columns, which excerpts in
	// the text format fit; 0 means DefaultWidth.
	Width int
	// FullSentences shows each finding's whole sentence in the text
	// format, wrapped to Width, rather than a window around the span.
	FullSentences bool
	// Quiet leaves out of the text format everything but the findings
	// that fail the run and the summary.
	Quiet bool
	// IncludeSuppressed keeps suppressed findings in the SARIF log, where
	// they are left out by default.
	IncludeSuppressed bool
	// IncludeCredits keeps credits (good practice, not problems) in the
	// SARIF log, where they are left out by default: code scanning would
	// list each as an alert to dismiss.
	IncludeCredits bool
	// MarkdownLimit caps the markdown format at this many bytes, with a
	// pointer to the full report where it is cut; 0 means no cap. The job
	// summary the github format appends to is capped at GitHub's limit
	// whatever this says.
	MarkdownLimit int
	// FullReport says where the whole report is, for a Markdown report
	// cut short: another output of the run, or the job log.
	FullReport string
	// CompactJSON writes the json format on one line rather than
	// indented.
	CompactJSON bool
	// Gate is used to print why a run fails.
	Gate Gate
	// Version is the tool's version, for formats that record it.
	Version string
	// StepSummary is the file GitHub Actions shows as the job summary
	// (GITHUB_STEP_SUMMARY); the github format appends a scorecard to it.
	StepSummary string
	// Template is the user's template for the template format.
	Template *Template
}

// Writer renders a report in one format.
type Writer func(w io.Writer, r *Report, opts Options) error

var writers = map[string]Writer{}

func register(name string, w Writer) { writers[name] = w }

// Formats lists the registered output formats.
func Formats() []string {
	out := make([]string, 0, len(writers))
	for name := range writers {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// CheckFormat reports an unknown format name before any work is done. Only
// the template format takes an argument, its file: "template=FILE".
func CheckFormat(format string) error {
	name, arg := SplitFormat(format)
	if _, ok := writers[name]; !ok {
		return fmt.Errorf("unknown format %q (formats: %s)", format, strings.Join(Formats(), ", "))
	}
	if strings.Contains(format, "=") && name != "template" {
		return fmt.Errorf("format %q: only the template format takes a file (template=FILE)", format)
	}
	if strings.Contains(format, "=") && arg == "" {
		return fmt.Errorf("format %q: name the template file after the =", format)
	}
	return nil
}

// Write renders r in the named format. The template of "template=FILE" is
// opts.Template, which the caller parses first (ParseTemplate).
func Write(w io.Writer, format string, r *Report, opts Options) error {
	if err := CheckFormat(format); err != nil {
		return err
	}
	name, _ := SplitFormat(format)
	return writers[name](w, r, opts)
}
