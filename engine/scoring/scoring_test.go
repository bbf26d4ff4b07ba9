package scoring_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/scoring"
)

// weights is a Weight function over a table of rule weights.
func weights(w map[string]float64) scoring.Weight {
	return func(rule string) float64 { return w[rule] }
}

// categoryOf gives the category of the rules these tests use.
var categoryOf = map[string]string{
	"vague-source": "attribution", "unsourced-claim": "attribution",
	"hearsay-hedge":   "hedge",
	"number-mismatch": "contradiction", "announced-vs-no-comment": "contradiction",
	"chatbot-artefact": "machine", "ai-vocabulary": "machine",
	"loaded-language": "editorial",
	"scraper-residue": "boilerplate",
	"named-source":    "sourcing",
}

func fnd(rule string, sev finding.Severity, start int) *finding.Finding {
	c, ok := categoryOf[rule]
	if !ok {
		panic("no category for " + rule)
	}
	return &finding.Finding{Rule: rule, Category: c, Severity: sev, Start: start, End: start + 5, Message: fmt.Sprintf("%s at %d", rule, start)}
}

func withProblem(f *finding.Finding, p string) *finding.Finding {
	f.Problem = p
	return f
}

// pointsByStart maps each finding's start to the points it was given.
func pointsByStart(fs []*finding.Finding) map[int]float64 {
	out := map[int]float64{}
	for _, f := range fs {
		out[f.Start] = f.Points
	}
	return out
}

func category(card scoring.Scorecard, name string) scoring.Category {
	for _, c := range card.Categories {
		if c.Name == name {
			return c
		}
	}
	return scoring.Category{}
}

// thousand is the word count at which one warning is a rate of 1 per
// 1,000 words, whose feature log2(1 + 1) is exactly 1.
const thousand = 1000

func TestDefaultsAreTheDocumentedFormula(t *testing.T) {
	got := scoring.Defaults()
	want := scoring.Settings{
		Factors: map[finding.Severity]float64{finding.Error: 2, finding.Warning: 1, finding.Info: 0.5},
		Floor:   250,
		Base:    100,
		Caps:    map[string]float64{"attribution": 25, "hedge": 15, "contradiction": 25, "machine": 15, "editorial": 10, "boilerplate": 5, "sourcing": 0},
		Bands:   []scoring.Band{{Min: 90, Grade: "A"}, {Min: 75, Grade: "B"}, {Min: 60, Grade: "C"}, {Min: 40, Grade: "D"}, {Min: 0, Grade: "F"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Defaults() (-want +got):\n%s", diff)
	}
	if err := got.Validate(); err != nil {
		t.Errorf("Defaults().Validate() = %v", err)
	}
	got.Caps["hedge"] = 99
	got.Factors[finding.Error] = 99
	if d := scoring.Defaults(); d.Caps["hedge"] != 15 || d.Factors[finding.Error] != 2 {
		t.Error("Defaults() shares its maps between calls")
	}
}

func TestScorePointsFollowRates(t *testing.T) {
	w := weights(map[string]float64{"hearsay-hedge": 6, "vague-source": 4})
	cases := []struct {
		name     string
		findings func() []*finding.Finding
		words    int
		want     float64 // deduction
	}{
		// 1 per 1,000 words: x = log2(2) = 1.
		{"one warning", func() []*finding.Finding { return []*finding.Finding{fnd("hearsay-hedge", finding.Warning, 0)} }, thousand, 6},
		// An error weighs 2: x = log2(3).
		{"one error", func() []*finding.Finding { return []*finding.Finding{fnd("hearsay-hedge", finding.Error, 0)} }, thousand, round2(6 * math.Log2(3))},
		// Three warnings: x = log2(4) = 2, not 3.
		{"three warnings", func() []*finding.Finding {
			return []*finding.Finding{fnd("hearsay-hedge", finding.Warning, 0), fnd("hearsay-hedge", finding.Warning, 10), fnd("hearsay-hedge", finding.Warning, 20)}
		}, thousand, 12},
		// Twice as long, the same finding is half the rate.
		{"long article", func() []*finding.Finding { return []*finding.Finding{fnd("hearsay-hedge", finding.Warning, 0)} }, 2 * thousand, round2(6 * math.Log2(1.5))},
		// Below the floor, a brief is rated as if it had 250 words.
		{"short brief", func() []*finding.Finding { return []*finding.Finding{fnd("hearsay-hedge", finding.Warning, 0)} }, 40, round2(6 * math.Log2(5))},
		// Rules add up.
		{"two rules", func() []*finding.Finding {
			return []*finding.Finding{fnd("hearsay-hedge", finding.Warning, 0), fnd("vague-source", finding.Warning, 10)}
		}, thousand, 10},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := scoring.Defaults()
			for k := range s.Caps {
				s.Caps[k] = 100
			}
			card := s.Score(c.findings(), c.words, w)
			if card.Deduction != c.want {
				t.Errorf("deduction %v, want %v", card.Deduction, c.want)
			}
		})
	}
}

func TestHeadlineFindingsWeighOnTheirOwn(t *testing.T) {
	w := weights(map[string]float64{"hearsay-hedge": 6})
	s := scoring.Defaults()
	s.Caps["hedge"] = 100
	for _, words := range []int{300, 3000, 30000} {
		f := fnd("hearsay-hedge", finding.Warning, 0)
		f.Lead = true
		card := s.Score([]*finding.Finding{f}, words, w)
		// Rated as if the article had the floor's 250 words: 4 per 1,000.
		if want := round2(6 * math.Log2(5)); card.Deduction != want {
			t.Errorf("%d words: headline finding costs %v, want %v whatever the length", words, card.Deduction, want)
		}
	}
}

func TestPointsAreSharedAmongARulesFindings(t *testing.T) {
	fs := []*finding.Finding{fnd("hearsay-hedge", finding.Error, 0), fnd("hearsay-hedge", finding.Warning, 10), fnd("hearsay-hedge", finding.Info, 20)}
	s := scoring.Defaults()
	s.Caps["hedge"] = 100
	// Masses 2 + 1 + 0.5 = 3.5 per 1,000 words: x = log2(4.5).
	card := s.Score(fs, thousand, weights(map[string]float64{"hearsay-hedge": 7}))
	total := 7 * math.Log2(4.5)
	want := map[int]float64{0: round2(total * 2 / 3.5), 10: round2(total * 1 / 3.5), 20: round2(total * 0.5 / 3.5)}
	if diff := cmp.Diff(want, pointsByStart(fs)); diff != "" {
		t.Errorf("points (-want +got):\n%s", diff)
	}
	if card.Deduction != round2(total) {
		t.Errorf("deduction %v, want %v", card.Deduction, round2(total))
	}
}

func TestOneProblemAtSeveralPlacesCountsOnce(t *testing.T) {
	fs := []*finding.Finding{
		withProblem(fnd("number-mismatch", finding.Warning, 0), "0-1"),
		withProblem(fnd("number-mismatch", finding.Warning, 10), "0-1"),
	}
	card := scoring.Defaults().Score(fs, thousand, weights(map[string]float64{"number-mismatch": 5}))
	c := category(card, "contradiction")
	if c.Findings != 2 || c.Points != 5 || fs[0].Points != 5 || fs[1].Points != 0 {
		t.Errorf("contradiction %+v, points %v and %v; want 2 findings costing 5 once", c, fs[0].Points, fs[1].Points)
	}
}

func TestCreditsEarnPointsUpToTheirCap(t *testing.T) {
	s := scoring.Defaults()
	s.Base = 60
	s.Caps["sourcing"] = 20
	w := weights(map[string]float64{"named-source": 8, "vague-source": 4})
	fs := []*finding.Finding{fnd("named-source", finding.Info, 0), fnd("named-source", finding.Info, 10), fnd("vague-source", finding.Warning, 20)}
	// Credits: masses 0.5 + 0.5 = 1 per 1,000 words, x = 1, +8. Problem: −4.
	card := s.Score(fs, thousand, w)
	if card.Score != 64 || card.Deduction != -4 {
		t.Errorf("score %d deduction %v, want 64 (60 + 8 − 4) and −4", card.Score, card.Deduction)
	}
	src := category(card, "sourcing")
	if src.Deduction != -8 || src.Score != 40 || src.Points != 8 {
		t.Errorf("sourcing %+v, want −8 deduction (earned 8 of 20, sub-score 40)", src)
	}
	if fs[0].Points != 4 || fs[1].Points != 4 {
		t.Errorf("credit points %v and %v, want 4 each", fs[0].Points, fs[1].Points)
	}
	// A flood of credits earns no more than the cap.
	var many []*finding.Finding
	for i := range 200 {
		many = append(many, fnd("named-source", finding.Info, i))
	}
	if card := s.Score(many, thousand, w); card.Score != 80 {
		t.Errorf("score %d with 200 credits, want 80 (60 + cap 20)", card.Score)
	}
}

func TestScoreCategoriesAndCaps(t *testing.T) {
	fs := []*finding.Finding{fnd("vague-source", finding.Warning, 0), fnd("chatbot-artefact", finding.Error, 10), fnd("scraper-residue", finding.Warning, 20)}
	w := weights(map[string]float64{"vague-source": 3, "chatbot-artefact": 30, "scraper-residue": 2})
	card := scoring.Defaults().Score(fs, thousand, w)
	want := scoring.Scorecard{
		Score: 80, Grade: "B", Base: 100,
		Deduction: 20, // 3 + min(15, 30·log2 3) + min(5, 2)
		Categories: []scoring.Category{
			{Name: "attribution", Score: 88, Points: 3, Deduction: 3, Cap: 25, Findings: 1},
			{Name: "hedge", Score: 100, Cap: 15},
			{Name: "contradiction", Score: 100, Cap: 25},
			{Name: "machine", Score: 0, Points: round2(30 * math.Log2(3)), Deduction: 15, Cap: 15, Findings: 1},
			{Name: "editorial", Score: 100, Cap: 10},
			{Name: "boilerplate", Score: 60, Points: 2, Deduction: 2, Cap: 5, Findings: 1},
			{Name: "sourcing", Score: 0},
		},
	}
	if diff := cmp.Diff(want, card); diff != "" {
		t.Errorf("scorecard (-want +got):\n%s", diff)
	}
}

func TestScoreStaysBetweenZeroAndHundred(t *testing.T) {
	s := scoring.Defaults()
	s.Caps["attribution"], s.Caps["sourcing"] = 500, 500
	low := s.Score([]*finding.Finding{fnd("vague-source", finding.Error, 0)}, thousand, weights(map[string]float64{"vague-source": 300}))
	if low.Score != 0 || low.Grade != "F" {
		t.Errorf("score %d grade %s, want 0 F", low.Score, low.Grade)
	}
	s.Base = 90
	high := s.Score([]*finding.Finding{fnd("named-source", finding.Warning, 0)}, thousand, weights(map[string]float64{"named-source": 50}))
	if high.Score != 100 || high.Deduction != -50 {
		t.Errorf("score %d deduction %v, want 100 and −50", high.Score, high.Deduction)
	}
}

func TestScoreGradeBoundaries(t *testing.T) {
	cases := []struct {
		base  float64
		score int
		grade string
	}{
		{100, 100, "A"}, {90, 90, "A"}, {89.5, 90, "A"}, {89.49, 89, "B"}, {75, 75, "B"}, {74, 74, "C"},
		{60, 60, "C"}, {59, 59, "D"}, {40, 40, "D"}, {39, 39, "F"}, {0, 0, "F"},
	}
	for _, c := range cases {
		s := scoring.Defaults()
		s.Base = c.base
		card := s.Score(nil, thousand, weights(nil))
		if card.Score != c.score || card.Grade != c.grade {
			t.Errorf("base %g: score %d grade %s, want %d %s", c.base, card.Score, card.Grade, c.score, c.grade)
		}
	}
}

func TestGrade(t *testing.T) {
	s := scoring.Defaults()
	cases := map[float64]string{100: "A", 90: "A", 89.99: "B", 75: "B", 74.99: "C", 60: "C", 59: "D", 40: "D", 39.99: "F", 0: "F", -3: "F"}
	for score, want := range cases {
		if got := s.Grade(score); got != want {
			t.Errorf("Grade(%g) = %q, want %q", score, got, want)
		}
	}
	// Bands given out of order are still read best first.
	shuffled := scoring.Settings{Bands: []scoring.Band{{0, "fail"}, {80, "pass"}, {50, "meh"}}}
	for score, want := range map[float64]string{95: "pass", 80: "pass", 79: "meh", 50: "meh", 10: "fail"} {
		if got := shuffled.Grade(score); got != want {
			t.Errorf("shuffled bands: Grade(%g) = %q, want %q", score, got, want)
		}
	}
	if got := (scoring.Settings{}).Grade(50); got != "" {
		t.Errorf("no bands: Grade = %q, want empty", got)
	}
}

func TestScoreCapZeroKeepsFindingsOutOfScore(t *testing.T) {
	s := scoring.Defaults()
	s.Caps["boilerplate"] = 0
	fs := []*finding.Finding{fnd("scraper-residue", finding.Warning, 0)}
	card := s.Score(fs, thousand, weights(map[string]float64{"scraper-residue": 2}))
	got := category(card, "boilerplate")
	want := scoring.Category{Name: "boilerplate", Score: 100, Points: 2, Deduction: 0, Cap: 0, Findings: 1}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("boilerplate with cap 0 (-want +got):\n%s", diff)
	}
	if card.Score != 100 || fs[0].Points != 2 {
		t.Errorf("score %d, finding points %g; want 100 and 2 (the cap applies to the category)", card.Score, fs[0].Points)
	}
}

func TestWeightZeroInformsWithoutScoring(t *testing.T) {
	fs := []*finding.Finding{fnd("loaded-language", finding.Warning, 0)}
	card := scoring.Defaults().Score(fs, thousand, weights(map[string]float64{"loaded-language": 0}))
	if card.Score != 100 || fs[0].Points != 0 || category(card, "editorial").Findings != 1 {
		t.Errorf("score %d, points %v: a weight-0 rule's finding should stay counted and cost nothing", card.Score, fs[0].Points)
	}
}

func TestSuppressedFindingsDoNotCount(t *testing.T) {
	f := fnd("vague-source", finding.Warning, 0)
	f.Suppressed = &finding.Suppression{Kind: finding.SuppressedInline}
	card := scoring.Defaults().Score([]*finding.Finding{f}, thousand, weights(map[string]float64{"vague-source": 5}))
	if card.Score != 100 || f.Points != 0 || category(card, "attribution").Findings != 0 {
		t.Errorf("suppressed finding counted: score %d points %v", card.Score, f.Points)
	}
}

func TestScoreIsDeterministicAndKeepsInputOrder(t *testing.T) {
	w := weights(map[string]float64{"vague-source": 3, "unsourced-claim": 0.1, "loaded-language": 0.1, "scraper-residue": 0.1})
	make := func() []*finding.Finding {
		return []*finding.Finding{
			fnd("unsourced-claim", finding.Warning, 40),
			fnd("vague-source", finding.Info, 30),
			fnd("loaded-language", finding.Warning, 20),
			fnd("vague-source", finding.Error, 10),
			fnd("scraper-residue", finding.Warning, 0),
			fnd("unsourced-claim", finding.Warning, 5),
		}
	}
	first := make()
	card := scoring.Defaults().Score(first, 700, w)
	var starts []int
	for _, f := range first {
		starts = append(starts, f.Start)
	}
	if diff := cmp.Diff([]int{40, 30, 20, 10, 0, 5}, starts); diff != "" {
		t.Errorf("Score reordered its input (-before +after):\n%s", diff)
	}
	for i := range 20 {
		again := make()
		for l, r := 0, len(again)-1; l < r; l, r = l+1, r-1 {
			again[l], again[r] = again[r], again[l]
		}
		if diff := cmp.Diff(card, scoring.Defaults().Score(again, 700, w)); diff != "" {
			t.Fatalf("run %d: scorecard differs (-first +again):\n%s", i, diff)
		}
		if diff := cmp.Diff(pointsByStart(first), pointsByStart(again)); diff != "" {
			t.Fatalf("run %d: points differ (-first +again):\n%s", i, diff)
		}
	}
}

func TestFeaturesAreWhatWeightsMultiply(t *testing.T) {
	fs := []*finding.Finding{fnd("vague-source", finding.Warning, 0), fnd("vague-source", finding.Warning, 10), fnd("named-source", finding.Info, 20)}
	got := scoring.Defaults().Features(fs, thousand)
	want := map[string]float64{"vague-source": math.Log2(3), "named-source": math.Log2(1.5)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("features (-want +got):\n%s", diff)
	}
}

func TestScoreWithNoFindings(t *testing.T) {
	s := scoring.Defaults()
	s.Base = 70
	card := s.Score(nil, 0, weights(nil))
	if card.Score != 70 || card.Grade != "C" || card.Deduction != 0 || len(card.Categories) != len(finding.Categories) {
		t.Errorf("empty scorecard = %+v", card)
	}
	for i, c := range card.Categories {
		if c.Name != finding.Categories[i] || c.Findings != 0 {
			t.Errorf("category %d = %+v, want %s with no findings", i, c, finding.Categories[i])
		}
	}
}

func TestValidate(t *testing.T) {
	cases := []struct {
		name   string
		change func(*scoring.Settings)
		want   string // "" for valid
	}{
		{"defaults", func(*scoring.Settings) {}, ""},
		{"floor 1", func(s *scoring.Settings) { s.Floor = 1 }, ""},
		{"cap 0", func(s *scoring.Settings) { s.Caps["machine"] = 0 }, ""},
		{"factor 0", func(s *scoring.Settings) { s.Factors[finding.Info] = 0 }, ""},
		{"floor below 1", func(s *scoring.Settings) { s.Floor = 0 }, "scoring floor (words) must be a number from 1 to 1000000, not 0"},
		{"base above 100", func(s *scoring.Settings) { s.Base = 120 }, "scoring base must be a number from 0 to 100, not 120"},
		{"negative factor", func(s *scoring.Settings) { s.Factors[finding.Warning] = -1 }, "scoring factor for warning must be a number from 0 to 100, not -1"},
		{"cap of unknown category", func(s *scoring.Settings) { s.Caps["gossip"] = 5 }, `scoring cap for unknown category "gossip"`},
		{"negative cap", func(s *scoring.Settings) { s.Caps["hedge"] = -5 }, "scoring cap for hedge must be a number from 0 to 100, not -5"},
		{"base NaN", func(s *scoring.Settings) { s.Base = math.NaN() }, "scoring base must be a number from 0 to 100, not NaN"},
		{"floor infinite", func(s *scoring.Settings) { s.Floor = math.Inf(1) }, "scoring floor (words) must be a number from 1 to 1000000, not +Inf"},
		{"factor infinite", func(s *scoring.Settings) { s.Factors[finding.Error] = math.Inf(1) }, "scoring factor for error must be a number from 0 to 100, not +Inf"},
		{"cap NaN", func(s *scoring.Settings) { s.Caps["hedge"] = math.NaN() }, "scoring cap for hedge must be a number from 0 to 100, not NaN"},
		{"cap above 100", func(s *scoring.Settings) { s.Caps["hedge"] = 1e300 }, "scoring cap for hedge must be a number from 0 to 100, not 1e+300"},
		{"band NaN", func(s *scoring.Settings) { s.Bands[1].Min = math.NaN() }, "grade band B must be a number from 0 to 100, not NaN"},
		{"bands not descending", func(s *scoring.Settings) { s.Bands[1], s.Bands[2] = s.Bands[2], s.Bands[1] }, "grade bands must go from the highest minimum score to the lowest"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := scoring.Defaults()
			c.change(&s)
			err := s.Validate()
			switch {
			case c.want == "" && err != nil:
				t.Errorf("Validate() = %v, want nil", err)
			case c.want != "" && err == nil:
				t.Errorf("Validate() = nil, want %q", c.want)
			case c.want != "" && err.Error() != c.want:
				t.Errorf("Validate() = %q, want %q", err.Error(), c.want)
			}
		})
	}
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }
