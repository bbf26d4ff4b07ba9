// Command valestyle writes Vale styles built from credcheck's lexicons, so
// that credcheck can be timed against Vale doing the same word-list work
// (docs/performance.md):
//
//	go run ./scripts/valestyle -out /tmp/vale
//	vale --config /tmp/vale/lexicons.ini FILES   # one rule per lexicon
//	vale --config /tmp/vale/wordlist.ini FILES   # two rules: hedges, loaded words
//
// Each lexicon under policies/credcheck/lexicons becomes one existence rule
// in the style "Credcheck". Lexicons carry no replacements, so substitution
// rules do not apply. Phrase entries become regular expressions: words
// separated by white space, "(a|b)" alternatives as groups (an empty
// alternative makes the group optional), "*" as any one word, apostrophes
// straight or curly. What Vale cannot express is approximated and listed in
// the file NOTES.md written beside the styles.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/credcheck/credcheck/engine/lexicon"
)

// wordList names the lexicons of the two-rule style, the smallest style
// that does something useful for a news desk: hedges and loaded words.
var wordList = []struct{ rule, lexicon string }{
	{"Hedges", "hearsay_hedges"},
	{"Loaded", "loaded_language"},
}

const (
	// "<Name>": a run of capitalised words, matched case-sensitively. The
	// engine uses the entity mentions it found in the article instead.
	nameRegex = `(?-i:[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*)`
	// "<num>": digits with separators. The engine also reads number words.
	numRegex = `\d[\d,.]*`
	// "*": any one word.
	anyRegex = `[\w'’-]+`
)

func main() {
	out := flag.String("out", "", "directory to write the styles and Vale configuration files into (required)")
	dir := flag.String("lexicons", "policies/credcheck/lexicons", "directory holding one <name>/data.yaml per lexicon")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: go run ./scripts/valestyle -out DIR [-lexicons DIR]")
		os.Exit(2)
	}
	if err := run(*dir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "valestyle:", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	set, err := load(dir)
	if err != nil {
		return err
	}
	styles := filepath.Join(out, "styles")
	for _, d := range []string{"Credcheck", "WordList"} {
		if err := os.RemoveAll(filepath.Join(styles, d)); err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Join(styles, d), 0o755); err != nil {
			return err
		}
	}
	var notes notes
	entries := 0
	for _, lex := range set.Lexicons {
		rule, err := existenceRule(lex, &notes)
		if err != nil {
			return err
		}
		entries += len(lex.Entries)
		if err := os.WriteFile(filepath.Join(styles, "Credcheck", camel(lex.Name)+".yml"), rule, 0o644); err != nil {
			return err
		}
	}
	for _, w := range wordList {
		lex := set.Lookup(w.lexicon)
		if lex == nil {
			return fmt.Errorf("lexicon %s, used by the two-rule style, not found in %s", w.lexicon, dir)
		}
		rule, err := existenceRule(lex, &notes)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(styles, "WordList", w.rule+".yml"), rule, 0o644); err != nil {
			return err
		}
	}
	for name, style := range map[string]string{"lexicons.ini": "Credcheck", "wordlist.ini": "WordList"} {
		// Every alert level is reported, so Vale runs every rule.
		ini := fmt.Sprintf("StylesPath = styles\nMinAlertLevel = suggestion\n\n[*]\nBasedOnStyles = %s\n", style)
		if err := os.WriteFile(filepath.Join(out, name), []byte(ini), 0o644); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(out, "NOTES.md"), notes.render(len(set.Lexicons), entries), 0o644); err != nil {
		return err
	}
	fmt.Printf("valestyle: %d rules (%d entries) in %s, %d in %s\n", len(set.Lexicons), entries,
		filepath.Join(styles, "Credcheck"), len(wordList), filepath.Join(styles, "WordList"))
	return nil
}

// load reads the lexicon files through the engine's own parser, so that
// the styles see the same entries, kinds and case rules as credcheck.
func load(dir string) (*lexicon.Set, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*", "data.yaml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no lexicons (*/data.yaml) in %s; run from the repository root or pass -lexicons", dir)
	}
	data := map[string]any{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var v map[string]any
		if err := yaml.Unmarshal(b, &v); err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
		data[filepath.Base(filepath.Dir(f))] = v
	}
	return lexicon.FromData(data)
}

func existenceRule(lex *lexicon.Lexicon, n *notes) ([]byte, error) {
	tokens := make([]string, 0, len(lex.Entries))
	for _, e := range lex.Entries {
		if lex.Kind == lexicon.Patterns {
			tokens = append(tokens, e.Term)
			continue
		}
		re, err := phraseRegex(e.Term)
		if err != nil {
			return nil, fmt.Errorf("lexicon %s, entry %q: %v", lex.Name, e.Term, err)
		}
		n.see(lex.Name, e.Term)
		tokens = append(tokens, re)
	}
	rule := map[string]any{
		"extends":    "existence",
		"message":    "'%s' (credcheck lexicon " + lex.Name + ")",
		"level":      "suggestion",
		"ignorecase": !lex.CaseSensitive,
		"tokens":     tokens,
	}
	if lex.Kind == lexicon.Patterns {
		// Patterns are written for whole lines of the text, with their
		// own boundaries.
		rule["nonword"] = true
		rule["scope"] = "raw"
		n.patterns = append(n.patterns, lex.Name)
	}
	if lex.CaseSensitive {
		n.caseSensitive = append(n.caseSensitive, lex.Name)
	}
	b, err := yaml.Marshal(rule)
	if err != nil {
		return nil, err
	}
	return append([]byte("# Written by scripts/valestyle from credcheck/lexicons/"+lex.Name+"/data.yaml; do not edit.\n"), b...), nil
}

// phraseRegex turns a phrase entry into a regular expression.
func phraseRegex(term string) (string, error) {
	p := &parser{src: term}
	re, _, err := p.sequence()
	if err != nil {
		return "", err
	}
	if p.pos < len(p.src) {
		return "", fmt.Errorf("unexpected %q at position %d", p.src[p.pos], p.pos+1)
	}
	return re, nil
}

type parser struct {
	src string
	pos int
}

// sequence reads items up to ')' or '|' or the end and joins them with
// white space; an optional item brings its separator with it. It reports
// whether the sequence is empty (an empty alternative).
func (p *parser) sequence() (string, bool, error) {
	var b strings.Builder
	sep := false
	for {
		for p.pos < len(p.src) && (p.src[p.pos] == ' ' || p.src[p.pos] == '\t') {
			p.pos++
		}
		if p.pos >= len(p.src) || p.src[p.pos] == ')' || p.src[p.pos] == '|' {
			return b.String(), b.Len() == 0, nil
		}
		item, optional, err := p.item()
		if err != nil {
			return "", false, err
		}
		switch {
		case optional && sep:
			b.WriteString(`(?:\s+` + item + `)?`)
		case optional:
			b.WriteString(`(?:` + item + `\s+)?`)
		default:
			if sep {
				b.WriteString(`\s+`)
			}
			b.WriteString(item)
			sep = true
		}
	}
}

func (p *parser) item() (string, bool, error) {
	if p.src[p.pos] != '(' {
		start := p.pos
		for p.pos < len(p.src) && !strings.ContainsRune(" \t()|", rune(p.src[p.pos])) {
			p.pos++
		}
		return word(p.src[start:p.pos]), false, nil
	}
	p.pos++
	var alts []string
	optional := false
	for {
		sub, empty, err := p.sequence()
		if err != nil {
			return "", false, err
		}
		if empty {
			optional = true
		} else {
			alts = append(alts, sub)
		}
		if p.pos >= len(p.src) {
			return "", false, fmt.Errorf("unclosed (")
		}
		if p.src[p.pos] == ')' {
			p.pos++
			break
		}
		p.pos++ // '|'
	}
	if len(alts) == 0 {
		return "", false, fmt.Errorf("empty group")
	}
	return "(?:" + strings.Join(alts, "|") + ")", optional, nil
}

func word(w string) string {
	switch w {
	case "*":
		return anyRegex
	case "<Name>":
		return nameRegex
	case "<num>":
		return numRegex
	}
	var b strings.Builder
	for _, r := range w {
		if r == '\'' || r == '’' {
			b.WriteString(`['’]`)
			continue
		}
		b.WriteString(regexp.QuoteMeta(string(r)))
	}
	return b.String()
}

func camel(name string) string {
	var b strings.Builder
	for _, part := range strings.Split(name, "_") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// notes collects what the styles approximate, for NOTES.md.
type notes struct {
	names, numbers, anyWord map[string]int
	patterns, caseSensitive []string
}

func (n *notes) see(lex, term string) {
	if n.names == nil {
		n.names, n.numbers, n.anyWord = map[string]int{}, map[string]int{}, map[string]int{}
	}
	n.names[lex] += strings.Count(term, "<Name>")
	n.numbers[lex] += strings.Count(term, "<num>")
	for _, f := range strings.Fields(strings.NewReplacer("(", " ", ")", " ", "|", " ").Replace(term)) {
		if f == "*" {
			n.anyWord[lex]++
		}
	}
}

func (n *notes) render(rules, entries int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# What the generated Vale styles can and cannot express\n\n")
	fmt.Fprintf(&b, "Written by scripts/valestyle: %d existence rules, one per credcheck lexicon, %d entries.\n\n", rules, entries)
	b.WriteString("Expressed as in credcheck: the entries of every lexicon, word-bounded, case-insensitive\n")
	b.WriteString("unless the lexicon is case-sensitive (" + strings.Join(uniq(n.caseSensitive), ", ") + "), with\n")
	b.WriteString("alternatives, optional words and straight or curly apostrophes; pattern lexicons\n")
	b.WriteString("(" + strings.Join(uniq(n.patterns), ", ") + ") as their regular expressions over the raw text.\n\n")
	b.WriteString("Approximated:\n\n")
	list := func(what string, m map[string]int) {
		var ls []string
		for l, c := range m {
			if c > 0 {
				ls = append(ls, fmt.Sprintf("%s (%d)", l, c))
			}
		}
		sort.Strings(ls)
		if len(ls) > 0 {
			fmt.Fprintf(&b, "- %s: %s\n", what, strings.Join(ls, ", "))
		}
	}
	list("`<Name>` (an entity mention) as a run of capitalised words; credcheck uses the names it recognised in the article", n.names)
	list("`<num>` as digits with separators; credcheck also reads number words", n.numbers)
	list("`*` (any one word) as a run of word characters", n.anyWord)
	b.WriteString("- Pattern entries anchored with `^` run on one line at a time in credcheck; in Vale they run\n  over the raw text with `^` and `$` at line ends, so a `\\s` in them may reach into the next line.\n")
	b.WriteString("- Vale's regular expressions treat `\\w`, `\\d` and `\\b` as Unicode classes; credcheck's patterns are RE2 (ASCII classes).\n\n")
	b.WriteString("Not expressible in a Vale word-list rule: matches limited to text outside quotations\n")
	b.WriteString("(credcheck's cue index), groups and source positions of attribution cues, and everything\n")
	b.WriteString("the credcheck rules do with the matches (pairing claims with sources, comparing figures,\n")
	b.WriteString("names and dates across an article, style statistics, scoring).\n")
	return []byte(b.String())
}

func uniq(xs []string) []string {
	sort.Strings(xs)
	var out []string
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}
