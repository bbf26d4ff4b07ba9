package lexicon

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
)

// builtinData reads every lexicon of the policy tree the way the policy data
// reaches FromData: each data.yaml decoded into a map and filed under its
// directory name.
func builtinData(t testing.TB) map[string]any {
	t.Helper()
	files, err := filepath.Glob("../../policies/credcheck/lexicons/*/data.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no lexicons found under policies/credcheck/lexicons")
	}
	data := map[string]any{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var v map[string]any
		if err := yaml.Unmarshal(raw, &v); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		data[filepath.Base(filepath.Dir(f))] = v
	}
	return data
}

func builtinSet(t testing.TB) *Set {
	t.Helper()
	set, err := FromData(builtinData(t))
	if err != nil {
		t.Fatalf("built-in lexicons do not load: %v", err)
	}
	return set
}

// mustSet builds a set from lexicons written inline, in YAML, as a policy
// data file would hold them.
func mustSet(t testing.TB, src string) *Set {
	t.Helper()
	set, err := FromData(yamlData(t, src))
	if err != nil {
		t.Fatalf("FromData: %v", err)
	}
	return set
}

func yamlData(t testing.TB, src string) map[string]any {
	t.Helper()
	var v map[string]any
	if err := yaml.Unmarshal([]byte(src), &v); err != nil {
		t.Fatalf("test YAML: %v", err)
	}
	return v
}

func TestFromDataLoadsEveryBuiltinLexicon(t *testing.T) {
	data := builtinData(t)
	set := builtinSet(t)
	var want []string
	for name := range data {
		want = append(want, name)
	}
	sort.Strings(want)
	var got []string
	for _, lex := range set.Lexicons {
		got = append(got, lex.Name)
		if len(lex.Entries) == 0 {
			t.Errorf("lexicon %s has no entries", lex.Name)
		}
		if lex.Description == "" {
			t.Errorf("lexicon %s has no description", lex.Name)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lexicon names (-want +got):\n%s", diff)
	}
	if lex := set.Lookup("news_outlets"); lex == nil || !lex.CaseSensitive || lex.Kind != Phrases {
		t.Errorf("news_outlets = %+v, want a case-sensitive phrase lexicon", lex)
	}
	if lex := set.Lookup("boilerplate_lines"); lex == nil || lex.Kind != Patterns {
		t.Errorf("boilerplate_lines = %+v, want a pattern lexicon", lex)
	}
}

func TestLookupFindsLexiconsByExactName(t *testing.T) {
	set := mustSet(t, `
beta: {entries: [b]}
alpha: {entries: [a]}
gamma: {entries: [c]}
`)
	for _, name := range []string{"alpha", "beta", "gamma"} {
		if lex := set.Lookup(name); lex == nil || lex.Name != name {
			t.Errorf("Lookup(%q) = %v", name, lex)
		}
	}
	for _, name := range []string{"", "alph", "alphaa", "delta", "Alpha"} {
		if lex := set.Lookup(name); lex != nil {
			t.Errorf("Lookup(%q) = %q, want nil", name, lex.Name)
		}
	}
}

func TestFromDataReadsGroupsAndFields(t *testing.T) {
	set := mustSet(t, `
cues:
  description: Some cues.
  references: [https://example.org]
  notes: for editors
  source: somewhere
  case_sensitive: false
  entries: [plain one]
  groups:
    zeta: [last group]
    alpha: [first group, second in alpha]
`)
	lex := set.Lookup("cues")
	want := &Lexicon{
		Name: "cues", Description: "Some cues.", Kind: Phrases,
		Entries: []Entry{
			{Term: "plain one"},
			{Term: "first group", Group: "alpha"},
			{Term: "second in alpha", Group: "alpha"},
			{Term: "last group", Group: "zeta"},
		},
	}
	if diff := cmp.Diff(want, lex); diff != "" {
		t.Errorf("lexicon (-want +got):\n%s", diff)
	}
}

// A lexicon with both a flat list and groups must number its entries the
// same way on every run; map order must not leak into matching.
func TestFromDataOrdersEntriesBeforeGroupsOnEveryRun(t *testing.T) {
	src := `
cues:
  groups:
    verb: [said]
  entries: [said, told]
`
	for run := 0; run < 30; run++ {
		set := mustSet(t, src)
		got := set.Lookup("cues").Entries
		want := []Entry{{Term: "said"}, {Term: "told"}, {Term: "said", Group: "verb"}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("run %d: entries (-want +got):\n%s", run, diff)
		}
		var groups []string
		set.MatchTokens(Tokenize("she said", 0), func(m Match) { groups = append(groups, m.Group()) })
		if diff := cmp.Diff([]string{""}, groups); diff != "" {
			t.Fatalf("run %d: groups of the match for a term listed twice (-want +got):\n%s", run, diff)
		}
	}
}

func TestFromDataRejectsBadLexicons(t *testing.T) {
	tests := []struct {
		name    string
		data    map[string]any
		lexicon string
		reason  string // a fragment of the reason
	}{
		{
			name:    "upper-case name",
			data:    map[string]any{"Hedges": map[string]any{"entries": []any{"a"}}},
			lexicon: "Hedges", reason: "name must be lower-case letters",
		},
		{
			name:    "name with a hyphen",
			data:    map[string]any{"weasel-words": map[string]any{"entries": []any{"a"}}},
			lexicon: "weasel-words", reason: "name must be lower-case letters",
		},
		{
			name:    "name starting with a digit",
			data:    map[string]any{"9lives": map[string]any{"entries": []any{"a"}}},
			lexicon: "9lives", reason: "name must be lower-case letters",
		},
		{
			name:    "empty name",
			data:    map[string]any{"": map[string]any{"entries": []any{"a"}}},
			lexicon: "", reason: "name must be lower-case letters",
		},
		{
			name:    "not an object",
			data:    map[string]any{"hedges": []any{"a"}},
			lexicon: "hedges", reason: "must be an object",
		},
		{
			name:    "no entries at all",
			data:    map[string]any{"hedges": map[string]any{"description": "nothing yet"}},
			lexicon: "hedges", reason: "has no entries",
		},
		{
			name:    "empty entry list",
			data:    map[string]any{"hedges": map[string]any{"entries": []any{}}},
			lexicon: "hedges", reason: "has no entries",
		},
		{
			name:    "unknown key",
			data:    map[string]any{"hedges": map[string]any{"entries": []any{"a"}, "entry": []any{"b"}}},
			lexicon: "hedges", reason: `unknown key "entry"`,
		},
		{
			name:    "unknown kind",
			data:    map[string]any{"hedges": map[string]any{"kind": "regex", "entries": []any{"a"}}},
			lexicon: "hedges", reason: `kind must be "phrases", "patterns", "hosts" or "labels", not regex`,
		},
		{
			name:    "kind that is not text",
			data:    map[string]any{"hedges": map[string]any{"kind": 3, "entries": []any{"a"}}},
			lexicon: "hedges", reason: "kind must be",
		},
		{
			name:    "description that is not text",
			data:    map[string]any{"hedges": map[string]any{"description": []any{"x"}, "entries": []any{"a"}}},
			lexicon: "hedges", reason: "description must be text",
		},
		{
			name:    "case_sensitive that is not a bool",
			data:    map[string]any{"hedges": map[string]any{"case_sensitive": "yes", "entries": []any{"a"}}},
			lexicon: "hedges", reason: "case_sensitive must be true or false",
		},
		{
			name:    "entries that are not a list",
			data:    map[string]any{"hedges": map[string]any{"entries": "reportedly"}},
			lexicon: "hedges", reason: "entries: must be a list of text entries",
		},
		{
			name:    "a number among the entries",
			data:    map[string]any{"hedges": map[string]any{"entries": []any{"reportedly", 42}}},
			lexicon: "hedges", reason: "entries: item 2 must be non-empty text, got 42",
		},
		{
			name:    "a blank entry",
			data:    map[string]any{"hedges": map[string]any{"entries": []any{"   "}}},
			lexicon: "hedges", reason: "item 1 must be non-empty text",
		},
		{
			name:    "groups that are not a map",
			data:    map[string]any{"hedges": map[string]any{"groups": []any{"a"}}},
			lexicon: "hedges", reason: "groups must map a group name to a list of entries",
		},
		{
			name:    "a group holding a map",
			data:    map[string]any{"hedges": map[string]any{"groups": map[string]any{"soft": map[string]any{"a": "b"}}}},
			lexicon: "hedges", reason: "groups.soft: must be a list of text entries",
		},
		{
			name:    "invalid regular expression",
			data:    map[string]any{"residue": map[string]any{"kind": "patterns", "entries": []any{"spot_img", "share (this"}}},
			lexicon: "residue", reason: `entry "share (this" is not a valid RE2 pattern`,
		},
		{
			name:    "look-ahead, which RE2 lacks",
			data:    map[string]any{"residue": map[string]any{"kind": "patterns", "entries": []any{"foo(?=bar)"}}},
			lexicon: "residue", reason: "is not a valid RE2 pattern",
		},
		{
			name:    "unknown placeholder",
			data:    map[string]any{"sources": map[string]any{"entries": []any{"according to <Person>"}}},
			lexicon: "sources", reason: `entry "according to <Person>": unknown placeholder "<Person>"`,
		},
		{
			name:    "half a placeholder",
			data:    map[string]any{"sources": map[string]any{"entries": []any{"told <num"}}},
			lexicon: "sources", reason: "unknown placeholder",
		},
		{
			name:    "comma inside a phrase",
			data:    map[string]any{"closers": map[string]any{"entries": []any{"in conclusion, we"}}},
			lexicon: "closers", reason: `"conclusion," holds ',', which never occurs inside a word`,
		},
		{
			name:    "currency sign inside a phrase",
			data:    map[string]any{"money": map[string]any{"entries": []any{"paid $5"}}},
			lexicon: "money", reason: "which never occurs inside a word",
		},
		{
			name:    "unclosed group",
			data:    map[string]any{"hedges": map[string]any{"entries": []any{"(is|are said to"}}},
			lexicon: "hedges", reason: "unclosed (",
		},
		{
			name:    "stray closing parenthesis",
			data:    map[string]any{"hedges": map[string]any{"entries": []any{"said) to"}}},
			lexicon: "hedges", reason: `unexpected ')' at position 5`,
		},
		{
			name:    "alternation outside a group",
			data:    map[string]any{"hedges": map[string]any{"entries": []any{"said|told"}}},
			lexicon: "hedges", reason: "unexpected '|'",
		},
		{
			name:    "group of nothing",
			data:    map[string]any{"hedges": map[string]any{"entries": []any{"( | )"}}},
			lexicon: "hedges", reason: "matches nothing",
		},
		{
			name: "too many expansions",
			data: map[string]any{"hedges": map[string]any{"entries": []any{
				strings.Repeat("(a|b|c|d) ", 7),
			}}},
			lexicon: "hedges", reason: "expands to more than 4096 phrases",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := FromData(tt.data)
			if err == nil {
				t.Fatalf("FromData succeeded with %d lexicons, want an error", len(set.Lexicons))
			}
			var lerr *Error
			if !errors.As(err, &lerr) {
				t.Fatalf("error %v is a %T, want *lexicon.Error", err, err)
			}
			if lerr.Lexicon != tt.lexicon {
				t.Errorf("error names lexicon %q, want %q", lerr.Lexicon, tt.lexicon)
			}
			if !strings.Contains(lerr.Reason, tt.reason) {
				t.Errorf("reason %q does not contain %q", lerr.Reason, tt.reason)
			}
			prefix := "lexicon " + tt.lexicon + " (credcheck/lexicons/" + tt.lexicon + "/data.yaml): "
			if !strings.HasPrefix(err.Error(), prefix) {
				t.Errorf("message %q does not start with %q", err.Error(), prefix)
			}
		})
	}
}

func TestFromDataAcceptsTheLargestAllowedExpansion(t *testing.T) {
	// 4^6 = 4096 phrases is the limit itself.
	if _, err := FromData(map[string]any{"big": map[string]any{"entries": []any{strings.Repeat("(a|b|c|d) ", 6)}}}); err != nil {
		t.Fatalf("4096 expansions rejected: %v", err)
	}
}

func TestFromDataOfNothingMatchesNothing(t *testing.T) {
	set, err := FromData(map[string]any{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	set.MatchTokens(Tokenize("anything at all", 0), func(Match) { n++ })
	set.MatchText("anything at all", func(Match) { n++ })
	if n != 0 {
		t.Errorf("empty set produced %d matches", n)
	}
}

// words renders expansions as plain strings for comparison.
func words(seqs [][]step) []string {
	var out []string
	for _, seq := range seqs {
		var parts []string
		for _, st := range seq {
			switch st.kind {
			case stepAny:
				parts = append(parts, "*")
			case stepName:
				parts = append(parts, "<Name>")
			case stepNumber:
				parts = append(parts, "<num>")
			default:
				parts = append(parts, st.word)
			}
		}
		out = append(out, strings.Join(parts, " "))
	}
	sort.Strings(out)
	return out
}

func TestExpandPhrase(t *testing.T) {
	tests := []struct {
		term string
		fold bool
		want []string
	}{
		{"reportedly", true, []string{"reportedly"}},
		{"  said   to  ", true, []string{"said to"}},
		{"(is|are) said to", true, []string{"are said to", "is said to"}},
		{"(widely |)seen as", true, []string{"seen as", "widely seen as"}},
		{"seen as (a|)", true, []string{"seen as", "seen as a"}},
		{"(could not|was unable to) (verify|confirm)", true, []string{
			"could not confirm", "could not verify", "was unable to confirm", "was unable to verify",
		}},
		{"(a (big|small)|the) deal", true, []string{"a big deal", "a small deal", "the deal"}},
		{"((very |)widely |)known", true, []string{"known", "very widely known", "widely known"}},
		{"confirmed to <Name>", true, []string{"confirmed to <Name>"}},
		{"rose * <num>", true, []string{"rose * <num>"}},
		{"Didn’t Comment", true, []string{"didn't comment"}},
		{"The Information", false, []string{"The Information"}},
		{"Reuters’", false, []string{"Reuters'"}},
		{"AI-powered U.S. e.g", true, []string{"ai-powered u.s. e.g"}},
	}
	for _, tt := range tests {
		seqs, err := expandPhrase(tt.term, tt.fold)
		if err != nil {
			t.Errorf("expandPhrase(%q): %v", tt.term, err)
			continue
		}
		if diff := cmp.Diff(tt.want, words(seqs)); diff != "" {
			t.Errorf("expandPhrase(%q) (-want +got):\n%s", tt.term, diff)
		}
	}
}
