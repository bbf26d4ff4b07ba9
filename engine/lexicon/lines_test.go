package lexicon

import (
	"math/rand/v2"
	"regexp/syntax"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// wholeTextMatches is MatchText without any prefilter: each entry over the
// whole text (per line for entries anchored with ^), the reference the
// line-by-line matcher must reproduce exactly.
func wholeTextMatches(s *Set, text string) []Match {
	var out []Match
	for _, pm := range s.patterns {
		for i, e := range pm.entries {
			m := Match{Lexicon: s.Lexicons[pm.lexicon], Entry: i, FirstToken: -1, LastToken: -1}
			if !e.perLine {
				for _, loc := range e.re.FindAllStringIndex(text, -1) {
					if loc[0] < loc[1] {
						m.Start, m.End = loc[0], loc[1]
						out = append(out, m)
					}
				}
				continue
			}
			start := 0
			for _, line := range strings.Split(text, "\n") {
				if loc := e.re.FindStringIndex(strings.TrimSuffix(line, "\r")); loc != nil && loc[0] < loc[1] {
					m.Start, m.End = start+loc[0], start+loc[1]
					out = append(out, m)
				}
				start += len(line) + 1
			}
		}
	}
	return out
}

func TestMatchTextByLineMatchesWholeText(t *testing.T) {
	t.Parallel()
	set := mustSet(t, `
edges:
  kind: patterns
  entries:
    - '\bshare this\b'
    - 'post$'
    - '^share'
    - '(?:this|post)\s+post'
    - 'share[^x]{0,8}post'
    - 'this.{0,6}post'
    - '\Ashare'
    - 'post\z'
    - '\bpost\b|x*'
    - 'ſhare'
`)
	builtin := builtinSet(t)
	alphabet := []string{"share", "this", "post", " ", " ", "\n", "\r\n", "\n\n", ".", "SHARE", "x", "ſ", "’", "\xff",
		"I hope this helps", "spot_img", "according to", "as an AI language model", "Share This Post", "- ", "|"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		text := b.String()
		for _, s := range []*Set{set, builtin} {
			var got []Match
			s.MatchText(text, func(m Match) { got = append(got, m) })
			if diff := cmp.Diff(wholeTextMatches(s, text), got); diff != "" {
				t.Fatalf("MatchText(%q) differs from matching the whole text (-want +got):\n%s", text, diff)
			}
		}
	}
}

func TestLineSafe(t *testing.T) {
	tests := []struct {
		re   string
		want bool
	}{
		{`\bshare this\b`, true},
		{`(?m)post$`, true},
		{`[^.]{0,20}`, false}, // [^.] takes '\n'
		{`a\s+b`, false},
		{`(?s)a.b`, false},
		{`a.b`, true},
		{`\Aabc`, false},
		{`abc\z`, false},
		{`[a-z]+`, true},
	}
	for _, tt := range tests {
		re, err := syntax.Parse(tt.re, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := lineSafe(re.Simplify()); got != tt.want {
			t.Errorf("lineSafe(%q) = %v, want %v", tt.re, got, tt.want)
		}
	}
}
