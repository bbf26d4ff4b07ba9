package policy_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/policy"
)

// declaring is the METADATA of a user rule that declares custom.input.
func declaring(input string) []string {
	m := ruleMeta("hedge", "warning", "1")
	return slices.Insert(m, 5, "  input: "+input)
}

// quoteRule reads the quotes, through a helper of its own.
const quoteRule = `report contains {"sentence": q.sentence, "message": "a quote"} if {
	some q in quotes
}

quotes := input.quotes
`

func TestInputDeclarations(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	all := loadBuiltIn(t, policy.Options{})
	// Every built-in rule declares what it reads: the version and the
	// language are read by none, and the names only by story mode.
	want := []string{"article", "attributions", "endings", "entities", "headline", "matches", "numbers",
		"page", "paragraphs", "quotes", "repeats", "sentences", "stats"}
	if diff := cmp.Diff(want, all.InputParts()); diff != "" {
		t.Errorf("parts read by the built-in catalog (-want +got):\n%s", diff)
	}
	// Rules switched off take their parts with them; the engine still
	// reads the repeats.
	var off []string
	for _, r := range all.Rules {
		if r.ID != "exclamation" {
			off = append(off, r.ID)
		}
	}
	one := loadBuiltIn(t, policy.Options{Disabled: off})
	if diff := cmp.Diff([]string{"endings", "repeats", "sentences"}, one.InputParts()); diff != "" {
		t.Errorf("parts read by exclamation alone (-want +got):\n%s", diff)
	}

	// A user rule that declares nothing gets the whole input.
	user := loadBuiltIn(t, policy.Options{Dirs: []string{writeTree(t, map[string]string{
		"q.rego": regoModule(ruleMeta("hedge", "warning", "1"), `credcheck.rules.hedge["quotes"]`, quoteRule)})}})
	if user.InputParts() != nil {
		t.Errorf("with a rule that declares nothing, parts = %v, want all (nil)", user.InputParts())
	}
	declared := loadBuiltIn(t, policy.Options{Dirs: []string{writeTree(t, map[string]string{
		"q.rego": regoModule(declaring("[quotes]"), `credcheck.rules.hedge["quotes"]`, quoteRule)})}})
	if !slices.Contains(declared.InputParts(), "quotes") || declared.InputParts() == nil {
		t.Errorf("parts = %v, want the catalog's and quotes", declared.InputParts())
	}

	// The findings on the parts the rules read are those on the whole input.
	for _, a := range articles {
		doc := buildDoc(t, all, a)
		full, err := all.Evaluate(ctx, doc.Value())
		if err != nil {
			t.Fatal(err)
		}
		part, err := all.Evaluate(ctx, doc.ValueOf(all.InputParts()))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(full, part); diff != "" {
			t.Errorf("%s: hits on the declared parts differ from hits on the whole input (-whole +parts):\n%s", a.name, diff)
		}
	}
}

func TestInputDeclarationErrors(t *testing.T) {
	cases := []struct{ name, input, want string }{
		{"a part left out", "[sentences]", "rule quotes reads quotes, which METADATA custom.input leaves out (custom.input: [sentences])"},
		{"no such part", "[sentences, quotes, tweets]", "rule quotes: METADATA custom.input: tweets is not a part of the input"},
		{"not a list", "quotes", "rule quotes: METADATA custom.input must be a list of input parts"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := writeTree(t, map[string]string{"q.rego": regoModule(declaring(c.input), `credcheck.rules.hedge["quotes"]`, quoteRule)})
			_, err := policy.Load(context.Background(), policy.Options{Dirs: []string{dir}})
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "q.rego:") {
				t.Errorf("Load: %v\nwant q.rego: … %s", err, c.want)
			}
		})
	}
}
