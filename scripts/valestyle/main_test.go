package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestPhraseRegex(t *testing.T) {
	tests := []struct {
		term      string
		match, no []string
	}{
		{"reportedly", []string{"reportedly"}, []string{"reported"}},
		{"(is|are|was|were) said to", []string{"is said to", "were  said\nto"}, []string{"said to"}},
		{"(is|are|was|were|) (raising questions|raised questions)", []string{"raising questions", "were raised questions"}, []string{"were raising"}},
		{"(this |which |)(proves|proved|proven) that", []string{"proves that", "which proved that"}, []string{"which that"}},
		{"(a|the) <Name> (spokesperson|spokesman)", []string{"a Harbor Lines spokesman", "the Kestrel spokesperson"}, []string{"a harbor spokesman"}},
		{"let's stay in touch", []string{"let's stay in touch", "let’s stay in touch"}, nil},
		{"said <num> people", []string{"said 4,000 people"}, []string{"said many people"}},
		{"* declined to comment", []string{"Kestrel declined to comment"}, []string{"declined to comment"}},
	}
	for _, tt := range tests {
		re, err := phraseRegex(tt.term)
		if err != nil {
			t.Fatalf("%q: %v", tt.term, err)
		}
		// Vale compiles tokens case-insensitively within word boundaries.
		rx := regexp.MustCompile(`(?i)^(?:` + re + `)$`)
		for _, s := range tt.match {
			if !rx.MatchString(s) {
				t.Errorf("%q → %s does not match %q", tt.term, re, s)
			}
		}
		for _, s := range tt.no {
			if rx.MatchString(s) {
				t.Errorf("%q → %s matches %q", tt.term, re, s)
			}
		}
	}
	for _, bad := range []string{"(a|b", "()", "a)"} {
		if _, err := phraseRegex(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestRun writes the styles from the built-in lexicons: one rule per
// lexicon holding all of its entries, the two-rule style, and a Vale
// configuration for each.
func TestRun(t *testing.T) {
	dir := "../../policies/credcheck/lexicons"
	out := t.TempDir()
	if err := run(dir, out); err != nil {
		t.Fatal(err)
	}
	set, err := load(dir)
	if err != nil {
		t.Fatal(err)
	}
	rules, _ := filepath.Glob(filepath.Join(out, "styles", "Credcheck", "*.yml"))
	if len(rules) != len(set.Lexicons) {
		t.Fatalf("%d rules for %d lexicons", len(rules), len(set.Lexicons))
	}
	for _, lex := range set.Lexicons {
		b, err := os.ReadFile(filepath.Join(out, "styles", "Credcheck", camel(lex.Name)+".yml"))
		if err != nil {
			t.Fatal(err)
		}
		var rule struct {
			Extends    string
			IgnoreCase bool
			Tokens     []string
		}
		if err := yaml.Unmarshal(b, &rule); err != nil {
			t.Fatal(err)
		}
		if rule.Extends != "existence" || len(rule.Tokens) != len(lex.Entries) || rule.IgnoreCase == lex.CaseSensitive {
			t.Errorf("%s: extends %s, %d tokens for %d entries, ignorecase %v", lex.Name, rule.Extends, len(rule.Tokens), len(lex.Entries), rule.IgnoreCase)
		}
		for _, tok := range rule.Tokens {
			if _, err := regexp.Compile(tok); err != nil {
				t.Errorf("%s: token %q: %v", lex.Name, tok, err)
			}
		}
	}
	for _, f := range []string{"styles/WordList/Hedges.yml", "styles/WordList/Loaded.yml", "NOTES.md"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Error(err)
		}
	}
	for ini, style := range map[string]string{"lexicons.ini": "Credcheck", "wordlist.ini": "WordList"} {
		b, err := os.ReadFile(filepath.Join(out, ini))
		if err != nil || !strings.Contains(string(b), "BasedOnStyles = "+style) {
			t.Errorf("%s: %q, %v", ini, b, err)
		}
	}
}
