package compare

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/credcheck/credcheck/engine/document"
	"github.com/credcheck/credcheck/engine/policy"
)

// Judge runs the consistency rules of one policy set.
type Judge struct {
	set   *policy.Set
	rules map[string]*policy.Rule
	list  []*policy.Rule
	query rego.PreparedEvalQuery
	rel   *Relations
}

// Finding is what a consistency rule found in one claim.
type Finding struct {
	Rule     string `json:"rule"`
	Category string `json:"category"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	// Claim indexes Input.Claims; Text is the claim.
	Claim int    `json:"claim"`
	Text  string `json:"text"`
}

// NewJudge prepares the consistency rules and word relations of a policy
// set.
func NewJudge(ctx context.Context, set *policy.Set) (*Judge, error) {
	if !set.Comparisons {
		return nil, errors.New("the policies were loaded without the consistency rules (policy.Options.Comparisons)")
	}
	rules, err := set.ConsistencyRules()
	if err != nil {
		return nil, err
	}
	j := &Judge{set: set, rules: map[string]*policy.Rule{}, list: rules}
	for _, r := range rules {
		j.rules[r.ID] = r
	}
	var data any
	if root, ok := set.Data["credcheck"].(map[string]any); ok {
		data = root["consistency"]
	}
	if j.rel, err = ReadRelations(data); err != nil {
		return nil, err
	}
	if j.query, err = set.PrepareConsistency(ctx); err != nil {
		return nil, err
	}
	return j, nil
}

// Rules are the consistency rules, in catalog order.
func (j *Judge) Rules() []*policy.Rule { return j.list }

// Compare lines claim up against doc, both plain text, and returns what
// the rules found, ordered by claim, then rule, then message.
func (j *Judge) Compare(ctx context.Context, doc, claim string) ([]*Finding, error) {
	d, c, err := Texts(doc, claim, j.set.Lexicons)
	if err != nil {
		return nil, err
	}
	return j.CompareDocuments(ctx, d, c)
}

// Input is the comparison document of a claim against an article, as the
// rules read it.
func (j *Judge) Input(art, claim *document.Document) *Input { return Build(art, claim, j.rel) }

// CompareDocuments is Compare on documents already built, the article in
// any format the document model reads.
func (j *Judge) CompareDocuments(ctx context.Context, art, claim *document.Document) ([]*Finding, error) {
	in := Build(art, claim, j.rel)
	value, err := in.Value()
	if err != nil {
		return nil, err
	}
	reports, err := j.set.EvaluateConsistency(ctx, j.query, value)
	if err != nil {
		return nil, err
	}
	out := []*Finding{}
	for _, rep := range reports {
		rule := j.rules[rep.Name]
		if rule == nil || rule.Category != rep.Category {
			if len(rep.Items) > 0 {
				return nil, fmt.Errorf("findings came from consistency rule %s/%s, which has no METADATA in the loaded policies", rep.Category, rep.Name)
			}
			continue
		}
		for _, it := range rep.Items {
			f, err := readFinding(rule, it, in)
			if err != nil {
				return nil, err
			}
			out = append(out, f)
		}
	}
	slices.SortFunc(out, func(a, b *Finding) int {
		return cmp.Or(cmp.Compare(a.Claim, b.Claim), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Message, b.Message))
	})
	return out, nil
}

// readFinding reads what a rule reported: a message and the claim it
// concerns.
func readFinding(rule *policy.Rule, obj map[string]any, in *Input) (*Finding, error) {
	f := &Finding{Rule: rule.ID, Category: rule.Category, Severity: string(rule.Severity)}
	var ok bool
	if f.Message, ok = obj["message"].(string); !ok || f.Message == "" {
		return nil, fmt.Errorf("consistency rule %s reported an invalid finding: \"message\" must be non-empty text", rule.ID)
	}
	n, ok := obj["claim"].(json.Number)
	i, err := n.Int64()
	if !ok || err != nil || i < 0 || int(i) >= len(in.Claims) {
		return nil, fmt.Errorf("consistency rule %s reported an invalid finding: \"claim\" must index the claims, got %v", rule.ID, obj["claim"])
	}
	f.Claim, f.Text = int(i), in.Claims[i].Text
	if sev, ok := obj["severity"].(string); ok && sev != "" {
		f.Severity = sev
	}
	return f, nil
}
