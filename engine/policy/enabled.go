package policy

import (
	"strconv"
	"strings"
)

// enabledQuery is the query Evaluate runs: each enabled rule's report, one
// result per rule. The rules are named in the query, so that the evaluator
// goes straight to their packages and a rule configuration switches off
// costs nothing, where iterating data.credcheck.rules would evaluate every
// rule and leave the engine to drop the disabled ones' findings. One query
// still, not one per rule: a single evaluation shares the lib values
// (attributed sentences, stances) that several rules read.
func enabledQuery(root string, rules []*Rule) string {
	all := true
	for _, r := range rules {
		all = all && r.Enabled
	}
	if all {
		// Iterating the rules tree allocates less than binding each path
		// from a list, and with no rule off they are the same rules.
		return "report := " + root + "[category][name].report"
	}
	var b strings.Builder
	b.WriteString("some [category, name] in [")
	n := 0
	for _, r := range rules {
		if !r.Enabled {
			continue
		}
		if n > 0 {
			b.WriteByte(',')
		}
		n++
		b.WriteString("[" + strconv.Quote(r.Category) + "," + strconv.Quote(r.ID) + "]")
	}
	b.WriteString("]; report := " + root + "[category][name].report")
	return b.String()
}
