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
}

// Set holds every lexicon of a policy set with the matchers built from them.
type Set struct {
	Lexicons []*Lexicon
	folded   *node // phrases matched on lower-cased tokens
	exact    *node // phrases of case-sensitive lexicons
	patterns []*patternMatcher
}

// Error describes a lexicon that cannot be used.
type Error struct {
	Lexicon string
	Reason  string
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
	set := &Set{folded: newNode(), exact: newNode()}
	for _, name := range names {
		lex, err := parseLexicon(name, lexicons[name])
		if err != nil {
			return nil, err
		}
		if err := set.add(lex); err != nil {
			return nil, err
		}
	}
	return set, nil
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
	for key, v := range obj {
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
			case Phrases, Patterns:
				lex.Kind = Kind(s)
			default:
				return nil, fail("kind must be %q or %q, not %v", Phrases, Patterns, v)
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
		case "references", "notes", "source":
			// Documentation for editors; not used in matching.
		default:
			return nil, fail("unknown key %q (expected description, kind, case_sensitive, entries, groups, references, notes)", key)
		}
	}
	if len(lex.Entries) == 0 {
		return nil, fail("has no entries")
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
			return &Error{Lexicon: lex.Name, Reason: fmt.Sprintf("entry %q: %v", e.Term, err)}
		}
		for _, seq := range seqs {
			root.insert(seq, termRef{lexicon: index, entry: i, length: len(seq)})
		}
	}
	return nil
}

// patternMatcher runs all of one lexicon's regular expressions as a single
// alternation, one capture group per entry, so the text is scanned once.
type patternMatcher struct {
	lexicon int
	re      *regexp.Regexp
	// entryOfGroup maps a capture-group index to the entry it wraps, -1 for
	// groups the entries open themselves.
	entryOfGroup []int
}

func compilePatterns(lex *Lexicon) (*patternMatcher, error) {
	var parts []string
	entryOfGroup := []int{-1}
	for i, e := range lex.Entries {
		re, err := regexp.Compile(e.Term)
		if err != nil {
			return nil, &Error{Lexicon: lex.Name, Reason: fmt.Sprintf("entry %q is not a valid RE2 pattern: %v", e.Term, err)}
		}
		parts = append(parts, "("+e.Term+")")
		entryOfGroup = append(entryOfGroup, i)
		for range re.NumSubexp() {
			entryOfGroup = append(entryOfGroup, -1)
		}
	}
	flags := "(?m)"
	if !lex.CaseSensitive {
		flags = "(?mi)"
	}
	re, err := regexp.Compile(flags + strings.Join(parts, "|"))
	if err != nil {
		return nil, &Error{Lexicon: lex.Name, Reason: err.Error()}
	}
	return &patternMatcher{re: re, entryOfGroup: entryOfGroup}, nil
}
