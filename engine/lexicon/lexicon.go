// Package lexicon turns the word lists kept as policy data
// (data.credcheck.lexicons) into matchers that run once per article in Go, so
// the policies reason over matches instead of looping over sentences × phrases.
//
// A lexicon is one YAML file, policies/credcheck/lexicons/<name>/data.yaml:
//
//	description: Hearsay hedges pass on a claim without owning it.
//	kind: phrases          # phrases (default) or patterns
//	case_sensitive: false  # default
//	entries: [reportedly, allegedly, is said to]
//	groups:                # optional: entries filed under a key that every match carries
//	  partnership: [partnered with, teamed up with]
//
// Phrase entries are words matched on word boundaries, case-insensitively,
// with a small pattern language: "(a|b)" alternatives (an empty alternative
// makes the group optional), "*" for any one word, "<Name>" for one entity
// mention (a capitalised name or ticker, however many words) and "<num>" for
// a number. Pattern entries are RE2 regular expressions run over the whole
// text with ^ and $ matching at line ends; they suit line-shaped residue.
package lexicon

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"
)

// Kind says how a lexicon's entries are matched.
type Kind string

const (
	// Phrases are word sequences matched token by token within sentences.
	Phrases Kind = "phrases"
	// Patterns are regular expressions matched over the whole text.
	Patterns Kind = "patterns"
	// Hosts are web host names (values.go), never matched against the text.
	Hosts Kind = "hosts"
	// Labels are the short labels a page shows (values.go), never matched
	// against the text.
	Labels Kind = "labels"
)

// Entry is one item of a lexicon as written in its file.
type Entry struct {
	Term  string
	Group string
}

// Lexicon is one named list of cues.
type Lexicon struct {
	Name          string
	Description   string
	Kind          Kind
	CaseSensitive bool
	Entries       []Entry
	// Sources says, per group, where the source of an attribution cue of
	// that group stands: "before" the cue (falling back to after it, as in
	// "said Jane Roe"), "after" it ("according to Jane Roe"), or the
	// "match" itself ("a filing showed"). Groups not listed have none.
	Sources map[string]string
}

// Set holds every lexicon of a policy set with the matchers built from them.
type Set struct {
	Lexicons []*Lexicon
	folded   *node // phrases matched on lower-cased tokens
	exact    *node // phrases of case-sensitive lexicons
	patterns []*patternMatcher
	// literals finds the literals pattern entries need, in one pass.
	literals *literalSet
	nodes    nodePool
}

// Error describes a lexicon that cannot be used.
type Error struct {
	Lexicon string
	// Entry is the entry at fault, when there is one, so that the error
	// can be located in the file that holds it.
	Entry  string
	Reason string
}

func (e *Error) Error() string {
	return fmt.Sprintf("lexicon %s (%s): %s", e.Lexicon, Path(e.Lexicon), e.Reason)
}

// Path is where a built-in lexicon lives in the policy tree.
func Path(name string) string {
	return "credcheck/lexicons/" + name + "/data.yaml"
}

// FromData reads the lexicons under data.credcheck.lexicons (the value passed
// is that object) and builds their matchers. Names are handled in sorted order
// so matching is deterministic.
func FromData(lexicons map[string]any) (*Set, error) {
	names := make([]string, 0, len(lexicons))
	for name := range lexicons {
		names = append(names, name)
	}
	sort.Strings(names)
	set := &Set{}
	set.folded, set.exact = set.nodes.get(), set.nodes.get()
	for _, name := range names {
		lex, err := parseLexicon(name, lexicons[name])
		if err != nil {
			return nil, err
		}
		if err := set.add(lex); err != nil {
			return nil, err
		}
	}
	set.indexLiterals()
	return set, nil
}

// indexLiterals numbers the literals pattern entries need and builds the
// automaton that finds them.
func (s *Set) indexLiterals() {
	ids := map[string]int32{}
	var all []string
	for _, pm := range s.patterns {
		for i := range pm.entries {
			e := &pm.entries[i]
			for _, l := range e.needs {
				id, ok := ids[l]
				if !ok {
					id = int32(len(all))
					ids[l] = id
					all = append(all, l)
				}
				e.needIDs = append(e.needIDs, id)
			}
		}
	}
	s.literals = newLiteralSet(all)
}

// Lookup returns the lexicon with the given name, or nil.
func (s *Set) Lookup(name string) *Lexicon {
	i := sort.Search(len(s.Lexicons), func(i int) bool { return s.Lexicons[i].Name >= name })
	if i < len(s.Lexicons) && s.Lexicons[i].Name == name {
		return s.Lexicons[i]
	}
	return nil
}

func parseLexicon(name string, raw any) (*Lexicon, error) {
	fail := func(format string, args ...any) error {
		return &Error{Lexicon: name, Reason: fmt.Sprintf(format, args...)}
	}
	if !validName(name) {
		return nil, fail("name must be lower-case letters, digits and underscores so policies can write input.matches.%s", name)
	}
	obj, ok := raw.(map[string]any)
	if !ok {
		return nil, fail("must be an object with entries or groups, not %T", raw)
	}
	lex := &Lexicon{Name: name, Kind: Phrases}
	// Keys in sorted order, so that entries come before groups and entry
	// numbers (which break ties between matches) are the same on every run.
	keys := make([]string, 0, len(obj))
	for key := range obj {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	for _, key := range keys {
		v := obj[key]
		switch key {
		case "description":
			s, ok := v.(string)
			if !ok {
				return nil, fail("description must be text")
			}
			lex.Description = s
		case "kind":
			s, _ := v.(string)
			switch Kind(s) {
			case Phrases, Patterns, Hosts, Labels:
				lex.Kind = Kind(s)
			default:
				return nil, fail("kind must be %q, %q, %q or %q, not %v", Phrases, Patterns, Hosts, Labels, v)
			}
		case "case_sensitive":
			b, ok := v.(bool)
			if !ok {
				return nil, fail("case_sensitive must be true or false")
			}
			lex.CaseSensitive = b
		case "entries":
			terms, err := stringList(v)
			if err != nil {
				return nil, fail("entries: %v", err)
			}
			for _, t := range terms {
				lex.Entries = append(lex.Entries, Entry{Term: t})
			}
		case "groups":
			groups, ok := v.(map[string]any)
			if !ok {
				return nil, fail("groups must map a group name to a list of entries")
			}
			keys := make([]string, 0, len(groups))
			for g := range groups {
				keys = append(keys, g)
			}
			sort.Strings(keys)
			for _, g := range keys {
				terms, err := stringList(groups[g])
				if err != nil {
					return nil, fail("groups.%s: %v", g, err)
				}
				for _, t := range terms {
					lex.Entries = append(lex.Entries, Entry{Term: t, Group: g})
				}
			}
		case "sources":
			m, ok := v.(map[string]any)
			if !ok {
				return nil, fail("sources must map a group to before, after or match")
			}
			lex.Sources = map[string]string{}
			for g, d := range m {
				dir, _ := d.(string)
				if dir != "before" && dir != "after" && dir != "match" {
					return nil, fail("sources.%s must be before, after or match, not %v", g, d)
				}
				lex.Sources[g] = dir
			}
		case "references", "notes", "source":
			// Documentation for editors; not used in matching.
		default:
			return nil, fail("unknown key %q (expected description, kind, case_sensitive, entries, groups, sources, references, notes)", key)
		}
	}
	if len(lex.Entries) == 0 {
		return nil, fail("has no entries")
	}
	for g := range lex.Sources {
		known := false
		for _, e := range lex.Entries {
			known = known || e.Group == g
		}
		if !known {
			return nil, fail("sources names group %q, which the lexicon does not have", g)
		}
	}
	return lex, nil
}

func validName(name string) bool {
	if name == "" || name[0] < 'a' || name[0] > 'z' {
		return false
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

func stringList(v any) ([]string, error) {
	items, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("must be a list of text entries")
	}
	out := make([]string, 0, len(items))
	for i, it := range items {
		s, ok := it.(string)
		if !ok || strings.TrimSpace(s) == "" {
			return nil, fmt.Errorf("item %d must be non-empty text, got %v", i+1, it)
		}
		out = append(out, strings.TrimSpace(s))
	}
	return out, nil
}

func (s *Set) add(lex *Lexicon) error {
	index := len(s.Lexicons)
	s.Lexicons = append(s.Lexicons, lex)
	if lex.Kind == Hosts || lex.Kind == Labels {
		return checkValues(lex)
	}
	if lex.Kind == Patterns {
		pm, err := compilePatterns(lex)
		if err != nil {
			return err
		}
		pm.lexicon = index
		s.patterns = append(s.patterns, pm)
		return nil
	}
	root := s.folded
	if lex.CaseSensitive {
		root = s.exact
	}
	for i, e := range lex.Entries {
		seqs, err := expandPhrase(e.Term, !lex.CaseSensitive)
		if err != nil {
			return &Error{Lexicon: lex.Name, Entry: e.Term, Reason: fmt.Sprintf("entry %q: %v", e.Term, err)}
		}
		for _, seq := range seqs {
			root.insert(&s.nodes, seq, termRef{lexicon: index, entry: i, length: len(seq)})
		}
	}
	return nil
}

// patternMatcher runs one lexicon's regular expressions. Go's regexp
// engine is linear but not fast, so each entry carries the literal text it
// cannot match without (any one of several, for alternations), and runs only
// on texts that contain one, which most articles do not. Entries anchored
// with ^ run line by line, where the engine tries only the line start.
type patternMatcher struct {
	lexicon int
	entries []patternEntry
}

type patternEntry struct {
	re *regexp.Regexp
	// needs lists literals, folded by foldText, of which the text must
	// contain one; empty means the entry always runs. needIDs index
	// Set.literals.
	needs   []string
	needIDs []int32
	// perLine is set for entries that begin with ^.
	perLine bool
	// inLine is set for entries every match of which lies inside one line
	// and reads the same there as in the whole text (see lineSafe); they run
	// only on the lines that hold one of their literals.
	inLine bool
}

func compilePatterns(lex *Lexicon) (*patternMatcher, error) {
	pm := &patternMatcher{}
	for _, e := range lex.Entries {
		perLine := strings.HasPrefix(e.Term, "^")
		flags := "(?m"
		if perLine {
			// Matched against one line at a time: ^ and $ are its ends.
			flags = "(?"
		}
		if !lex.CaseSensitive {
			flags += "i"
		}
		flags += ")"
		if flags == "()" {
			flags = ""
		}
		re, err := regexp.Compile(flags + e.Term)
		if err != nil {
			return nil, &Error{Lexicon: lex.Name, Entry: e.Term, Reason: fmt.Sprintf("entry %q is not a valid RE2 pattern: %v", e.Term, err)}
		}
		parsed, err := syntax.Parse(flags+e.Term, syntax.Perl)
		if err != nil {
			return nil, &Error{Lexicon: lex.Name, Entry: e.Term, Reason: fmt.Sprintf("entry %q: %v", e.Term, err)}
		}
		simple := parsed.Simplify()
		pm.entries = append(pm.entries, patternEntry{re: re, needs: requiredLiterals(simple), perLine: perLine, inLine: !perLine && lineSafe(simple) && !nullable(simple)})
	}
	return pm, nil
}

// minLiteral is the shortest literal worth filtering on; shorter ones occur
// in almost every text.
const minLiteral = 3

// requiredLiterals returns literals one of which every match contains, or
// nil when the expression has no such set.
func requiredLiterals(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) >= minLiteral {
			return []string{foldText(string(re.Rune))}
		}
	case syntax.OpCapture, syntax.OpPlus:
		return requiredLiterals(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min > 0 {
			return requiredLiterals(re.Sub[0])
		}
	case syntax.OpConcat:
		// Any required child will do; prefer the one whose shortest
		// literal is longest, as it is the most selective. Runs of
		// children that match only fixed strings are joined first, so
		// "not (only|just)" needs "not only" or "not just", not "not ".
		var best []string
		consider := func(lits []string) {
			if lits != nil && shortest(lits) >= minLiteral && shortest(lits) > shortest(best) {
				best = lits
			}
		}
		var run []string
		for _, sub := range re.Sub {
			if exact := exactStrings(sub); exact != nil {
				run = crossJoin(run, exact)
				consider(run)
				continue
			}
			run = nil
			consider(requiredLiterals(sub))
		}
		return best
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			lits := requiredLiterals(sub)
			if lits == nil {
				return nil
			}
			all = append(all, lits...)
		}
		return all
	}
	return nil
}

// maxExact bounds the strings exactStrings and crossJoin produce.
const maxExact = 64

// exactStrings returns every string re matches, folded by foldText, when
// that is a small finite set; otherwise nil.
func exactStrings(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{foldText(string(re.Rune))}
	case syntax.OpCapture:
		return exactStrings(re.Sub[0])
	case syntax.OpEmptyMatch:
		return []string{""}
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			s := exactStrings(sub)
			if s == nil || len(all)+len(s) > maxExact {
				return nil
			}
			all = append(all, s...)
		}
		return all
	case syntax.OpConcat:
		var out []string
		for i, sub := range re.Sub {
			s := exactStrings(sub)
			if s == nil {
				return nil
			}
			if i == 0 {
				out = s
			} else if out = crossJoin(out, s); out == nil {
				return nil
			}
		}
		return out
	}
	return nil
}

// crossJoin returns every a+b, or b alone when a is empty; nil when the
// result would be too large.
func crossJoin(a, b []string) []string {
	if a == nil {
		return b
	}
	if len(a)*len(b) > maxExact {
		return nil
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}

func shortest(lits []string) int {
	if len(lits) == 0 {
		return 0
	}
	n := len(lits[0])
	for _, l := range lits[1:] {
		n = min(n, len(l))
	}
	return n
}
