package scoring_test

import (
	"fmt"
	"strings"
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

func TestDefaultsAreTheDocumentedFormula(t *testing.T) {
	got := scoring.Defaults()
	want := scoring.Settings{
		Factors: map[finding.Severity]float64{finding.Error: 2, finding.Warning: 1, finding.Info: 0.5},
		Decay:   0.5,
		Caps:    map[string]float64{"attribution": 25, "hedge": 15, "contradiction": 25, "machine": 15, "editorial": 10, "boilerplate": 5},
		Bands:   []scoring.Band{{Min: 90, Grade: "A"}, {Min: 75, Grade: "B"}, {Min: 60, Grade: "C"}, {Min: 40, Grade: "D"}, {Min: 0, Grade: "F"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Defaults() (-want +got):\n%s", diff)
	}
	if err := got.Validate(); err != nil {
		t.Errorf("Defaults().Validate() = %v", err)
	}
	// Defaults returns fresh maps: changing one copy leaves the next alone.
	got.Caps["hedge"] = 99
	got.Factors[finding.Error] = 99
	if d := scoring.Defaults(); d.Caps["hedge"] != 15 || d.Factors[finding.Error] != 2 {
		t.Error("Defaults() shares its maps between calls")
	}
}

func TestScorePoints(t *testing.T) {
	w := weights(map[string]float64{
		"vague-source": 3, "unsourced-claim": 2, "hearsay-hedge": 3, "number-mismatch": 4,
		"announced-vs-no-comment": 6, "chatbot-artefact": 8, "ai-vocabulary": 4, "loaded-language": 2, "scraper-residue": 4,
	})
	cases := []struct {
		name     string
		findings []*finding.Finding
		// want maps start offsets to points.
		want map[int]float64
	}{
		{
			name: "decay halves each repeat of a rule in text order, whatever the input order",
			findings: []*finding.Finding{
				fnd("number-mismatch", finding.Warning, 30),
				fnd("number-mismatch", finding.Warning, 10),
				fnd("number-mismatch", finding.Warning, 20),
				fnd("number-mismatch", finding.Warning, 40),
			},
			want: map[int]float64{10: 4, 20: 2, 30: 1, 40: 0.5},
		},
		{
			name: "each rule has its own repeat count",
			findings: []*finding.Finding{
				fnd("vague-source", finding.Warning, 0),
				fnd("unsourced-claim", finding.Warning, 5),
				fnd("vague-source", finding.Warning, 10),
				fnd("unsourced-claim", finding.Warning, 15),
				fnd("hearsay-hedge", finding.Warning, 20),
			},
			want: map[int]float64{0: 3, 5: 2, 10: 1.5, 15: 1, 20: 3},
		},
		{
			name: "severity factors: error twice, info half",
			findings: []*finding.Finding{
				fnd("hearsay-hedge", finding.Error, 0),
				fnd("vague-source", finding.Warning, 10),
				fnd("loaded-language", finding.Info, 20),
			},
			want: map[int]float64{0: 6, 10: 3, 20: 1},
		},
		{
			name: "factor and decay combine on one rule",
			findings: []*finding.Finding{
				fnd("hearsay-hedge", finding.Error, 0),    // 3 × 2
				fnd("hearsay-hedge", finding.Info, 10),    // 3 × 0.5 × 0.5
				fnd("hearsay-hedge", finding.Warning, 20), // 3 × 1 × 0.25
			},
			want: map[int]float64{0: 6, 10: 0.75, 20: 0.75},
		},
		{
			name: "a problem key counts once and the copies do not advance the decay",
			findings: []*finding.Finding{
				withProblem(fnd("number-mismatch", finding.Warning, 50), "0-1"),
				withProblem(fnd("number-mismatch", finding.Warning, 10), "0-1"),
				withProblem(fnd("number-mismatch", finding.Warning, 30), "2-3"),
				withProblem(fnd("number-mismatch", finding.Warning, 70), "2-3"),
				fnd("number-mismatch", finding.Warning, 80),
			},
			want: map[int]float64{10: 4, 30: 2, 50: 0, 70: 0, 80: 1},
		},
		{
			name: "the same problem key of two rules counts for each",
			findings: []*finding.Finding{
				withProblem(fnd("number-mismatch", finding.Warning, 0), "0-1"),
				withProblem(fnd("announced-vs-no-comment", finding.Error, 10), "0-1"),
				withProblem(fnd("announced-vs-no-comment", finding.Error, 20), "0-1"),
			},
			want: map[int]float64{0: 4, 10: 12, 20: 0},
		},
		{
			name: "points are rounded to cents",
			findings: []*finding.Finding{
				fnd("loaded-language", finding.Info, 0), // 2 × 0.5 = 1
				fnd("loaded-language", finding.Info, 1), // 0.5
				fnd("loaded-language", finding.Info, 2), // 0.25
				fnd("loaded-language", finding.Info, 3), // 0.125 → 0.13
				fnd("loaded-language", finding.Info, 4), // 0.0625 → 0.06
				fnd("loaded-language", finding.Info, 5), // 0.03125 → 0.03
				fnd("loaded-language", finding.Info, 6), // 0.015625 → 0.02
				fnd("loaded-language", finding.Info, 7), // 0.0078125 → 0.01
				fnd("loaded-language", finding.Info, 8), // 0.00390625 → 0
			},
			want: map[int]float64{0: 1, 1: 0.5, 2: 0.25, 3: 0.13, 4: 0.06, 5: 0.03, 6: 0.02, 7: 0.01, 8: 0},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			scoring.Defaults().Score(c.findings, w)
			if diff := cmp.Diff(c.want, pointsByStart(c.findings)); diff != "" {
				t.Errorf("points by start offset (-want +got):\n%s", diff)
			}
		})
	}
}

func TestScoreCategoriesAndCaps(t *testing.T) {
	w := weights(map[string]float64{"scraper-residue": 4, "vague-source": 3, "hearsay-hedge": 5, "chatbot-artefact": 8})
	findings := []*finding.Finding{
		// boilerplate: 4 + 2 + 1 + 0.5 = 7.5 points, capped at 5.
		fnd("scraper-residue", finding.Warning, 100),
		fnd("scraper-residue", finding.Warning, 200),
		fnd("scraper-residue", finding.Warning, 300),
		fnd("scraper-residue", finding.Warning, 400),
		// attribution: 3 points of 25.
		fnd("vague-source", finding.Warning, 50),
		// hedge: 10 + 5 = 15, exactly the cap.
		fnd("hearsay-hedge", finding.Error, 10),
		fnd("hearsay-hedge", finding.Error, 20),
		// machine: 16 + 8 + 4 = 28, capped at 15.
		fnd("chatbot-artefact", finding.Error, 500),
		fnd("chatbot-artefact", finding.Error, 510),
		fnd("chatbot-artefact", finding.Error, 520),
	}
	card := scoring.Defaults().Score(findings, w)
	want := scoring.Scorecard{
		Score:     62, // 100 − (3 + 15 + 15 + 5)
		Grade:     "C",
		Deduction: 38,
		Categories: []scoring.Category{
			{Name: "attribution", Score: 88, Points: 3, Deduction: 3, Cap: 25, Findings: 1},
			{Name: "hedge", Score: 0, Points: 15, Deduction: 15, Cap: 15, Findings: 2},
			{Name: "contradiction", Score: 100, Cap: 25},
			{Name: "machine", Score: 0, Points: 28, Deduction: 15, Cap: 15, Findings: 3},
			{Name: "editorial", Score: 100, Cap: 10},
			{Name: "boilerplate", Score: 0, Points: 7.5, Deduction: 5, Cap: 5, Findings: 4},
			{Name: "sourcing", Score: 100},
		},
	}
	if diff := cmp.Diff(want, card); diff != "" {
		t.Errorf("scorecard (-want +got):\n%s", diff)
	}
}

func TestScoreSubScoresRound(t *testing.T) {
	cases := []struct {
		name     string
		rule     string
		weight   float64
		wantCat  string
		wantSub  int
		wantDedn float64
	}{
		{"hedge 5 of 15 is 66.67", "hearsay-hedge", 5, "hedge", 67, 5},
		{"hedge 1 of 15 is 93.33", "hearsay-hedge", 1, "hedge", 93, 1},
		{"attribution 5 of 25 is 80", "vague-source", 5, "attribution", 80, 5},
		// The sub-score uses the rounded deduction: 0.125 → 0.13, 99.48 → 99.
		{"attribution 0.125 of 25 uses the rounded deduction", "vague-source", 0.125, "attribution", 99, 0.13},
		{"editorial 2.5 of 10 is 75", "loaded-language", 2.5, "editorial", 75, 2.5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			card := scoring.Defaults().Score([]*finding.Finding{fnd(c.rule, finding.Warning, 0)}, weights(map[string]float64{c.rule: c.weight}))
			got := category(card, c.wantCat)
			if got.Score != c.wantSub || got.Deduction != c.wantDedn {
				t.Errorf("%s sub-score %d deduction %g, want %d and %g", c.wantCat, got.Score, got.Deduction, c.wantSub, c.wantDedn)
			}
		})
	}
}

func TestScoreGradeBoundaries(t *testing.T) {
	// One warning of a rule whose weight is the deduction wanted.
	cases := []struct {
		deduction float64
		score     int
		grade     string
	}{
		{0, 100, "A"},
		{10, 90, "A"},
		{10.49, 90, "A"}, // 89.51 rounds to 90
		{10.5, 90, "A"},  // 89.5 rounds half away from zero
		{10.51, 89, "B"},
		{11, 89, "B"},
		{25, 75, "B"},
		{26, 74, "C"},
		{40, 60, "C"},
		{41, 59, "D"},
		{60, 40, "D"},
		{61, 39, "F"},
		{100, 0, "F"},
	}
	// Raise the attribution cap so one finding can take any deduction.
	s := scoring.Defaults()
	s.Caps["attribution"] = 100
	for _, c := range cases {
		t.Run(fmt.Sprint(c.deduction), func(t *testing.T) {
			card := s.Score([]*finding.Finding{fnd("vague-source", finding.Warning, 0)}, weights(map[string]float64{"vague-source": c.deduction}))
			if card.Score != c.score || card.Grade != c.grade || card.Deduction != c.deduction {
				t.Errorf("deduction %g: score %d grade %s (deduction %g), want %d %s", c.deduction, card.Score, card.Grade, card.Deduction, c.score, c.grade)
			}
		})
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

func TestScoreFloorsAtZero(t *testing.T) {
	s := scoring.Defaults()
	for c := range s.Caps {
		s.Caps[c] = 60
	}
	fs := []*finding.Finding{fnd("vague-source", finding.Error, 0), fnd("hearsay-hedge", finding.Error, 10)}
	card := s.Score(fs, weights(map[string]float64{"vague-source": 50, "hearsay-hedge": 50}))
	if card.Score != 0 || card.Grade != "F" || card.Deduction != 120 {
		t.Errorf("score %d grade %s deduction %g, want 0 F 120", card.Score, card.Grade, card.Deduction)
	}
}

func TestScoreCapZeroKeepsFindingsOutOfScore(t *testing.T) {
	s := scoring.Defaults()
	s.Caps["boilerplate"] = 0
	fs := []*finding.Finding{fnd("scraper-residue", finding.Warning, 0)}
	card := s.Score(fs, weights(map[string]float64{"scraper-residue": 2}))
	got := category(card, "boilerplate")
	want := scoring.Category{Name: "boilerplate", Score: 100, Points: 2, Deduction: 0, Cap: 0, Findings: 1}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("boilerplate with cap 0 (-want +got):\n%s", diff)
	}
	if card.Score != 100 {
		t.Errorf("score %d, want 100", card.Score)
	}
	if fs[0].Points != 2 {
		t.Errorf("finding points %g, want 2 (the cap applies to the category)", fs[0].Points)
	}
}

func TestScoreDecaySettings(t *testing.T) {
	fs := func() []*finding.Finding {
		return []*finding.Finding{fnd("hearsay-hedge", finding.Warning, 0), fnd("hearsay-hedge", finding.Warning, 10), fnd("hearsay-hedge", finding.Warning, 20)}
	}
	w := weights(map[string]float64{"hearsay-hedge": 4})
	for _, c := range []struct {
		decay float64
		want  map[int]float64
	}{
		{0, map[int]float64{0: 4, 10: 0, 20: 0}},
		{1, map[int]float64{0: 4, 10: 4, 20: 4}},
		{0.25, map[int]float64{0: 4, 10: 1, 20: 0.25}},
	} {
		s := scoring.Defaults()
		s.Decay = c.decay
		got := fs()
		s.Score(got, w)
		if diff := cmp.Diff(c.want, pointsByStart(got)); diff != "" {
			t.Errorf("decay %g (-want +got):\n%s", c.decay, diff)
		}
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
	card := scoring.Defaults().Score(first, w)
	var starts []int
	for _, f := range first {
		starts = append(starts, f.Start)
	}
	if diff := cmp.Diff([]int{40, 30, 20, 10, 0, 5}, starts); diff != "" {
		t.Errorf("Score reordered its input (-before +after):\n%s", diff)
	}
	for i := range 20 {
		again := make()
		// Reverse the input: the repeat count follows text order anyway.
		for l, r := 0, len(again)-1; l < r; l, r = l+1, r-1 {
			again[l], again[r] = again[r], again[l]
		}
		if diff := cmp.Diff(card, scoring.Defaults().Score(again, w)); diff != "" {
			t.Fatalf("run %d: scorecard differs (-first +again):\n%s", i, diff)
		}
		if diff := cmp.Diff(pointsByStart(first), pointsByStart(again)); diff != "" {
			t.Fatalf("run %d: points differ (-first +again):\n%s", i, diff)
		}
	}
	// Sums of tenths are rounded to cents, so they come out as the decimal
	// numbers a reader expects rather than 6.8999999999999995.
	if got := card.Deduction; got != 7.1 {
		t.Errorf("deduction %v, want 7.1", got)
	}
	if got := category(card, "attribution").Points; got != 6.9 {
		t.Errorf("attribution points %v, want 6.9 (6 + 0.75 + 0.1 + 0.05)", got)
	}
}

func TestScoreWithNoFindings(t *testing.T) {
	card := scoring.Defaults().Score(nil, weights(nil))
	if card.Score != 100 || card.Grade != "A" || card.Deduction != 0 || len(card.Categories) != len(finding.Categories) {
		t.Errorf("empty scorecard = %+v", card)
	}
	for i, c := range card.Categories {
		if c.Name != finding.Categories[i] || c.Score != 100 || c.Findings != 0 {
			t.Errorf("category %d = %+v, want %s at 100 with no findings", i, c, finding.Categories[i])
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
		{"decay 0", func(s *scoring.Settings) { s.Decay = 0 }, ""},
		{"decay 1", func(s *scoring.Settings) { s.Decay = 1 }, ""},
		{"cap 0", func(s *scoring.Settings) { s.Caps["machine"] = 0 }, ""},
		{"factor 0", func(s *scoring.Settings) { s.Factors[finding.Info] = 0 }, ""},
		{"decay below 0", func(s *scoring.Settings) { s.Decay = -0.1 }, "scoring decay must be between 0 and 1, got -0.1"},
		{"decay above 1", func(s *scoring.Settings) { s.Decay = 1.5 }, "scoring decay must be between 0 and 1, got 1.5"},
		{"negative factor", func(s *scoring.Settings) { s.Factors[finding.Warning] = -1 }, "scoring factor for warning must not be negative"},
		{"cap of unknown category", func(s *scoring.Settings) { s.Caps["gossip"] = 5 }, `scoring cap for unknown category "gossip"`},
		{"negative cap", func(s *scoring.Settings) { s.Caps["hedge"] = -5 }, "scoring cap for hedge must not be negative"},
		{"bands not descending", func(s *scoring.Settings) { s.Bands[1], s.Bands[2] = s.Bands[2], s.Bands[1] }, "grade bands must go from the highest minimum score to the lowest"},
		{"bands with equal minimums", func(s *scoring.Settings) { s.Bands[2].Min = 75 }, "grade bands must go from the highest minimum score to the lowest"},
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

func TestScoreCountsEveryFindingPerCategory(t *testing.T) {
	fs := []*finding.Finding{
		withProblem(fnd("number-mismatch", finding.Warning, 0), "0-1"),
		withProblem(fnd("number-mismatch", finding.Warning, 10), "0-1"),
		fnd("announced-vs-no-comment", finding.Error, 20),
	}
	card := scoring.Defaults().Score(fs, weights(map[string]float64{"number-mismatch": 4, "announced-vs-no-comment": 6}))
	c := category(card, "contradiction")
	if c.Findings != 3 || c.Points != 16 || c.Deduction != 16 || c.Score != 36 {
		t.Errorf("contradiction = %+v, want 3 findings (both copies counted), 16 points, sub-score 36", c)
	}
	if !strings.Contains(fmt.Sprint(card.Categories), "contradiction") {
		t.Error("contradiction missing from categories")
	}
}
