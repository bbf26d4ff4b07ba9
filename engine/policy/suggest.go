package policy

import (
	"fmt"
	"slices"

	"github.com/agnivade/levenshtein"
)

// DidYouMean names the loaded rule (article or story rule) whose ID is
// closest to id, as
// `; did you mean "hearsay-hedge"?`, or "" when none is close enough to be
// the one meant: at most a third of the ID's letters (and at least two)
// may differ.
func (s *Set) DidYouMean(id string) string {
	ids := make([]string, 0, len(s.Rules)+len(s.Story))
	for _, r := range slices.Concat(s.Rules, s.Story) {
		ids = append(ids, r.ID)
	}
	return closest(id, ids)
}

// closest is DidYouMean over any list of names; ties go to the name first
// in sorted order, so the suggestion does not depend on load order.
func closest(name string, names []string) string {
	limit := max(2, len(name)/3)
	best, bestDist := "", limit+1
	for _, n := range slices.Sorted(slices.Values(names)) {
		if d := levenshtein.ComputeDistance(name, n); d < bestDist && n != name {
			best, bestDist = n, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

// where is opts.Where, or no position when configuration came from no file.
func (o Options) where(key string) string {
	if o.Where == nil {
		return ""
	}
	return o.Where(key)
}
