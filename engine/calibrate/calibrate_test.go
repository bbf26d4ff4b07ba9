package calibrate_test

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/credcheck/credcheck/engine/calibrate"
)

func TestFoldsKeepGroupsTogether(t *testing.T) {
	var samples []calibrate.Sample
	for i, n := range []int{7, 5, 4, 3, 2, 1} {
		for range n {
			samples = append(samples, calibrate.Sample{Group: fmt.Sprintf("outlet-%d", i)})
		}
	}
	folds := calibrate.Folds(samples, 3)
	foldOf := map[string]int{}
	load := map[int]int{}
	for i, s := range samples {
		if f, ok := foldOf[s.Group]; ok && f != folds[i] {
			t.Fatalf("%s is split between folds %d and %d", s.Group, f, folds[i])
		}
		foldOf[s.Group] = folds[i]
		load[folds[i]]++
	}
	// Largest first to the lightest fold (the first on a tie):
	// 7+1 | 5+2 | 4+3 → 8, 7, 7.
	if load[0] != 8 || load[1] != 7 || load[2] != 7 {
		t.Errorf("fold sizes %v, want 8, 7, 7", load)
	}
}

// synthetic builds labelled articles where "hype" (a problem rule) fires
// mostly on bad articles, "quotes" (a credit) mostly on good ones, "noise"
// on both alike, and "backwards" (a problem rule) mostly on good ones.
func synthetic(n int) []calibrate.Sample {
	rng := rand.New(rand.NewPCG(1, 2))
	var out []calibrate.Sample
	for i := range n {
		good := i%2 == 0
		f := map[string]float64{"noise": rng.Float64() * 2}
		if good {
			f["quotes"] = 1 + rng.Float64()*2
			f["hype"] = rng.Float64() * 0.5
			f["backwards"] = 0.5 + rng.Float64()
		} else {
			f["quotes"] = rng.Float64()
			f["hype"] = 0.5 + rng.Float64()*2
			f["backwards"] = rng.Float64() * 0.5
		}
		out = append(out, calibrate.Sample{Features: f, Good: good, Group: fmt.Sprintf("g%d", i%10)})
	}
	return out
}

var rules = []calibrate.Rule{{ID: "hype"}, {ID: "noise"}, {ID: "backwards"}, {ID: "quotes", Credit: true}}

func TestFitRecoversTheOrderingAndDropsInvertedRules(t *testing.T) {
	m, err := calibrate.Fit(synthetic(400), rules, 1)
	if err != nil {
		t.Fatal(err)
	}
	w := m.Weights
	if w["hype"] <= w["noise"] || w["quotes"] <= w["noise"] {
		t.Errorf("weights %v: the separating rules should outweigh noise", w)
	}
	if w["backwards"] != 0 {
		t.Errorf("backwards points the wrong way and should end at 0, got %v", w["backwards"])
	}
	for id, v := range w {
		if v < 0 {
			t.Errorf("weight of %s is negative: %v", id, v)
		}
	}
}

func TestRunCrossValidatesAndWritesData(t *testing.T) {
	samples := synthetic(200)
	category := map[string]string{"hype": "editorial", "noise": "editorial", "backwards": "attribution", "quotes": "sourcing"}
	r, err := calibrate.Run(samples, rules, category, calibrate.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if r.CVAUROC < 0.9 {
		t.Errorf("cross-validated AUROC %.3f on well-separated data, want ≥ 0.9", r.CVAUROC)
	}
	if r.CVMeanGood <= r.CVMeanBad {
		t.Errorf("mean held-out score of credible %.1f ≤ not credible %.1f", r.CVMeanGood, r.CVMeanBad)
	}
	if r.Groups != 10 || r.Samples != 200 || r.Good != 100 {
		t.Errorf("counts %d groups, %d samples, %d good", r.Groups, r.Samples, r.Good)
	}
	for i := 1; i < len(r.Bands); i++ {
		if r.Bands[i].Min >= r.Bands[i-1].Min {
			t.Errorf("bands do not go down: %+v", r.Bands)
		}
	}
	if r.Bands[0].Share < 0.9 {
		t.Errorf("band A holds %.2f credible, want ≥ 0.9", r.Bands[0].Share)
	}
	var a, b bytes.Buffer
	p := calibrate.Provenance{Corpus: []string{"set.jsonl"}, Good: "reliable", Date: "2026-12-03", Floor: 250}
	if err := calibrate.WriteData(&a, r, p, rules, category); err != nil {
		t.Fatal(err)
	}
	r2, _ := calibrate.Run(samples, rules, category, calibrate.DefaultOptions())
	if err := calibrate.WriteData(&b, r2, p, rules, category); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Error("two calibrations of the same data wrote different bytes")
	}
	for _, want := range []string{"scoring:\n", "    backwards: 0 # attribution; fitted to 0", "  bands:\n    A: ", fmt.Sprintf("cv_auroc: %g\n", math.Round(r.CVAUROC*1e4)/1e4)} {
		if !strings.Contains(a.String(), want) {
			t.Errorf("data file lacks %q:\n%s", want, a.String())
		}
	}
}

func TestBandsFromPerfectSeparation(t *testing.T) {
	var scores []float64
	var good []bool
	for s := 0.0; s < 100; s++ {
		scores = append(scores, s)
		good = append(good, s >= 50)
	}
	bands := calibrate.Bands(scores, good)
	// Every article at 50 or above is credible: A starts at the lowest
	// such score; below 50 none is, so F reaches up to 50, squeezed by one
	// point for each band between.
	if bands[0].Grade != "A" || bands[0].Min != 50 {
		t.Errorf("A band %+v, want minimum 50", bands[0])
	}
	if f := bands[len(bands)-1]; f.Grade != "F" || f.Min != 0 {
		t.Errorf("last band %+v, want F from 0", f)
	}
	if d := bands[3]; d.Min != 47 {
		t.Errorf("D band %+v, want minimum 47 (F below 50 leaves room for D and C)", d)
	}
}

// Leaving a group out tilts the training part's class balance against the
// group's own class; the held-out evidence must not carry that tilt, or
// features that say nothing would rank every group by its hidden label.
func TestCrossValidationDoesNotLeakTheHeldOutLabel(t *testing.T) {
	var samples []calibrate.Sample
	var good []bool
	for g := range 8 {
		for i := range 5 {
			s := calibrate.Sample{Features: map[string]float64{"noise": float64(i % 2)}, Good: g%2 == 0, Group: fmt.Sprint(g)}
			samples = append(samples, s)
			good = append(good, s.Good)
		}
	}
	cv := calibrate.CrossValidate(samples, []calibrate.Rule{{ID: "noise"}}, 1000, calibrate.Folds(samples, len(samples)))
	// The feature says nothing, so every held-out article has the same
	// evidence, 0, whatever its group's label.
	for i, v := range cv {
		if math.Abs(v) > 1e-6 {
			t.Fatalf("held-out evidence of article %d (good %v) is %g, want 0", i, good[i], v)
		}
	}
}
