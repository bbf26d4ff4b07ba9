package document

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/lexicon"
)

func TestUpperTokens(t *testing.T) {
	for text, want := range map[string][]int{
		"SHOCKING: NASA Finds NOTHING":      {0, 1, 3},
		"I saw A cat":                       nil,
		"COVID-19 cases rose":               {0},
		"THAT’S it, Jane":                   {0},
		"Deal worth $2.4 billion, 24 hours": nil,
	} {
		if got := upperTokens(lexicon.Tokenize(text, 0)); !cmp.Equal(got, want) {
			t.Errorf("upperTokens(%q) = %v, want %v", text, got, want)
		}
	}
}
