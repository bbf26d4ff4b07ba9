package story

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/credcheck/credcheck/engine/finding"
)

const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifToolURI = "https://github.com/credcheck/credcheck"
	// sarifSourceRoot is the base of relative paths, as in check's SARIF.
	sarifSourceRoot = "%SRCROOT%"
)

// writeSARIF writes one SARIF 2.1.0 run: a result per story finding,
// placed at its first cited sentence, with every cited sentence (in each
// article it rests on) as a related location. A sentence of a JSON Lines
// record is placed at the record's line, with its line and column inside
// the record in the location's properties.
func writeSARIF(w io.Writer, r *Report) error {
	run := sarif.NewRunWithInformationURI("credcheck", sarifToolURI)
	run.WithColumnKind("unicodeCodePoints")
	r.AddSARIF(run)
	log := sarif.NewReport()
	log.Schema = sarifSchema
	log.AddRun(run)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(log); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// AddSARIF adds the story rules and a result per story finding to a run,
// check's own when check --story writes SARIF: the story results then sit
// beside the article results, under their own rule descriptors.
func (r *Report) AddSARIF(run *sarif.Run) {
	driver := run.Tool.Driver
	index := map[string]int{}
	for _, rule := range r.Rules {
		index[rule.ID] = len(driver.Rules)
		driver.AddRule(sarif.NewRule(rule.ID).WithName(rule.Title).
			WithShortDescription(sarif.NewMultiformatMessageString().WithText(rule.Title)).
			WithFullDescription(sarif.NewMultiformatMessageString().WithText(rule.Description)).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithEnabled(true).WithLevel(level(string(rule.Severity)))).
			WithProperties(sarif.NewPropertyBag().WithTags([]string{"story", rule.Category})))
	}
	for _, st := range r.Stories {
		for _, f := range st.Findings {
			res := sarif.NewRuleResult(f.Rule).WithLevel(level(f.Severity)).
				WithMessage(sarif.NewTextMessage(f.Message)).
				WithProperties(sarif.NewPropertyBag().Add("story", st.ID))
			if i, ok := index[f.Rule]; ok {
				res.WithRuleIndex(i)
			}
			for k, c := range f.Cites {
				if k == 0 {
					res.AddLocation(citeLocation(st, c))
				}
				res.AddRelatedLocation(citeLocation(st, c).WithID(k).
					WithMessage(sarif.NewTextMessage(fmt.Sprintf("article %d: %s", c.Article+1, c.Sentence))))
			}
			run.AddResult(res)
		}
	}
}

func citeLocation(st *Story, c Cite) *sarif.Location {
	region := sarif.NewRegion().WithStartLine(c.Line).WithStartColumn(c.Column)
	var props *sarif.PropertyBag
	if c.Record != "" {
		region = sarif.NewRegion().WithStartLine(max(1, st.Articles[c.Article].Line)).WithStartColumn(1)
		props = sarif.NewPropertyBag().Add("record", c.Record).Add("recordLine", c.Line).Add("recordColumn", c.Column)
	}
	phys := sarif.NewPhysicalLocation().WithArtifactLocation(artifact(c.Path)).WithRegion(region)
	loc := sarif.NewLocationWithPhysicalLocation(phys)
	if props != nil {
		loc.WithProperties(props)
	}
	return loc
}

// artifact names a file: relative to the source root when the path is
// relative, as a file URI when it is absolute.
func artifact(p string) *sarif.ArtifactLocation {
	slashed := filepath.ToSlash(p)
	if filepath.IsAbs(p) {
		if !strings.HasPrefix(slashed, "/") {
			slashed = "/" + slashed
		}
		return sarif.NewSimpleArtifactLocation((&url.URL{Scheme: "file", Path: slashed}).String())
	}
	u := url.URL{Path: strings.TrimPrefix(slashed, "./")}
	return sarif.NewSimpleArtifactLocation(u.String()).WithURIBaseID(sarifSourceRoot)
}

func level(severity string) string {
	switch finding.Severity(severity) {
	case finding.Error:
		return sarif.LevelError
	case finding.Info:
		return sarif.LevelNote
	}
	return sarif.LevelWarning
}
