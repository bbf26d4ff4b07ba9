package compare

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// A scraped article whose paragraph breaks were lost runs sentences
// together ("Wednesday.Lumora's"); each is aligned on its own, and the
// glued words count as the article's.
func TestRunOnSentencesAreSplit(t *testing.T) {
	doc := `Kessock Ferries said it would add a vessel on Wednesday.Lumora's shares rose 2% after the news."It is a good day," said Holt.The vote is on Friday.`
	in := build(t, doc, "The vote is on Thursday.")
	c := in.Claims[0]
	if got := in.Sources[0].Text; got != "The vote is on Friday." {
		t.Errorf("source = %q, want the last sentence alone", got)
	}
	if !slices.ContainsFunc(c.Words, func(w Word) bool {
		return w.Fold == "thursday" && slices.ContainsFunc(w.Rivals, func(r Related) bool { return r.Stem == "friday" && r.InSource })
	}) {
		t.Errorf("thursday should have friday as a rival in its source: %+v", c.Words)
	}
	in = build(t, doc, "Lumora's shares fell on Wednesday.")
	for _, w := range in.Claims[0].Words {
		if w.Fold == "wednesday" && !w.InArticle {
			t.Errorf("wednesday, glued to the next sentence, should count as the article's: %+v", w)
		}
	}
}

// "U.S.Army" and "Ph.D" are not sentence seams.
func TestAbbreviationsAreNotSeams(t *testing.T) {
	in := build(t, "Kessock hired a Ph.D. student from the U.S.Army last year.", "Kessock hired a student.")
	if len(in.Sources) != 1 || !strings.HasPrefix(in.Sources[0].Text, "Kessock hired a Ph.D.") {
		t.Errorf("sources = %+v", in.Sources)
	}
}

// A summary sentence fusing two article sentences rests on both: a day
// swapped in its first half is read against the first sentence.
func TestClaimRestsOnThePassageItFuses(t *testing.T) {
	doc := "The council met on Tuesday, and its chair said the budget was agreed. " +
		"Its members voted to close the Kessock library and the Harbor pool to cut costs by spring."
	in := build(t, doc, "The council's chair said on Monday it voted to close the Kessock library and the Harbor pool to cut costs.")
	c := in.Claims[0]
	if c.Source != 0 || c.SourceLast != 1 {
		t.Fatalf("passage = %d–%d, want 0–1", c.Source, c.SourceLast)
	}
	if len(in.Sources) != 1 || in.Sources[0].Last != 1 {
		t.Errorf("sources = %+v", in.Sources)
	}
	found, err := judge(t).Compare(context.Background(), doc, "The council's chair said on Monday it voted to close the Kessock library and the Harbor pool to cut costs.")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(found, func(f *Finding) bool { return f.Rule == "summary-swapped-value" }) {
		t.Errorf("Monday for Tuesday should be found: %+v", found)
	}
}

const recall = `The maker will recall 19 pickups over a "specific electrical connection issue that could result in a loss of propulsion while driving," it said.`

func TestQuotationsAreMatchedWithTheArticles(t *testing.T) {
	in := build(t, recall, `The maker recalls 19 pickups over a "specific electrical connection issue that could result in a loss of steering while driving."`)
	q := in.Claims[0].Quotes
	if len(q) != 1 {
		t.Fatalf("quotes = %+v", q)
	}
	if q[0].Shared != 7 || q[0].Words != 8 || !slices.Equal(q[0].Missing, []string{"steering"}) || q[0].Negated {
		t.Errorf("quote = %+v", q[0])
	}
	in = build(t, recall, `The maker recalls pickups over an issue that "could not result in a loss of propulsion".`)
	if q := in.Claims[0].Quotes; len(q) != 1 || !q[0].Negated || q[0].MatchedNegated || len(q[0].Missing) != 0 {
		t.Errorf("quote = %+v", q)
	}
}

func TestMisquoteIsFound(t *testing.T) {
	j := judge(t)
	for summary, want := range map[string]bool{
		`The maker recalls 19 pickups over a "specific electrical connection issue that could result in a loss of steering while driving."`: true,
		`The maker recalls pickups over an issue that "could not result in a loss of propulsion".`:                                          true,
		`The maker recalls 19 pickups over an issue that "could result in a loss of propulsion".`:                                           false,
		`The maker recalls 19 pickups, citing a "wiring fault".`:                                                                            false,
	} {
		found, err := j.Compare(context.Background(), recall, summary)
		if err != nil {
			t.Fatal(err)
		}
		got := slices.ContainsFunc(found, func(f *Finding) bool { return f.Rule == "summary-misquote" })
		if got != want {
			t.Errorf("%s: misquote found = %v, want %v (%+v)", summary, got, want, found)
		}
	}
}

func judge(t *testing.T) *Judge {
	t.Helper()
	j, err := NewJudge(context.Background(), policies(t))
	if err != nil {
		t.Fatal(err)
	}
	return j
}

// A summary may round its article's figure, not add digits to it: "0.503%"
// is not the article's "0.5%".
func TestMorePreciseFigureIsNotTheArticles(t *testing.T) {
	in := build(t, "Yields touched 0.5% on Monday.", "Yields touched 0.503% on Monday.")
	if n := in.Claims[0].Numbers; len(n) != 1 || n[0].Supported || n[0].Elsewhere {
		t.Errorf("numbers = %+v, want 0.503%% unsupported by 0.5%%", n)
	}
}
