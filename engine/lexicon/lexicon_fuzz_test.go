package lexicon

import (
	"sort"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"

	"github.com/credcheck/credcheck/engine/internal/fuzzseed"
)

var tokenSeeds = []string{
	"", "a", "U.S.", "1,000.50", "didn’t AI-powered U.S. e.g. AT&T",
	"*The Information* reported", "x,,1", "1.", "-", "’", "a’", "\xff\xfe", "é\u0301", "3rd 1990s",
	"Sales rose 12 percent to $2.4bn in 2024, the company said.",
	"日本語のテキスト and Ελληνικά",
}

func FuzzTokenize(f *testing.F) {
	for i, s := range tokenSeeds {
		f.Add(s, i*7)
	}
	f.Fuzz(func(t *testing.T, text string, offset int) {
		if len(text) > fuzzseed.MaxInput {
			t.Skip("larger than the fuzzed size")
		}
		offset = max(0, offset%1_000_000)
		toks := Tokenize(text, offset)
		checkTokens(t, text, offset, toks)
	})
}

func FuzzMatch(f *testing.F) {
	for _, s := range tokenSeeds {
		f.Add(s)
	}
	f.Add("Share This Post\nspot_img I hope this helps. It is worth noting that the tech behemoth reportedly agreed.")
	f.Add("ſpot_img\r\nSUBSCRIBE NOW!\nneither Apex nor Bolt has commented")
	f.Add("According to a report by The Information, people familiar with the matter said.")
	for _, s := range fuzzseed.Articles() {
		f.Add(string(s))
	}
	set := builtinSet(f)
	ref := referenceEntries(f, set)
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > fuzzseed.MaxInput {
			t.Skip("larger than the fuzzed size")
		}
		toks := Tokenize(text, 0)
		checkTokens(t, text, 0, toks)
		// Mark capitalised tokens as one-word entities so <Name> entries run.
		for i := range toks {
			if r, _ := utf8.DecodeRuneInString(toks[i].Text); unicode.IsUpper(r) {
				toks[i].Entity = 1
			}
		}
		type span struct{ lexicon, first, last int }
		seen := map[span]bool{}
		lastStart := -1
		set.MatchTokens(toks, func(m Match) {
			if m.FirstToken < 0 || m.LastToken < m.FirstToken || m.LastToken >= len(toks) {
				t.Fatalf("match %q has tokens [%d,%d] of %d", m.Term(), m.FirstToken, m.LastToken, len(toks))
			}
			if m.Start != toks[m.FirstToken].Start || m.End != toks[m.LastToken].End {
				t.Fatalf("match %q offsets [%d,%d) do not match its tokens", m.Term(), m.Start, m.End)
			}
			if m.FirstToken < lastStart {
				t.Fatalf("match %q starts before the previous match", m.Term())
			}
			lastStart = m.FirstToken
			li := sort.Search(len(set.Lexicons), func(i int) bool { return set.Lexicons[i].Name >= m.Lexicon.Name })
			if seen[span{li, m.FirstToken, m.LastToken}] {
				t.Fatalf("lexicon %s matched tokens [%d,%d] twice", m.Lexicon.Name, m.FirstToken, m.LastToken)
			}
			seen[span{li, m.FirstToken, m.LastToken}] = true
		})
		// No match lies inside another match of its lexicon.
		for a := range seen {
			for b := range seen {
				if a != b && a.lexicon == b.lexicon && b.first <= a.first && a.last <= b.last {
					t.Fatalf("%s match on tokens [%d,%d] lies inside [%d,%d]", set.Lexicons[a.lexicon].Name, a.first, a.last, b.first, b.last)
				}
			}
		}
		if !utf8.ValidString(text) {
			return // the engine only ever sees valid UTF-8
		}
		want := referenceMatches(ref, text)
		got := setMatches(set, text)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("MatchText differs from plain regexp (-regexp +MatchText):\n%s", diff)
		}
	})
}

// lexiconSeeds are lexicon definitions as a policy directory or a data file
// may write them, good and bad, each with a change to apply over it.
var lexiconSeeds = []struct{ def, change string }{
	{"entries: [reportedly, allegedly, is said to]\ngroups:\n  partnership: [partnered with, teamed up with]\n", "add: {hearsay: [word on the street is]}\nremove: [allegedly]\n"},
	{"entries: [\"(is|was) (widely|) believed\", \"* sources say\", \"<Name> said\", \"<num> percent\"]\n", "remove: [nothing]\n"},
	{"kind: patterns\nentries: ['^Share (this|on) \\w+$', '(?i)subscribe now', 'spot_img']\n", "entries: ['[unclosed']\n"},
	{"kind: patterns\nentries: ['(a*)*b', '(?:x+x+)+y', '\\b', '^$', '.*']\n", "groups: {g: ['(']}\n"},
	{"case_sensitive: true\nentries: [AI, The Information]\nsources: {verb: before}\n", "sources: {verb: sideways}\n"},
	{"entries: ['(', ')', '|', '<', '>', '*', '()', '(|)', '<Name', 'num>', '']\n", "add: {entries: ['((a|b)|(c|d))']}\n"},
	{"entries: reportedly\n", "add: [not, a, map]\n"},
	{"kind: regex\nentries: [x]\n", "remove: {a: b}\n"},
	{fuzzseed.AliasBomb(), fuzzseed.AliasBomb()},
	{"entries: [\"\\x1b[31m\", \"\\0\", \"’s\", \"ﬁ\", \"İstanbul\"]\n", "description: 5\n"},
}

// FuzzLexiconData builds a lexicon from a definition a user wrote (as
// policy data) and a change a data file applies to it, then matches text
// with it: bad definitions are errors that name the lexicon, good ones
// match only inside the text, in order, the same way twice.
func FuzzLexiconData(f *testing.F) {
	for i, s := range lexiconSeeds {
		f.Add(s.def, s.change, string(fuzzseed.Articles()[i%len(fuzzseed.Articles())]))
	}
	f.Fuzz(func(t *testing.T, def, change, text string) {
		if len(def)+len(change) > 4<<10 || len(text) > fuzzseed.MaxInput {
			t.Skip("larger than the fuzzed size")
		}
		if !utf8.ValidString(text) {
			return // article.Load rejects invalid UTF-8
		}
		var base, edit map[string]any
		if yaml.Unmarshal([]byte(def), &base) != nil || yaml.Unmarshal([]byte(change), &edit) != nil {
			return // the YAML decoder is not what is fuzzed here
		}
		lexicons := map[string]any{"fuzz": base}
		if edited, err := Edit("fuzz", base, edit); err == nil {
			lexicons["fuzz_edited"] = edited
		} else if _, ok := err.(*Error); !ok {
			t.Fatalf("Edit failed with %T, not a lexicon error: %v", err, err)
		}
		set, err := FromData(lexicons)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("FromData failed with %T, not a lexicon error: %v", err, err)
			}
			return
		}
		first := matchAll(t, set, text)
		if second := matchAll(t, set, text); !cmp.Equal(first, second) {
			t.Fatalf("two matches of the same text differ:\n%s", cmp.Diff(first, second))
		}
	})
}

type fuzzMatch struct {
	Lexicon    string
	Entry      int
	Start, End int
}

// matchAll runs both matchers over text, as the document builder does,
// and checks every match lies inside the text.
func matchAll(t *testing.T, set *Set, text string) []fuzzMatch {
	t.Helper()
	var out []fuzzMatch
	check := func(m Match) {
		if m.Start < 0 || m.Start > m.End || m.End > len(text) {
			t.Fatalf("match of %q at [%d,%d) in a text of %d bytes", m.Term(), m.Start, m.End, len(text))
		}
		if m.Entry < 0 || m.Entry >= len(m.Lexicon.Entries) {
			t.Fatalf("match of entry %d of %d", m.Entry, len(m.Lexicon.Entries))
		}
		out = append(out, fuzzMatch{m.Lexicon.Name, m.Entry, m.Start, m.End})
	}
	toks := Tokenize(text, 0)
	for i := range toks {
		if r, _ := utf8.DecodeRuneInString(toks[i].Text); unicode.IsUpper(r) {
			toks[i].Entity = 1
		}
	}
	set.MatchTokens(toks, check)
	set.MatchText(text, check)
	return out
}
