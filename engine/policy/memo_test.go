package policy_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/policy"
)

// TestBuiltInSetIsSharedPerOptions checks that loading the built-in
// policies again with the same options hands back the set already
// compiled, concurrently too, while other options (here a rule switched
// off) get their own set and leave the shared one as it was.
func TestBuiltInSetIsSharedPerOptions(t *testing.T) {
	ctx := context.Background()
	opts := func() policy.Options {
		return policy.Options{Params: map[string]map[string]any{"hearsay-hedge": {}}, AllowBuiltins: []string{"time.now_ns"}}
	}
	sets := make([]*policy.Set, 4)
	var wg sync.WaitGroup
	for i := range sets {
		wg.Go(func() {
			set, err := policy.Load(ctx, opts())
			if err != nil {
				t.Error(err)
			}
			sets[i] = set
		})
	}
	wg.Wait()
	for _, s := range sets[1:] {
		if s != sets[0] {
			t.Fatal("the same built-in options compiled the policies more than once")
		}
	}

	off := opts()
	off.Disabled = []string{"hearsay-hedge"}
	disabled, err := policy.Load(ctx, off)
	if err != nil {
		t.Fatal(err)
	}
	if disabled == sets[0] {
		t.Fatal("a set with a rule switched off is the shared set of other options")
	}
	if disabled.Rule("hearsay-hedge").Enabled {
		t.Error("hearsay-hedge is enabled in the set that switches it off")
	}
	if !sets[0].Rule("hearsay-hedge").Enabled {
		t.Error("switching hearsay-hedge off in one set switched it off in the shared one")
	}
}

// TestUserPoliciesAreSharedByContent checks that a set read from a user
// directory and data file is shared only while their bytes are the same:
// a changed file is read and compiled again (watch and serve reload edited
// policies), a broken one is reported, and going back to the bytes of the
// last set finds it.
func TestUserPoliciesAreSharedByContent(t *testing.T) {
	// Not parallel: other tests' loads would push these sets out of the
	// memo, which keeps two.
	ctx := context.Background()
	dir := writeTree(t, map[string]string{sourcesSayFile: sourcesSayRule})
	data := filepath.Join(t.TempDir(), "house.yaml")
	writeFile := func(path, text string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(data, "params:\n  sources-say: {label: sources}\n")
	opts := func() policy.Options { return policy.Options{Dirs: []string{dir}, DataFiles: []string{data}} }
	load := func() *policy.Set {
		t.Helper()
		set, err := policy.Load(ctx, opts())
		if err != nil {
			t.Fatal(err)
		}
		return set
	}
	first := load()
	if again := load(); again != first {
		t.Error("the same files were compiled again")
	}
	edited := strings.Replace(sourcesSayRule, "hides who is speaking", "names no one", 1)
	if edited == sourcesSayRule {
		t.Fatal("the rule has no message to edit")
	}
	writeFile(filepath.Join(dir, sourcesSayFile), edited)
	second := load()
	if second == first {
		t.Fatal("an edited rule was not compiled again")
	}
	writeFile(data, "params:\n  sources-say: {label: unnamed}\n")
	third := load()
	if third == second || third == first {
		t.Error("an edited data file was not read again")
	}
	if third.Compiler != second.Compiler {
		t.Error("an edited data file compiled the same policies again")
	}
	writeFile(filepath.Join(dir, sourcesSayFile), "package broken\n\nx :=\n")
	if _, err := policy.Load(ctx, opts()); err == nil {
		t.Error("a broken rule loaded")
	}
	writeFile(filepath.Join(dir, sourcesSayFile), edited)
	if fourth := load(); fourth != third {
		t.Error("the files of the third load, back again, were compiled again")
	}
}

// TestLexiconMatchersAreSharedForTheSameData checks that loads with user
// policies reuse the lexicon matchers an earlier load built from the same
// lexicon data, and build new ones when the data differs. (The first
// build of a process is not kept, so the test loads once beforehand.)
func TestLexiconMatchersAreSharedForTheSameData(t *testing.T) {
	rules := writeTree(t, map[string]string{sourcesSayFile: sourcesSayRule})
	loadBuiltIn(t, policy.Options{Dirs: []string{rules}})
	first := loadBuiltIn(t, policy.Options{Dirs: []string{rules}})
	again := loadBuiltIn(t, policy.Options{Dirs: []string{rules}})
	if first.Lexicons != again.Lexicons {
		t.Error("two loads of the same lexicon data built the matchers twice")
	}
	edit := writeTree(t, map[string]string{
		"credcheck/lexicons/hearsay_hedges/data.yaml": "add:\n  hearsay: [word on the street is]\n",
	})
	edited := loadBuiltIn(t, policy.Options{Dirs: []string{rules, edit}})
	if edited.Lexicons == first.Lexicons {
		t.Fatal("an edited lexicon got the matchers of the unedited one")
	}
	if got := hearsayCues(t, edited); !slices.Contains(got, "Word on the street is") {
		t.Errorf("edited hearsay cues = %q", got)
	}
}

// TestLoadsDifferingOnlyInDataShareACompiler: data files, parameters and
// switched-off rules reach the policies through the store and the query,
// never the compiler, so loads that differ only in them share one compiled
// module set, and each still reads its own data. Other modules, policy
// tests or other allowed built-ins compile afresh. Not parallel: other
// tests' loads would push the compiler out of the memo, which keeps four.
func TestLoadsDifferingOnlyInDataShareACompiler(t *testing.T) {
	tolerance := func(v float64) map[string]map[string]any {
		return map[string]map[string]any{"number-mismatch": {"tolerance": v}}
	}
	// The first compile of a process is not kept.
	loadBuiltIn(t, policy.Options{Params: tolerance(0.21)})
	dir := writeTree(t, map[string]string{
		"street.yaml": "lexicons:\n  hearsay_hedges:\n    add: {hearsay: [word on the street is]}\n",
		"quiet.yaml":  "lexicons:\n  hearsay_hedges:\n    remove: [apparently]\n",
	})
	plain := loadBuiltIn(t, policy.Options{Params: tolerance(0.22)})
	street := loadBuiltIn(t, policy.Options{DataFiles: []string{filepath.Join(dir, "street.yaml")}})
	quiet := loadBuiltIn(t, policy.Options{DataFiles: []string{filepath.Join(dir, "quiet.yaml")}, Disabled: []string{"loaded-language"}})
	if street.Compiler != plain.Compiler || quiet.Compiler != plain.Compiler {
		t.Error("loads that differ only in data compiled the same modules again")
	}
	for name, c := range map[string]struct {
		set  *policy.Set
		want []string
	}{
		"plain":  {plain, []string{"apparently"}},
		"street": {street, []string{"apparently", "Word on the street is"}},
		"quiet":  {quiet, nil},
	} {
		if got := hearsayCues(t, c.set); !cmp.Equal(got, c.want) {
			t.Errorf("%s: hearsay cues %q, want %q", name, got, c.want)
		}
	}
	if quiet.Rule("loaded-language").Enabled || !plain.Rule("loaded-language").Enabled {
		t.Error("switching a rule off in one load reached another")
	}

	rules := writeTree(t, map[string]string{sourcesSayFile: sourcesSayRule})
	for name, opts := range map[string]policy.Options{
		"a user rule": {Dirs: []string{rules}, Params: tolerance(0.22)},
		// The same modules, but a user directory turns every check on.
		"an empty policy directory": {Dirs: []string{t.TempDir()}, Params: tolerance(0.22)},
		"policy tests":              {Tests: true, Params: tolerance(0.22)},
		"an allowed builtin":        {AllowBuiltins: []string{"http.send"}, Params: tolerance(0.22)},
	} {
		if loadBuiltIn(t, opts).Compiler == plain.Compiler {
			t.Errorf("%s: compiled with the built-in modules alone", name)
		}
	}
}
