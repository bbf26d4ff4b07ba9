package report

import (
	"fmt"
	"math"
	"strings"

	"github.com/credcheck/credcheck/engine/finding"
)

// Totals counts a run's articles as they are written out, so that the
// summary, the per-rule tally and the exit code of a streamed run need no
// article kept: a run over a million articles holds these counts, and the
// one-line reason of each failing article only when a format prints them.
type Totals struct {
	gate     Gate
	summary  Summary
	scoreSum int
	rules    map[string]int
	failing  int
	// reasons are the failing articles' reasons (Gate.Failures), kept when
	// keepReasons is set.
	reasons     []string
	keepReasons bool
}

// NewTotals counts against gate; keepReasons keeps the reason each failing
// article fails, for the text format's FAIL lines.
func NewTotals(gate Gate, keepReasons bool) *Totals {
	return &Totals{gate: gate, keepReasons: keepReasons, rules: map[string]int{},
		summary: Summary{LowestScore: 100, Grades: map[string]int{}}}
}

// Add counts one article.
func (t *Totals) Add(a *Article) {
	s := &t.summary
	s.Articles++
	for _, f := range a.Findings {
		if !f.Counts() {
			s.Suppressed++
			continue
		}
		s.Findings++
		t.rules[f.Rule]++
		switch f.Severity {
		case finding.Error:
			s.Errors++
		case finding.Warning:
			s.Warnings++
		case finding.Info:
			s.Infos++
		}
	}
	if why := t.gate.failure(a); why != "" {
		t.failing++
		if t.keepReasons {
			t.reasons = append(t.reasons, why)
		}
	}
	if !a.Scored() {
		s.Unscored++
		return
	}
	t.scoreSum += a.Scorecard.Score
	s.Grades[a.Scorecard.Grade]++
	if a.Scorecard.Score < s.LowestScore || s.LowestArticle == "" {
		s.LowestScore, s.LowestArticle = a.Scorecard.Score, a.Location()
	}
}

// Summary is the summary of the articles counted, with inputErrors inputs
// that could not be checked.
func (t *Totals) Summary(inputErrors int) Summary {
	s := t.summary
	s.InputErrors = inputErrors
	s.Grades = make(map[string]int, len(t.summary.Grades))
	for g, n := range t.summary.Grades {
		s.Grades[g] = n
	}
	if n := s.Scored(); n > 0 {
		s.MeanScore = math.Round(float64(t.scoreSum)/float64(n)*10) / 10
	} else {
		s.LowestScore = 0
	}
	return s
}

// failure is why article a fails the gate, or "" when it passes.
func (g Gate) failure(a *Article) string {
	var why []string
	failRank, failUnder := g.For(a)
	if failRank > 0 {
		count := 0
		for _, f := range a.Findings {
			if g.Fails(a, f) {
				count++
			}
		}
		if count > 0 {
			why = append(why, fmt.Sprintf("%d finding(s) at or above %s", count, rankName(failRank)))
		}
	}
	if g.FailsScore(a) {
		why = append(why, fmt.Sprintf("score %d is below %g", a.Scorecard.Score, failUnder))
	}
	if len(why) == 0 {
		return ""
	}
	return a.shownLocation() + ": " + strings.Join(why, "; ")
}
