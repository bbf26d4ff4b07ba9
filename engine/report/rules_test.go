package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/policy"
	"github.com/credcheck/credcheck/engine/report"
)

func sampleRules() []*policy.Rule {
	return []*policy.Rule{
		{
			ID: "vague-source", Category: "attribution", Title: "Vague or anonymous source",
			Description: "The claim rests on people the reader cannot weigh.", Why: "Name them.",
			Severity: finding.Warning, Weight: 3, Params: map[string]any{"resolve_within": 2, "crowd": []any{"experts", "critics"}},
			References: []policy.Reference{{URL: "https://example.org/ap", Description: "AP on anonymous sources"}, {URL: "https://example.org/bare"}},
			Fires:      "The talks have stalled, people familiar with the matter said.", Quiet: "The talks have stalled, the minister said.",
			Source: policy.BuiltIn, File: "built-in:credcheck/rules/attribution/vague-source/vague_source.rego", Line: 23, Enabled: true,
		},
		{
			ID: "sources-say", Category: "hedge", Title: "Sources say", Description: "Unnamed sources.",
			Severity: finding.Info, Weight: 1.5, Source: "/srv/house", File: "/srv/house/sources_say.rego", Line: 18, Enabled: false,
		},
		{
			ID: "story-one-upstream", Category: "attribution", Title: "One upstream report", Description: "Every article credits one report.",
			Severity: finding.Warning, Weight: 2, Source: policy.BuiltIn, File: "built-in:story_rules/one.rego", Line: 9, Enabled: true, Story: true,
		},
	}
}

func writeRules(t *testing.T, format string, rules []*policy.Rule) string {
	t.Helper()
	var buf bytes.Buffer
	if err := report.WriteRules(&buf, format, rules); err != nil {
		t.Fatalf("WriteRules(%s): %v", format, err)
	}
	return buf.String()
}

func TestWriteRulesText(t *testing.T) {
	want := "" +
		"RULE                       CATEGORY       SEVERITY WEIGHT  STATE    SOURCE\n" +
		"vague-source               attribution    warning       3  enabled  built-in\n" +
		"sources-say                hedge          info        1.5  disabled /srv/house\n" +
		"\n" +
		"STORY RULE                 CATEGORY       SEVERITY         STATE    SOURCE\n" +
		"story-one-upstream         attribution    warning          enabled  built-in\n"
	if diff := cmp.Diff(want, writeRules(t, "text", sampleRules())); diff != "" {
		t.Errorf("rules text (-want +got):\n%s", diff)
	}
}

func TestWriteRulesJSON(t *testing.T) {
	out := writeRules(t, "json", sampleRules())
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("rules JSON does not parse: %v\n%s", err, out)
	}
	want := []map[string]any{
		{
			"id": "vague-source", "category": "attribution", "scope": "article", "title": "Vague or anonymous source",
			"description": "The claim rests on people the reader cannot weigh.", "why": "Name them.",
			"severity": "warning", "weight": float64(3), "enabled": true, "source": "built-in",
			"file":   "built-in:credcheck/rules/attribution/vague-source/vague_source.rego",
			"params": map[string]any{"resolve_within": float64(2), "crowd": []any{"experts", "critics"}},
			"references": []any{
				map[string]any{"url": "https://example.org/ap", "description": "AP on anonymous sources"},
				map[string]any{"url": "https://example.org/bare", "description": ""},
			},
			"examples": map[string]any{"fires": "The talks have stalled, people familiar with the matter said.", "quiet": "The talks have stalled, the minister said."},
		},
		{
			"id": "sources-say", "category": "hedge", "scope": "article", "title": "Sources say", "description": "Unnamed sources.", "why": "",
			"severity": "info", "weight": 1.5, "enabled": false, "source": "/srv/house", "file": "/srv/house/sources_say.rego",
			"params": map[string]any{}, "references": []any{}, "examples": map[string]any{"fires": "", "quiet": ""},
		},
		{
			"id": "story-one-upstream", "category": "attribution", "scope": "story", "title": "One upstream report", "description": "Every article credits one report.", "why": "",
			"severity": "warning", "weight": float64(2), "enabled": true, "source": "built-in", "file": "built-in:story_rules/one.rego",
			"params": map[string]any{}, "references": []any{}, "examples": map[string]any{"fires": "", "quiet": ""},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rules JSON (-want +got):\n%s", diff)
	}
	keys := objectKeys(t, []byte(out))["[]"]
	wantKeys := []string{"id", "category", "scope", "title", "description", "why", "severity", "weight", "enabled", "source", "file", "params", "references", "examples"}
	for _, k := range keys {
		if diff := cmp.Diff(wantKeys, k); diff != "" {
			t.Errorf("rule keys (-want +got):\n%s", diff)
		}
	}
	if writeRules(t, "json", nil) != "[]\n" {
		t.Errorf("no rules in JSON = %q, want []", writeRules(t, "json", nil))
	}
}

func TestWriteRulesMarkdown(t *testing.T) {
	want := "# Rules\n" +
		"\n" +
		"The built-in catalog, generated from each rule's METADATA with\n" +
		"`credcheck rules --format markdown`. The weight is the one in force: fitted\n" +
		"on labelled news (policies/credcheck/data.yaml, see [scoring](scoring.md)),\n" +
		"else the METADATA's; weight 0 informs without scoring.\n" +
		"[Configuration](configuration.md) can change weights and severities and\n" +
		"switch rules off.\n" +
		"\n" +
		"The page rules (no-byline, no-date, opinion-unlabelled,\n" +
		"sponsored-unlabelled, byline-mismatch, outlet-unlinked, primary-link) read what the page\n" +
		"an article was published on shows, [`input.page`](input.md#page): they fire\n" +
		"on a web page, or on an article whose front matter or record carries a\n" +
		"`page` block, and never on text that cannot tell. The labelled news the\n" +
		"weights were fitted on has no pages, so their weights are their METADATA's,\n" +
		"written into the scoring data with the fitted ones.\n" +
		"\n## attribution\n" +
		"\n### vague-source\n\n" +
		"**Vague or anonymous source** · warning · weight 3\n\n" +
		"The claim rests on people the reader cannot weigh.\n" +
		"\nWhy it matters: Name them.\n" +
		"\n- Fires: The talks have stalled, people familiar with the matter said.\n" +
		"- Quiet: The talks have stalled, the minister said.\n" +
		"\nParameters (`rules.vague-source.params`):\n\n" +
		"- `crowd`: `[\"experts\",\"critics\"]`\n" +
		"- `resolve_within`: `2`\n" +
		"\nReferences:\n\n" +
		"- [AP on anonymous sources](https://example.org/ap)\n" +
		"- [https://example.org/bare](https://example.org/bare)\n" +
		"\n## hedge\n" +
		"\n### sources-say\n\n" +
		"**Sources say** · info · weight 1.5\n\n" +
		"Unnamed sources.\n" +
		"\n## Story rules\n\n" +
		"Story rules judge several articles about one event read together\n" +
		"(`credcheck story`, `credcheck check --story`; see [story mode](story.md)).\n" +
		"Their findings are not scored, so they have no weight; configuration can\n" +
		"change their severities and parameters and switch them off.\n" +
		"\n### story-one-upstream\n\n" +
		"**One upstream report** · attribution · warning\n\n" +
		"Every article credits one report.\n"
	if diff := cmp.Diff(want, writeRules(t, "markdown", sampleRules())); diff != "" {
		t.Errorf("rules markdown (-want +got):\n%s", diff)
	}
}

func TestWriteRulesMarkdownCoversTheBuiltInCatalog(t *testing.T) {
	set, err := policy.Load(context.Background(), policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := writeRules(t, "markdown", set.Rules)
	used := map[string]bool{}
	for _, r := range set.Rules {
		used[r.Category] = true
	}
	for _, c := range finding.Categories {
		if used[c] && !strings.Contains(out, "\n## "+c+"\n") {
			t.Errorf("markdown lacks the %s section", c)
		}
	}
	last := -1
	for _, r := range set.Rules {
		i := strings.Index(out, "\n### "+r.ID+"\n")
		if i < 0 {
			t.Errorf("markdown lacks rule %s", r.ID)
			continue
		}
		if i < last {
			t.Errorf("rule %s is out of catalog order", r.ID)
		}
		last = i
	}
}

func TestWriteRulesUnknownFormat(t *testing.T) {
	var buf bytes.Buffer
	err := report.WriteRules(&buf, "yaml", sampleRules())
	if err == nil || err.Error() != `unknown format "yaml" (formats: text, json, markdown)` {
		t.Errorf("WriteRules(yaml) = %v", err)
	}
	if buf.Len() != 0 {
		t.Errorf("WriteRules with an unknown format wrote %q", buf.String())
	}
}
