package policy_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/policy"
)

const sourcesSayFile = "credcheck/rules/hedge/sources-say/sources_say.rego"

// sourcesSayRule is a user rule with its own lexicon: it reports every
// "sources say" outside quotes.
var sourcesSayRule = regoModule([]string{
	`title: '"Sources say" hedge'`,
	`description: |`,
	`  A claim credited to unnamed "sources" in the present tense.`,
	`related_resources:`,
	`  - ref: https://example.org/style/sources`,
	`    description: House style on sourcing`,
	`custom:`,
	`  category: hedge`,
	`  severity: info`,
	`  weight: 1.5`,
	`  why: Unnamed sources cannot be weighed.`,
	`  params:`,
	`    label: sources`,
	`  examples:`,
	`    fires: Sources say the merger is off.`,
	`    quiet: The chief executive said the merger is off.`,
}, `credcheck.rules.hedge["sources-say"]`, `
report contains finding if {
	some m in input.matches.source_claims
	m.quoted == false
	finding := {
		"sentence": m.sentence, "start": m.start, "end": m.end,
		"message": sprintf("%q hides who is speaking", [m.text]),
	}
}
`)

const sourceClaimsLexicon = `description: Present-tense claims credited to unnamed sources.
entries:
  - sources say
  - sources tell
`

var portArticle = testArticle{
	name:   "port.txt",
	format: article.Text,
	text: `Port Deal Stalls

Sources say the port deal is off. The harbour board said talks would resume in March.

"Sources say a lot of things," the harbour master said. Sources tell us the board will meet again.
`,
}

func TestUserRuleJoinsCatalogAndReportsFindings(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		sourcesSayFile: sourcesSayRule,
		"credcheck/lexicons/source_claims/data.yaml": sourceClaimsLexicon,
		"README.md": "not a policy file; must be ignored",
	})
	set := loadBuiltIn(t, policy.Options{Dirs: []string{dir}})

	r := set.Rule("sources-say")
	if r == nil {
		t.Fatalf("user rule sources-say is not in the catalog; rules: %v", ruleIDs(set))
	}
	want := policy.Rule{
		ID: "sources-say", Category: "hedge", Title: `"Sources say" hedge`,
		Description: `A claim credited to unnamed "sources" in the present tense.`,
		Why:         "Unnamed sources cannot be weighed.", Severity: finding.Info, Weight: 1.5,
		References: []policy.Reference{{URL: "https://example.org/style/sources", Description: "House style on sourcing"}},
		Params:     map[string]any{"label": "sources"},
		Fires:      "Sources say the merger is off.", Quiet: "The chief executive said the merger is off.",
		Source: dir, File: filepath.Join(dir, filepath.FromSlash(sourcesSayFile)), Line: 18, Enabled: true,
	}
	if diff := cmp.Diff(&want, r); diff != "" {
		t.Errorf("user rule catalog entry (-want +got):\n%s", diff)
	}
	// It sorts into its category, after the built-in hedge rule.
	ids := ruleIDs(set)
	if i := indexOf(ids, "sources-say"); i < 0 || ids[i-1] != "hearsay-hedge" {
		t.Errorf("rule order %v: want sources-say right after hearsay-hedge", ids)
	}
	if len(set.Notices) != 0 {
		t.Errorf("Notices = %q, want none for a new rule", set.Notices)
	}

	hits := hitsOf(evaluate(t, set, portArticle), "sources-say")
	first := strings.Index(portArticle.text, "Sources say the port")
	second := strings.Index(portArticle.text, "Sources tell us")
	wantHits := []policy.Hit{
		{Rule: "sources-say", Category: "hedge", Sentence: 1, Start: first, End: first + len("Sources say"), Message: `"Sources say" hides who is speaking`, Strength: 1},
		{Rule: "sources-say", Category: "hedge", Sentence: 4, Start: second, End: second + len("Sources tell"), Message: `"Sources tell" hides who is speaking`, Strength: 1},
	}
	if diff := cmp.Diff(wantHits, hits); diff != "" {
		t.Errorf("sources-say hits (-want +got):\n%s", diff)
	}
}

func TestUserRuleReplacingBuiltInGivesNotice(t *testing.T) {
	const file = "hedge/hearsay.rego"
	dir := writeTree(t, map[string]string{
		file: regoModule([]string{
			"title: House hearsay rule",
			"description: Every hedge, quoted or not.",
			"custom:",
			"  category: hedge",
			"  severity: error",
			"  weight: 7",
			"  why: House style.",
			"  examples:",
			"    fires: It is reportedly done.",
			"    quiet: It is done.",
		}, `credcheck.rules.hedge["hearsay-hedge"]`, `
report contains {"sentence": m.sentence, "start": m.start, "end": m.end, "message": "house hedge"} if {
	some m in input.matches.hearsay_hedges
}
`),
	})
	set := loadBuiltIn(t, policy.Options{Dirs: []string{dir}})
	path := filepath.Join(dir, file)
	if diff := cmp.Diff([]string{path + " replaces the built-in rule hearsay-hedge"}, set.Notices); diff != "" {
		t.Errorf("Notices (-want +got):\n%s", diff)
	}
	r := set.Rule("hearsay-hedge")
	if r.Source != dir || r.File != path || r.Title != "House hearsay rule" || r.Weight != 7 || r.Severity != finding.Error {
		t.Errorf("hearsay-hedge after replacement = %+v; want the user rule's METADATA", r)
	}
	for name := range set.Modules {
		if strings.Contains(name, "hearsay_hedge.rego") {
			t.Errorf("built-in module %s is still loaded after the user replaced its rule", name)
		}
	}
	if n := len(set.Rules); n != len(loadBuiltIn(t, policy.Options{}).Rules) {
		t.Errorf("replacing a rule changed the number of rules to %d", n)
	}

	// The tax-cut article has "Reportedly" in its headline and a quoted
	// "reportedly": the user's rule reports both, the built-in only the first.
	hits := hitsOf(evaluate(t, set, articles[2]), "hearsay-hedge")
	var got []string
	for _, h := range hits {
		got = append(got, articles[2].text[h.Start:h.End]+": "+h.Message)
	}
	want := []string{"Reportedly: house hedge", "reportedly: house hedge"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("hits of the replaced rule (-want +got):\n%s", diff)
	}
}

// TestUserLexiconExtendsBuiltIn checks that a user data.yaml for an existing
// lexicon merges key by key: a user file that replaces the entries of a
// built-in lexicon changes what the built-in rules see.
func TestUserLexiconOverridesBuiltInLexicon(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"credcheck/lexicons/hearsay_hedges/data.yaml": "description: Only one hedge.\ngroups:\n  hearsay:\n    - apparently\n",
	})
	set := loadBuiltIn(t, policy.Options{Dirs: []string{dir}})
	// The stadium article has "apparently"; the tax-cut article only
	// "reportedly", which the replaced lexicon no longer holds.
	if n := len(hitsOf(evaluate(t, set, articles[3]), "hearsay-hedge")); n != 1 {
		t.Errorf("stadium article: %d hearsay-hedge hits, want 1 (apparently)", n)
	}
	if n := len(hitsOf(evaluate(t, set, articles[2]), "hearsay-hedge")); n != 0 {
		t.Errorf("tax-cut article: %d hearsay-hedge hits, want 0 after the lexicon lost \"reportedly\"", n)
	}
}

func TestLoadSeveralUserDirsInOrder(t *testing.T) {
	first := writeTree(t, map[string]string{sourcesSayFile: sourcesSayRule, "credcheck/lexicons/source_claims/data.yaml": sourceClaimsLexicon})
	second := writeTree(t, map[string]string{
		"quiet.rego": regoModule(ruleMeta("editorial", "warning", "1"), `credcheck.rules.editorial["house-quiet"]`, quietBody),
	})
	set := loadBuiltIn(t, policy.Options{Dirs: []string{first, second}})
	if r := set.Rule("sources-say"); r == nil || r.Source != first {
		t.Errorf("sources-say = %+v, want it from %s", r, first)
	}
	if r := set.Rule("house-quiet"); r == nil || r.Source != second {
		t.Errorf("house-quiet = %+v, want it from %s", r, second)
	}
}

func indexOf(xs []string, x string) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

func TestUserRuleWithTestFileIgnoredUnlessTests(t *testing.T) {
	dir := writeTree(t, map[string]string{
		sourcesSayFile: sourcesSayRule,
		"credcheck/lexicons/source_claims/data.yaml": sourceClaimsLexicon,
		// A broken test file: loading it would fail.
		"credcheck/rules/hedge/sources-say/sources_say_test.rego": "package credcheck.rules.hedge[\"sources-say_test\"]\n\ntest_x if {\n",
	})
	if _, err := policy.Load(context.Background(), policy.Options{Dirs: []string{dir}}); err != nil {
		t.Errorf("Load without Tests read the _test.rego file: %v", err)
	}
	if _, err := policy.Load(context.Background(), policy.Options{Dirs: []string{dir}, Tests: true}); err == nil {
		t.Error("Load with Tests did not read the broken _test.rego file")
	}
}
