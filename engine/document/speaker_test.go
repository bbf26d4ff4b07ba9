package document

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/article"
)

// speakers lists "cue → name | role" for every attribution of an article
// built with the policy tree's lexicons, "-" where there is none.
func speakers(t *testing.T, src string) []string {
	t.Helper()
	d := build(t, article.Text, src)
	var out []string
	for _, a := range d.Attributions {
		s := d.Text[a.Start:a.End] + " → "
		switch {
		case a.Speaker == nil:
			s += "-"
		case a.Speaker.Role == nil:
			s += a.Speaker.Text + " | -"
		default:
			s += a.Speaker.Text + " | " + a.Speaker.Role.Text
		}
		out = append(out, s)
	}
	return out
}

func TestAttributionSpeakers(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"description after an inverted verb", `"It is done," said Jane Roe, an analyst at Ledger Research.`,
			[]string{"said → Jane Roe | an analyst at Ledger Research"}},
		{"description between name and verb", "Mara Holt, who chairs the board, said no.",
			[]string{"said → Mara Holt | who chairs the board"}},
		{"description before a verb with an object", "Jane Roe, an analyst at Ledger, said the vote would wait.",
			[]string{"said → Jane Roe | an analyst at Ledger"}},
		{"title before the name", "Health Minister Jo Bell said the plan would work.",
			[]string{"said → Health Minister Jo Bell | Health Minister Jo Bell"}},
		{"organisation before a lower-case title", "Ledger Research analyst Kevin Ames said rents would fall.",
			[]string{"said → Kevin Ames | Ledger Research analyst Kevin Ames"}},
		{"the name ends the noun phrase", "The Ledger Research spokesman said nothing.",
			[]string{"The Ledger Research spokesman → -", "said → -"}},
		// A name may hold "of" ("Bank of America"), so the whole run is one
		// name here; the policies see no description set apart from it.
		{"a name joined by of", "Jane Roe of Ledger Research said rents would fall.",
			[]string{"said → Jane Roe of Ledger Research | Jane Roe of Ledger Research"}},
		{"of after an inverted verb names the person", `"Rents will fall," said Jane Roe of the Ledger group.`,
			[]string{"said → Jane Roe | Jane Roe of the Ledger group"}},
		{"a frame", "According to Ana Ruiz, an epidemiologist at Norden University, cases fell.",
			[]string{"According to → Ana Ruiz | an epidemiologist at Norden University"}},
		{"a place before a comma is not a speaker", "Prices rose at Harbor, an analyst said.",
			[]string{"said → -"}},
		{"a conjunction opening the sentence is not a name", "But Jane Roe said no.",
			[]string{"said → Jane Roe | -"}},
		{"a clause after the name is not a description",
			"According to Jane Roe, Tom Reyes has given his full backing to the plan that the port board will put to a vote in the spring.",
			[]string{"According to → Jane Roe | -"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := speakers(t, c.text)
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("%q (-want +got):\n%s", c.text, diff)
			}
		})
	}
}
