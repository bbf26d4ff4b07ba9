package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/policy"
)

// RuleFormats are the formats WriteRules knows.
var RuleFormats = []string{"text", "json", "markdown"}

// WriteRules lists the rules of a policy set: a table for people, JSON for
// programs, or the Markdown catalog kept in docs/rules.md.
func WriteRules(w io.Writer, format string, rules []*policy.Rule) error {
	switch format {
	case "text":
		return rulesText(w, rules)
	case "json":
		return rulesJSON(w, rules)
	case "markdown":
		return rulesMarkdown(w, rules)
	}
	return fmt.Errorf("unknown format %q (formats: %s)", format, strings.Join(RuleFormats, ", "))
}

// splitStory parts article rules from story rules, each in the order
// given.
func splitStory(rules []*policy.Rule) (articles, stories []*policy.Rule) {
	for _, r := range rules {
		if r.Story {
			stories = append(stories, r)
		} else {
			articles = append(articles, r)
		}
	}
	return articles, stories
}

// rulesText writes a table of the article rules, then one of the story
// rules, which have no weight: story findings are not scored.
func rulesText(w io.Writer, rules []*policy.Rule) error {
	out := bufio.NewWriter(w)
	articles, stories := splitStory(rules)
	if len(articles) > 0 || len(stories) == 0 {
		fmt.Fprintf(out, "%-26s %-14s %-8s %6s  %-8s %s\n", "RULE", "CATEGORY", "SEVERITY", "WEIGHT", "STATE", "SOURCE")
	}
	for _, r := range articles {
		fmt.Fprintf(out, "%-26s %-14s %-8s %6g  %-8s %s\n", r.ID, r.Category, r.Severity, r.Weight, state(r), r.Source)
	}
	if len(stories) > 0 {
		if len(articles) > 0 {
			fmt.Fprintln(out)
		}
		fmt.Fprintf(out, "%-26s %-14s %-8s %6s  %-8s %s\n", "STORY RULE", "CATEGORY", "SEVERITY", "", "STATE", "SOURCE")
		for _, r := range stories {
			fmt.Fprintf(out, "%-26s %-14s %-8s %6s  %-8s %s\n", r.ID, r.Category, r.Severity, "", state(r), r.Source)
		}
	}
	return out.Flush()
}

func state(r *policy.Rule) string {
	if r.Enabled {
		return "enabled"
	}
	return "disabled"
}

type jsonRule struct {
	ID       string `json:"id"`
	Category string `json:"category"`
	// Scope is "article" for a rule that judges one article, "story" for
	// one that judges several read together (docs/story.md).
	Scope       string          `json:"scope" jsonschema:"enum=article,enum=story"`
	Title       string          `json:"title"`
	Description string          `json:"description"`
	Why         string          `json:"why"`
	Severity    string          `json:"severity"`
	Weight      float64         `json:"weight"`
	Enabled     bool            `json:"enabled"`
	Source      string          `json:"source"`
	File        string          `json:"file"`
	Params      map[string]any  `json:"params"`
	References  []jsonReference `json:"references"`
	Examples    jsonExamples    `json:"examples"`
}

type jsonReference struct {
	URL         string `json:"url"`
	Description string `json:"description"`
}

type jsonExamples struct {
	Fires string `json:"fires"`
	Quiet string `json:"quiet"`
}

func ruleJSON(r *policy.Rule) jsonRule {
	jr := jsonRule{
		ID: r.ID, Category: r.Category, Scope: "article", Title: r.Title, Description: r.Description, Why: r.Why,
		Severity: string(r.Severity), Weight: r.Weight, Enabled: r.Enabled, Source: r.Source, File: r.File,
		Params: r.Params, References: []jsonReference{}, Examples: jsonExamples{Fires: r.Fires, Quiet: r.Quiet},
	}
	if r.Story {
		jr.Scope = "story"
	}
	if jr.Params == nil {
		jr.Params = map[string]any{}
	}
	for _, ref := range r.References {
		jr.References = append(jr.References, jsonReference{URL: ref.URL, Description: ref.Description})
	}
	return jr
}

func rulesJSON(w io.Writer, rules []*policy.Rule) error {
	out := make([]jsonRule, 0, len(rules))
	for _, r := range rules {
		out = append(out, ruleJSON(r))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func rulesMarkdown(w io.Writer, rules []*policy.Rule) error {
	out := bufio.NewWriter(w)
	fmt.Fprintln(out, "# Rules")
	fmt.Fprintln(out)
	fmt.Fprintln(out, "The built-in catalog, generated from each rule's METADATA with")
	fmt.Fprintln(out, "`credcheck rules --format markdown`. The weight is the one in force: fitted")
	fmt.Fprintln(out, "on labelled news (policies/credcheck/data.yaml, see [scoring](scoring.md)),")
	fmt.Fprintln(out, "else the METADATA's; weight 0 informs without scoring.")
	fmt.Fprintln(out, "[Configuration](configuration.md) can change weights and severities and")
	fmt.Fprintln(out, "switch rules off.")
	fmt.Fprintln(out)
	fmt.Fprintln(out, "The page rules (no-byline, no-date, opinion-unlabelled,")
	fmt.Fprintln(out, "sponsored-unlabelled, byline-mismatch, outlet-unlinked, primary-link) read what the page")
	fmt.Fprintln(out, "an article was published on shows, [`input.page`](input.md#page): they fire")
	fmt.Fprintln(out, "on a web page, or on an article whose front matter or record carries a")
	fmt.Fprintln(out, "`page` block, and never on text that cannot tell. The labelled news the")
	fmt.Fprintln(out, "weights were fitted on has no pages, so their weights are their METADATA's,")
	fmt.Fprintln(out, "written into the scoring data with the fitted ones.")
	articles, stories := splitStory(rules)
	for _, cat := range finding.Categories {
		var in []*policy.Rule
		for _, r := range articles {
			if r.Category == cat {
				in = append(in, r)
			}
		}
		if len(in) == 0 {
			continue
		}
		fmt.Fprintf(out, "\n## %s\n", cat)
		for _, r := range in {
			mdRule(out, r, fmt.Sprintf("**%s** · %s · weight %g\n\n", r.Title, r.Severity, r.Weight))
		}
	}
	if len(stories) > 0 {
		fmt.Fprintln(out, "\n## Story rules")
		fmt.Fprintln(out)
		fmt.Fprintln(out, "Story rules judge several articles about one event read together")
		fmt.Fprintln(out, "(`credcheck story`, `credcheck check --story`; see [story mode](story.md)).")
		fmt.Fprintln(out, "Their findings are not scored, so they have no weight; configuration can")
		fmt.Fprintln(out, "change their severities and parameters and switch them off.")
		for _, r := range stories {
			mdRule(out, r, fmt.Sprintf("**%s** · %s · %s\n\n", r.Title, r.Category, r.Severity))
		}
	}
	return out.Flush()
}

// mdRule writes one rule's section under the line that heads it.
func mdRule(out *bufio.Writer, r *policy.Rule, head string) {
	fmt.Fprintf(out, "\n### %s\n\n", r.ID)
	fmt.Fprint(out, head)
	fmt.Fprintln(out, r.Description)
	if r.Why != "" {
		fmt.Fprintf(out, "\nWhy it matters: %s\n", r.Why)
	}
	if r.Fires != "" || r.Quiet != "" {
		fmt.Fprintln(out)
		if r.Fires != "" {
			fmt.Fprintf(out, "- Fires: %s\n", r.Fires)
		}
		if r.Quiet != "" {
			fmt.Fprintf(out, "- Quiet: %s\n", r.Quiet)
		}
	}
	if len(r.Params) > 0 {
		fmt.Fprintln(out, "\nParameters (`rules."+r.ID+".params`):")
		fmt.Fprintln(out)
		keys := make([]string, 0, len(r.Params))
		for k := range r.Params {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v, _ := json.Marshal(r.Params[k])
			fmt.Fprintf(out, "- `%s`: `%s`\n", k, v)
		}
	}
	if len(r.References) > 0 {
		fmt.Fprintln(out, "\nReferences:")
		fmt.Fprintln(out)
		for _, ref := range r.References {
			desc := ref.Description
			if desc == "" {
				desc = ref.URL
			}
			fmt.Fprintf(out, "- [%s](%s)\n", desc, ref.URL)
		}
	}
}
