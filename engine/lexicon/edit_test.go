package lexicon_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/lexicon"
)

func TestEditAddsAndRemovesEntries(t *testing.T) {
	base := map[string]any{
		"description": "hedges",
		"entries":     []any{"purportedly"},
		"groups": map[string]any{
			"hearsay":    []any{"reportedly", "apparently", "is said to"},
			"allegation": []any{"allegedly"},
		},
	}
	change := map[string]any{
		"add":    map[string]any{"hearsay": []any{"word on the street is"}, "rumour": []any{"the rumour is"}, "entries": []any{"supposedly"}},
		"remove": []any{"Apparently", "allegedly"},
	}
	got, err := lexicon.Edit("hearsay_hedges", base, change)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"description": "hedges",
		"entries":     []any{"purportedly", "supposedly"},
		"groups": map[string]any{
			"hearsay": []any{"reportedly", "is said to", "word on the street is"},
			"rumour":  []any{"the rumour is"},
			// A group emptied by remove stays, empty: the lexicon keeps
			// its shape for the policies that name the group.
			"allegation": []any{},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Edit (-want +got):\n%s", diff)
	}
	if len(base["groups"].(map[string]any)["hearsay"].([]any)) != 3 {
		t.Error("Edit changed its base")
	}
	set, err := lexicon.FromData(map[string]any{"hearsay_hedges": got})
	if err != nil {
		t.Fatalf("the edited lexicon does not build: %v", err)
	}
	if n := len(set.Lookup("hearsay_hedges").Entries); n != 6 {
		t.Errorf("edited lexicon has %d entries, want 6", n)
	}
}

func TestEditRedefinesAndAddsAList(t *testing.T) {
	base := map[string]any{"entries": []any{"a", "b"}, "kind": "phrases"}
	got, err := lexicon.Edit("x", base, map[string]any{"entries": []any{"c"}, "add": []any{"d"}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]any{"entries": []any{"c", "d"}, "kind": "phrases"}, got); diff != "" {
		t.Errorf("Edit (-want +got):\n%s", diff)
	}
}

func TestEditErrors(t *testing.T) {
	base := map[string]any{"groups": map[string]any{"g": []any{"reportedly"}}}
	cases := map[string]struct {
		change map[string]any
		want   string
		entry  string
	}{
		"remove a missing entry": {map[string]any{"remove": []any{"reportedy"}}, `lexicon x (credcheck/lexicons/x/data.yaml): remove: "reportedy" is not an entry of the lexicon`, "reportedy"},
		"add not a list":         {map[string]any{"add": "word"}, "add must be a list of entries or map groups to lists of entries", ""},
		"add an empty entry":     {map[string]any{"add": map[string]any{"g": []any{" "}}}, "add.g: item 1 must be non-empty text", ""},
		"remove not a list":      {map[string]any{"remove": 3}, "remove: must be a list of text entries", ""},
	}
	for name, c := range cases {
		_, err := lexicon.Edit("x", base, c.change)
		var le *lexicon.Error
		if !errors.As(err, &le) {
			t.Errorf("%s: error %v is not a lexicon error", name, err)
			continue
		}
		if !strings.Contains(err.Error(), c.want) || le.Entry != c.entry {
			t.Errorf("%s: error %q (entry %q), want %q (entry %q)", name, err, le.Entry, c.want, c.entry)
		}
	}
}

func TestEditRedefinedGroupsReplaceOnlyThemselves(t *testing.T) {
	base := map[string]any{"groups": map[string]any{"a": []any{"x"}, "b": []any{"y"}}}
	got, err := lexicon.Edit("l", base, map[string]any{"groups": map[string]any{"a": []any{"z"}}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]any{"groups": map[string]any{"a": []any{"z"}, "b": []any{"y"}}}, got); diff != "" {
		t.Errorf("Edit (-want +got):\n%s", diff)
	}
}
