package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/credcheck/credcheck/engine/policy"
)

// WriteTestRun renders the outcome of the policies' Rego tests: text for
// people (failures always, passes with verbose), or JSON.
func WriteTestRun(w io.Writer, format string, run *policy.TestRun, verbose bool) error {
	switch format {
	case "text":
		return testRunText(w, run, verbose)
	case "json":
		return testRunJSON(w, run)
	}
	return fmt.Errorf("unknown format %q (formats: text, json)", format)
}

func testRunText(w io.Writer, run *policy.TestRun, verbose bool) error {
	out := bufio.NewWriter(w)
	for _, t := range run.Tests {
		if t.Pass {
			if verbose {
				fmt.Fprintf(out, "PASS  %s:%d  %s\n", t.File, t.Line, t.Name)
			}
			continue
		}
		line := t.Line
		if t.FailedLine > 0 {
			line = t.FailedLine
		}
		fmt.Fprintf(out, "FAIL  %s:%d  %s\n", t.File, line, t.Name)
		if t.FailedLine > 0 && t.FailedLine != t.Line {
			fmt.Fprintf(out, "      the expression on line %d is false (the test starts on line %d)\n", t.FailedLine, t.Line)
		}
		if t.Error != "" {
			fmt.Fprintf(out, "      error: %s\n", oneLine(t.Error))
		}
		for _, l := range strings.Split(strings.TrimRight(t.Output, "\n"), "\n") {
			if l != "" {
				fmt.Fprintf(out, "      %s\n", l)
			}
		}
	}
	if len(run.Coverage) > 0 {
		fmt.Fprintln(out, "\ncoverage  file")
		for _, c := range run.Coverage {
			missing := ""
			if len(c.NotCovered) > 0 {
				parts := make([]string, len(c.NotCovered))
				for i, l := range c.NotCovered {
					parts[i] = fmt.Sprint(l)
				}
				missing = "  not run: lines " + strings.Join(parts, ", ")
			}
			fmt.Fprintf(out, "%7.1f%%  %s%s\n", c.Percent, c.File, missing)
		}
	}
	fmt.Fprintf(out, "\n%s\n", run)
	return out.Flush()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

type jsonTestRun struct {
	Tests    []jsonTestResult `json:"tests"`
	Coverage []jsonCoverage   `json:"coverage,omitempty"`
	Passed   int              `json:"passed"`
	Failed   int              `json:"failed"`
}

type jsonTestResult struct {
	Name       string `json:"name"`
	File       string `json:"file"`
	Line       int    `json:"line"`
	Pass       bool   `json:"pass"`
	FailedLine int    `json:"failed_line,omitempty"`
	Error      string `json:"error,omitempty"`
	Output     string `json:"output,omitempty"`
}

type jsonCoverage struct {
	File       string  `json:"file"`
	Percent    float64 `json:"percent"`
	NotCovered []int   `json:"not_covered,omitempty"`
}

func testRunJSON(w io.Writer, run *policy.TestRun) error {
	out := jsonTestRun{Tests: []jsonTestResult{}, Passed: run.Passed(), Failed: len(run.Tests) - run.Passed()}
	for _, t := range run.Tests {
		out.Tests = append(out.Tests, jsonTestResult{Name: t.Name, File: t.File, Line: t.Line, Pass: t.Pass, FailedLine: t.FailedLine, Error: t.Error, Output: t.Output})
	}
	for _, c := range run.Coverage {
		out.Coverage = append(out.Coverage, jsonCoverage{File: c.File, Percent: c.Percent, NotCovered: c.NotCovered})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
