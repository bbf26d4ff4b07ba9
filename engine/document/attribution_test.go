package document

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/article"
)

// sources lists "cue → source" for every attribution of an article built
// with the policy tree's lexicons.
func sources(t *testing.T, src string) []string {
	t.Helper()
	d := build(t, article.Text, src)
	var out []string
	for _, a := range d.Attributions {
		s := "-"
		if a.Source != nil {
			s = a.Source.Text
		}
		out = append(out, d.Text[a.Start:a.End]+" → "+s)
	}
	return out
}

func TestAttributionSources(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"speaker before the verb", "The harbour master said the port would reopen.",
			[]string{"said → The harbour master"}},
		{"auxiliaries skipped", "Connecticut's tax commissioner has also said the plan works.",
			[]string{"said → Connecticut's tax commissioner"}},
		{"inverted after a quote", `"It is done," said Jane Roe, a spokeswoman.`,
			[]string{"said → Jane Roe"}},
		{"frame names what follows", "Fares rose 4% according to the transit authority.",
			[]string{"according to → the transit authority"}},
		{"the match is the source", "Ridership fell sharply, a survey found.",
			[]string{"a survey found → a survey found"}},
		{"a clause after a comma is not a source", "The levy is unfair, argues there is no need for it.",
			[]string{"argues → -"}},
		{"adverbs skipped", "In March the board only later said no.",
			[]string{"said → the board"}},
		// A sentence's first word counts as a name only when the article
		// capitalises it elsewhere, so "Mara" is not part of the name here.
		{"fallback to the last name", "Mara Holt, who chairs the board, said no.",
			[]string{"said → Holt"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if diff := cmp.Diff(c.want, sources(t, c.text)); diff != "" {
				t.Errorf("%q (-want +got):\n%s", c.text, diff)
			}
		})
	}
}

func TestQuotedCuesHaveNoAttribution(t *testing.T) {
	if got := sources(t, `The union wrote: "Members said yes."`); len(got) != 1 || got[0] != "wrote → The union" {
		t.Errorf("attributions = %q, want only the unquoted cue", got)
	}
}

func TestPassiveAndCapitalisedMatches(t *testing.T) {
	cases := []struct {
		text, cue       string
		passive, capped bool
	}{
		{"The sauce was added later.", "added", true, false},
		{"The sauce was allegedly added later.", "added", true, false},
		{"It was later reported in the press.", "reported", true, false},
		{"Staff have been told to stay home.", "told", true, false},
		{"The plan was criticized by the union.", "criticized", false, false},
		{"The ministry is saying fares will rise.", "saying", false, false},
		{"The mayor said fares will rise.", "said", false, false},
		{"Trade with the United States grew.", "States", false, true},
	}
	for _, c := range cases {
		d := build(t, article.Text, c.text)
		found := false
		for _, m := range d.Matches {
			if m.Lexicon != "attribution_cues" || m.Text != c.cue {
				continue
			}
			found = true
			if m.Passive != c.passive || m.Capitalised != c.capped {
				t.Errorf("%q: %q passive %v capitalised %v, want %v %v", c.text, c.cue, m.Passive, m.Capitalised, c.passive, c.capped)
			}
		}
		if !found {
			t.Errorf("%q: no attribution cue %q matched", c.text, c.cue)
		}
	}
}
