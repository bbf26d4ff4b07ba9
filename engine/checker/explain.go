package checker

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/policy"
	"github.com/credcheck/credcheck/engine/report"
)

// Explain describes a rule for an editor: its METADATA, its tests, its
// settings with their values after configuration, and what the rule makes
// of its own examples when they are checked as articles of one sentence.
// The policies should be loaded with their tests to list them.
func (c *Checker) Explain(ctx context.Context, id string) (*report.Explanation, error) {
	r := c.Policies.Rule(id)
	if r == nil {
		if story := c.Policies.StoryRule(id); story != nil {
			return c.explainStory(story), nil
		}
		return nil, fmt.Errorf("no rule %q%s (run `credcheck rules` for the list)", id, c.Policies.DidYouMean(id))
	}
	e := &report.Explanation{Rule: r, Tests: c.Policies.TestsOf(id)}
	severity := r.Severity
	if s, ok := c.severities[id]; ok {
		severity = s
	}
	e.Settings = []report.Setting{
		{Key: "rules." + id + ".enabled", Default: "true", Value: fmt.Sprint(r.Enabled)},
		{Key: "rules." + id + ".severity", Default: string(r.Severity), Value: string(severity)},
		{Key: "rules." + id + ".weight", Default: fmt.Sprint(r.Weight), Value: fmt.Sprint(c.Weight(id))},
	}
	e.Settings = append(e.Settings, c.paramSettings(r)...)
	for _, ex := range []struct{ kind, text string }{{"fires", r.Fires}, {"quiet", r.Quiet}} {
		if strings.TrimSpace(ex.text) == "" {
			continue
		}
		check := report.ExampleCheck{Kind: ex.kind, Text: ex.text}
		res, err := c.CheckArticle(ctx, &article.Article{ID: "example", Path: "example", Format: article.Text, Source: ex.text})
		if err == nil {
			for _, f := range res.Findings {
				if f.Rule == id {
					check.Findings = append(check.Findings, f)
				}
			}
		}
		check.AsExpected = (len(check.Findings) > 0) == (ex.kind == "fires")
		e.Examples = append(e.Examples, check)
	}
	return e, nil
}

// explainStory describes a story rule: its METADATA, tests and settings.
// It has no weight (story findings are not scored), and its examples
// describe stories of several articles, so they are shown, not checked.
func (c *Checker) explainStory(r *policy.Rule) *report.Explanation {
	cp := *r
	severity := r.Severity
	if s, ok := c.severities[r.ID]; ok {
		severity = s
	}
	cp.Severity = severity
	e := &report.Explanation{Rule: &cp, Tests: c.Policies.TestsOf(r.ID)}
	e.Settings = []report.Setting{
		{Key: "rules." + r.ID + ".enabled", Default: "true", Value: fmt.Sprint(r.Enabled)},
		{Key: "rules." + r.ID + ".severity", Default: string(r.Severity), Value: string(severity)},
	}
	e.Settings = append(e.Settings, c.paramSettings(r)...)
	return e
}

// paramSettings are a rule's parameters with their defaults and the values
// in force.
func (c *Checker) paramSettings(r *policy.Rule) []report.Setting {
	params, _ := c.Policies.Data["credcheck"].(map[string]any)["config"].(map[string]any)["params"].(map[string]any)[r.ID].(map[string]any)
	var out []report.Setting
	for _, k := range slices.Sorted(maps.Keys(r.Params)) {
		out = append(out, report.Setting{Key: "rules." + r.ID + ".params." + k, Default: value(r.Params[k]), Value: value(params[k])})
	}
	return out
}

// value prints a parameter as configuration files write it.
func value(v any) string {
	switch t := v.(type) {
	case nil:
		return ""
	case string:
		return fmt.Sprintf("%q", t)
	case []any:
		parts := make([]string, len(t))
		for i, x := range t {
			parts[i] = value(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + ": " + value(t[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprint(v)
}
