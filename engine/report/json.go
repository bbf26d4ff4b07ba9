package report

import "github.com/credcheck/credcheck/engine/article"

func init() { register("json", writeJSON) }

// The JSON report schema, documented in docs/output/json.md and published as
// JSON Schema in docs/schema/report.json, which TestJSONSchemaIsPublished
// generates from these structs. Field order is the order of these structs,
// so the output is byte-for-byte stable.
type jsonReport struct {
	Version  int           `json:"version"`
	Tool     jsonTool      `json:"tool"`
	Articles []jsonArticle `json:"articles"`
	Errors   []jsonError   `json:"errors"`
	Notices  []string      `json:"notices"`
	Summary  jsonSummary   `json:"summary"`
	// Stories, written by check --story only, is the story report of
	// credcheck story --format json (docs/story.md), last so that the
	// streamed head of the report is the same with it or without.
	Stories any `json:"stories,omitempty" jsonschema:"type=object,description=The story report of credcheck story --format json (docs/story.md); written by check --story only"`
}

// jsonTool names the program that wrote the report, as `credcheck
// version` does.
type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonArticle struct {
	ID     string `json:"id"`
	Path   string `json:"path"`
	Line   int    `json:"line,omitempty"`
	Format string `json:"format"`
	// Positions names the text that lines, columns and offsets point into
	// when it is not the file's bytes: "extracted" for a web page, whose
	// findings point into the text extracted from it (credcheck parse
	// shows it as article.extracted_text).
	Positions string `json:"positions,omitempty" jsonschema:"enum=extracted"`
	Headline  string `json:"headline"`
	// Metadata is what came with the article (front matter, JSON Lines
	// fields); a field is left out when unknown.
	Metadata jsonMetadata `json:"metadata"`
	Words    int          `json:"words"`
	Language string       `json:"language"`
	Scored   bool         `json:"scored"`
	Notice   string       `json:"notice,omitempty"`
	// Notices say what the checker left out of the findings (caps).
	Notices []string `json:"notices,omitempty"`
	// Score, Grade, Base and Deduction are null for an unscored article.
	Score      *int           `json:"score" jsonschema:"nullable"`
	Grade      *string        `json:"grade" jsonschema:"nullable"`
	Base       *float64       `json:"base" jsonschema:"nullable"`
	Deduction  *float64       `json:"deduction" jsonschema:"nullable"`
	Subscores  map[string]int `json:"subscores"`
	Categories []jsonCategory `json:"categories"`
	Findings   []jsonFinding  `json:"findings"`
	// Stale lists suppression comments that matched nothing.
	Stale []jsonStale `json:"stale_suppressions"`
}

type jsonMetadata struct {
	Title  string `json:"title,omitempty"`
	Author string `json:"author,omitempty"`
	Date   string `json:"date,omitempty"`
	Outlet string `json:"outlet,omitempty"`
	URL    string `json:"url,omitempty"`
}

type jsonStale struct {
	Line      int    `json:"line"`
	Directive string `json:"directive"`
	Reason    string `json:"reason"`
}

type jsonSuppression struct {
	Kind   string `json:"kind"`
	Reason string `json:"reason"`
}

type jsonCategory struct {
	Name      string  `json:"name"`
	Score     int     `json:"score"`
	Points    float64 `json:"points"`
	Deduction float64 `json:"deduction"`
	Cap       float64 `json:"cap"`
	Findings  int     `json:"findings"`
}

type jsonFinding struct {
	Rule      string  `json:"rule"`
	Category  string  `json:"category"`
	Severity  string  `json:"severity"`
	Message   string  `json:"message"`
	Cue       string  `json:"cue"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
	Line      int     `json:"line"`
	Column    int     `json:"column"`
	EndLine   int     `json:"end_line"`
	EndColumn int     `json:"end_column"`
	Sentence  int     `json:"sentence"`
	Excerpt   string  `json:"excerpt"`
	Problem   string  `json:"problem,omitempty"`
	Strength  float64 `json:"strength"`
	Points    float64 `json:"points"`
	// Fingerprint names the finding across edits (baselines, SARIF).
	Fingerprint string           `json:"fingerprint"`
	Suppressed  *jsonSuppression `json:"suppressed,omitempty"`
}

type jsonError struct {
	Path    string `json:"path"`
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
}

// jsonSummary names the counts by severity error_findings and so on, not
// errors, which readers took for the report's errors[] (inputs that could
// not be checked, counted by input_errors); version 2 renamed them.
type jsonSummary struct {
	Articles        int     `json:"articles"`
	Findings        int     `json:"findings"`
	ErrorFindings   int     `json:"error_findings"`
	WarningFindings int     `json:"warning_findings"`
	InfoFindings    int     `json:"info_findings"`
	Suppressed      int     `json:"suppressed"`
	InputErrors     int     `json:"input_errors"`
	Unscored        int     `json:"unscored"`
	MeanScore       float64 `json:"mean_score"`
	Failed          bool    `json:"failed"`
}

// jsonOf is the JSON report as values, which the template format exposes
// too.
func jsonOf(r *Report, opts Options) jsonReport {
	out := jsonTail(r, opts)
	for _, a := range r.Articles {
		out.Articles = append(out.Articles, jsonArticleOf(a))
	}
	return out
}

// jsonTail is the JSON report without its articles: what a streamed report
// writes before and after them.
func jsonTail(r *Report, opts Options) jsonReport {
	s := r.Summarize()
	out := jsonReport{
		Version:  SchemaVersion,
		Tool:     jsonTool{Name: "credcheck", Version: opts.Version},
		Articles: []jsonArticle{},
		Errors:   []jsonError{},
		Notices:  append([]string{}, r.Notices...),
		Summary: jsonSummary{
			Articles: s.Articles, Findings: s.Findings, ErrorFindings: s.Errors, WarningFindings: s.Warnings, InfoFindings: s.Infos,
			Suppressed: s.Suppressed, InputErrors: s.InputErrors, Unscored: s.Unscored, MeanScore: s.MeanScore, Failed: opts.Gate.ExitCode(r) != ExitClean,
		},
	}
	for _, e := range r.Errors {
		out.Errors = append(out.Errors, jsonError{Path: e.Path, Line: e.Line, Message: e.Reason})
	}
	if r.Stories != nil {
		out.Stories = r.Stories.JSONValue()
	}
	return out
}

func jsonArticleOf(a *Article) jsonArticle {
	m := a.Metadata
	ja := jsonArticle{
		ID: a.ID, Path: a.Path, Line: a.Line, Format: string(a.Format), Headline: a.Headline, Words: a.Words,
		Metadata: jsonMetadata{Title: m.Title, Author: m.Author, Date: m.Date, Outlet: m.Outlet, URL: m.URL},
		Language: a.Language, Scored: a.Scored(), Notice: a.Unscored, Notices: a.Notices,
		Subscores: map[string]int{}, Categories: []jsonCategory{}, Findings: []jsonFinding{}, Stale: []jsonStale{},
	}
	if a.Format == article.HTML {
		ja.Positions = "extracted"
	}
	if a.Scored() {
		// An unscored article has null score, grade, base and deduction:
		// a zero would read as the worst score.
		ja.Score, ja.Grade, ja.Base, ja.Deduction = &a.Scorecard.Score, &a.Scorecard.Grade, &a.Scorecard.Base, &a.Scorecard.Deduction
	}
	for _, st := range a.Stale {
		ja.Stale = append(ja.Stale, jsonStale{Line: st.Line, Directive: st.Text, Reason: st.Reason})
	}
	for _, c := range a.Scorecard.Categories {
		ja.Subscores[c.Name] = c.Score
		ja.Categories = append(ja.Categories, jsonCategory{Name: c.Name, Score: c.Score, Points: c.Points, Deduction: c.Deduction, Cap: c.Cap, Findings: c.Findings})
	}
	for _, f := range a.Findings {
		jf := jsonFinding{
			Rule: f.Rule, Category: f.Category, Severity: string(f.Severity), Message: f.Message, Cue: f.Cue,
			Start: f.Start, End: f.End, Line: f.Line, Column: f.Column, EndLine: f.EndLine, EndColumn: f.EndColumn,
			Sentence: f.Sentence, Excerpt: f.Excerpt, Problem: f.Problem, Strength: f.Strength, Points: f.Points,
			Fingerprint: f.Fingerprint,
		}
		if f.Suppressed != nil {
			jf.Suppressed = &jsonSuppression{Kind: f.Suppressed.Kind, Reason: f.Suppressed.Reason}
		}
		ja.Findings = append(ja.Findings, jf)
	}
	return ja
}
