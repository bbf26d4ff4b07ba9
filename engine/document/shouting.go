package document

import (
	"unicode"

	"github.com/credcheck/credcheck/engine/lexicon"
)

// upperTokens gives the indexes of the tokens written wholly in capital
// letters ("SHOCKING", "NOT", "COVID-19", "NASA"), with at least two letters
// so that "I" and "A" stay out. Whether a run of capitals is an acronym, a
// name or shouting is for the policies to judge.
func upperTokens(toks []lexicon.Token) []int {
	var out []int
	for i, t := range toks {
		letters, upper := 0, true
		for _, r := range t.Text {
			if unicode.IsLetter(r) {
				letters++
				if !unicode.IsUpper(r) {
					upper = false
					break
				}
			}
		}
		if upper && letters >= 2 {
			out = append(out, i)
		}
	}
	return out
}
