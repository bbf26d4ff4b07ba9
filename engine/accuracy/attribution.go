package accuracy

import (
	"context"
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/document"
)

// ScopeQuery is the policy value that lists the sentences an article
// attributes to someone.
const ScopeQuery = "data.credcheck.lib.attribution_scope"

// goldAttribution is one annotated attribution of the PolNeAR format:
// character spans of its source, cue and content.
type goldAttribution struct {
	Source  [][2]int `json:"source"`
	Cue     [][2]int `json:"cue"`
	Content [][2]int `json:"content"`
}

// runAttribution reads articles with annotated attributions (id, text,
// attributions: [{source, cue, content}] as character offsets) and compares,
// sentence by sentence, the sentences the policies count as attributed with
// the sentences that overlap an annotated content span.
func runAttribution(ctx context.Context, c *checker.Checker, files []string, opts Options) (*Result, []*article.InputError) {
	recs, errs := readRecords(files, opts.MaxBytes)
	query, err := c.Policies.Prepare(ctx, ScopeQuery)
	if err != nil {
		errs = append(errs, &article.InputError{Path: "policies", Reason: err.Error()})
		return &Result{}, errs
	}
	res := &Result{}
	var conf Confusion
	sourcesFound, sources := 0, 0
	for _, r := range recs {
		var gold []goldAttribution
		if raw, ok := r.fields["attributions"]; !ok || json.Unmarshal(raw, &gold) != nil {
			errs = append(errs, &article.InputError{Path: r.file, Line: r.line, Reason: `attribution records need "attributions": [{source, cue, content}]`})
			continue
		}
		text, _ := r.text("text")
		a := &article.Article{ID: r.id, Path: r.file, Line: r.line, Format: article.Text, Source: text}
		doc, err := document.Build(a, c.Policies.Lexicons)
		if err != nil {
			errs = append(errs, &article.InputError{Path: r.file, Line: r.line, Reason: err.Error()})
			continue
		}
		var scope map[int]bool
		err = c.Within(ctx, func(ctx context.Context) (err error) {
			scope, err = c.Policies.Sentences(ctx, query, doc.Value())
			return err
		})
		if err != nil {
			errs = append(errs, &article.InputError{Path: r.file, Line: r.line, Reason: "evaluating " + ScopeQuery + ": " + err.Error()})
			continue
		}
		res.Records++
		bytesAt := charToByte(text)
		toSpans := func(cs [][2]int) []span {
			var out []span
			for _, c := range cs {
				if c[0] >= 0 && c[1] <= len(bytesAt)-1 && c[0] < c[1] {
					out = append(out, span{bytesAt[c[0]], bytesAt[c[1]]})
				}
			}
			return out
		}
		var content []span
		for _, g := range gold {
			content = append(content, toSpans(g.Content)...)
		}
		for i, s := range doc.Sentences {
			ss := span{s.Start, s.End}
			actual := false
			for _, c := range content {
				if overlaps(ss, c) {
					actual = true
					break
				}
			}
			predicted := scope[i]
			conf.Add(predicted, actual)
			// Line is the record's line in the file, as in the other tasks:
			// the report prints it as file:line.
			ex := Example{File: r.file, ID: r.id, Line: r.line, Text: clip(s.Text, 200)}
			switch {
			case predicted && !actual && len(res.FalsePositives) < opts.Show:
				ex.Cues = []string{"attributed by the policies, not annotated"}
				res.FalsePositives = append(res.FalsePositives, ex)
			case !predicted && actual && len(res.FalseNegatives) < opts.Show:
				ex.Cues = []string{"annotated as attributed content"}
				res.FalseNegatives = append(res.FalseNegatives, ex)
			}
		}
		// Source recall: does an attribution we find in the sentences of
		// the annotated content name a source overlapping the annotated one?
		for _, g := range gold {
			src, cont := toSpans(g.Source), toSpans(g.Content)
			if len(src) == 0 || len(cont) == 0 {
				continue
			}
			sources++
			if sourceFound(doc, src, cont) {
				sourcesFound++
			}
		}
	}
	res.Confusion = &conf
	res.metric("precision", conf.Precision(), "")
	res.metric("recall", conf.Recall(), "")
	res.metric("f1", conf.F1(), "no published sentence-level figure")
	res.metric("source_recall", ratio(sourcesFound, sources), "")
	res.metric("accuracy", conf.Accuracy(), "")
	res.Notes = []string{
		"a sentence is annotated as attributed when it overlaps an annotated content span; it is predicted attributed when it is in " + ScopeQuery,
		fmt.Sprintf("source_recall: of %d annotated attributions with a source, the share whose content sentences hold an attribution the engine finds with a source overlapping the annotated one", sources),
	}
	return res, errs
}

// sourceFound reports whether an attribution in a sentence overlapping the
// content names a source overlapping one of the annotated source spans.
func sourceFound(doc *document.Document, src, content []span) bool {
	for _, at := range doc.Attributions {
		if at.Source == nil {
			continue
		}
		s := doc.Sentences[at.Sentence]
		inContent := false
		for _, c := range content {
			if overlaps(span{s.Start, s.End}, c) || overlaps(span{at.Start, at.End}, c) {
				inContent = true
				break
			}
		}
		if !inContent {
			continue
		}
		for _, g := range src {
			if overlaps(span{at.Source.Start, at.Source.End}, g) {
				return true
			}
		}
	}
	return false
}

// charToByte maps character offsets (as Python and the annotation count
// them) to byte offsets; the extra last entry is the text's length.
func charToByte(text string) []int {
	out := make([]int, 0, utf8.RuneCountInString(text)+1)
	for i := range text {
		out = append(out, i)
	}
	return append(out, len(text))
}
