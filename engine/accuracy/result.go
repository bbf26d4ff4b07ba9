package accuracy

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/credcheck/credcheck/engine/safefile"
)

// ResultVersion versions the JSON form of a Result (docs/eval.md).
const ResultVersion = 1

// Result is the outcome of one evaluation run.
type Result struct {
	Version int      `json:"version"`
	Task    string   `json:"task"`
	Files   []string `json:"files"`
	Records int      `json:"records"`
	// Metrics are the headline figures, in a fixed order; every one is
	// higher-is-better unless it is marked descriptive.
	Metrics []Metric `json:"metrics"`
	// Confusion is the overall count of decisions, for binary tasks.
	Confusion  *Confusion `json:"confusion,omitempty"`
	Categories []Group    `json:"categories"`
	Rules      []Group    `json:"rules"`
	// RuleQA and GroupScores are the credibility task's per-rule and
	// per-group tables; other tasks leave them out.
	RuleQA []RuleQA `json:"rule_qa,omitempty"`
	// EditTypes is the consistency task's recall per kind of edit that
	// made a summary inconsistent; other tasks leave it out.
	EditTypes   []Group      `json:"edit_types,omitempty"`
	GroupScores []GroupScore `json:"group_scores,omitempty"`
	// FalsePositives and FalseNegatives are the worst mistakes, with text.
	FalsePositives []Example `json:"false_positives"`
	FalseNegatives []Example `json:"false_negatives"`
	// Notes explain how the figures were computed.
	Notes []string `json:"notes"`
}

// Metric is one named figure, with a published reference point when there
// is one.
type Metric struct {
	Name      string  `json:"name"`
	Value     float64 `json:"value"`
	Reference string  `json:"reference,omitempty"`
	// Descriptive marks a figure that is shown but not compared, because
	// neither higher nor lower is better (the mean score of not-credible
	// articles).
	Descriptive bool `json:"descriptive,omitempty"`
}

// Group is the accuracy of one category or rule.
type Group struct {
	Name string `json:"name"`
	// Fired counts the predictions made (findings, or records flagged).
	Fired     int     `json:"fired"`
	Correct   int     `json:"correct"`
	Labels    int     `json:"labels"`
	Found     int     `json:"found"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func newGroup(name string, fired, correct, labels, found int) Group {
	g := Group{Name: name, Fired: fired, Correct: correct, Labels: labels, Found: found}
	g.Precision = round4(ratio(correct, fired))
	g.Recall = round4(ratio(found, labels))
	g.F1 = round4(f1(ratio(correct, fired), ratio(found, labels)))
	return g
}

// Example is one mistake, shown so that an editor sees why it was made.
type Example struct {
	File string `json:"file"`
	ID   string `json:"id"`
	Line int    `json:"line,omitempty"`
	Text string `json:"text"`
	// Cues are the findings that fired ("rule: cue"), for false positives,
	// or the label that was missed, for false negatives.
	Cues  []string `json:"cues"`
	Score *float64 `json:"score,omitempty"`
}

func (r *Result) metric(name string, value float64, reference string) {
	r.Metrics = append(r.Metrics, Metric{Name: name, Value: round4(value), Reference: reference})
}

// Flat lists every higher-is-better figure of a result under a dotted name
// ("f1", "category.hedge.f1", "rule.hearsay-hedge.precision",
// "rule.hearsay-hedge.auroc"), for comparing results. Descriptive metrics,
// a rule's shares and rates, and group means are left out: that one falls
// is no regression.
func (r *Result) Flat() map[string]float64 {
	out := map[string]float64{}
	for _, m := range r.Metrics {
		if !m.Descriptive {
			out[m.Name] = m.Value
		}
	}
	for _, q := range r.RuleQA {
		out["rule."+q.Name+".auroc"] = q.AUROC
		out["rule."+q.Name+".so"] = q.SO
	}
	for _, g := range r.Categories {
		groupFigures(out, "category."+g.Name, g)
	}
	for _, g := range r.Rules {
		groupFigures(out, "rule."+g.Name, g)
	}
	for _, g := range r.EditTypes {
		out["edit_type."+g.Name+".recall"] = g.Recall
	}
	return out
}

func groupFigures(out map[string]float64, prefix string, g Group) {
	if g.Fired > 0 {
		out[prefix+".precision"] = g.Precision
	}
	if g.Labels > 0 {
		out[prefix+".recall"] = g.Recall
		out[prefix+".f1"] = g.F1
	}
}

// Regression is a figure that fell by more than the tolerance.
type Regression struct {
	Name     string  `json:"name"`
	Was, Now float64 `json:"-"`
}

func (r Regression) String() string {
	return fmt.Sprintf("%s fell from %.4f to %.4f", r.Name, r.Was, r.Now)
}

// Compare lists the figures of now that are lower than in was by more than
// tolerance. Figures missing from either side are not compared; a different
// task is an error.
func Compare(was, now *Result, tolerance float64) ([]Regression, error) {
	if was.Task != now.Task {
		return nil, fmt.Errorf("cannot compare a %s result with a %s result", was.Task, now.Task)
	}
	old, cur := was.Flat(), now.Flat()
	var out []Regression
	for name, v := range old {
		if n, ok := cur[name]; ok && n < v-tolerance {
			out = append(out, Regression{Name: name, Was: v, Now: n})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// ReadResult loads a result saved with --format json.
func ReadResult(path string) (*Result, error) {
	data, err := safefile.ReadFile(path, safefile.MaxSideBytes)
	if err != nil {
		return nil, err
	}
	var r Result
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("%s: not an eval result: %v", path, err)
	}
	if r.Version != ResultVersion || r.Task == "" {
		return nil, fmt.Errorf("%s: not an eval result of version %d", path, ResultVersion)
	}
	return &r, nil
}

// clip shortens text for a report line.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
