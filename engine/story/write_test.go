package story

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/report/reporttest"
)

// TestSARIFRelatesEveryCitedSentence writes the fixture stories as SARIF,
// validates the log against the SARIF 2.1.0 schema, and checks that each
// result sits at its first cited sentence with every cited sentence as a
// related location.
func TestSARIFRelatesEveryCitedSentence(t *testing.T) {
	rep := runner(t).Run(context.Background(), []string{stories}, article.LoadOptions{})
	var buf bytes.Buffer
	if err := Write(&buf, "sarif", rep); err != nil {
		t.Fatal(err)
	}
	schema, err := reporttest.SARIFSchema()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Errorf("story SARIF does not validate: %v", err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }    `json:"artifactLocation"`
						Region           struct{ StartLine int } `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				RelatedLocations []json.RawMessage `json:"relatedLocations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	var want []*Finding
	for _, st := range rep.Stories {
		want = append(want, st.Findings...)
	}
	results := log.Runs[0].Results
	if len(results) != len(want) || len(want) == 0 {
		t.Fatalf("%d results for %d story findings", len(results), len(want))
	}
	for i, res := range results {
		f := want[i]
		loc := res.Locations[0].PhysicalLocation
		if res.RuleID != f.Rule || len(res.RelatedLocations) != len(f.Cites) ||
			!strings.HasSuffix(f.Cites[0].Path, loc.ArtifactLocation.URI) || loc.Region.StartLine != f.Cites[0].Line {
			t.Errorf("result %d (%s at %s:%d, %d related) does not match finding %+v", i, res.RuleID, loc.ArtifactLocation.URI, loc.Region.StartLine, len(res.RelatedLocations), f)
		}
	}
}

func TestMarkdownListsFindingsWithTheirSentences(t *testing.T) {
	rep := runner(t).Run(context.Background(), []string{stories + "/one-report"}, article.LoadOptions{})
	var buf bytes.Buffer
	if err := Write(&buf, "markdown", rep); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"## Story story-1 (4 articles)",
		"- **warning** `story-figure-conflict`: The articles disagree on Corvane's shares: 2.4% in article 1, nearly 1.9% in article 2.",
		"  - [2] `../../fixtures/testdata/stories/one-report/2-harbor-wire.md:13:1` Corvane's shares gained nearly 1.9% after the report appeared.",
		"**Corroboration:** one on-record source.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
}
