package report_test

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/pathglob"
	"github.com/credcheck/credcheck/engine/policy"
	"github.com/credcheck/credcheck/engine/report"
	"github.com/credcheck/credcheck/engine/scoring"
)

// What a CI server reads of the JUnit XML, parsed independently of the
// writer's own types.
type jxSuites struct {
	XMLName  xml.Name  `xml:"testsuites"`
	Tests    int       `xml:"tests,attr"`
	Failures int       `xml:"failures,attr"`
	Errors   int       `xml:"errors,attr"`
	Skipped  int       `xml:"skipped,attr"`
	Suites   []jxSuite `xml:"testsuite"`
}

type jxSuite struct {
	Name       string `xml:"name,attr"`
	Tests      int    `xml:"tests,attr"`
	Failures   int    `xml:"failures,attr"`
	Errors     int    `xml:"errors,attr"`
	Skipped    int    `xml:"skipped,attr"`
	Properties []struct {
		Name  string `xml:"name,attr"`
		Value string `xml:"value,attr"`
	} `xml:"properties>property"`
	Cases     []jxCase `xml:"testcase"`
	SystemOut string   `xml:"system-out"`
}

type jxCase struct {
	Classname string      `xml:"classname,attr"`
	Name      string      `xml:"name,attr"`
	File      string      `xml:"file,attr"`
	Failures  []jxProblem `xml:"failure"`
	Errors    []jxProblem `xml:"error"`
	SystemOut string      `xml:"system-out"`
}

type jxProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",chardata"`
}

// ciRules are the rules of the sample report, one of them switched off.
func ciRules() []*policy.Rule {
	return []*policy.Rule{
		{ID: "vague-source", Category: "attribution", Severity: finding.Warning, Enabled: true},
		{ID: "hearsay-hedge", Category: "hedge", Severity: finding.Error, Enabled: true},
		{ID: "number-mismatch", Category: "contradiction", Severity: finding.Warning, Enabled: true},
		{ID: "loaded-language", Category: "editorial", Severity: finding.Info, Enabled: true},
		{ID: "machine-cadence", Category: "machine", Severity: finding.Warning, Enabled: false},
	}
}

func ciSample() *report.Report {
	r := sampleReport()
	r.Rules = ciRules()
	return r
}

func parseJUnit(t *testing.T, out string) jxSuites {
	t.Helper()
	if !strings.HasPrefix(out, xml.Header) {
		t.Errorf("JUnit output does not start with the XML header:\n%.80s", out)
	}
	var doc jxSuites
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("JUnit output is not XML: %v\n%s", err, out)
	}
	// Whatever the case, the counts must agree with the elements, since CI
	// servers show the counts and link to the elements.
	var tests, failures, errors int
	for _, s := range doc.Suites {
		var f, e int
		for _, c := range s.Cases {
			if len(c.Failures) > 0 {
				f++
			}
			if len(c.Errors) > 0 {
				e++
			}
		}
		if s.Tests != len(s.Cases) || s.Failures != f || s.Errors != e || s.Skipped != 0 {
			t.Errorf("suite %s counts tests=%d failures=%d errors=%d skipped=%d, its cases give %d %d %d 0", s.Name, s.Tests, s.Failures, s.Errors, s.Skipped, len(s.Cases), f, e)
		}
		tests, failures, errors = tests+s.Tests, failures+s.Failures, errors+s.Errors
	}
	if doc.Tests != tests || doc.Failures != failures || doc.Errors != errors {
		t.Errorf("testsuites totals %d/%d/%d, the suites add up to %d/%d/%d", doc.Tests, doc.Failures, doc.Errors, tests, failures, errors)
	}
	return doc
}

func suiteNamed(t *testing.T, doc jxSuites, name string) jxSuite {
	t.Helper()
	for _, s := range doc.Suites {
		if s.Name == name {
			return s
		}
	}
	t.Fatalf("no test suite %q", name)
	return jxSuite{}
}

// failing lists, per suite, the cases that fail and how many failure
// elements each has.
func failing(doc jxSuites) map[string]map[string]int {
	out := map[string]map[string]int{}
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			if len(c.Failures) > 0 {
				if out[s.Name] == nil {
					out[s.Name] = map[string]int{}
				}
				out[s.Name][c.Name] = len(c.Failures)
			}
		}
	}
	return out
}

func TestJUnitReport(t *testing.T) {
	doc := parseJUnit(t, write(t, "junit", ciSample(), sampleOptions))
	if doc.Tests != 12 || doc.Failures != 4 || doc.Errors != 2 || doc.Skipped != 0 {
		t.Errorf("totals tests=%d failures=%d errors=%d skipped=%d, want 12 4 2 0", doc.Tests, doc.Failures, doc.Errors, doc.Skipped)
	}
	var names []string
	for _, s := range doc.Suites {
		names = append(names, s.Name)
	}
	if diff := cmp.Diff([]string{"fixtures/deal.txt", "wire.jsonl#r2", "wire.jsonl:5", "missing.md"}, names); diff != "" {
		t.Errorf("suites (-want +got):\n%s", diff)
	}

	deal := suiteNamed(t, doc, "fixtures/deal.txt")
	var cases []string
	for _, c := range deal.Cases {
		cases = append(cases, c.Classname+"/"+c.Name)
	}
	// Enabled rules by id, then the score; the switched-off rule is absent.
	if diff := cmp.Diff([]string{"hedge/hearsay-hedge", "editorial/loaded-language", "contradiction/number-mismatch", "attribution/vague-source", "scorecard/score"}, cases); diff != "" {
		t.Errorf("deal.txt cases (-want +got):\n%s", diff)
	}
	props := map[string]string{}
	for _, p := range deal.Properties {
		props[p.Name] = p.Value
	}
	if props["score"] != "86" || props["grade"] != "B" || props["subscore.hedge"] != "27" {
		t.Errorf("deal.txt properties = %v, want score 86, grade B, subscore.hedge 27", props)
	}
	hedge := deal.Cases[0]
	if len(hedge.Failures) != 1 {
		t.Fatalf("hearsay-hedge has %d failures, want 1", len(hedge.Failures))
	}
	f := hedge.Failures[0]
	if f.Message != `the headline rests on "Reportedly": say who reported or claimed it, or verify it` || f.Type != "error" {
		t.Errorf("hearsay-hedge failure message=%q type=%q", f.Message, f.Type)
	}
	for _, want := range []string{"fixtures/deal.txt:1:16: error: ", "cue: Reportedly", "Harwick Motors Reportedly Partners With Daejin Cells"} {
		if !strings.Contains(f.Body, want) {
			t.Errorf("hearsay-hedge failure body lacks %q:\n%s", want, f.Body)
		}
	}
	// The info finding is below the warning fail level and the warning one
	// is suppressed: neither fails, both are told.
	loaded := deal.Cases[1]
	if len(loaded.Failures) != 0 {
		t.Errorf("loaded-language fails %d times, want 0", len(loaded.Failures))
	}
	for _, want := range []string{"fixtures/deal.txt:7:10: info: \"clearly\"", "(below the fail level)", "fixtures/deal.txt:9:26: warning: \"disaster\"", "(suppressed, inline: line 8: quoting critics)"} {
		if !strings.Contains(loaded.SystemOut, want) {
			t.Errorf("loaded-language system-out lacks %q:\n%s", want, loaded.SystemOut)
		}
	}
	score := deal.Cases[4]
	if len(score.Failures) != 1 || score.Failures[0].Message != "score 86 is below 90" {
		t.Errorf("score case failures = %+v, want one, \"score 86 is below 90\"", score.Failures)
	}
	if !strings.Contains(deal.SystemOut, "fixtures/deal.txt:11: warning: suppresses no finding") {
		t.Errorf("deal.txt system-out lacks the stale suppression:\n%s", deal.SystemOut)
	}

	// A JSON Lines record's findings point at the record's line in the file
	// and carry their place in the record in the message.
	wire := suiteNamed(t, doc, "wire.jsonl#r2")
	if diff := cmp.Diff(map[string]int{"number-mismatch": 2}, failing(doc)["wire.jsonl#r2"]); diff != "" {
		t.Errorf("wire.jsonl#r2 failing cases (-want +got):\n%s", diff)
	}
	for _, c := range wire.Cases {
		if c.Name == "number-mismatch" {
			if !strings.HasPrefix(c.Failures[1].Body, "wire.jsonl:2: warning: record r2, line 4, column 23: gives the deal as $3.1 billion") {
				t.Errorf("record finding body = %q", c.Failures[1].Body)
			}
		}
		if c.Name == "score" && len(c.Failures) != 0 {
			t.Errorf("score 96 fails under 90: %+v", c.Failures)
		}
	}

	bad := suiteNamed(t, doc, "wire.jsonl:5")
	if len(bad.Cases) != 1 || len(bad.Cases[0].Errors) != 1 || bad.Cases[0].Errors[0].Message != `record has no "text"` {
		t.Errorf("bad record suite = %+v, want one case with the error", bad)
	}
	if missing := suiteNamed(t, doc, "missing.md"); len(missing.Cases) != 1 || len(missing.Cases[0].Errors) != 1 {
		t.Errorf("missing.md suite = %+v, want one case with an error", missing)
	}
}

func TestJUnitFailLevel(t *testing.T) {
	cases := []struct {
		name      string
		gate      report.Gate
		want      map[string]map[string]int
		scoreCase bool
	}{
		{name: "no gate", gate: report.Gate{}, want: map[string]map[string]int{}},
		{name: "error", gate: report.Gate{FailRank: finding.Error.Rank()},
			want: map[string]map[string]int{"fixtures/deal.txt": {"hearsay-hedge": 1}}},
		{name: "warning", gate: report.Gate{FailRank: finding.Warning.Rank()},
			want: map[string]map[string]int{"fixtures/deal.txt": {"hearsay-hedge": 1, "vague-source": 1}, "wire.jsonl#r2": {"number-mismatch": 2}}},
		// The suppressed warning of loaded-language never fails; its info
		// finding does at this level.
		{name: "info", gate: report.Gate{FailRank: finding.Info.Rank()},
			want: map[string]map[string]int{"fixtures/deal.txt": {"hearsay-hedge": 1, "vague-source": 1, "loaded-language": 1}, "wire.jsonl#r2": {"number-mismatch": 2}}},
		{name: "score only", gate: report.Gate{FailUnder: 95}, scoreCase: true,
			want: map[string]map[string]int{"fixtures/deal.txt": {"score": 1}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := parseJUnit(t, write(t, "junit", ciSample(), report.Options{Gate: c.gate}))
			if diff := cmp.Diff(c.want, failing(doc)); diff != "" {
				t.Errorf("failing cases (-want +got):\n%s", diff)
			}
			// Without a threshold there is no score to test; with one the
			// case is there whether it passes or not.
			for _, name := range []string{"fixtures/deal.txt", "wire.jsonl#r2"} {
				s := suiteNamed(t, doc, name)
				hasScore := s.Cases[len(s.Cases)-1].Name == "score"
				if hasScore != c.scoreCase {
					t.Errorf("%s has a score case: %v, want %v", name, hasScore, c.scoreCase)
				}
			}
		})
	}
}

func TestJUnitPathThresholds(t *testing.T) {
	errorRank, infoRank, strict := finding.Error.Rank(), finding.Info.Rank(), 99.0
	gate := report.Gate{
		FailRank: finding.Warning.Rank(),
		Paths: []report.PathGate{
			{Paths: pathglob.Set{Globs: []string{"fixtures/**"}}, FailRank: &infoRank},
			{Paths: pathglob.Set{Globs: []string{"*.jsonl"}}, FailRank: &errorRank, FailUnder: &strict},
		},
	}
	doc := parseJUnit(t, write(t, "junit", ciSample(), report.Options{Gate: gate}))
	want := map[string]map[string]int{
		"fixtures/deal.txt": {"hearsay-hedge": 1, "vague-source": 1, "loaded-language": 1},
		"wire.jsonl#r2":     {"score": 1},
	}
	if diff := cmp.Diff(want, failing(doc)); diff != "" {
		t.Errorf("failing cases (-want +got):\n%s", diff)
	}
	wire := suiteNamed(t, doc, "wire.jsonl#r2")
	if got := wire.Cases[len(wire.Cases)-1]; got.Name != "score" || got.Failures[0].Message != "score 96 is below 99" {
		t.Errorf("wire.jsonl#r2 last case = %+v, want score failing under 99", got)
	}
	for _, c := range wire.Cases {
		if c.Name == "number-mismatch" && strings.Count(c.SystemOut, "(below the fail level)") != 2 {
			t.Errorf("number-mismatch system-out should tell both warnings as below the fail level:\n%s", c.SystemOut)
		}
	}
	if s := suiteNamed(t, doc, "fixtures/deal.txt"); s.Cases[len(s.Cases)-1].Name == "score" {
		t.Errorf("deal.txt has a score case, but no threshold applies to it")
	}
}

// A finding of a rule missing from the rule list (a report built without
// one) still fails: the XML must never hide a failure.
func TestJUnitFindingOfUnlistedRule(t *testing.T) {
	doc := parseJUnit(t, write(t, "junit", sampleReport(), report.Options{Gate: report.Gate{FailRank: finding.Error.Rank()}}))
	want := map[string]map[string]int{"fixtures/deal.txt": {"hearsay-hedge": 1}}
	if diff := cmp.Diff(want, failing(doc)); diff != "" {
		t.Errorf("failing cases (-want +got):\n%s", diff)
	}
	if s := suiteNamed(t, doc, "wire.jsonl#r2"); len(s.Cases) != 1 || s.Cases[0].Name != "number-mismatch" {
		t.Errorf("wire.jsonl#r2 cases = %+v, want number-mismatch only", s.Cases)
	}
}

func TestJUnitHostileText(t *testing.T) {
	msg := "ends ]]> here <b>&amp; \"quoted\" \x01 control"
	r := &report.Report{
		Rules: []*policy.Rule{{ID: "hearsay-hedge", Category: "hedge", Enabled: true}},
		Articles: []*report.Article{{
			ID: "a&b<c>.txt", Path: "a&b<c>.txt", Format: article.Text, Scorecard: card(50, "D", 50, scoring.Category{Name: "hedge", Score: 50}),
			Findings: []*finding.Finding{marked("hearsay-hedge", "hedge", finding.Error, "It is ]]> said <x>.", "said", 2, 3, msg)},
		}},
	}
	doc := parseJUnit(t, write(t, "junit", r, report.Options{Gate: report.Gate{FailRank: finding.Error.Rank()}}))
	if len(doc.Suites) != 1 || doc.Suites[0].Name != "a&b<c>.txt" {
		t.Fatalf("suites = %+v, want one named a&b<c>.txt", doc.Suites)
	}
	got := doc.Suites[0].Cases[0].Failures[0]
	// XML cannot hold U+0001 at all; it becomes the replacement character.
	if want := strings.Replace(msg, "\x01", "\uFFFD", 1); got.Message != want {
		t.Errorf("message = %q, want %q", got.Message, want)
	}
	if !strings.Contains(got.Body, "It is ]]> said <x>.") {
		t.Errorf("body lost the excerpt: %q", got.Body)
	}
}

func TestJUnitDeterministic(t *testing.T) {
	first := write(t, "junit", ciSample(), sampleOptions)
	// The order the policies loaded in does not move the test cases.
	r := ciSample()
	for i, j := 0, len(r.Rules)-1; i < j; i, j = i+1, j-1 {
		r.Rules[i], r.Rules[j] = r.Rules[j], r.Rules[i]
	}
	if diff := cmp.Diff(first, write(t, "junit", r, sampleOptions)); diff != "" {
		t.Errorf("JUnit output changed with rule order (-first +second):\n%s", diff)
	}
	if second := write(t, "junit", ciSample(), sampleOptions); second != first {
		t.Errorf("JUnit output differs between runs")
	}
}

func TestJUnitEmptyReport(t *testing.T) {
	doc := parseJUnit(t, write(t, "junit", &report.Report{Rules: ciRules()}, sampleOptions))
	if doc.Tests != 0 || len(doc.Suites) != 0 {
		t.Errorf("empty report has %d tests in %d suites, want none", doc.Tests, len(doc.Suites))
	}
}
