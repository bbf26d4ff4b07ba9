package lexicon

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// builtinPatternLexicons are the pattern lexicons of the policy tree whose
// entries the literal prefilter must never lose a match of.
var builtinPatternLexicons = []string{"boilerplate_lines", "chatbot_artefacts", "formulaic_phrases"}

// sample generates a random string that re matches. Case-folded literals
// take any member of their case-folding orbit ("s", "S" or "ſ"), as RE2
// does. It reports false for expressions that can match nothing.
func sample(rng *rand.Rand, re *syntax.Regexp, b *strings.Builder) bool {
	switch re.Op {
	case syntax.OpNoMatch:
		return false
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if re.Flags&syntax.FoldCase != 0 {
				orbit := []rune{r}
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					orbit = append(orbit, f)
				}
				r = orbit[rng.IntN(len(orbit))]
			}
			b.WriteRune(r)
		}
		return true
	case syntax.OpCharClass:
		b.WriteRune(classRune(rng, re.Rune))
		return true
	case syntax.OpAnyCharNotNL:
		b.WriteRune(rune(' ' + rng.IntN(95)))
		return true
	case syntax.OpAnyChar:
		if rng.IntN(10) == 0 {
			b.WriteByte('\n')
		} else {
			b.WriteRune(rune(' ' + rng.IntN(95)))
		}
		return true
	case syntax.OpCapture:
		return sample(rng, re.Sub[0], b)
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		lo, hi := 0, 3
		switch re.Op {
		case syntax.OpPlus:
			lo = 1
		case syntax.OpQuest:
			hi = 1
		case syntax.OpRepeat:
			lo, hi = re.Min, re.Max
			if hi < 0 || hi > lo+3 {
				hi = lo + 3
			}
		}
		n := lo + rng.IntN(hi-lo+1)
		for range n {
			if !sample(rng, re.Sub[0], b) {
				return false
			}
		}
		return true
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !sample(rng, sub, b) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		return sample(rng, re.Sub[rng.IntN(len(re.Sub))], b)
	}
	panic(fmt.Sprintf("sample: unhandled op %v", re.Op))
}

// classRune picks a rune of a character class (pairs of inclusive ranges),
// usually a printable ASCII one so that texts stay readable.
func classRune(rng *rand.Rand, ranges []rune) rune {
	var ascii []rune
	for i := 0; i < len(ranges); i += 2 {
		for r := max(ranges[i], ' '); r <= min(ranges[i+1], '~'); r++ {
			ascii = append(ascii, r)
		}
		if ranges[i] <= '\t' && ranges[i+1] >= '\t' {
			ascii = append(ascii, '\t')
		}
	}
	if len(ascii) > 0 && rng.IntN(5) > 0 {
		return ascii[rng.IntN(len(ascii))]
	}
	for {
		i := 2 * rng.IntN(len(ranges)/2)
		lo, hi := ranges[i], min(ranges[i+1], ranges[i]+2000)
		r := lo + rune(rng.IntN(int(hi-lo+1)))
		if utf8.ValidRune(r) {
			return r
		}
	}
}

type refMatch struct {
	Lexicon    string
	Entry      int
	Start, End int
	Text       string
}

// referenceEntry is a pattern entry compiled the plain way, without the
// prefilter: unanchored entries with (?mi) for the whole text, entries
// starting with ^ with (?i) for one line at a time.
type referenceEntry struct {
	lexicon string
	entry   int
	perLine bool
	re      *regexp.Regexp
}

func referenceEntries(t testing.TB, set *Set) []referenceEntry {
	t.Helper()
	var out []referenceEntry
	for _, lex := range set.Lexicons {
		if lex.Kind != Patterns {
			continue
		}
		for i, e := range lex.Entries {
			flags := "(?mi)"
			perLine := strings.HasPrefix(e.Term, "^")
			if perLine {
				flags = "(?i)"
			}
			if lex.CaseSensitive {
				flags = strings.Replace(flags, "i", "", 1)
			}
			out = append(out, referenceEntry{lex.Name, i, perLine, regexp.MustCompile(flags + e.Term)})
		}
	}
	return out
}

// referenceMatches runs the entries over text in the order MatchText
// promises: lexicon, entry, position.
func referenceMatches(entries []referenceEntry, text string) []refMatch {
	var out []refMatch
	for _, e := range entries {
		if !e.perLine {
			for _, loc := range e.re.FindAllStringIndex(text, -1) {
				if loc[0] < loc[1] {
					out = append(out, refMatch{Lexicon: e.lexicon, Entry: e.entry, Start: loc[0], End: loc[1], Text: text[loc[0]:loc[1]]})
				}
			}
			continue
		}
		start := 0
		for _, line := range strings.SplitAfter(text, "\n") {
			body := strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
			if loc := e.re.FindStringIndex(body); loc != nil && loc[0] < loc[1] {
				out = append(out, refMatch{Lexicon: e.lexicon, Entry: e.entry, Start: start + loc[0], End: start + loc[1], Text: body[loc[0]:loc[1]]})
			}
			start += len(line)
		}
	}
	return out
}

func setMatches(set *Set, text string) []refMatch {
	var out []refMatch
	set.MatchText(text, func(m Match) {
		out = append(out, refMatch{Lexicon: m.Lexicon.Name, Entry: m.Entry, Start: m.Start, End: m.End, Text: text[m.Start:m.End]})
	})
	return out
}

// patternSet is the built-in pattern lexicons alone.
func patternSet(t testing.TB) *Set {
	t.Helper()
	all := builtinData(t)
	data := map[string]any{}
	for _, name := range builtinPatternLexicons {
		lex, ok := all[name]
		if !ok {
			t.Fatalf("built-in lexicon %s is missing", name)
		}
		data[name] = lex
	}
	set, err := FromData(data)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

var contexts = []string{
	"", " ", "\n", "\r\n", "\n\n", "x", "Officials said on Monday. ", ". ", " — ", "»", "(", "\t", "word",
	"Ünïcode “quoted” text ", "1", "_",
}

// prefilterCorpus builds texts that hold matches of every entry, in random
// cases (including case-folding variants such as "ſ" for "s"), at the start,
// middle and end of texts and lines, alone and mixed with other entries'
// matches and with ordinary prose.
func prefilterCorpus(t testing.TB, set *Set) []string {
	t.Helper()
	rng := rand.New(rand.NewPCG(2024, 7))
	var samples []string
	for _, lex := range set.Lexicons {
		if lex.Kind != Patterns {
			continue
		}
		for _, e := range lex.Entries {
			flags := syntax.Perl
			if !lex.CaseSensitive {
				flags |= syntax.FoldCase
			}
			re, err := syntax.Parse(e.Term, flags)
			if err != nil {
				t.Fatal(err)
			}
			for range 40 {
				var b strings.Builder
				if sample(rng, re, &b) {
					samples = append(samples, b.String())
				}
			}
		}
	}
	var texts []string
	ctx := func() string { return contexts[rng.IntN(len(contexts))] }
	for _, s := range samples {
		texts = append(texts, s, ctx()+s+ctx())
	}
	for range 300 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(ctx())
			b.WriteString(samples[rng.IntN(len(samples))])
			b.WriteString(ctx())
		}
		texts = append(texts, b.String())
	}
	// Handwritten texts with matches in every case and near misses.
	texts = append(texts,
		"Share this post\nSHARE ON X\n  subscribe now!\nRead More:\n- Advertisement -spot_img\n12 comments\nTags: budget, council",
		"sharing this post\nshare this posts\nSubscribe to our newsletter for the rest of the story.\nDate 2026-01-02 was the deadline",
		"The deal stands AS A TESTAMENT to patience. Not only did it pass, but also it was popular.\nNot just here; but there",
		"As An Ai Language Model, I cannot. Certainly! Here's the revised version of the article.\n  OF COURSE! HERE IS the text",
		"Citations 【12†source】 and [cite: 3, 4] and [span_2](start_span) and turn0search3 and utm_source=chatgpt.com",
		"Despite its long history, the port faces numerous challenges, highlighting its importance to the region.",
		"LET’S STAY IN TOUCH\nlet's stay in touch, readers\nGet the latest council news in your inbox",
		"ſpot_img ſhare this poſt \u212Aelvin SUBSCRIBE",
		"ſhare thiſ poſt\nI hope thiſ helpſ\nDeeply Rooted and deeply rooted",
	)
	// The fixtures are real articles, some with residue.
	files, _ := filepath.Glob("../../fixtures/*")
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err == nil {
			texts = append(texts, string(raw), strings.ToUpper(string(raw)))
		}
	}
	n := len(texts)
	for i := range n {
		if i%3 == 0 {
			texts = append(texts, strings.ToUpper(texts[i]), strings.ToLower(texts[i]))
		}
	}
	return texts
}

func TestPrefilterNeverDropsAMatchOfABuiltinPattern(t *testing.T) {
	t.Parallel()
	set := patternSet(t)
	ref := referenceEntries(t, set)
	texts := prefilterCorpus(t, set)
	hits := map[string]int{}
	failures := 0
	for _, text := range texts {
		want := referenceMatches(ref, text)
		for _, m := range want {
			hits[fmt.Sprintf("%s/%d", m.Lexicon, m.Entry)]++
		}
		got := setMatches(set, text)
		if diff := cmp.Diff(want, got); diff != "" {
			failures++
			if failures <= 5 {
				t.Errorf("MatchText differs from plain regexp on %q (-regexp +MatchText):\n%s", text, diff)
			}
		}
	}
	if failures > 5 {
		t.Errorf("... %d texts differ in all", failures)
	}
	// The corpus must exercise every entry, or the comparison proves little.
	for _, lex := range set.Lexicons {
		for i, e := range lex.Entries {
			if hits[fmt.Sprintf("%s/%d", lex.Name, i)] == 0 {
				t.Errorf("no text of the corpus matches %s entry %q", lex.Name, e.Term)
			}
		}
	}
	t.Logf("%d texts, %d entries", len(texts), len(ref))
}

func TestRequiredLiteralsOccurInEveryMatch(t *testing.T) {
	terms := []string{
		`not (only|merely|just)\b`, `ab(cd|)ef`, `x(abc|abd)y`, `(?:abc){2,}z`, `(foo|bar)+baz`,
		`pre(a|b)(c|d)(e|f)(g|h)(i|j)(k|l)(m|n)post`, `\d+ comments?`, `(alpha|be)ta`, `a.c|xyz`,
		`(?:hello|world)\s+there`, `cat(?:s|)\b`, `(?i)ſtraße`, `ǅemal|ǈjubljana`,
	}
	builtin := builtinSet(t)
	for _, name := range builtinPatternLexicons {
		for _, e := range builtin.Lookup(name).Entries {
			terms = append(terms, e.Term)
		}
	}
	rng := rand.New(rand.NewPCG(5, 9))
	for _, term := range terms {
		re, err := syntax.Parse("(?i)"+term, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		needs := requiredLiterals(re.Simplify())
		for _, l := range needs {
			if len(l) < minLiteral {
				t.Errorf("%q: literal %q is shorter than %d bytes", term, l, minLiteral)
			}
		}
		if len(needs) == 0 {
			continue
		}
		for range 300 {
			var b strings.Builder
			if !sample(rng, re, &b) {
				continue
			}
			if s := b.String(); !containsFolded(s, needs) {
				t.Errorf("%q matches %q, which holds none of the required literals %q", term, s, needs)
				break
			}
		}
	}
}

func TestRequiredLiteralsPicksSelectiveText(t *testing.T) {
	tests := []struct {
		term string
		want []string
	}{
		{`spot_img`, []string{"spot_img"}},
		{`SPOT_IMG`, []string{"spot_img"}},
		{`\bnot (only|just)\b`, []string{"not only", "not just"}},
		{`td_block|elementor-widget|jnews_`, []string{"td_block", "elementor-widget", "jnews_"}},
		{`ab|abc`, nil},   // "ab" is too short to filter on
		{`\d+`, nil},      // no fixed text
		{`(x|y)*`, nil},   // may match nothing
		{`(hello)?`, nil}, // optional
		{`a{2}bcd{0,1}`, []string{"aabc"}},
	}
	for _, tt := range tests {
		re, err := syntax.Parse("(?i)"+tt.term, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		got := requiredLiterals(re.Simplify())
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("requiredLiterals(%q) (-want +got):\n%s", tt.term, diff)
		}
	}
}

func TestLiteralSetFindsEveryOccurrence(t *testing.T) {
	lits := []string{"he", "she", "his", "hers", "share", "are", "re", "spot_img", "【"}
	ls := newLiteralSet(lits)
	texts := []string{"", "ushers", "share this post", "his share", "xx【12", "spot_im", "s", "hershe", "ahishers", "rerere", "sh\ne", "He\n\nSHE\r\nhis", "ſhe"}
	rng := rand.New(rand.NewPCG(1, 1))
	alphabet := []string{"h", "e", "s", "r", "a", "i", "x", "_", "【", "spot_img", "\n", "H", "E", "\xff"}
	for range 500 {
		var b strings.Builder
		for range rng.IntN(16) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		x := ls.index(text)
		lines := strings.Split(text, "\n")
		if len(x.starts) != len(lines) {
			t.Fatalf("index(%q) has %d lines, want %d", text, len(x.starts), len(lines))
		}
		for j, line := range lines {
			if got := x.line(text, int32(j)); got != line {
				t.Errorf("index(%q).line(%d) = %q, want %q", text, j, got, line)
			}
		}
		for i, l := range lits {
			if got, want := x.anyFound([]int32{int32(i)}), strings.Contains(foldText(text), l); got != want {
				t.Errorf("index(%q): found %q = %v, want %v", text, l, got, want)
			}
			var want []int32
			for j, line := range lines {
				if strings.Contains(foldText(line), l) {
					want = append(want, int32(j))
				}
			}
			if diff := cmp.Diff(want, append([]int32(nil), x.linesOf([]int32{int32(i)})...)); diff != "" {
				t.Errorf("index(%q): lines of %q (-want +got):\n%s", text, l, diff)
			}
		}
		x.release()
	}
}

// containsFolded reports whether the folded line holds one of needs.
func containsFolded(line string, needs []string) bool {
	lower := foldText(line)
	for _, n := range needs {
		if strings.Contains(lower, n) {
			return true
		}
	}
	return false
}
