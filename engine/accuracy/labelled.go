package accuracy

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/report"
)

// LabelledArticle is a checked article labelled credible or not. A record
// whose text holds no prose is checked as an article with no findings.
type LabelledArticle struct {
	Article *report.Article
	// Good is set when the article carries the credible label.
	Good bool
	// Group names the outlet, "" when the record gives none.
	Group string
	// ID is the record's id.
	ID string
}

// Labelled reads records labelled for credibility (text, optional title,
// label, optional group), checks them, and returns them in file order. A
// record without a label is an input error; good must be one of the
// labels, or every article would count as not credible. The notes say
// how many records held no prose or read as another language. maxBytes
// bounds each record (0: article.DefaultMaxBytes).
func Labelled(ctx context.Context, c *checker.Checker, files []string, good string, maxBytes int64) ([]LabelledArticle, []*article.InputError, []string, error) {
	recs, errs := readRecords(files, maxBytes)
	var kept []record
	labels := map[string]bool{}
	for _, r := range recs {
		label, _ := r.text("label")
		if strings.TrimSpace(label) == "" {
			errs = append(errs, &article.InputError{Path: r.file, Line: r.line, Reason: `credibility records need a "label"`})
			continue
		}
		labels[label] = true
		kept = append(kept, r)
	}
	if len(kept) > 0 && !labels[good] {
		return nil, errs, nil, fmt.Errorf("no record is labelled %q (--good); labels: %s", good, strings.Join(slices.Sorted(maps.Keys(labels)), ", "))
	}
	results, more, notes := checkRecords(ctx, c, kept)
	errs = append(errs, more...)
	var out []LabelledArticle
	for i, a := range results {
		if a == nil {
			continue
		}
		label, _ := kept[i].text("label")
		group, _ := kept[i].text("group")
		out = append(out, LabelledArticle{Article: a, Good: label == good, Group: group, ID: kept[i].id})
	}
	return out, errs, notes, nil
}
