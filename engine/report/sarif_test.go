package report_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/policy"
	"github.com/credcheck/credcheck/engine/report"
	"github.com/credcheck/credcheck/engine/report/reporttest"
)

// sarifSchemaID is the $schema the writer names: the OASIS errata 01
// schema that reporttest validates against.
const sarifSchemaID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

func officialSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	schema, err := reporttest.SARIFSchema()
	if err != nil {
		t.Fatalf("SARIF schema: %v", err)
	}
	return schema
}

func validateSARIF(t *testing.T, out string) {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if err := officialSARIFSchema(t).Validate(doc); err != nil {
		t.Errorf("output does not validate against the SARIF 2.1.0 schema: %v", err)
	}
}

// sarifRules describes the rules sampleReport fires, in an order unlike
// the findings', with one rule switched off by configuration and one from
// a user's policy directory.
func sarifRules() []*policy.Rule {
	return []*policy.Rule{
		{ID: "vague-source", Category: "attribution", Title: "Anonymous source", Severity: finding.Warning, Weight: 3, Enabled: true, Source: policy.BuiltIn,
			Description: "A claim is credited to people the reader cannot identify\nor weigh.\n\nSay why they cannot be named.",
			Why:         "Readers cannot judge a source they cannot see.",
			References:  []policy.Reference{{URL: "not a url", Description: "broken"}, {URL: "https://example.org/sources", Description: "Sourcing guide"}},
			Fires:       "People familiar with the matter said so.", Quiet: "The finance minister said so."},
		{ID: "hearsay-hedge", Category: "hedge", Title: "Hearsay hedge", Severity: finding.Error, Weight: 6, Enabled: true, Source: policy.BuiltIn,
			Description: "A claim rests on a hedge such as \"reportedly\"."},
		{ID: "stock-opener", Category: "boilerplate", Title: "Stock opener", Severity: finding.Warning, Weight: 1, Enabled: false, Source: policy.BuiltIn,
			Description: "The article opens with a stock phrase."},
		{ID: "loaded-language", Category: "editorial", Title: "Loaded word", Severity: finding.Info, Weight: 0.5, Enabled: true, Source: policy.BuiltIn,
			Description: "A word tells the reader what to think.", Params: map[string]any{"words": []any{"clearly", "disaster"}, "min": 1, "case": "fold"}},
		{ID: "number-mismatch", Category: "contradiction", Title: "Figures disagree", Severity: finding.Warning, Weight: 4, Enabled: true, Source: "house-rules",
			File: "house-rules/numbers.rego", Line: 12, Description: "Two figures for one thing differ."},
	}
}

func sarifSample() *report.Report {
	r := sampleReport()
	r.Rules = sarifRules()
	return r
}

// The parts of a SARIF log the tests look at, decoded independently of
// the library that writes it.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool struct {
		Driver struct {
			Name            string         `json:"name"`
			Version         *string        `json:"version"`
			SemanticVersion *string        `json:"semanticVersion"`
			InformationURI  string         `json:"informationUri"`
			Rules           []sarifRuleOut `json:"rules"`
		} `json:"driver"`
	} `json:"tool"`
	ColumnKind  string            `json:"columnKind"`
	Results     []sarifResultOut  `json:"results"`
	Invocations []sarifInvocation `json:"invocations"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifRuleOut struct {
	ID                   string    `json:"id"`
	Name                 string    `json:"name"`
	ShortDescription     sarifText `json:"shortDescription"`
	FullDescription      sarifText `json:"fullDescription"`
	Help                 sarifText `json:"help"`
	HelpURI              string    `json:"helpUri"`
	DefaultConfiguration struct {
		Enabled    *bool          `json:"enabled"` // absent: true
		Level      string         `json:"level"`
		Parameters map[string]any `json:"parameters"`
	} `json:"defaultConfiguration"`
	Properties struct {
		Tags []string `json:"tags"`
	} `json:"properties"`
}

type sarifResultOut struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Suppressions        []struct {
		Kind          string `json:"kind"`
		Status        string `json:"status"`
		Justification string `json:"justification"`
	} `json:"suppressions"`
	Properties map[string]any `json:"properties"`
}

type sarifLocation struct {
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI       string `json:"uri"`
			URIBaseID string `json:"uriBaseId"`
		} `json:"artifactLocation"`
		Region *sarifRegionOut `json:"region"`
	} `json:"physicalLocation"`
	LogicalLocations []struct {
		Name               string `json:"name"`
		FullyQualifiedName string `json:"fullyQualifiedName"`
		Kind               string `json:"kind"`
	} `json:"logicalLocations"`
	Properties map[string]any `json:"properties"`
}

// sarifRegionOut reads a region with the schema's defaults for what the
// log leaves out: -1 ("not given") for the offsets, startLine for endLine.
type sarifRegionOut struct {
	StartLine   int `json:"startLine,omitempty"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
	ByteOffset  int `json:"byteOffset"`
	ByteLength  int `json:"byteLength,omitempty"`
	CharOffset  int `json:"charOffset"`
	CharLength  int `json:"charLength,omitempty"`
	Snippet     *struct {
		Text string `json:"text"`
	} `json:"snippet,omitempty"`
}

func (r *sarifRegionOut) UnmarshalJSON(b []byte) error {
	type plain sarifRegionOut
	p := plain{ByteOffset: -1, CharOffset: -1}
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	if p.EndLine == 0 {
		p.EndLine = p.StartLine
	}
	*r = sarifRegionOut(p)
	return nil
}

type sarifInvocation struct {
	ExecutionSuccessful        bool `json:"executionSuccessful"`
	ExitCode                   *int `json:"exitCode"`
	ToolExecutionNotifications []struct {
		Level     string          `json:"level"`
		Message   sarifText       `json:"message"`
		Locations []sarifLocation `json:"locations"`
	} `json:"toolExecutionNotifications"`
}

// writeSARIF writes r as SARIF, checks it against the schema and decodes
// its one run.
func writeSARIF(t *testing.T, r *report.Report, opts report.Options) (string, sarifRun) {
	t.Helper()
	out := write(t, "sarif", r, opts)
	validateSARIF(t, out)
	var log sarifLog
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("decoding SARIF: %v", err)
	}
	if log.Version != "2.1.0" || log.Schema != sarifSchemaID {
		t.Errorf("version %q, $schema %q: want 2.1.0 and %s", log.Version, log.Schema, sarifSchemaID)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	return out, log.Runs[0]
}

func TestSARIFSchemaCatchesInvalidLogs(t *testing.T) {
	// Without this, a schema that accepted anything would pass every
	// other test.
	out := write(t, "sarif", sarifSample(), sampleOptions)
	for name, bad := range map[string]func(string) string{
		"unknown level":                func(s string) string { return strings.Replace(s, `"level":"error"`, `"level":"fatal"`, 1) },
		"notification with no message": func(s string) string { return strings.Replace(s, `"message":{`, `"note":{`, 1) },
		"line 0":                       func(s string) string { return strings.Replace(s, `"startLine":5`, `"startLine":0`, 1) },
	} {
		changed := bad(out)
		if changed == out {
			t.Fatalf("%s: the edit did not apply", name)
		}
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(changed))
		if err != nil {
			t.Fatal(err)
		}
		if officialSARIFSchema(t).Validate(doc) == nil {
			t.Errorf("%s: the schema accepted an invalid log", name)
		}
	}
}

func TestSARIFDriver(t *testing.T) {
	cases := []struct {
		version            string
		want, wantSemantic *string
	}{
		{"", nil, nil},
		{"dev", sarifPtr("dev"), nil},
		{"v1.4.0", sarifPtr("v1.4.0"), sarifPtr("1.4.0")},
		{"2.0.0-rc.1+build.5", sarifPtr("2.0.0-rc.1+build.5"), sarifPtr("2.0.0-rc.1+build.5")},
		{"1.4", sarifPtr("1.4"), nil},
	}
	for _, c := range cases {
		_, run := writeSARIF(t, &report.Report{}, report.Options{Version: c.version})
		d := run.Tool.Driver
		if d.Name != "credcheck" || d.InformationURI != "https://github.com/credcheck/credcheck" {
			t.Errorf("driver name %q, informationUri %q", d.Name, d.InformationURI)
		}
		if diff := cmp.Diff(c.want, d.Version); diff != "" {
			t.Errorf("version %q: driver.version (-want +got):\n%s", c.version, diff)
		}
		if diff := cmp.Diff(c.wantSemantic, d.SemanticVersion); diff != "" {
			t.Errorf("version %q: driver.semanticVersion (-want +got):\n%s", c.version, diff)
		}
		if run.ColumnKind != "unicodeCodePoints" {
			t.Errorf("columnKind %q, want unicodeCodePoints: finding columns count characters", run.ColumnKind)
		}
	}
}

func sarifPtr(s string) *string { return &s }

func TestSARIFRules(t *testing.T) {
	r := sarifSample()
	_, run := writeSARIF(t, r, sampleOptions)
	got := run.Tool.Driver.Rules
	if len(got) != len(r.Rules) {
		t.Fatalf("%d rule descriptors for %d loaded rules", len(got), len(r.Rules))
	}
	wantLevel := map[finding.Severity]string{finding.Error: "error", finding.Warning: "warning", finding.Info: "note"}
	for i, rule := range r.Rules {
		d := got[i]
		if d.ID != rule.ID {
			t.Errorf("descriptor %d is %q, want %q (the order of report.Rules)", i, d.ID, rule.ID)
			continue
		}
		if d.ShortDescription.Text != rule.Title {
			t.Errorf("%s: shortDescription %q, want the title %q", rule.ID, d.ShortDescription.Text, rule.Title)
		}
		enabled := d.DefaultConfiguration.Enabled == nil || *d.DefaultConfiguration.Enabled
		if d.DefaultConfiguration.Level != wantLevel[rule.Severity] || enabled != rule.Enabled {
			t.Errorf("%s: defaultConfiguration level %q enabled %v, want %q %v", rule.ID, d.DefaultConfiguration.Level, enabled, wantLevel[rule.Severity], rule.Enabled)
		}
		if diff := cmp.Diff([]string{"credibility", rule.Category}, d.Properties.Tags); diff != "" {
			t.Errorf("%s: tags (-want +got):\n%s", rule.ID, diff)
		}
		if d.Help.Text == "" || d.FullDescription.Text == "" {
			t.Errorf("%s: help %q, fullDescription %q: GitHub requires both", rule.ID, d.Help.Text, d.FullDescription.Text)
		}
	}

	names := map[string]string{}
	for _, d := range got {
		names[d.ID] = d.Name
	}
	if diff := cmp.Diff(map[string]string{"vague-source": "VagueSource", "hearsay-hedge": "HearsayHedge", "stock-opener": "StockOpener",
		"loaded-language": "LoadedLanguage", "number-mismatch": "NumberMismatch"}, names); diff != "" {
		t.Errorf("rule names (-want +got):\n%s", diff)
	}

	vague := got[0]
	if want := "A claim is credited to people the reader cannot identify or weigh.\n\nSay why they cannot be named."; vague.FullDescription.Text != want {
		t.Errorf("fullDescription %q, want the description with its lines joined: %q", vague.FullDescription.Text, want)
	}
	// The first reference that is a URL: helpUri must be an absolute URI.
	if vague.HelpURI != "https://example.org/sources" {
		t.Errorf("helpUri %q", vague.HelpURI)
	}
	for _, want := range []string{"Readers cannot judge a source they cannot see.", "Fires: People familiar with the matter said so.", "Quiet: The finance minister said so."} {
		if !strings.Contains(vague.Help.Text, want) || !strings.Contains(vague.Help.Markdown, want) {
			t.Errorf("help lacks %q:\ntext: %s\nmarkdown: %s", want, vague.Help.Text, vague.Help.Markdown)
		}
	}
	if !strings.Contains(vague.Help.Markdown, "[Sourcing guide](https://example.org/sources)") {
		t.Errorf("help.markdown does not link the reference:\n%s", vague.Help.Markdown)
	}
	if hedge := got[1]; hedge.HelpURI != "" || hedge.Help.Text != hedge.FullDescription.Text {
		t.Errorf("a rule with no why, examples or references: helpUri %q, help %q; want none and the description", hedge.HelpURI, hedge.Help.Text)
	}
	if diff := cmp.Diff(map[string]any{"words": []any{"clearly", "disaster"}, "min": 1.0, "case": "fold"}, got[3].DefaultConfiguration.Parameters); diff != "" {
		t.Errorf("loaded-language parameters (-want +got):\n%s", diff)
	}
}

func TestSARIFLongDescriptionIsClipped(t *testing.T) {
	r := &report.Report{Rules: []*policy.Rule{{ID: "long", Title: "Long", Description: strings.Repeat("ä", 1500), Severity: finding.Info, Enabled: true}}}
	_, run := writeSARIF(t, r, report.Options{})
	desc := []rune(run.Tool.Driver.Rules[0].FullDescription.Text)
	if len(desc) != 1000 || desc[999] != '…' {
		t.Errorf("fullDescription has %d characters ending %q; want 1000 (GitHub's limit) ending in …", len(desc), string(desc[len(desc)-1]))
	}
}

// withSuppressed is sampleOptions keeping suppressed findings in SARIF.
var withSuppressed = func() report.Options { o := sampleOptions; o.IncludeSuppressed = true; return o }()

func TestSARIFResults(t *testing.T) {
	r := sarifSample()
	_, run := writeSARIF(t, r, withSuppressed)
	var findings []*finding.Finding
	for _, a := range r.Articles {
		findings = append(findings, a.Findings...)
	}
	if len(run.Results) != len(findings) {
		t.Fatalf("%d results for %d findings (suppressed ones included)", len(run.Results), len(findings))
	}
	for i, res := range run.Results {
		f := findings[i]
		if res.RuleID != f.Rule || run.Tool.Driver.Rules[res.RuleIndex].ID != f.Rule {
			t.Errorf("result %d: ruleId %q, ruleIndex %d; want %s and its descriptor", i, res.RuleID, res.RuleIndex, f.Rule)
		}
		if res.Message.Text != f.Message {
			t.Errorf("result %d: message %q, want %q", i, res.Message.Text, f.Message)
		}
		if diff := cmp.Diff(map[string]string{"credcheck/v1": f.Fingerprint}, res.PartialFingerprints); diff != "" {
			t.Errorf("result %d: partialFingerprints (-want +got):\n%s", i, diff)
		}
		if len(res.Locations) != 1 {
			t.Errorf("result %d: %d locations, want 1", i, len(res.Locations))
		}
	}
	if levels := []string{run.Results[0].Level, run.Results[1].Level, run.Results[2].Level}; !cmp.Equal(levels, []string{"error", "warning", "note"}) {
		t.Errorf("levels of an error, a warning and an info finding: %v", levels)
	}

	headline := run.Results[0]
	loc := headline.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "fixtures/deal.txt" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
		t.Errorf("artifactLocation %+v, want fixtures/deal.txt under %%SRCROOT%%", loc.ArtifactLocation)
	}
	// "Reportedly" is at byte 15 of the sentence, which marked puts at
	// byte 100 of the text, on line 1 from column 16.
	want := &sarifRegionOut{StartLine: 1, StartColumn: 16, EndLine: 1, EndColumn: 26, ByteOffset: 115, ByteLength: 10, CharOffset: -1,
		Snippet: &struct {
			Text string `json:"text"`
		}{"Harwick Motors Reportedly Partners With Daejin Cells"}}
	if diff := cmp.Diff(want, loc.Region); diff != "" {
		t.Errorf("region (-want +got):\n%s", diff)
	}
	if len(headline.Suppressions) != 0 {
		t.Errorf("an unsuppressed finding has suppressions %+v", headline.Suppressions)
	}
	if diff := cmp.Diff(map[string]any{"category": "hedge", "points": 6.0, "strength": 1.0, "failsRun": true}, headline.Properties); diff != "" {
		t.Errorf("properties (-want +got):\n%s", diff)
	}
	// The gate fails on warnings: the info finding and the suppressed one
	// do not fail the run.
	var fails []bool
	for _, res := range run.Results {
		fails = append(fails, res.Properties["failsRun"].(bool))
	}
	if diff := cmp.Diff([]bool{true, true, false, false, true, true}, fails); diff != "" {
		t.Errorf("failsRun by result (-want +got):\n%s", diff)
	}
}

func TestSARIFRegionWithMultiByteText(t *testing.T) {
	// Columns count characters and offsets count bytes; they differ as soon
	// as a line holds "é".
	f := marked("loaded-language", "editorial", finding.Warning, "Le café était «un désastre».", "désastre", 2, 19, "m")
	r := &report.Report{Articles: []*report.Article{{ID: "fr.md", Path: "fr.md", Format: article.Markdown, Findings: []*finding.Finding{f}}}}
	_, run := writeSARIF(t, r, report.Options{})
	reg := run.Results[0].Locations[0].PhysicalLocation.Region
	if reg.StartColumn != 19 || reg.EndColumn != 27 || reg.ByteOffset != f.Start || reg.ByteLength != len("désastre") || reg.CharOffset != -1 {
		t.Errorf("region %+v: want columns 19–27 in characters, bytes %d+%d, and no character offset", reg, f.Start, len("désastre"))
	}
}

func TestSARIFSuppressions(t *testing.T) {
	r := sarifSample()
	deal := r.Articles[0]
	deal.Findings[1].Suppressed = &finding.Suppression{Kind: finding.SuppressedConfig, Reason: "ignore[0]: wire copy"}
	deal.Findings[2].Suppressed = &finding.Suppression{Kind: finding.SuppressedBaseline, Reason: ".credcheck-baseline.json"}
	_, run := writeSARIF(t, r, withSuppressed)
	type sup struct{ Kind, Status, Justification string }
	var got [][]sup
	for _, res := range run.Results[:4] {
		var s []sup
		for _, x := range res.Suppressions {
			s = append(s, sup{x.Kind, x.Status, x.Justification})
		}
		got = append(got, s)
	}
	want := [][]sup{
		nil,
		{{"external", "accepted", "ignore[0]: wire copy"}},
		{{"external", "accepted", ".credcheck-baseline.json"}},
		{{"inSource", "accepted", "line 8: quoting critics"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("suppressions of the deal's findings (-want +got):\n%s", diff)
	}
}

func TestSARIFJSONLinesRecord(t *testing.T) {
	_, run := writeSARIF(t, sarifSample(), withSuppressed)
	res := run.Results[4]
	if res.RuleID != "number-mismatch" {
		t.Fatalf("result 4 is %s, want the first finding of record r2", res.RuleID)
	}
	loc := res.Locations[0]
	if loc.PhysicalLocation.ArtifactLocation.URI != "wire.jsonl" {
		t.Errorf("uri %q, want wire.jsonl", loc.PhysicalLocation.ArtifactLocation.URI)
	}
	// The record is line 2 of the file; the finding's own line 3, column
	// 5 are in its text, and must not be mistaken for the file's.
	want := &sarifRegionOut{StartLine: 2, StartColumn: 1, EndLine: 2, ByteOffset: -1, CharOffset: -1,
		Snippet: &struct {
			Text string `json:"text"`
		}{"The $2.4 billion deal closes in May."}}
	if diff := cmp.Diff(want, loc.PhysicalLocation.Region); diff != "" {
		t.Errorf("region (-want +got):\n%s", diff)
	}
	if len(loc.LogicalLocations) != 1 || loc.LogicalLocations[0].Name != "r2" || loc.LogicalLocations[0].FullyQualifiedName != "wire.jsonl#r2" || loc.LogicalLocations[0].Kind != "object" {
		t.Errorf("logicalLocations %+v, want the record r2", loc.LogicalLocations)
	}
	wantInRecord := map[string]any{"startLine": 3.0, "startColumn": 5.0, "endLine": 3.0, "endColumn": 17.0, "byteOffset": 104.0, "byteLength": 12.0}
	if diff := cmp.Diff(wantInRecord, res.Properties["recordRegion"]); diff != "" {
		t.Errorf("recordRegion (-want +got):\n%s", diff)
	}
}

func TestSARIFNotifications(t *testing.T) {
	_, run := writeSARIF(t, sarifSample(), sampleOptions)
	if len(run.Invocations) != 1 {
		t.Fatalf("%d invocations, want 1", len(run.Invocations))
	}
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful || inv.ExitCode == nil || *inv.ExitCode != report.ExitError {
		t.Errorf("executionSuccessful %v, exitCode %v: want false and 2 with inputs that could not be checked", inv.ExecutionSuccessful, inv.ExitCode)
	}
	type note struct {
		Level, Message, URI string
		Line                int
	}
	var got []note
	for _, n := range inv.ToolExecutionNotifications {
		g := note{Level: n.Level, Message: n.Message.Text}
		if len(n.Locations) > 0 {
			g.URI = n.Locations[0].PhysicalLocation.ArtifactLocation.URI
			if reg := n.Locations[0].PhysicalLocation.Region; reg != nil {
				g.Line = reg.StartLine
			}
		}
		got = append(got, g)
	}
	want := []note{
		{"error", `wire.jsonl:5: record has no "text"`, "wire.jsonl", 5},
		{"error", "missing.md: no such file or directory", "missing.md", 0},
		{"warning", "suppresses no finding; remove it: <!-- credcheck-disable vague-source -->", "fixtures/deal.txt", 11},
		{"note", "house/hedge.rego replaces the built-in rule hearsay-hedge", "", 0},
		{"note", "1 suppressed finding left out (--include-suppressed keeps them)", "", 0},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("toolExecutionNotifications (-want +got):\n%s", diff)
	}

	r := sarifSample()
	r.Errors = nil
	_, run = writeSARIF(t, r, report.Options{})
	if inv := run.Invocations[0]; !inv.ExecutionSuccessful || *inv.ExitCode != report.ExitClean {
		t.Errorf("without input errors or a gate: executionSuccessful %v, exitCode %d; want true, 0", inv.ExecutionSuccessful, *inv.ExitCode)
	}
}

func TestSARIFStaleSuppressionInRecord(t *testing.T) {
	r := sarifSample()
	brief := r.Articles[1]
	brief.Stale = append(brief.Stale, r.Articles[0].Stale...)
	r.Articles[0].Stale = nil
	_, run := writeSARIF(t, r, report.Options{})
	n := run.Invocations[0].ToolExecutionNotifications[2]
	loc := n.Locations[0]
	if loc.PhysicalLocation.ArtifactLocation.URI != "wire.jsonl" || loc.PhysicalLocation.Region.StartLine != 2 ||
		len(loc.LogicalLocations) != 1 || loc.LogicalLocations[0].FullyQualifiedName != "wire.jsonl#r2" || loc.Properties["recordLine"] != 11.0 {
		t.Errorf("stale comment in record r2 at %+v, want line 2 of wire.jsonl, record r2, recordLine 11", loc)
	}
}

func TestSARIFPaths(t *testing.T) {
	abs := "/srv/news/a.txt"
	wantAbs := "file:///srv/news/a.txt"
	if runtime.GOOS == "windows" {
		abs, wantAbs = `C:\news\a.txt`, "file:///C:/news/a.txt"
	}
	cases := []struct {
		path, uri, base string
	}{
		{"fixtures/deal.txt", "fixtures/deal.txt", "%SRCROOT%"},
		{filepath.FromSlash("./desk/../fixtures/deal.txt"), "fixtures/deal.txt", "%SRCROOT%"},
		{filepath.FromSlash("desk/Zoë's draft #2.md"), "desk/Zo%C3%AB%27s%20draft%20%232.md", "%SRCROOT%"},
		{"a:b.txt", "./a:b.txt", "%SRCROOT%"},
		{abs, wantAbs, ""},
		{"-", "stdin", ""},
	}
	for _, c := range cases {
		f := marked("loaded-language", "editorial", finding.Warning, "It was clearly fake.", "clearly", 1, 8, "m")
		r := &report.Report{Articles: []*report.Article{{ID: c.path, Path: c.path, Format: article.Text, Findings: []*finding.Finding{f}}}}
		_, run := writeSARIF(t, r, report.Options{})
		got := run.Results[0].Locations[0].PhysicalLocation.ArtifactLocation
		if got.URI != c.uri || got.URIBaseID != c.base {
			t.Errorf("path %q: uri %q base %q, want %q %q", c.path, got.URI, got.URIBaseID, c.uri, c.base)
		}
	}
}

func TestSARIFRuleMissingFromReport(t *testing.T) {
	// sampleReport describes no rules: every rule that fired still gets a
	// descriptor, in the order the rules first fire, so ruleIndex holds.
	_, run := writeSARIF(t, sampleReport(), report.Options{})
	var ids []string
	for _, d := range run.Tool.Driver.Rules {
		ids = append(ids, d.ID)
	}
	if diff := cmp.Diff([]string{"hearsay-hedge", "vague-source", "loaded-language", "number-mismatch"}, ids); diff != "" {
		t.Errorf("descriptors (-want +got):\n%s", diff)
	}
	for i, res := range run.Results {
		if ids[res.RuleIndex] != res.RuleID {
			t.Errorf("result %d: ruleIndex %d is %s, ruleId %s", i, res.RuleIndex, ids[res.RuleIndex], res.RuleID)
		}
	}
}

func TestSARIFEmptyReport(t *testing.T) {
	out, run := writeSARIF(t, &report.Report{}, report.Options{})
	// GitHub rejects a run without "results", though SARIF allows it.
	if !strings.Contains(out, `"results":[]`) || run.Results == nil {
		t.Errorf("an empty run has no results array:\n%s", out)
	}
	if len(run.Tool.Driver.Rules) != 0 || !run.Invocations[0].ExecutionSuccessful || len(run.Invocations[0].ToolExecutionNotifications) != 0 {
		t.Errorf("empty report: %d rules, invocation %+v", len(run.Tool.Driver.Rules), run.Invocations[0])
	}
}

func TestSARIFDeterministic(t *testing.T) {
	first := write(t, "sarif", sarifSample(), sampleOptions)
	// Parameters are a map; enough runs to catch its order leaking.
	for range 20 {
		if again := write(t, "sarif", sarifSample(), sampleOptions); again != first {
			t.Fatalf("two runs on the same report differ:\n%s", cmp.Diff(first, again))
		}
	}
	if !bytes.HasSuffix([]byte(first), []byte("}\n")) {
		t.Errorf("output does not end in a newline")
	}
	if strings.Contains(first, `\u003c`) {
		t.Errorf("output escapes < for HTML; the directive should read as written")
	}
}
