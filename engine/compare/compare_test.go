package compare

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/credcheck/credcheck/engine/policy"
)

var (
	loadOnce sync.Once
	loaded   *policy.Set
	loadErr  error
)

// policies loads the built-in policies once for the package's tests.
func policies(t *testing.T) *policy.Set {
	t.Helper()
	loadOnce.Do(func() { loaded, loadErr = policy.Load(context.Background(), policy.Options{Comparisons: true}) })
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return loaded
}

func build(t *testing.T, doc, claim string) *Input {
	t.Helper()
	set := policies(t)
	d, c, err := Texts(doc, claim, set.Lexicons)
	if err != nil {
		t.Fatal(err)
	}
	rel, err := ReadRelations(set.Data["credcheck"].(map[string]any)["consistency"])
	if err != nil {
		t.Fatal(err)
	}
	return Build(d, c, rel)
}

const ferry = "Harbor Ferries said on Thursday it would buy two new vessels for its Kessock crossing. " +
	"The company carried 214,000 passengers last year. " +
	"Chief executive Maren Tull said the order was not a response to the rival service."

func TestClaimIsAlignedWithTheSentenceSharingMostWords(t *testing.T) {
	in := build(t, ferry, "Maren Tull said the order answered the rival service. The company carried many passengers.")
	if len(in.Claims) != 2 {
		t.Fatalf("claims = %d, want 2", len(in.Claims))
	}
	if in.Claims[0].Source != 2 || in.Claims[1].Source != 1 {
		t.Errorf("sources = %d, %d, want 2, 1", in.Claims[0].Source, in.Claims[1].Source)
	}
	if len(in.Sources) != 2 || in.Sources[0].Index != 2 {
		t.Errorf("sources = %+v", in.Sources)
	}
}

func TestFigures(t *testing.T) {
	in := build(t, ferry+" Fares rose on Jan. 18.Prices held after that.", "Harbor Ferries carried 241,000 passengers, and 214,000 riders, fares rising on Jan. 18.")
	got := map[string][2]bool{}
	for _, n := range in.Claims[0].Numbers {
		got[n.Text] = [2]bool{n.Supported, n.Elsewhere}
	}
	want := map[string][2]bool{
		"241,000": {false, false},
		"214,000": {true, false},
		// The article's reader misses "18" run into the next sentence;
		// the digits as written still count.
		"18": {false, true},
	}
	for text, w := range want {
		if g, ok := got[text]; !ok || g != w {
			t.Errorf("figure %s: supported, elsewhere = %v (found %v), want %v", text, g, ok, w)
		}
	}
}

func TestRoundedFigureAgrees(t *testing.T) {
	in := build(t, "Shares rose 1.52% on Monday.", "Shares rose 1.5% on Monday.")
	if n := in.Claims[0].Numbers; len(n) != 1 || !n[0].Supported {
		t.Errorf("numbers = %+v, want 1.5%% supported by 1.52%%", n)
	}
}

func TestNames(t *testing.T) {
	in := build(t, "The United Kingdom and Harbor Ferries signed the deal in Kessock.",
		"In the end the UK, Harbor and Ardmore Ferries signed it in Kessock.")
	got := map[string]Name{}
	for _, n := range in.Claims[0].Names {
		got[n.Key] = n
	}
	if n, ok := got["uk"]; !ok || !n.Supported {
		t.Errorf("UK by the initials of United Kingdom: %+v (found %v)", n, ok)
	}
	if n := got["harbor"]; !n.Supported {
		t.Errorf("Harbor, a word of Harbor Ferries: %+v", n)
	}
	if n := got["ardmore ferries"]; n.Supported || !n.Partly {
		t.Errorf("Ardmore Ferries: %+v, want partly supported", n)
	}
}

func TestNegations(t *testing.T) {
	in := build(t, ferry, "Maren Tull said the order was a response to the rival service. Harbor Ferries would not buy new vessels.")
	src := in.Sources[0]
	if len(src.Negations) != 1 || !src.Negations[0].ClaimHas || src.Negations[0].ClaimNegates {
		t.Errorf("source negations = %+v, want one the claim keeps the words of without negating", src.Negations)
	}
	negs := in.Claims[1].Negations
	if len(negs) != 1 || negs[0].Cue != "not" || !slices.Equal(negs[0].Scope, []string{"buy", "new"}) || !negs[0].ArticleHas || negs[0].ArticleNegates {
		t.Errorf("claim negations = %+v, want not [buy new], used but never negated by the article", negs)
	}
	for _, w := range in.Claims[1].Words {
		if w.Fold == "buy" && !w.Negated {
			t.Errorf("buy is not marked negated: %+v", w)
		}
	}
}

func TestOppositesAndRivals(t *testing.T) {
	in := build(t, "The bank said on Thursday it would buy bonds.", "The bank said on Friday it would sell bonds.")
	var sell, friday *Word
	for i, w := range in.Claims[0].Words {
		switch w.Fold {
		case "sell":
			sell = &in.Claims[0].Words[i]
		case "friday":
			friday = &in.Claims[0].Words[i]
		}
	}
	if sell == nil || len(sell.Opposites) != 1 || sell.Opposites[0] != (Related{Stem: "buy", Word: "buy", InSource: true}) {
		t.Errorf("sell = %+v, want the opposite buy in its source", sell)
	}
	if friday == nil || len(friday.Rivals) != 1 || friday.Rivals[0] != (Related{Stem: "thursday", Word: "Thursday", Set: "weekdays", InSource: true}) {
		t.Errorf("friday = %+v, want the rival thursday", friday)
	}
}

func TestReadRelationsRejectsBadData(t *testing.T) {
	for _, data := range []any{
		"pairs",
		map[string]any{"opposites": []any{[]any{"rise"}}},
		map[string]any{"opposites": []any{[]any{"rise", 3}}},
		map[string]any{"contrasts": map[string]any{"days": "monday"}},
	} {
		if _, err := ReadRelations(data); err == nil {
			t.Errorf("ReadRelations(%v) = nil error", data)
		}
	}
}

func TestJudgeRunsTheConsistencyRules(t *testing.T) {
	j, err := NewJudge(context.Background(), policies(t))
	if err != nil {
		t.Fatal(err)
	}
	got, err := j.Compare(context.Background(), ferry, "Harbor Ferries said on Friday it would buy two vessels for its Ardmore crossing.")
	if err != nil {
		t.Fatal(err)
	}
	var rules []string
	for _, f := range got {
		rules = append(rules, f.Rule)
	}
	if want := []string{"summary-swapped-value", "summary-unsupported-name"}; !slices.Equal(rules, want) {
		t.Errorf("rules = %v, want %v", rules, want)
	}
	got, err = j.Compare(context.Background(), ferry, "Harbor Ferries will buy two vessels for its Kessock crossing.")
	if err != nil || len(got) != 0 {
		t.Errorf("faithful summary: %v, %v", got, err)
	}
}

func TestPrefixedOpposite(t *testing.T) {
	in := build(t, "The agency will test small uncrewed aircraft.", "The agency will test small crewed aircraft, unless delayed.")
	for _, w := range in.Claims[0].Words {
		switch w.Fold {
		case "crewed":
			if len(w.Opposites) != 1 || w.Opposites[0].Word != "uncrewed" || !w.Opposites[0].InSource {
				t.Errorf("crewed: opposites %+v, want uncrewed in the source", w.Opposites)
			}
		case "delayed":
			if len(w.Opposites) != 0 {
				t.Errorf("delayed: opposites %+v, want none", w.Opposites)
			}
		}
	}
}

func TestCountryImpliedByCity(t *testing.T) {
	in := build(t, "Activists gathered outside the embassy in London on Thursday.", "Activists in the U.K. gathered outside the embassy, as did some in Peru.")
	got := map[string]bool{}
	for _, n := range in.Claims[0].Names {
		got[n.Key] = n.Supported
	}
	if !got["u.k"] {
		t.Errorf("U.K. is not implied by London: %v", got)
	}
	if s, ok := got["peru"]; !ok || s {
		t.Errorf("Peru: supported %v (found %v), want unsupported", s, ok)
	}
}

func TestFigureOthersInTheSource(t *testing.T) {
	in := build(t, "The man fell from the cliff 35 years ago. He was 30 at the time.", "The man fell from the cliff 30 years ago.")
	n := in.Claims[0].Numbers
	if len(n) != 1 || !n[0].Supported || n[0].InSource || !slices.Equal(n[0].Others, []float64{35}) {
		t.Errorf("numbers = %+v, want 30 given elsewhere, the source giving 35", n)
	}
}

// A policy set loaded for checking articles has no consistency rules; a
// judge built on it would find nothing, so it is refused.
func TestJudgeRefusesPoliciesWithoutTheConsistencyRules(t *testing.T) {
	set, err := policy.Load(context.Background(), policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewJudge(context.Background(), set); err == nil || !strings.Contains(err.Error(), "without the consistency rules") {
		t.Errorf("error %v, want a refusal", err)
	}
}
