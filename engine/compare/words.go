package compare

import (
	"slices"
	"strings"

	"github.com/kljensen/snowball/english"

	"github.com/credcheck/credcheck/engine/lexicon"
)

// functionWords carry grammar rather than content: a summary may drop or
// add them freely, so they are neither aligned nor reported as words.
var functionWords = toSet(`a an the of in on at to for from by with and or but as is are was were be been being
am has have had having do does did doing that this these those it its their theirs his her hers him he she they them
we us our you your i me my mine which who whom whose what when where why how than then there here into onto over under
about after before during since until while also more most such up down out off so if can could would should will
shall may might must just very too each other another any some all both either many much few own same only
again further once per via upon within among through against between`)

// negationCues turn what follows them into its opposite. Words that
// merely end in n't ("didn't", "isn't") count too.
var negationCues = toSet(`not no never without nor neither none nobody nothing cannot`)

func toSet(words string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(words) {
		out[w] = true
	}
	return out
}

// content says a folded word carries content: a word that is neither a
// function word nor a negation cue.
func content(f string) bool {
	if f == "" || functionWords[f] || negating(f) {
		return false
	}
	for _, r := range f {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return true
		}
	}
	return false
}

func negating(f string) bool {
	return negationCues[f] || strings.HasSuffix(f, "n't")
}

// stem reduces a folded word to its Snowball (Porter 2) stem, so that
// "rose" and "rises" differ but "falls" and "falling" agree.
func stem(f string) string {
	if strings.ContainsAny(f, "0123456789") {
		return f
	}
	return english.Stem(f, false)
}

// scopeWords is how many content words after a cue it governs: enough for
// "not guilty", "did not get the balance", "never known as".
const scopeWords = 2

// negations finds the negation cues among tokens with the content words
// each governs, up to the next punctuation; text is what the tokens'
// offsets index.
func negations(toks []lexicon.Token, text string) []Negation {
	var out []Negation
	for i, t := range toks {
		f := fold(t)
		if !negating(f) {
			continue
		}
		n := Negation{Cue: t.Text, Scope: []string{}, Words: []string{}}
		end := t.End
		for j := i + 1; j < len(toks) && len(n.Scope) < scopeWords; j++ {
			if !toks[j].Joined {
				break
			}
			g := fold(toks[j])
			if negating(g) {
				break
			}
			if content(g) {
				n.Scope = append(n.Scope, stem(g))
				n.Words = append(n.Words, toks[j].Text)
				end = toks[j].End
			}
		}
		n.Phrase = strings.Join(strings.Fields(text[t.Start:end]), " ")
		if len(n.Scope) > 0 {
			out = append(out, n)
		}
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
