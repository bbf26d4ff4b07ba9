package lexicon

import "testing"

func valueSet(t *testing.T) *Set {
	t.Helper()
	set, err := FromData(map[string]any{
		"hosts": map[string]any{"kind": "hosts", "groups": map[string]any{
			"government": []any{"gov", "gov.*"},
			"court":      []any{"uscourts.gov"},
			"journal":    []any{"doi.org"},
		}},
		"labels": map[string]any{"kind": "labels", "groups": map[string]any{
			"opinion":   []any{"opinion", "op-ed"},
			"sponsored": []any{"sponsored by *", "paid content"},
		}},
		"hedges": map[string]any{"entries": []any{"reportedly"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func TestHostGroupLongestEntryWins(t *testing.T) {
	set := valueSet(t)
	for host, want := range map[string]string{
		"www.cdc.gov":        "government",
		"ons.gov.uk":         "government",
		"ecf.uscourts.gov":   "court",
		"uscourts.gov":       "court",
		"doi.org":            "journal",
		"WWW.CDC.GOV.":       "government",
		"notgov.example":     "",
		"doi.org.example":    "",
		"gov.example.com":    "",
		"government.example": "",
	} {
		got, ok := set.HostGroup("hosts", host)
		if got != want || ok != (want != "") {
			t.Errorf("HostGroup(%q) = %q, %v; want %q", host, got, ok, want)
		}
	}
	if g, ok := set.HostGroup("hedges", "www.cdc.gov"); ok || g != "" {
		t.Errorf("a phrase lexicon matched a host: %q", g)
	}
}

func TestLabelGroup(t *testing.T) {
	set := valueSet(t)
	for label, want := range map[string]string{
		"Opinion":                   "opinion",
		" OPINION: ":                "opinion",
		"Opinion | Letters":         "opinion",
		"Op-Ed":                     "opinion",
		"Sponsored by Acme Bank":    "sponsored",
		"Paid content":              "sponsored",
		"Sponsored":                 "",
		"Opinions differ on a plan": "",
		"Comments":                  "",
	} {
		got, ok := set.LabelGroup("labels", label)
		if got != want || ok != (want != "") {
			t.Errorf("LabelGroup(%q) = %q, %v; want %q", label, got, ok, want)
		}
	}
}

func TestValueLexiconsMatchNoText(t *testing.T) {
	set := valueSet(t)
	toks := Tokenize("Opinion: the gov site at doi.org reportedly said so.", 0)
	var got []string
	set.MatchTokens(toks, func(m Match) { got = append(got, m.Lexicon.Name) })
	if len(got) != 1 || got[0] != "hedges" {
		t.Errorf("matches from %v, want only the phrase lexicon", got)
	}
}

func TestHostEntriesAreHostNames(t *testing.T) {
	_, err := FromData(map[string]any{"hosts": map[string]any{"kind": "hosts", "entries": []any{"https://www.cdc.gov/"}}})
	if err == nil {
		t.Fatal("a URL was accepted as a host entry")
	}
}
