package policy_test

import (
	"encoding/json"
	"io/fs"
	"path"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"

	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/policy"
	"github.com/credcheck/credcheck/policies"
)

// sourceRule is what a rule file under policies/credcheck/rules says about
// itself, read here independently of the engine: the directory gives the
// category and ID, the METADATA comment block is parsed as plain YAML.
type sourceRule struct {
	id, category, file string
	packageLine        int
	meta               struct {
		Title            string `yaml:"title"`
		Description      string `yaml:"description"`
		RelatedResources []struct {
			Ref         string `yaml:"ref"`
			Description string `yaml:"description"`
		} `yaml:"related_resources"`
		Custom struct {
			Category string         `yaml:"category"`
			Severity string         `yaml:"severity"`
			Weight   float64        `yaml:"weight"`
			Why      string         `yaml:"why"`
			Params   map[string]any `yaml:"params"`
			Examples struct {
				Fires string `yaml:"fires"`
				Quiet string `yaml:"quiet"`
			} `yaml:"examples"`
		} `yaml:"custom"`
	}
}

// readSourceRules walks the embedded policy tree for rule files.
func readSourceRules(t *testing.T) []sourceRule {
	t.Helper()
	var out []sourceRule
	err := fs.WalkDir(policies.FS, "credcheck/rules", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
			return nil
		}
		parts := strings.Split(p, "/") // credcheck/rules/<category>/<id>/<file>
		if len(parts) != 5 {
			t.Errorf("rule file %s is not at credcheck/rules/<category>/<id>/<file>.rego", p)
			return nil
		}
		data, err := fs.ReadFile(policies.FS, p)
		if err != nil {
			return err
		}
		r := sourceRule{category: parts[2], id: parts[3], file: p}
		var block []string
		in := false
		for i, line := range strings.Split(string(data), "\n") {
			switch {
			case line == "# METADATA":
				in, block = true, nil
			case strings.HasPrefix(line, "package "):
				r.packageLine = i + 1
				in = false
			case in && strings.HasPrefix(line, "#"):
				block = append(block, strings.TrimPrefix(strings.TrimPrefix(line, "#"), " "))
			default:
				in = false
			}
			if r.packageLine > 0 {
				break
			}
		}
		if err := yaml.Unmarshal([]byte(strings.Join(block, "\n")), &r.meta); err != nil {
			t.Errorf("%s: METADATA is not YAML: %v", p, err)
		}
		out = append(out, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 10 {
		t.Fatalf("found only %d rule files under credcheck/rules; the walk is broken", len(out))
	}
	return out
}

// normalise makes parameter values comparable whatever number types the
// YAML and Rego parsers chose.
func normalise(t *testing.T, v any) any {
	t.Helper()
	if v == nil {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if m, ok := out.(map[string]any); ok && len(m) == 0 {
		return nil
	}
	return out
}

func TestLoadBuiltInCatalogMatchesRuleFiles(t *testing.T) {
	set := loadBuiltIn(t, policy.Options{})
	sources := readSourceRules(t)

	var wantIDs, gotIDs []string
	for _, s := range sources {
		wantIDs = append(wantIDs, s.category+"/"+s.id)
	}
	for _, r := range set.Rules {
		gotIDs = append(gotIDs, r.Category+"/"+r.ID)
	}
	sort.Strings(wantIDs)
	sortedGot := append([]string(nil), gotIDs...)
	sort.Strings(sortedGot)
	if diff := cmp.Diff(wantIDs, sortedGot); diff != "" {
		t.Fatalf("catalog rules differ from the rule directories (-files +catalog):\n%s", diff)
	}

	type view struct {
		ID, Category, Title, Description, Why string
		Severity                              finding.Severity
		Weight                                float64
		Params                                any
		References                            []policy.Reference
		Fires, Quiet, Source, File            string
		Line                                  int
		Enabled                               bool
	}
	for _, s := range sources {
		t.Run(s.id, func(t *testing.T) {
			r := set.Rule(s.id)
			if r == nil {
				t.Fatalf("Rule(%q) = nil", s.id)
			}
			want := view{
				ID: s.id, Category: s.category, Title: s.meta.Title,
				Description: strings.TrimSpace(s.meta.Description), Why: s.meta.Custom.Why,
				Severity: finding.Severity(s.meta.Custom.Severity), Weight: s.meta.Custom.Weight,
				Params: normalise(t, s.meta.Custom.Params),
				Fires:  s.meta.Custom.Examples.Fires, Quiet: s.meta.Custom.Examples.Quiet,
				Source: policy.BuiltIn, File: policy.BuiltInPrefix + s.file, Line: s.packageLine, Enabled: true,
			}
			for _, rr := range s.meta.RelatedResources {
				want.References = append(want.References, policy.Reference{URL: rr.Ref, Description: rr.Description})
			}
			got := view{
				ID: r.ID, Category: r.Category, Title: r.Title, Description: r.Description, Why: r.Why,
				Severity: r.Severity, Weight: r.Weight, Params: normalise(t, r.Params), References: r.References,
				Fires: r.Fires, Quiet: r.Quiet, Source: r.Source, File: r.File, Line: r.Line, Enabled: r.Enabled,
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("catalog entry differs from %s METADATA (-file +catalog):\n%s", s.file, diff)
			}
			if s.meta.Custom.Category != s.category {
				t.Errorf("%s: METADATA category %q, directory %q", s.file, s.meta.Custom.Category, s.category)
			}
		})
	}
}

func TestBuiltInRulesDocumentWhyAndExamples(t *testing.T) {
	set := loadBuiltIn(t, policy.Options{})
	for _, r := range set.Rules {
		for field, v := range map[string]string{"why": r.Why, "examples.fires": r.Fires, "examples.quiet": r.Quiet, "title": r.Title, "description": r.Description} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("rule %s (%s) has an empty %s", r.ID, r.File, field)
			}
		}
		// Weight 0 is for notes that only inform (severity info).
		if r.Weight < 0 || (r.Weight == 0 && r.Severity != "info") {
			t.Errorf("rule %s has weight %g; a built-in rule should cost points unless it is a note", r.ID, r.Weight)
		}
		for _, ref := range r.References {
			if !strings.HasPrefix(ref.URL, "https://") || ref.Description == "" {
				t.Errorf("rule %s has reference %+v; want an https URL with a description", r.ID, ref)
			}
		}
	}
}

func TestLoadBuiltInSpotCheckVagueSource(t *testing.T) {
	set := loadBuiltIn(t, policy.Options{})
	r := set.Rule("vague-source")
	if r == nil {
		t.Fatal(`Rule("vague-source") = nil`)
	}
	got := struct {
		Category string
		Severity finding.Severity
		Weight   float64
		Params   any
		URLs     []string
	}{r.Category, r.Severity, r.Weight, normalise(t, r.Params), nil}
	for _, ref := range r.References {
		got.URLs = append(got.URLs, ref.URL)
	}
	want := struct {
		Category string
		Severity finding.Severity
		Weight   float64
		Params   any
		URLs     []string
	}{"attribution", finding.Warning, 3, map[string]any{"resolve_within": float64(2)}, []string{
		"https://blog.ap.org/behind-the-news/when-is-it-ok-to-use-anonymous-sources",
		"https://en.wikipedia.org/wiki/Wikipedia:Manual_of_Style/Words_to_watch#Unsupported_attributions",
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("vague-source catalog entry (-want +got):\n%s", diff)
	}
	if set.Rule("no-such-rule") != nil {
		t.Error(`Rule("no-such-rule") != nil`)
	}
}

func TestLoadSortsRulesByCategoryOrderThenID(t *testing.T) {
	set := loadBuiltIn(t, policy.Options{})
	order := map[string]int{}
	for i, c := range finding.Categories {
		order[c] = i
	}
	for i := 1; i < len(set.Rules); i++ {
		a, b := set.Rules[i-1], set.Rules[i]
		if order[a.Category] > order[b.Category] || a.Category == b.Category && a.ID >= b.ID {
			t.Errorf("rules out of order: %s/%s before %s/%s", a.Category, a.ID, b.Category, b.ID)
		}
	}
	if len(set.Notices) != 0 {
		t.Errorf("built-in load has notices %q, want none", set.Notices)
	}
}

func TestLoadWritesConfigIntoData(t *testing.T) {
	set := loadBuiltIn(t, policy.Options{
		Disabled: []string{"stock-opener"},
		Params:   map[string]map[string]any{"vague-source": {"resolve_within": 4}},
	})
	cfg, _ := set.Data["credcheck"].(map[string]any)["config"].(map[string]any)
	got := normalise(t, cfg)
	params := got.(map[string]any)["params"].(map[string]any)
	if diff := cmp.Diff(map[string]any{"stock-opener": true}, got.(map[string]any)["disabled"]); diff != "" {
		t.Errorf("data.credcheck.config.disabled (-want +got):\n%s", diff)
	}
	// Every rule with parameters has its merged parameters there: the
	// override for vague-source, defaults for the others.
	if diff := cmp.Diff(map[string]any{"resolve_within": float64(4)}, params["vague-source"]); diff != "" {
		t.Errorf("config.params[vague-source] (-want +got):\n%s", diff)
	}
	for _, r := range set.Rules {
		if len(r.Params) == 0 {
			if _, ok := params[r.ID]; ok {
				t.Errorf("config.params has an entry for %s, which has no parameters", r.ID)
			}
			continue
		}
		if r.ID == "vague-source" {
			continue
		}
		if diff := cmp.Diff(normalise(t, r.Params), params[r.ID]); diff != "" {
			t.Errorf("config.params[%s] is not its defaults (-defaults +config):\n%s", r.ID, diff)
		}
	}
	if set.Rule("stock-opener").Enabled {
		t.Error("stock-opener is disabled by configuration but Rule.Enabled is true")
	}
	if !set.Rule("vague-source").Enabled {
		t.Error("vague-source is not disabled but Rule.Enabled is false")
	}
}

func TestLoadWithTestsKeepsPolicyTestModules(t *testing.T) {
	t.Parallel()
	without := loadBuiltIn(t, policy.Options{})
	with := loadBuiltIn(t, policy.Options{Tests: true})
	count := func(s *policy.Set) (n int) {
		for name := range s.Modules {
			if strings.HasSuffix(name, "_test.rego") {
				n++
			}
		}
		return n
	}
	if n := count(without); n != 0 {
		t.Errorf("Load without Tests has %d _test.rego modules, want 0", n)
	}
	if n := count(with); n < len(with.Rules) {
		t.Errorf("Load with Tests has %d _test.rego modules, want at least one per rule (%d)", n, len(with.Rules))
	}
	// Test packages are not rules.
	if diff := cmp.Diff(ruleIDs(without), ruleIDs(with)); diff != "" {
		t.Errorf("Tests changes the catalog (-without +with):\n%s", diff)
	}
	for name := range with.Modules {
		if !strings.HasPrefix(name, policy.BuiltInPrefix) {
			t.Errorf("module %q lacks the %q prefix", name, policy.BuiltInPrefix)
		}
		if path.Ext(name) != ".rego" {
			t.Errorf("module %q is not a .rego file", name)
		}
	}
}

func ruleIDs(s *policy.Set) []string {
	var out []string
	for _, r := range s.Rules {
		out = append(out, r.ID)
	}
	return out
}
