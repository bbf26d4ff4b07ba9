package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/credcheck/credcheck/engine/finding"
)

func init() { register("junit", writeJUnit) }

// The JUnit XML that CI servers read (Jenkins, GitLab, Azure, test-report
// actions). There is no single schema; these are the elements and
// attributes they read, and each ignores the ones it does not know (file).
// No timestamps or durations, so that the same run gives the same bytes.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string           `xml:"name,attr"`
	Tests      int              `xml:"tests,attr"`
	Failures   int              `xml:"failures,attr"`
	Errors     int              `xml:"errors,attr"`
	Skipped    int              `xml:"skipped,attr"`
	Properties *junitProperties `xml:"properties"`
	Cases      []junitCase      `xml:"testcase"`
	SystemOut  string           `xml:"system-out,omitempty"`
}

// junitProperties is a pointer in its suite because encoding/xml writes an
// empty <properties/> for an empty "properties>property" slice.
type junitProperties struct {
	Property []junitProperty `xml:"property"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Classname string `xml:"classname,attr"`
	Name      string `xml:"name,attr"`
	// File lets GitLab and the test-report actions link a case to its file.
	File      string         `xml:"file,attr,omitempty"`
	Failures  []junitProblem `xml:"failure"`
	Error     *junitProblem  `xml:"error"`
	Skipped   *junitSkipped  `xml:"skipped"`
	SystemOut string         `xml:"system-out,omitempty"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",chardata"`
}

// writeJUnit renders the report as JUnit XML: a test suite per article with
// a test case per enabled rule, failing for each finding that fails the
// gate, so that CI shows credibility problems where it shows failing tests.
func writeJUnit(w io.Writer, r *Report, opts Options) error {
	doc := junitSuites{Name: "credcheck"}
	for _, a := range r.Articles {
		doc.Suites = append(doc.Suites, junitArticle(a, r, opts.Gate))
	}
	for _, e := range r.Errors {
		name := place{path: e.Path, line: e.Line}.String()
		doc.Suites = append(doc.Suites, junitSuite{
			Name: name, Tests: 1, Errors: 1,
			Cases: []junitCase{{
				Classname: "input", Name: name, File: e.Path,
				Error: &junitProblem{Message: e.Reason, Type: "input", Body: e.Error()},
			}},
		})
	}
	for _, s := range doc.Suites {
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
		doc.Skipped += s.Skipped
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// junitRules are the rules that get a test case: the enabled ones, and any
// other rule with a finding in the article, so that a finding that fails
// the run is never left out of the XML. Sorted by id, so that cases keep
// their order whatever order the policies loaded in.
func junitRules(a *Article, r *Report) []junitRule {
	byID := map[string]junitRule{}
	for _, rule := range r.Rules {
		if rule.Enabled {
			byID[rule.ID] = junitRule{id: rule.ID, category: rule.Category}
		}
	}
	for _, f := range a.Findings {
		if _, ok := byID[f.Rule]; !ok {
			byID[f.Rule] = junitRule{id: f.Rule, category: f.Category}
		}
	}
	out := make([]junitRule, 0, len(byID))
	for _, rule := range byID {
		out = append(out, rule)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out
}

type junitRule struct{ id, category string }

func junitArticle(a *Article, r *Report, g Gate) junitSuite {
	if !a.Scored() {
		// No rule ran, so no rule passed: one skipped case says why.
		return junitSuite{
			Name: a.Location(), Tests: 1, Skipped: 1,
			Properties: &junitProperties{Property: []junitProperty{{Name: "language", Value: a.Language}}},
			Cases: []junitCase{{Classname: "scorecard", Name: "language", File: a.Path,
				Skipped: &junitSkipped{Message: "not scored: " + a.Unscored}}},
		}
	}
	s := junitSuite{
		Name: a.Location(),
		Properties: &junitProperties{Property: []junitProperty{
			{Name: "score", Value: strconv.Itoa(a.Scorecard.Score)},
			{Name: "grade", Value: a.Scorecard.Grade},
		}},
	}
	for _, c := range a.Scorecard.Categories {
		s.Properties.Property = append(s.Properties.Property, junitProperty{Name: "subscore." + c.Name, Value: strconv.Itoa(c.Score)})
	}
	byRule := map[string][]*finding.Finding{}
	for _, f := range a.Findings {
		byRule[f.Rule] = append(byRule[f.Rule], f)
	}
	for _, rule := range junitRules(a, r) {
		c := junitCase{Classname: rule.category, Name: rule.id, File: a.Path}
		var notes []string
		for _, f := range byRule[rule.id] {
			p := placeOf(a, f)
			line := fmt.Sprintf("%s: %s: %s%s [%s]", p, f.Severity, p.note, f.Message, f.Rule)
			switch {
			case g.Fails(a, f):
				body := line
				if f.Cue != "" {
					body += "\ncue: " + f.Cue
				}
				if f.Excerpt != "" {
					body += "\n    " + f.Excerpt
				}
				c.Failures = append(c.Failures, junitProblem{Message: f.Message, Type: string(f.Severity), Body: body})
			case !f.Counts():
				notes = append(notes, fmt.Sprintf("%s (suppressed, %s: %s)", line, f.Suppressed.Kind, f.Suppressed.Reason))
			default:
				notes = append(notes, line+" (below the fail level)")
			}
		}
		c.SystemOut = junitLines(notes)
		if len(c.Failures) > 0 {
			s.Failures++
		}
		s.Cases = append(s.Cases, c)
	}
	// The score is a test of its own only when there is a threshold to
	// pass; with one, it is there whether it passes or not, so the number
	// of tests does not change with the outcome.
	if _, failUnder := g.For(a); failUnder > 0 {
		c := junitCase{Classname: "scorecard", Name: "score", File: a.Path}
		if g.FailsScore(a) {
			var subs []string
			for _, cat := range a.Scorecard.Categories {
				subs = append(subs, fmt.Sprintf("%s %d", cat.Name, cat.Score))
			}
			msg := fmt.Sprintf("score %d is below %g", a.Scorecard.Score, failUnder)
			c.Failures = []junitProblem{{Message: msg, Type: "score", Body: fmt.Sprintf("%s: %s (grade %s)\n%s", a.Location(), msg, a.Scorecard.Grade, strings.Join(subs, ", "))}}
			s.Failures++
		}
		s.Cases = append(s.Cases, c)
	}
	s.Tests = len(s.Cases)
	var stale []string
	for _, st := range a.Stale {
		p := placeOfLine(a, st.Line)
		stale = append(stale, fmt.Sprintf("%s: warning: %s%s %s", p, p.note, st.Reason, st.Text))
	}
	s.SystemOut = junitLines(stale)
	return s
}

func junitLines(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}
