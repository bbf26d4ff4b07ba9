package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/policy"
)

// Explanation is what `credcheck explain` says about a rule.
type Explanation struct {
	Rule     *policy.Rule
	Tests    []policy.RuleTest
	Settings []Setting
	// Examples are the rule's METADATA examples, checked as articles.
	Examples []ExampleCheck
}

// Setting is one configuration key of a rule, with its default and its
// value after configuration.
type Setting struct {
	Key, Default, Value string
}

// ExampleCheck is what the rule made of one of its examples.
type ExampleCheck struct {
	// Kind is "fires" or "quiet": what the example is meant to show.
	Kind     string
	Text     string
	Findings []*finding.Finding
	// AsExpected is false when a "fires" example found nothing on its
	// own, or a "quiet" one found something: the rule needs more context
	// than one sentence, or the example is stale.
	AsExpected bool
}

// WriteExplanation renders an explanation as text or JSON.
func WriteExplanation(w io.Writer, format string, e *Explanation) error {
	switch format {
	case "text":
		return explainText(w, e)
	case "json":
		return explainJSON(w, e)
	}
	return fmt.Errorf("unknown format %q (formats: text, json)", format)
}

func explainText(w io.Writer, e *Explanation) error {
	r := e.Rule
	out := bufio.NewWriter(w)
	state := "enabled"
	if !r.Enabled {
		state = "disabled by configuration"
	}
	fmt.Fprintf(out, "%s — %s\n", r.ID, r.Title)
	if r.Story {
		// Story findings are not scored: a weight would mislead.
		fmt.Fprintf(out, "story rule · %s · %s · %s · %s\n", r.Category, r.Severity, state, sourceName(r))
	} else {
		fmt.Fprintf(out, "%s · %s · weight %g · %s · %s\n", r.Category, r.Severity, r.Weight, state, sourceName(r))
	}
	fmt.Fprintf(out, "defined in %s:%d\n\n", r.File, r.Line)
	fmt.Fprintln(out, strings.TrimSpace(r.Description))
	if r.Why != "" {
		fmt.Fprintf(out, "\nWhy it matters\n  %s\n", r.Why)
	}
	if len(e.Examples) > 0 {
		fmt.Fprintln(out, "\nExamples")
		for _, ex := range e.Examples {
			fmt.Fprintf(out, "  %s: %s\n", ex.Kind, ex.Text)
			switch {
			case len(ex.Findings) > 0:
				for _, f := range ex.Findings {
					fmt.Fprintf(out, "    → %s: %s\n", f.Severity, f.Message)
				}
			case ex.Kind == "quiet":
				fmt.Fprintln(out, "    → no finding")
			default:
				fmt.Fprintln(out, "    → no finding on this sentence alone: the rule needs the article around it")
			}
		}
	}
	if r.Story && (r.Fires != "" || r.Quiet != "") {
		// A story example describes several articles; it cannot be
		// checked as one.
		fmt.Fprintln(out, "\nExamples (stories of several articles, described)")
		for _, ex := range []struct{ kind, text string }{{"fires", r.Fires}, {"quiet", r.Quiet}} {
			if ex.text != "" {
				fmt.Fprintf(out, "  %s: %s\n", ex.kind, ex.text)
			}
		}
	}
	if len(e.Tests) > 0 {
		fmt.Fprintln(out, "\nTests")
		for _, t := range e.Tests {
			fmt.Fprintf(out, "  %s  (%s:%d)\n", t.Name, t.File, t.Line)
		}
	}
	fmt.Fprintln(out, "\nConfiguration (.credcheck.yaml)")
	for _, s := range e.Settings {
		note := "default"
		if s.Value != s.Default {
			note = "configured; default " + s.Default
		}
		fmt.Fprintf(out, "  %s: %s  (%s)\n", s.Key, s.Value, note)
	}
	if len(r.References) > 0 {
		fmt.Fprintln(out, "\nReferences")
		for _, ref := range r.References {
			if ref.Description != "" {
				fmt.Fprintf(out, "  %s\n    %s\n", ref.Description, ref.URL)
			} else {
				fmt.Fprintf(out, "  %s\n", ref.URL)
			}
		}
	}
	return out.Flush()
}

func sourceName(r *policy.Rule) string {
	if r.Source == policy.BuiltIn {
		return "built-in"
	}
	return "from " + r.Source
}

type jsonExplanation struct {
	jsonRule
	Tests    []jsonTest     `json:"tests"`
	Settings []jsonSetting  `json:"settings"`
	Checked  []jsonExChecks `json:"examples_checked"`
}

type jsonTest struct {
	Name string `json:"name"`
	Kind string `json:"kind,omitempty"`
	File string `json:"file"`
	Line int    `json:"line"`
}

type jsonSetting struct {
	Key     string `json:"key"`
	Default string `json:"default"`
	Value   string `json:"value"`
}

type jsonExChecks struct {
	Kind       string   `json:"kind"`
	Text       string   `json:"text"`
	Messages   []string `json:"messages"`
	AsExpected bool     `json:"as_expected"`
}

func explainJSON(w io.Writer, e *Explanation) error {
	out := jsonExplanation{jsonRule: ruleJSON(e.Rule), Tests: []jsonTest{}, Settings: []jsonSetting{}, Checked: []jsonExChecks{}}
	for _, t := range e.Tests {
		out.Tests = append(out.Tests, jsonTest{Name: t.Name, Kind: t.Kind, File: t.File, Line: t.Line})
	}
	for _, s := range e.Settings {
		out.Settings = append(out.Settings, jsonSetting{Key: s.Key, Default: s.Default, Value: s.Value})
	}
	for _, ex := range e.Examples {
		c := jsonExChecks{Kind: ex.Kind, Text: ex.Text, Messages: []string{}, AsExpected: ex.AsExpected}
		for _, f := range ex.Findings {
			c.Messages = append(c.Messages, f.Message)
		}
		out.Checked = append(out.Checked, c)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
