package accuracy

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/finding"
)

// label is one expected finding in the spans format (docs/eval.md).
type label struct {
	Category string `json:"category"`
	Rule     string `json:"rule"`
	// Start and End are byte offsets into the record's text; or Quote is
	// the labelled text itself, its Nth occurrence (1 by default).
	Start *int   `json:"start"`
	End   *int   `json:"end"`
	Quote string `json:"quote"`
	Nth   int    `json:"nth"`
	Note  string `json:"note"`
}

type span struct{ start, end int }

func overlaps(a, b span) bool { return a.start < b.end && b.start < a.end }

// resolve finds the span a label points at in text.
func (l label) resolve(text string) (span, error) {
	if !finding.KnownCategory(l.Category) {
		return span{}, fmt.Errorf("label category %q is not one of %s", l.Category, strings.Join(finding.Categories, ", "))
	}
	if l.Quote != "" {
		nth := max(l.Nth, 1)
		from := 0
		for k := 1; ; k++ {
			i := strings.Index(text[from:], l.Quote)
			if i < 0 {
				return span{}, fmt.Errorf("label quote %q (occurrence %d) is not in the text", l.Quote, nth)
			}
			if k == nth {
				return span{from + i, from + i + len(l.Quote)}, nil
			}
			from += i + len(l.Quote)
		}
	}
	if l.Start == nil || l.End == nil {
		return span{}, fmt.Errorf(`a label needs "quote", or "start" and "end"`)
	}
	if *l.Start < 0 || *l.End > len(text) || *l.Start >= *l.End {
		return span{}, fmt.Errorf("label offsets %d–%d are outside the text (%d bytes)", *l.Start, *l.End, len(text))
	}
	return span{*l.Start, *l.End}, nil
}

// runSpans reads articles with expected findings ("labels") and matches
// the findings of the labelled categories against them by overlap.
func runSpans(ctx context.Context, c *checker.Checker, files []string, opts Options) (*Result, []*article.InputError) {
	recs, errs := readRecords(files, opts.MaxBytes)
	type labelled struct {
		label label
		span  span
	}
	var kept []record
	var all [][]labelled
	categories := map[string]bool{}
	for _, cat := range opts.Categories {
		categories[cat] = true
	}
	fromLabels := len(categories) == 0
	for _, r := range recs {
		var ls []label
		if raw, ok := r.fields["labels"]; ok {
			if err := json.Unmarshal(raw, &ls); err != nil {
				errs = append(errs, &article.InputError{Path: r.file, Line: r.line, Reason: `"labels" must be a list of {category, quote or start/end}`})
				continue
			}
		}
		text, _ := r.text("text")
		var resolved []labelled
		var bad error
		for _, l := range ls {
			sp, err := l.resolve(text)
			if err != nil {
				bad = err
				break
			}
			resolved = append(resolved, labelled{l, sp})
		}
		if bad != nil {
			errs = append(errs, &article.InputError{Path: r.file, Line: r.line, Reason: bad.Error()})
			continue
		}
		// Only records that are evaluated say which categories are: the
		// labels of a record dropped for a bad label must not make every
		// other record's findings of their category count.
		if fromLabels {
			for _, l := range resolved {
				categories[l.label.Category] = true
			}
		}
		kept, all = append(kept, r), append(all, resolved)
	}
	results, more, notes := checkRecords(ctx, c, kept)
	errs = append(errs, more...)

	res := &Result{}
	type counts struct{ fired, correct, labels, found int }
	byCat, byRule := map[string]*counts{}, map[string]*counts{}
	get := func(m map[string]*counts, k string) *counts {
		if m[k] == nil {
			m[k] = &counts{}
		}
		return m[k]
	}
	for i, a := range results {
		if a == nil {
			continue
		}
		res.Records++
		text, _ := kept[i].text("text")
		// Findings point into the analysed text, which starts with the
		// title and a blank line when the record has one.
		shift := 0
		if title, _ := kept[i].text("title"); strings.TrimSpace(title) != "" && !kept[i].markdown() {
			shift = len(strings.TrimSpace(title)) + 2
		}
		found := make([]bool, len(all[i]))
		for _, f := range a.Findings {
			if !categories[f.Category] {
				continue
			}
			fs := span{f.Start - shift, f.End - shift}
			matched := false
			for j, l := range all[i] {
				if l.label.Category == f.Category && (l.label.Rule == "" || l.label.Rule == f.Rule) && overlaps(fs, l.span) {
					matched, found[j] = true, true
				}
			}
			get(byCat, f.Category).fired++
			get(byRule, f.Rule).fired++
			if matched {
				get(byCat, f.Category).correct++
				get(byRule, f.Rule).correct++
			} else if len(res.FalsePositives) < opts.Show {
				res.FalsePositives = append(res.FalsePositives, Example{
					File: kept[i].file, ID: kept[i].id, Line: kept[i].line, Text: clip(f.Excerpt, 200),
					Cues: []string{fmt.Sprintf("%s: %s", f.Rule, clip(f.Cue, 60))},
				})
			}
		}
		for j, l := range all[i] {
			if !categories[l.label.Category] {
				// --category left it out: a label no finding was
				// allowed to match is not a miss.
				continue
			}
			c := get(byCat, l.label.Category)
			c.labels++
			if l.label.Rule != "" {
				get(byRule, l.label.Rule).labels++
			}
			if found[j] {
				c.found++
				if l.label.Rule != "" {
					get(byRule, l.label.Rule).found++
				}
			} else if len(res.FalseNegatives) < opts.Show {
				missed := l.label.Category
				if l.label.Rule != "" {
					missed += "/" + l.label.Rule
				}
				if l.label.Note != "" {
					missed += ": " + l.label.Note
				}
				res.FalseNegatives = append(res.FalseNegatives, Example{
					File: kept[i].file, ID: kept[i].id, Line: kept[i].line, Text: clip(text[l.span.start:l.span.end], 200), Cues: []string{missed},
				})
			}
		}
	}
	var total counts
	for _, name := range slices.Sorted(maps.Keys(byCat)) {
		c := byCat[name]
		res.Categories = append(res.Categories, newGroup(name, c.fired, c.correct, c.labels, c.found))
		total.fired, total.correct, total.labels, total.found = total.fired+c.fired, total.correct+c.correct, total.labels+c.labels, total.found+c.found
	}
	for _, name := range slices.Sorted(maps.Keys(byRule)) {
		c := byRule[name]
		res.Rules = append(res.Rules, newGroup(name, c.fired, c.correct, c.labels, c.found))
	}
	p, r := ratio(total.correct, total.fired), ratio(total.found, total.labels)
	res.metric("precision", p, "")
	res.metric("recall", r, "")
	res.metric("f1", f1(p, r), "")
	evaluated := slices.Sorted(maps.Keys(categories))
	res.Notes = []string{
		"categories evaluated: " + strings.Join(evaluated, ", ") + "; findings and labels of other categories are left out",
		"a finding is correct when it overlaps a label of its category (and rule, when the label names one); a label is found when a correct finding overlaps it",
	}
	res.Notes = append(res.Notes, notes...)
	return res, errs
}
