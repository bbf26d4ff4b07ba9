package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/policy"
)

func init() { register("sarif", writeSARIF) }

const (
	// sarifSchema is the identifier of the OASIS SARIF 2.1.0 schema
	// (errata 01), the one the tests validate against; go-sarif's default
	// points at a copy in the spec repository instead.
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifToolURI = "https://github.com/credcheck/credcheck"
	// sarifSourceRoot is the base of relative paths. Consumers resolve it
	// to the checkout (GitHub: the repository root), which is why
	// credcheck should run from there.
	sarifSourceRoot = "%SRCROOT%"
	// sarifFingerprint versions our fingerprint. GitHub computes its own
	// primaryLocationLineHash on upload, so ours must not take that key.
	sarifFingerprint = "credcheck/v1"
	// sarifMaxDescription is GitHub's limit on fullDescription.text.
	sarifMaxDescription = 1000
)

// sarifParagraph separates paragraphs: a line with nothing but spaces.
var sarifParagraph = regexp.MustCompile(`\n[ \t]*\n`)

// sarifSemver matches Semantic Versioning 2.0.0 (the regular expression
// semver.org gives). GitHub prefers semanticVersion to version when
// both are present, so it is only set when it is true.
var sarifSemver = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`)

// sarifRegion is where a finding sits in a JSON Lines record's text. It
// goes in a result's properties because the SARIF region must point into
// the file, where only the record's line is known.
type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
	ByteOffset  int `json:"byteOffset"`
	ByteLength  int `json:"byteLength"`
}

func writeSARIF(w io.Writer, r *Report, opts Options) error {
	run := sarif.NewRunWithInformationURI("credcheck", sarifToolURI)
	run.WithColumnKind("unicodeCodePoints")
	driver := run.Tool.Driver
	if opts.Version != "" {
		driver.WithVersion(opts.Version)
		if v := strings.TrimPrefix(opts.Version, "v"); sarifSemver.MatchString(v) {
			driver.WithSemanticVersion(v)
		}
	}

	index := map[string]int{}
	left := 0    // suppressed findings left out
	credits := 0 // credits left out
	for _, rule := range r.Rules {
		if _, seen := index[rule.ID]; seen {
			continue
		}
		index[rule.ID] = len(driver.Rules)
		driver.AddRule(sarifRule(rule))
	}
	for _, a := range r.Articles {
		for _, f := range a.Findings {
			i, ok := index[f.Rule]
			if !ok {
				// A result whose rule is not described gets no title or
				// help on GitHub; a bare descriptor keeps ruleIndex valid.
				i = len(driver.Rules)
				index[f.Rule] = i
				driver.AddRule(sarif.NewRule(f.Rule).WithName(sarifPascal(f.Rule)).
					WithShortDescription(sarifText(f.Rule)).WithFullDescription(sarifText(f.Rule)).WithHelp(sarifText(f.Rule)).
					WithDefaultConfiguration(sarif.NewReportingConfiguration().WithEnabled(true).WithLevel(sarifLevel(f.Severity))).
					WithProperties(sarif.NewPropertyBag().WithTags(sarifTags(f.Category))))
			}
			if !f.Counts() && !opts.IncludeSuppressed {
				left++
				continue
			}
			if f.Credit() && !opts.IncludeCredits {
				credits++
				continue
			}
			run.AddResult(sarifResult(a, f, i, opts.Gate.Fails(a, f)))
		}
	}
	if r.Stories != nil {
		r.Stories.AddSARIF(run)
	}
	if n := len(run.Results); n > sarifMaxResults {
		return fmt.Errorf("%d results, more than the %d GitHub code scanning accepts in one run: %s", n, sarifMaxResults, sarifAdvice)
	}

	inv := sarif.NewInvocation().WithExecutionSuccessful(len(r.Errors) == 0).WithExitCode(opts.Gate.ExitCode(r))
	for _, e := range r.Errors {
		n := sarif.NewNotification().WithLevel(sarif.LevelError).WithMessage(sarif.NewTextMessage(e.Error()))
		region := sarif.NewRegion()
		if e.Line > 0 {
			region.WithStartLine(e.Line)
		}
		n.AddLocation(sarifLocation(e.Path, region))
		inv.AddToolExecutionNotification(n)
	}
	for _, a := range r.Articles {
		for _, st := range a.Stale {
			n := sarif.NewNotification().WithLevel(sarif.LevelWarning).WithMessage(sarif.NewTextMessage(st.Reason + ": " + st.Text))
			var loc *sarif.Location
			if a.Format == article.JSONLines {
				loc = sarifRecordLocation(a)
				loc.WithProperties(sarif.NewPropertyBag().Add("recordLine", st.Line))
			} else {
				loc = sarifLocation(a.Path, sarif.NewRegion().WithStartLine(max(1, st.Line)))
			}
			inv.AddToolExecutionNotification(n.AddLocation(loc))
		}
	}
	for _, a := range r.Articles {
		for _, notice := range a.Notices {
			loc := sarifLocation(a.Path, sarif.NewRegion().WithStartLine(1))
			if a.Format == article.JSONLines {
				loc = sarifRecordLocation(a)
			}
			inv.AddToolExecutionNotification(sarif.NewNotification().WithLevel(sarif.LevelNote).WithMessage(sarif.NewTextMessage(notice)).AddLocation(loc))
		}
		if a.Scored() {
			continue
		}
		n := sarif.NewNotification().WithLevel(sarif.LevelNote).WithMessage(sarif.NewTextMessage("not scored: " + a.Unscored)).
			WithProperties(sarif.NewPropertyBag().Add("language", a.Language))
		loc := sarifLocation(a.Path, sarif.NewRegion().WithStartLine(1))
		if a.Format == article.JSONLines {
			loc = sarifRecordLocation(a)
		}
		inv.AddToolExecutionNotification(n.AddLocation(loc))
	}
	for _, notice := range r.Notices {
		inv.AddToolExecutionNotification(sarif.NewNotification().WithLevel(sarif.LevelNote).WithMessage(sarif.NewTextMessage(notice)))
	}
	if left > 0 {
		inv.AddToolExecutionNotification(sarif.NewNotification().WithLevel(sarif.LevelNote).WithMessage(sarif.NewTextMessage(
			fmt.Sprintf("%s left out (--include-suppressed keeps them)", plural(left, "suppressed finding")))))
	}
	if credits > 0 {
		inv.AddToolExecutionNotification(sarif.NewNotification().WithLevel(sarif.LevelNote).WithMessage(sarif.NewTextMessage(
			fmt.Sprintf("%s left out (--include-credits keeps them)", plural(credits, "credit")))))
	}
	run.AddInvocation(inv)

	log := sarif.NewReport()
	log.Schema = sarifSchema
	log.AddRun(run)
	// Encoded here rather than with the library's writers so that "<!--"
	// in directives stays readable instead of becoming \u003c; without
	// indentation, which would be a third of a large log.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(log); err != nil {
		return err
	}
	compact, err := sarifCompact(buf.Bytes())
	if err != nil {
		return err
	}
	if err := sarifCheckSize(compact); err != nil {
		return err
	}
	compact = append(compact, '\n')
	_, err = w.Write(compact)
	return err
}

func sarifRule(r *policy.Rule) *sarif.ReportingDescriptor {
	title := sarifFirst(r.Title, r.ID)
	desc := sarifClip(sarifFirst(sarifReflow(r.Description), title), sarifMaxDescription)
	d := sarif.NewRule(r.ID).WithName(sarifPascal(r.ID)).
		WithShortDescription(sarifText(title)).
		WithFullDescription(sarifText(desc)).
		WithHelp(sarif.NewMultiformatMessageString().WithText(sarifHelpText(r, desc)).WithMarkdown(sarifHelpMarkdown(r, desc)))
	for _, ref := range r.References {
		if u, err := url.Parse(ref.URL); err == nil && u.IsAbs() {
			d.WithHelpURI(ref.URL)
			break
		}
	}
	conf := sarif.NewReportingConfiguration().WithEnabled(r.Enabled).WithLevel(sarifLevel(r.Severity))
	if len(r.Params) > 0 {
		params := sarif.NewPropertyBag()
		for k, v := range r.Params {
			params.Add(k, v)
		}
		conf.WithParameters(params)
	}
	return d.WithDefaultConfiguration(conf).WithProperties(sarif.NewPropertyBag().WithTags(sarifTags(r.Category)))
}

func sarifTags(category string) []string {
	if category == "" {
		return []string{"credibility"}
	}
	return []string{"credibility", category}
}

// sarifHelpText is help for consumers that show plain text; fallback is
// used when the rule says nothing more, since GitHub requires help.
func sarifHelpText(r *policy.Rule, fallback string) string {
	var parts []string
	if r.Why != "" {
		parts = append(parts, sarifReflow(r.Why))
	}
	var ex []string
	if r.Fires != "" {
		ex = append(ex, "Fires: "+r.Fires)
	}
	if r.Quiet != "" {
		ex = append(ex, "Quiet: "+r.Quiet)
	}
	if len(ex) > 0 {
		parts = append(parts, strings.Join(ex, "\n"))
	}
	var refs []string
	for _, ref := range r.References {
		if ref.Description != "" {
			refs = append(refs, "- "+ref.Description+": "+ref.URL)
		} else {
			refs = append(refs, "- "+ref.URL)
		}
	}
	if len(refs) > 0 {
		parts = append(parts, "References:\n"+strings.Join(refs, "\n"))
	}
	if len(parts) == 0 {
		return fallback
	}
	return strings.Join(parts, "\n\n")
}

// sarifHelpMarkdown is what GitHub shows under an alert in place of the
// text help.
func sarifHelpMarkdown(r *policy.Rule, fallback string) string {
	var parts []string
	if r.Why != "" {
		parts = append(parts, "**Why it matters:** "+sarifReflow(r.Why))
	}
	var ex []string
	if r.Fires != "" {
		ex = append(ex, "- Fires: "+r.Fires)
	}
	if r.Quiet != "" {
		ex = append(ex, "- Quiet: "+r.Quiet)
	}
	if len(ex) > 0 {
		parts = append(parts, strings.Join(ex, "\n"))
	}
	var refs []string
	for _, ref := range r.References {
		refs = append(refs, fmt.Sprintf("- [%s](%s)", sarifFirst(ref.Description, ref.URL), ref.URL))
	}
	if len(refs) > 0 {
		parts = append(parts, "References:\n\n"+strings.Join(refs, "\n"))
	}
	if len(parts) == 0 {
		return fallback
	}
	return strings.Join(parts, "\n\n")
}

func sarifResult(a *Article, f *finding.Finding, ruleIndex int, fails bool) *sarif.Result {
	res := sarif.NewRuleResult(f.Rule).WithRuleIndex(ruleIndex).
		WithLevel(sarifLevel(f.Severity)).
		WithMessage(sarif.NewTextMessage(sarifFirst(f.Message, f.Rule)))
	props := sarif.NewPropertyBag().
		Add("category", f.Category).
		Add("points", f.Points).
		Add("strength", f.Strength).
		Add("failsRun", fails)
	if a.Format == article.JSONLines {
		loc := sarifRecordLocation(a)
		if f.Excerpt != "" {
			loc.PhysicalLocation.Region.WithSnippet(sarif.NewArtifactContent().WithText(f.Excerpt))
		}
		res.AddLocation(loc)
		props.Add("recordRegion", sarifRegion{
			StartLine: f.Line, StartColumn: f.Column, EndLine: f.EndLine, EndColumn: f.EndColumn,
			ByteOffset: f.Start, ByteLength: f.End - f.Start,
		})
	} else {
		res.AddLocation(sarifLocation(a.Path, sarifFindingRegion(f)))
	}
	res.WithProperties(props)
	if f.Fingerprint != "" {
		// Not AddPartialFingerprint: in go-sarif v3.3.1 it writes to a map
		// NewResult leaves nil, and panics.
		res.WithPartialFingerprints(map[string]string{sarifFingerprint: f.Fingerprint})
	}
	if s := f.Suppressed; s != nil {
		kind := "external"
		if s.Kind == finding.SuppressedInline {
			kind = "inSource"
		}
		// "accepted" is what makes GitHub close the alert rather than
		// leave it open as under review.
		sup := sarif.NewSuppression().WithKind(kind).WithStatus("accepted")
		if s.Reason != "" {
			sup.WithJustification(s.Reason)
		}
		res.AddSuppression(sup)
	}
	return res
}

// sarifFindingRegion locates a finding of a text or Markdown article, whose
// analysed text is the file as read, so offsets and lines are the file's.
func sarifFindingRegion(f *finding.Finding) *sarif.Region {
	// GitHub needs a line to show an alert at all; a finding without one
	// is put on the first.
	line := max(1, f.Line)
	region := sarif.NewRegion().WithStartLine(line)
	if f.Column >= 1 {
		region.WithStartColumn(f.Column)
		if f.EndColumn >= 1 && (f.EndLine > line || f.EndLine == line && f.EndColumn >= f.Column) {
			// endLine defaults to startLine.
			if f.EndLine > line {
				region.WithEndLine(f.EndLine)
			}
			region.WithEndColumn(f.EndColumn)
		}
	}
	if f.Start >= 0 && f.End >= f.Start {
		region.WithByteOffset(f.Start).WithByteLength(f.End - f.Start)
	}
	if f.Excerpt != "" {
		region.WithSnippet(sarif.NewArtifactContent().WithText(f.Excerpt))
	}
	return region
}

// sarifRecordLocation is the whole line of a JSON Lines record, named by its
// id: positions in the record's text are not positions in the file.
func sarifRecordLocation(a *Article) *sarif.Location {
	region := sarif.NewRegion().WithStartLine(max(1, a.Line)).WithStartColumn(1)
	loc := sarifLocation(a.Path, region)
	loc.AddLogicalLocation(sarif.NewLogicalLocation().WithName(a.ID).WithFullyQualifiedName(a.Location()).WithKind("object"))
	return loc
}

// sarifLocation locates region in the file at p; a region that gives
// neither a line nor an offset says nothing, and is left out.
func sarifLocation(p string, region *sarif.Region) *sarif.Location {
	phys := sarif.NewPhysicalLocation().WithArtifactLocation(sarifArtifactLocation(p))
	if region.StartLine != nil || region.ByteOffset >= 0 {
		phys.WithRegion(region)
	}
	return sarif.NewLocationWithPhysicalLocation(phys)
}

// sarifArtifactLocation turns a path as given on the command line into a
// URI: relative paths stay relative to the source root and absolute ones
// become file URIs. Standard input without --stdin-name is no file of the
// checkout, so it is called stdin, with no base and a description.
func sarifArtifactLocation(p string) *sarif.ArtifactLocation {
	if p == article.Stdin || p == "" {
		return sarif.NewSimpleArtifactLocation("stdin").WithDescription(sarif.NewTextMessage("standard input"))
	}
	slashed := filepath.ToSlash(p)
	if filepath.IsAbs(p) {
		if !strings.HasPrefix(slashed, "/") {
			slashed = "/" + slashed // a Windows drive: file:///C:/…
		}
		return sarif.NewSimpleArtifactLocation((&url.URL{Scheme: "file", Path: slashed}).String())
	}
	// url.URL escapes what a URI cannot hold (spaces, "#", non-ASCII)
	// and guards a first segment with a colon from reading as a scheme.
	u := &url.URL{Path: path.Clean(slashed)}
	return sarif.NewSimpleArtifactLocation(u.String()).WithURIBaseID(sarifSourceRoot)
}

func sarifLevel(s finding.Severity) string {
	switch s {
	case finding.Error:
		return sarif.LevelError
	case finding.Info:
		return sarif.LevelNote
	}
	return sarif.LevelWarning
}

func sarifText(s string) *sarif.MultiformatMessageString {
	return sarif.NewMultiformatMessageString().WithText(s)
}

// sarifPascal turns a rule ID such as "hearsay-hedge" into
// "HearsayHedge", the shape SARIF suggests for a rule's name.
func sarifPascal(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		first, size := utf8.DecodeRuneInString(part)
		b.WriteRune(unicode.ToUpper(first))
		b.WriteString(part[size:])
	}
	if b.Len() == 0 {
		return id
	}
	return b.String()
}

// sarifReflow joins the hard-wrapped lines of METADATA text into paragraphs,
// which viewers wrap themselves.
func sarifReflow(s string) string {
	var paras []string
	for _, p := range sarifParagraph.Split(strings.TrimSpace(s), -1) {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}

// sarifClip keeps the first n characters of s, marking the cut.
func sarifClip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func sarifFirst(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
